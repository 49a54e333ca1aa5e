"""Who may sign a penalty decision, and how the decision shows it (domain/inspections.md §6; Decree 189/2025): the
signer's power in force on the decision's day (403 without one), each act within the title's cap (400 naming the
cap and the title; an unconfirmed cap or field maximum names what an officer must enter), the signer block of the
PDF ("GIÁM ĐỐC", or "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" with the delegation's "Căn cứ" line), and the admin where
officers keep all of it. Powers are admin-only: no API route shows them to anyone."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from certificates.services import document_render
from inspections.models import PenaltyDecision, SanctionField, SanctioningPower, SanctioningTitle, ViolationType
from inspections.selectors.competence import sanction_field_of
from inspections.services.competence import fine_cap
from tests.factories import OrganizationFactory, UserFactory
from tests.inspections.competence_fixtures import competence_catalogue, grant_power
from tests.inspections.penalty_fixtures import (
    ORGANISATION_AVERAGE,
    issue_decision,
    issue_record,
    verify_remedy,
)
from tests.pdf_helpers import pdf_text

pytestmark = pytest.mark.django_db

DELEGATION = ("15/QĐ-GQXP", date(2024, 12, 30), "Phó Giám đốc")


def _officer(cases, **extra):
    return UserFactory(role="officer", organization=cases.officer.organization, full_name="Trần Văn Bình", **extra)


def _low_cap_title(**extra) -> SanctioningTitle:
    """A title whose cap (0.5 % of the field's maximum) stops below the organisation's range of Art. 10.1."""
    return SanctioningTitle.objects.create(
        code="low-cap", name="Trưởng phòng Quản lý đo lường", position="Trưởng phòng", legal_basis="thử nghiệm",
        confidence="confirmed", fine_cap_percent=Decimal("0.5"), may_apply_remedies=True, **extra)


def _pdf(decision: PenaltyDecision) -> str:
    document = document_render(document_id=decision.documents.get().pk)
    return " ".join(pdf_text(document.file.open("rb").read()).split())


# --- the catalogue: fields and caps -----------------------------------------------------------------------------

def test_the_catalogue_puts_each_act_in_its_field_and_computes_the_directors_caps(inspection_catalog):
    director = SanctioningPower(title=SanctioningTitle.objects.get(code="dost-director"))
    use = ViolationType.objects.get(code="USE_G2_VIOLATION_BAND1")  # Decree 119/2017 Art. 10
    radiation = ViolationType.objects.filter(decree="107/2013/NĐ-CP").first()
    metrology = sanction_field_of(use)

    assert metrology.code == "metrology"
    assert sanction_field_of(ViolationType(decree="119/2017/NĐ-CP", article=20)).code == "standards-quality"
    assert sanction_field_of(ViolationType(decree="119/2017/NĐ-CP", article=None)) is None
    assert sanction_field_of(radiation).code == "atomic-energy"
    assert fine_cap(director, metrology, organization=False) == 80_000_000  # 80 % of 100.000.000
    assert fine_cap(director, metrology, organization=True) == 160_000_000


def test_an_unconfirmed_field_maximum_is_named(inspection_catalog):
    director = SanctioningPower(title=SanctioningTitle.objects.get(code="dost-director"))

    with pytest.raises(ValidationError) as refused:
        fine_cap(director, SanctionField.objects.get(code="atomic-energy"), organization=True)

    assert "Năng lượng nguyên tử" in refused.value.message_dict["fines"][0]


def test_the_unconfirmed_titles_have_no_cap(inspection_catalog):
    unconfirmed = SanctioningTitle.objects.filter(confidence="unconfirmed")

    assert set(unconfirmed.values_list("code", flat=True)) == {"team-leader", "provincial-inspectorate-chief"}
    assert not unconfirmed.filter(fine_cap_percent__isnull=False).exists()


# --- who may sign ----------------------------------------------------------------------------------------------------

def test_an_officer_without_a_power_is_refused_and_nothing_is_written(sanction):
    record = issue_record(sanction.cases)

    with pytest.raises(PermissionDenied) as refused:
        issue_decision(sanction.cases, record, actor=_officer(sanction.cases))

    assert timezone.localdate().strftime("%d/%m/%Y") in str(refused.value)
    assert not PenaltyDecision.objects.exists()


def test_a_power_ended_the_day_before_the_decision_is_refused(sanction):
    cases = sanction.cases
    yesterday = timezone.localdate() - timedelta(days=1)
    deputy = _officer(cases)
    grant_power(deputy, valid_until=yesterday)
    record = issue_record(cases, made_on=yesterday)

    with pytest.raises(PermissionDenied):
        issue_decision(cases, record, actor=deputy)  # decided today: the power ended yesterday
    decision = issue_decision(cases, record, actor=deputy, decided_on=yesterday)  # its last day still counts

    assert decision.signer == deputy and decision.signer_power.valid_until == yesterday


def test_a_power_not_yet_started_on_the_decision_day_is_refused(sanction):
    cases = sanction.cases
    deputy = _officer(cases)
    grant_power(deputy, valid_from=timezone.localdate() + timedelta(days=1))

    with pytest.raises(PermissionDenied):
        issue_decision(cases, issue_record(cases), actor=deputy)


def test_a_power_held_at_another_department_does_not_decide_this_case(sanction):
    cases = sanction.cases
    elsewhere = UserFactory(role="officer", organization=cases.officer.organization)
    grant_power(elsewhere, organization=OrganizationFactory(kind="department", name="Sở KH&CN Yên Bái"))

    with pytest.raises(PermissionDenied) as refused:
        issue_decision(cases, issue_record(cases), actor=elsewhere)

    assert cases.officer.organization.name in str(refused.value)


def test_a_team_leaders_power_is_not_a_members_and_its_unconfirmed_cap_is_named(sanction):
    cases = sanction.cases
    grant_power(cases.member, title="team-leader")
    grant_power(cases.leader, title="team-leader")
    record = issue_record(cases)

    with pytest.raises(PermissionDenied):
        issue_decision(cases, record, actor=cases.member)  # a member of the team, not its leader
    with pytest.raises(ValidationError) as unconfirmed:
        issue_decision(cases, record, actor=cases.leader)

    assert "Trưởng đoàn kiểm tra/thanh tra" in unconfirmed.value.message_dict["fines"][0]
    assert not PenaltyDecision.objects.exists()


def test_a_fine_above_the_titles_cap_is_refused_naming_the_cap_and_the_title(sanction):
    cases = sanction.cases
    chief = _officer(cases)
    power = grant_power(chief, title=_low_cap_title().code)
    record = issue_record(cases)

    with pytest.raises(ValidationError) as refused:
        issue_decision(cases, record, actor=chief)

    message = refused.value.message_dict["fines"][0]
    assert "Trưởng phòng Quản lý đo lường" in message and "1.000.000" in message  # 0,5 % of 200.000.000
    assert "2.000.000" in message  # the range's maximum for an organisation, on which competence is judged
    assert not PenaltyDecision.objects.exists()
    power.title.fine_cap_percent = Decimal("1")  # the officer corrects the cap: 2.000.000 for an organisation
    power.title.save()
    assert issue_decision(cases, record, actor=chief).total_fine == ORGANISATION_AVERAGE


def test_a_title_that_may_not_impose_remedies_is_refused_them(sanction):
    cases = sanction.cases
    chief = _officer(cases)
    title = _low_cap_title()
    title.fine_cap_percent, title.may_apply_remedies = Decimal("100"), False
    title.save()
    grant_power(chief, title=title.code)

    with pytest.raises(ValidationError) as refused:
        issue_decision(cases, issue_record(cases), actor=chief, remedies=[verify_remedy(sanction.instrument)])

    assert "Trưởng phòng Quản lý đo lường" in refused.value.message_dict["remedies"][0]


# --- how the decision shows it ------------------------------------------------------------------------------------

def test_the_director_signs_giam_doc_without_a_delegation_line(sanction):
    decision = issue_decision(sanction.cases, issue_record(sanction.cases))

    text = _pdf(decision)

    assert (decision.signer_name, decision.signer_title, decision.signed_for) == ("Nguyễn Văn Minh", "Giám đốc", "")
    assert "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ LÀO CAI" in text and "Nguyễn Văn Minh" in text
    assert "KT." not in text and "giao quyền" not in text


def test_a_deputy_by_delegation_signs_kt_giam_doc_and_the_decision_cites_the_delegation(sanction):
    cases = sanction.cases
    deputy = _officer(cases)
    grant_power(deputy, delegation=DELEGATION)

    decision = issue_decision(cases, issue_record(cases), actor=deputy)
    text = _pdf(decision)

    assert (decision.signer_title, decision.signed_for, decision.delegation_number) == (
        "Phó Giám đốc", "Giám đốc", "15/QĐ-GQXP")
    assert ("Căn cứ Quyết định số: 15/QĐ-GQXP ngày 30 tháng 12 năm 2024 về việc giao quyền xử phạt vi phạm "
            "hành chính;") in text
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in text and "Trần Văn Bình" in text
    assert "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ LÀO CAI" in text  # the decision speaks as the Director
    assert text.index("Căn cứ Biên bản vi phạm hành chính") < text.index("Căn cứ Quyết định số: 15/QĐ-GQXP")


def test_the_director_is_chosen_over_a_delegation_the_same_person_also_holds(sanction):
    cases = sanction.cases
    grant_power(cases.officer, delegation=DELEGATION, title="provincial-chairman")  # a second power, delegated

    decision = issue_decision(cases, issue_record(cases))

    assert decision.signer_power.title.code == "dost-director" and not decision.signed_for


def test_a_later_edit_of_the_power_does_not_rewrite_the_decision(sanction):
    cases = sanction.cases
    deputy = _officer(cases)
    power = grant_power(deputy, delegation=DELEGATION)
    decision = issue_decision(cases, issue_record(cases), actor=deputy)

    SanctioningPower.objects.filter(pk=power.pk).update(delegation_number="99/QĐ-GQXP", position="Chánh Văn phòng")
    decision.refresh_from_db()

    assert (decision.delegation_number, decision.signer_title) == ("15/QĐ-GQXP", "Phó Giám đốc")


# --- the API ---------------------------------------------------------------------------------------------------------

def _decision_body(record, **extra) -> dict:
    return {"record": record.pk, "decided_on": timezone.localdate().isoformat(),
            "fines": [{"violation": v.pk, "amount": ORGANISATION_AVERAGE} for v in record.violations.all()], **extra}


def test_the_api_ignores_typed_signer_fields_and_answers_the_powers(sanction, client_for):
    cases = sanction.cases
    deputy = _officer(cases)
    grant_power(deputy, delegation=DELEGATION)
    record = issue_record(cases)

    answer = client_for(deputy).post("/api/v1/penalty-decisions/", _decision_body(
        record, signer_name="Ai đó", signer_title="Chủ tịch"), format="json")

    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert (body["signer_name"], body["signer_title"], body["signed_for"]) == ("Trần Văn Bình", "Phó Giám đốc",
                                                                              "Giám đốc")
    assert (body["delegation_number"], body["delegation_date"]) == ("15/QĐ-GQXP", "2024-12-30")
    assert body["signer_authority"] == "Giám đốc Sở Khoa học và Công nghệ Lào Cai"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_api_refuses_an_officer_without_a_power_with_403_and_the_day(sanction, client_for, language):
    record = issue_record(sanction.cases)
    client = client_for(_officer(sanction.cases))

    answer = client.post("/api/v1/penalty-decisions/", _decision_body(record), format="json",
                         HTTP_ACCEPT_LANGUAGE=language)

    assert answer.status_code == 403
    detail = answer.json()["detail"]
    assert timezone.localdate().strftime("%d/%m/%Y") in detail
    assert ("thẩm quyền xử phạt" in detail) if language == "vi" else ("no power to sanction" in detail)
    assert not PenaltyDecision.objects.exists()


def test_the_api_names_the_cap_in_a_400(sanction, client_for):
    cases = sanction.cases
    chief = _officer(cases)
    grant_power(chief, title=_low_cap_title().code)
    record = issue_record(cases)

    answer = client_for(chief).post("/api/v1/penalty-decisions/", _decision_body(record), format="json",
                                    HTTP_ACCEPT_LANGUAGE="vi")

    assert answer.status_code == 400
    assert "1.000.000" in answer.json()["fines"][0] and "Trưởng phòng Quản lý đo lường" in answer.json()["fines"][0]


def test_no_api_route_shows_the_powers(client_for, business_user, officer):
    competence_catalogue()
    schema = client_for(officer).get("/api/schema/?format=json").json()

    assert not [path for path in schema["paths"] if "power" in path or "sanctioning" in path]
    for user in (business_user, officer):
        assert client_for(user).get("/api/v1/sanctioning-powers/").status_code == 404


# --- the admin ---------------------------------------------------------------------------------------------------

@pytest.fixture
def admin_client(client, officer):
    client.force_login(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.mark.parametrize("model", ["sanctionfield", "sanctioningtitle", "sanctioningpower"])
def test_the_admin_pages_load_for_an_officer(admin_client, officer, model):
    power = grant_power(officer, delegation=DELEGATION)
    row = {"sanctionfield": SanctionField.objects.get(code="metrology"), "sanctioningtitle": power.title,
           "sanctioningpower": power}[model]
    base = f"/admin/inspections/{model}/"

    for url in (base, f"{base}add/", f"{base}{row.pk}/change/", f"{base}{row.pk}/history/"):
        assert admin_client.get(url).status_code == 200, url


def test_an_officer_fills_the_team_leaders_cap_in_the_admin_with_history(admin_client, officer, sanction):
    competence_catalogue()
    title = SanctioningTitle.objects.get(code="team-leader")
    form = {name: getattr(title, name) for name in ("code", "name", "position", "legal_basis", "source", "note")}
    form |= {"fine_cap_percent": "50", "confidence": "partial", "case_leader_only": "on",
             "may_apply_remedies": "on"}

    response = admin_client.post(f"/admin/inspections/sanctioningtitle/{title.pk}/change/", form)

    assert response.status_code == 302, response.content[:2000]
    title.refresh_from_db()
    assert title.fine_cap_percent == 50 and title.history.first().history_user == officer
    cases = sanction.cases
    grant_power(cases.leader, title="team-leader")
    assert issue_decision(cases, issue_record(cases), actor=cases.leader).signer_title == "Trưởng đoàn"


def test_a_delegation_without_its_date_or_the_deputys_position_is_refused_in_the_admin(admin_client, officer):
    competence_catalogue()
    title = SanctioningTitle.objects.get(code="dost-director")
    form = {"user": officer.pk, "title": title.pk, "organization": officer.organization_id,
            "valid_from": "2025-07-01", "delegation_number": "15/QĐ-GQXP"}

    response = admin_client.post("/admin/inspections/sanctioningpower/add/", form)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["delegation_date"] == ["Enter the date of the delegation decision."]
    assert not SanctioningPower.objects.exists()


def test_a_business_user_cannot_hold_a_power(officer, business_user):
    competence_catalogue()
    power = SanctioningPower(user=business_user, title=SanctioningTitle.objects.get(code="dost-director"),
                             organization=officer.organization, valid_from=date(2025, 7, 1))

    with pytest.raises(ValidationError) as refused:
        power.full_clean()

    assert "user" in refused.value.message_dict


@pytest.mark.parametrize("role", ["business", "inspector"])
def test_other_roles_have_no_admin_of_powers(client, role, department):
    client.force_login(UserFactory(role=role, **({"organization": department} if role == "inspector" else {})))

    response = client.get("/admin/inspections/sanctioningpower/")

    assert response.status_code in (302, 403)

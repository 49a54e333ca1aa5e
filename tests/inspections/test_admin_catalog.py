"""Officers edit the catalogue of sanctions in the admin, through the real admin as a browser posts: an unconfirmed
amount filled in (with history), and the row's rules refused on their field; other roles have no admin."""

import json

import pytest

from inspections.models import Circumstance, ViolationType

pytestmark = pytest.mark.django_db

URL = "/admin/inspections/violationtype/"


@pytest.fixture
def admin_client(client, officer):
    client.force_login(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the messages below are the msgids
    return client


@pytest.fixture
def band2(inspection_catalog) -> ViolationType:
    return ViolationType.objects.get(code="USE_G2_VIOLATION_BAND2")


def _form(row: ViolationType, **overrides) -> dict:
    data = {name: "" if value is None else value for name, value in {
        "code": row.code, "decree": row.decree, "amended_by": row.amended_by, "article": row.article,
        "clause": row.clause, "point": row.point, "description": row.description,
        "description_en": row.description_en, "fine_min_individual": row.fine_min_individual,
        "fine_max_individual": row.fine_max_individual, "organization_multiplier": row.organization_multiplier,
        "additional_penalties": json.dumps(row.additional_penalties, ensure_ascii=False),
        "remedial_measures": json.dumps(row.remedial_measures, ensure_ascii=False),
        "limitation_group": row.limitation_group, "in_force_from": row.in_force_from.isoformat(),
        "in_force_to": row.in_force_to.isoformat() if row.in_force_to else "", "legal_basis": row.legal_basis,
        "confidence": row.confidence, "source": row.source, "note": row.note}.items()}
    if row.warning_allowed:
        data["warning_allowed"] = "on"
    return {**data, **overrides}


def _field_errors(response, field: str) -> list[str]:
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    return list(response.context["adminform"].form.errors.get(field, []))


def test_officer_fills_an_unconfirmed_range_and_history_keeps_it(admin_client, band2, officer):
    response = admin_client.post(f"{URL}{band2.pk}/change/", _form(
        band2, fine_min_individual="1000000", fine_max_individual="3000000", confidence="confirmed",
        remedial_measures=json.dumps(["Buộc thực hiện kiểm định phương tiện đo"], ensure_ascii=False)))

    assert response.status_code == 302, response.content[:2000]
    band2.refresh_from_db()
    assert (band2.fine_min_individual, band2.fine_max_individual, band2.fine_confirmed) == (1_000_000, 3_000_000, True)
    latest = band2.history.first()
    assert latest.history_user == officer and latest.fine_max_individual == 3_000_000
    assert band2.history.count() == 2
    assert admin_client.get(f"{URL}{band2.pk}/history/").status_code == 200


def test_minimum_above_maximum_is_refused_on_the_field(admin_client, band2):
    response = admin_client.post(f"{URL}{band2.pk}/change/", _form(
        band2, fine_min_individual="3000000", fine_max_individual="1000000"))

    assert _field_errors(response, "fine_max_individual") == ["The maximum fine must not be below the minimum."]
    band2.refresh_from_db()
    assert band2.fine_min_individual is None


def test_multiplier_below_one_is_refused(admin_client, band2):
    response = admin_client.post(f"{URL}{band2.pk}/change/", _form(band2, organization_multiplier="0.5"))

    assert _field_errors(response, "organization_multiplier") == ["The organisation's multiplier is at least 1."]


def test_end_of_force_before_its_start_is_refused(admin_client, band2):
    response = admin_client.post(f"{URL}{band2.pk}/change/", _form(band2, in_force_to="2021-06-30"))

    assert _field_errors(response, "in_force_to") == ["The end of force must come after its start."]


def test_unknown_limitation_group_is_refused(admin_client, band2):
    response = admin_client.post(f"{URL}{band2.pk}/change/", _form(band2, limitation_group="forestry"))

    assert _field_errors(response, "limitation_group") == [
        "No sanctioning limitation is in the catalogue for this group (legal parameter "
        "penalty-sanction-limitation-forestry)."]


def test_remedial_measures_must_be_a_list_of_texts(admin_client, band2):
    response = admin_client.post(f"{URL}{band2.pk}/change/", _form(band2, remedial_measures='{"a": 1}'))

    assert _field_errors(response, "remedial_measures") == ["Enter a list of texts, one measure each."]


def test_officer_adds_an_amendment_as_a_new_version(admin_client, band2):
    response = admin_client.post(f"{URL}add/", _form(band2, in_force_from="2027-01-01", fine_min_individual="1000000",
                                                     fine_max_individual="2000000"))

    assert response.status_code == 302, response.content[:2000]
    assert ViolationType.objects.filter(code=band2.code).count() == 2


def test_the_same_code_and_day_twice_is_refused(admin_client, band2):
    response = admin_client.post(f"{URL}add/", _form(band2))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert ViolationType.objects.filter(code=band2.code).count() == 1


def test_circumstances_are_edited_with_history(admin_client, inspection_catalog):
    circumstance = Circumstance.objects.get(code="MIT_9_7")
    form = {"code": circumstance.code, "kind": circumstance.kind, "article": 9, "clause": 7, "point": "",
            "description": "Vi phạm hành chính do trình độ lạc hậu.", "description_en": circumstance.description_en,
            "legal_basis": circumstance.legal_basis, "confidence": "confirmed", "source": "vbpl.vn"}

    response = admin_client.post(f"/admin/inspections/circumstance/{circumstance.pk}/change/", form)

    assert response.status_code == 302, response.content[:2000]
    assert circumstance.history.count() == 2


def test_catalogue_rows_are_never_deleted(admin_client, band2):
    assert admin_client.get(f"{URL}{band2.pk}/delete/").status_code == 403


@pytest.mark.parametrize("role", ["inspector", "technician", "business_user"])
def test_other_roles_have_no_catalogue_admin(request, client, band2, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(f"{URL}{band2.pk}/change/")

    assert response.status_code in (302, 403)
    assert client.post(f"{URL}{band2.pk}/change/", _form(band2, fine_min_individual="1")).status_code in (302, 403)
    band2.refresh_from_db()
    assert band2.fine_min_individual is None

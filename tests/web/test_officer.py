"""The officer's pages through Django's test client (the browser test, test_officer_pages.py, shows them in Chromium):
the applications with their checks and deadlines, the decision through the API's services with their errors beside
the fields, the overdue organisations, organisations and users, a user created through user_create and its rules,
and 404 for every other role."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape
from django_otp import DEVICE_ID_SESSION_KEY

from registry import services
from registry.models import LicenseApplication, RadiationLicense, User
from registry.services import totp_enrolment_start
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory
from tests.registry.radiation_fixtures import make_hospital
from web.views import officer as officer_pages

pytestmark = pytest.mark.django_db

PAGES = ["/officer/applications/", "/officer/overdue/", "/officer/organizations/", "/officer/users/", "/officer/audit/"]


@pytest.fixture
def hospital(catalog):
    return make_hospital()


@pytest.fixture
def signed_in(client, officer):
    """The officer's session, its one-time code confirmed (as the sign-in page leaves it)."""
    device = totp_enrolment_start(user=officer)
    device.confirmed = True
    device.save()
    client.force_login(officer)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _file(hospital, **overrides) -> LicenseApplication:
    payload = {"kind": "new", "device_ids": [hospital.ct.pk, hospital.dental.pk],
               "safety_officer_id": hospital.safety_officer.pk,
               "dosimetry_provider": "Viện Khoa học và Kỹ thuật hạt nhân", "dosimetry_contract_number": "HĐ-2026/118",
               **overrides}
    return services.license_application_submit(actor=hospital.user, **payload)


def _text(answer) -> str:
    return answer.content.decode()


# --- applications ---------------------------------------------------------------------------------------------------


def test_the_list_shows_the_applications_to_decide_with_the_working_days_left(signed_in, hospital, officer):
    open_one = _file(hospital)
    refused = _file(hospital)
    services.license_application_refuse(actor=officer, application_id=refused.pk, reason="Thiếu hồ sơ")

    page = _text(signed_in.get("/officer/applications/"))

    assert f"/officer/applications/{open_one.pk}/" in page and f"/officer/applications/{refused.pk}/" not in page
    assert open_one.processing_deadline.strftime("%d/%m/%Y") in page and "ngày làm việc" in page
    refused_page = _text(signed_in.get("/officer/applications/", {"status": "refused"}))
    assert f"/officer/applications/{refused.pk}/" in refused_page and f"/{open_one.pk}/" not in refused_page


def test_the_list_paginates_and_keeps_its_filter_on_the_next_page(signed_in, hospital, monkeypatch):
    monkeypatch.setattr(officer_pages, "PER_PAGE", 2)
    for _ in range(3):
        _file(hospital)

    first = _text(signed_in.get("/officer/applications/", {"status": "submitted"}))
    second = _text(signed_in.get("/officer/applications/", {"status": "submitted", "page": 2}))

    assert "Trang 1/2" in first and "?status=submitted&amp;page=2" in first
    assert second.count('data-label="Cơ sở"') == 1


def test_an_unknown_status_is_an_error_beside_the_filter(signed_in):
    page = _text(signed_in.get("/officer/applications/", {"status": "lost"}))

    assert 'class="field has-error"' in page and "lost" in page


def test_the_application_shows_each_check_the_deadlines_and_the_checklist(signed_in, hospital):
    hospital.ct.verifications.all().delete()  # the CT's check fails at filing: the application is refused
    application = _file(hospital)

    page = _text(signed_in.get(f"/officer/applications/{application.pk}/"))

    assert f"Kiểm định Máy CT số {hospital.ct.serial_number}" in page
    assert escape(application.checks.get(passed=False).reason) in page
    assert "Hợp đồng đo liều cá nhân" in page and "Không đạt" in page and "Đạt" in page
    assert application.completeness_deadline.strftime("%d/%m/%Y") in page
    assert "Kiểm tra tính đầy đủ của hồ sơ" in page and "Chưa nộp" in page
    assert "khi nộp, do không đạt điều kiện" in page and "Cấp giấy phép" not in page  # no decision left to take


def test_issuing_from_the_page_writes_the_licence_with_one_condition_a_line(signed_in, hospital):
    application = _file(hospital)

    answer = signed_in.post(f"/officer/applications/{application.pk}/issue/",
                            {"conditions": "Chỉ sử dụng tại phòng đã kiểm xạ.\n\n  Đọc liều kế mỗi quý. "})

    assert answer.status_code == 302 and answer["Location"] == f"/officer/applications/{application.pk}/"
    license = RadiationLicense.objects.get(application=application)
    assert license.conditions == "Chỉ sử dụng tại phòng đã kiểm xạ.\nĐọc liều kế mỗi quý."
    page = _text(signed_in.get(answer["Location"]))
    assert "Đã cấp giấy phép" in page and license.documents.get().number in page
    assert license.valid_until.strftime("%d/%m/%Y") in page


def test_an_issue_whose_checks_now_fail_is_refused_above_the_form_and_writes_nothing(signed_in, hospital):
    application = _file(hospital)
    hospital.ct.verifications.all().delete()  # since filing, the CT's verification is gone

    answer = signed_in.post(f"/officer/applications/{application.pk}/issue/", {"conditions": ""})

    assert answer.status_code == 400
    assert 'class="form-errors"' in _text(answer) and hospital.ct.serial_number in _text(answer)
    application.refresh_from_db()
    assert application.status == "submitted" and not RadiationLicense.objects.exists()


def test_a_refusal_without_a_reason_gets_the_services_message_beside_the_field(signed_in, hospital):
    application = _file(hospital)

    answer = signed_in.post(f"/officer/applications/{application.pk}/refuse/", {"reason": "   "})

    page = _text(answer)
    assert answer.status_code == 400
    field = page[page.index('<label for="refuse_reason"') - 60:page.index('id="refuse_reason"')]
    assert "has-error" in field and "Từ chối phải nêu lý do." in field
    application.refresh_from_db()
    assert application.status == "submitted"


def test_a_refusal_with_its_reason_is_recorded_and_shown(signed_in, hospital, officer):
    application = _file(hospital)

    answer = signed_in.post(f"/officer/applications/{application.pk}/refuse/",
                            {"reason": "Phòng đặt máy chưa được thẩm định an toàn bức xạ."})

    application.refresh_from_db()
    assert (application.status, application.refusal_reasons, application.decided_by) == (
        "refused", ["Phòng đặt máy chưa được thẩm định an toàn bức xạ."], officer)
    assert "Phòng đặt máy chưa được thẩm định" in _text(signed_in.get(answer["Location"]))


def test_deciding_twice_is_the_services_error(signed_in, hospital, officer):
    application = _file(hospital)
    services.license_application_refuse(actor=officer, application_id=application.pk, reason="Thiếu hồ sơ")

    answer = signed_in.post(f"/officer/applications/{application.pk}/refuse/", {"reason": "Lần nữa"})

    assert answer.status_code == 400 and "Hồ sơ này đã được giải quyết." in _text(answer)


def test_an_application_that_does_not_exist_is_404(signed_in):
    assert signed_in.get("/officer/applications/999999/").status_code == 404
    assert signed_in.post("/officer/applications/999999/issue/", {}).status_code == 404


# --- overdue organisations, organisations, users --------------------------------------------------------------------


def test_the_overdue_page_lists_an_organisation_with_an_instrument_past_its_verification(signed_in, business_org):
    InstrumentFactory(owner=business_org, last_result="pass",
                      valid_until=timezone.localdate() - timedelta(days=12))

    page = _text(signed_in.get("/officer/overdue/"))

    assert business_org.name in page and f"/officer/organizations/{business_org.pk}/" in page
    assert (timezone.localdate() - timedelta(days=12)).strftime("%d/%m/%Y") in page


def test_organisations_are_found_by_name_and_open_with_their_users(signed_in, business_user, business_org):
    OrganizationFactory(name="Bệnh viện Đa khoa khu vực Triệu Hải", kind="hospital")

    found = _text(signed_in.get("/officer/organizations/", {"q": "sông hồng"}))
    opened = _text(signed_in.get(f"/officer/organizations/{business_org.pk}/"))

    assert business_org.name in found and "Triệu Hải" not in found
    assert business_user.username in opened and business_user.full_name in opened


def test_users_are_found_by_name(signed_in, business_user, technician):
    page = _text(signed_in.get("/officer/users/", {"q": technician.full_name}))

    assert technician.username in page and business_user.username not in page


def test_an_officer_creates_a_user_of_the_organisation_through_user_create(signed_in, business_org):
    answer = signed_in.post(f"/officer/organizations/{business_org.pk}/", {
        "username": "thu.ha", "full_name": "Phạm Thu Hà", "email": "ha@hienluong.vn", "role": "business",
        "password": "a-long-first-passphrase-2026"})

    assert answer.status_code == 302
    user = User.objects.get(username="thu.ha")
    assert (user.organization, user.role, user.full_name) == (business_org, "business", "Phạm Thu Hà")
    assert user.check_password("a-long-first-passphrase-2026") and not user.is_staff


def test_the_services_errors_land_beside_their_fields_and_write_nothing(signed_in, business_org, business_user):
    answer = signed_in.post(f"/officer/organizations/{business_org.pk}/", {
        "username": business_user.username.upper(), "full_name": "Phạm Thu Hà", "role": "business",
        "password": "phamthuha"})

    page = _text(answer)
    assert answer.status_code == 400
    username = page[page.index('<label for="id_username"') - 60:page.index('id="id_username"')]
    assert "Tên đăng nhập này đã được dùng." in username
    assert User.objects.filter(organization=business_org).count() == 1


def test_a_weak_password_is_refused_beside_the_password(signed_in, business_org):
    answer = signed_in.post(f"/officer/organizations/{business_org.pk}/", {
        "username": "thu.ha", "full_name": "Phạm Thu Hà", "role": "business", "password": "12345678"})

    page = _text(answer)
    password = page[page.index('<label for="id_password"') - 60:page.index('id="id_password"')]
    assert answer.status_code == 400 and "has-error" in password
    assert not User.objects.filter(username="thu.ha").exists()


def test_only_a_superuser_gives_the_officer_role(signed_in, department, officer):
    answer = signed_in.post(f"/officer/organizations/{department.pk}/", {
        "username": "can.bo", "full_name": "Lê Văn Bình", "role": "officer", "password": "a-long-first-passphrase-26"})

    page = _text(answer)
    role = page[page.index('<label for="id_role"') - 60:page.index('id="id_role"')]
    assert answer.status_code == 400 and "Chỉ quản trị viên cao nhất" in role
    assert not User.objects.filter(username="can.bo").exists()


def test_a_business_organisation_is_offered_only_the_business_role(signed_in, business_org):
    page = _text(signed_in.get(f"/officer/organizations/{business_org.pk}/"))

    options = page[page.index('id="id_role"'):page.index("</select>", page.index('id="id_role"'))]
    assert 'value="business"' in options and 'value="officer"' not in options and 'value="technician"' not in options


# --- the gate -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["business", "technician"])
def test_other_roles_get_404_on_every_officer_page(client, role, business_org):
    user = UserFactory(role=role, organization__kind="business" if role == "business" else "verification_body")
    client.force_login(user)

    for url in [*PAGES, f"/officer/organizations/{business_org.pk}/"]:
        assert client.get(url).status_code == 404, url


def test_an_inspector_with_a_code_still_gets_404(client, inspector):
    device = totp_enrolment_start(user=inspector)
    device.confirmed = True
    device.save()
    client.force_login(inspector)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

    assert client.get("/inspector/").status_code == 200
    assert all(client.get(url).status_code == 404 for url in PAGES)


def test_every_list_answers(signed_in):
    assert all(signed_in.get(url).status_code == 200 for url in PAGES)

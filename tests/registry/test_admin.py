"""The admin cannot bypass the rules (issue 8, point 5): through the real admin, as an officer's browser posts.

Every add (and change) form writes through the API's service, whose refusal is shown on the form's field; the
models the admin only reads answer 403 to a POST; licences, applications and notices have no add view.
"""

import pytest
from stdnum.vn import mst

from registry.models import Instrument, LegalParameter, Organization, User, XrayDevice
from registry.services import instrument_register
from registry.services.radiation.licensing import license_application_submit, license_issue
from tests.factories import InstrumentTypeFactory, OrganizationFactory
from tests.registry.radiation_fixtures import make_hospital

pytestmark = pytest.mark.django_db

DUPLICATE_SERIAL = "An instrument of this type and manufacturer with this serial number is already registered."


@pytest.fixture
def admin_client(client, officer):
    client.force_login(officer)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the messages below are the msgids
    return client


def _tax_code(n: int) -> str:
    base = f"05{n:07d}"
    return base + mst.calc_check_digit(base)


def _field_errors(response, field: str) -> list[str]:
    assert response.status_code == 200, f"expected the form again, got {response.status_code}"
    return list(response.context["adminform"].form.errors.get(field, []))


# --- instruments: registered through instrument_register ------------------------------------------------------


@pytest.fixture
def registered(officer, business_org):
    instrument_type = InstrumentTypeFactory()
    instrument = instrument_register(actor=officer, instrument_type_id=instrument_type.pk, serial_number="CAN-0042",
                                     manufacturer="Công ty Cân Sông Hồng", owner_id=business_org.pk,
                                     location="Cửa hàng số 1")
    return instrument


def _instrument_form(instrument: Instrument, **overrides) -> dict:
    data = {"instrument_type": instrument.instrument_type_id, "serial_number": instrument.serial_number,
            "manufacturer": instrument.manufacturer, "model": "", "manufacturer_country": "", "year_made": "",
            "accuracy_class": "", "measuring_range": "", "owner": instrument.owner_id, "location": "Kho",
            "assigned_body": ""}
    return {**data, **overrides}


def test_admin_instrument_add_registers_through_the_service(admin_client, registered, officer):
    response = admin_client.post("/admin/registry/instrument/add/", _instrument_form(
        registered, serial_number="  CAN-0043  "))

    assert response.status_code == 302, response.content[:2000]
    added = Instrument.objects.get(serial_number="CAN-0043")  # normalised by the service
    assert added.registered_by == officer


def test_admin_instrument_add_refuses_a_duplicate_serial_on_the_field(admin_client, registered):
    response = admin_client.post("/admin/registry/instrument/add/", _instrument_form(registered))

    assert _field_errors(response, "serial_number") == [DUPLICATE_SERIAL]
    assert Instrument.objects.count() == 1


def test_admin_instrument_add_refuses_a_serial_differing_by_an_invisible_character(admin_client, registered):
    response = admin_client.post("/admin/registry/instrument/add/", _instrument_form(
        registered, serial_number="CAN-\u200b0042"))

    assert _field_errors(response, "serial_number") == [DUPLICATE_SERIAL]
    assert Instrument.objects.count() == 1


def test_admin_instrument_change_is_refused(admin_client, registered):
    response = admin_client.post(f"/admin/registry/instrument/{registered.pk}/change/", _instrument_form(
        registered, serial_number="CAN-9999"))

    assert response.status_code == 403
    registered.refresh_from_db()
    assert registered.serial_number == "CAN-0042"


# --- X-ray devices and radiation workers: registered through the radiation services ------------------------------


@pytest.fixture
def hospital(catalog):
    return make_hospital()


def _device_form(facility_id: int, **overrides) -> dict:
    data = {"facility": facility_id, "kind": "ct", "manufacturer": "Siemens", "model": "SOMATOM", "serial_number":
            "CT-ADMIN-1", "year_made": "2021", "room": "Phòng 1", "max_kv": "130", "max_ma": "345",
            "status": "in_use"}
    return {**data, **overrides}


def test_admin_xray_device_add_refuses_a_serial_differing_by_invisible_characters(admin_client, hospital):
    response = admin_client.post("/admin/registry/xraydevice/add/", _device_form(
        hospital.organization.pk, serial_number=f"\ufeff{hospital.ct.serial_number}\u200d"))

    assert _field_errors(response, "serial_number") == [
        "A device of this manufacturer with this serial is registered."]
    assert XrayDevice.objects.filter(facility=hospital.organization).count() == 2


def test_admin_xray_device_add_refuses_a_facility_of_the_wrong_kind(admin_client, verification_body):
    response = admin_client.post("/admin/registry/xraydevice/add/", _device_form(verification_body.pk))

    assert _field_errors(response, "facility") == ["Unknown facility."]
    assert not XrayDevice.objects.exists()


def test_admin_radiation_worker_change_is_refused(admin_client, hospital):
    worker = hospital.workers[0]

    response = admin_client.post(f"/admin/registry/radiationworker/{worker.pk}/change/", {
        "facility": hospital.organization.pk, "full_name": "Đổi tên", "job": "x", "active": "on"})

    assert response.status_code == 403
    worker.refresh_from_db()
    assert worker.full_name == "Trần Văn Nam"


def test_admin_safety_officer_without_certificate_is_refused(admin_client, hospital):
    response = admin_client.post("/admin/registry/radiationworker/add/", {
        "facility": hospital.organization.pk, "full_name": "Phạm Văn An", "birth_date": "", "job": "Trưởng khoa",
        "certificate_number": "", "certificate_issuer": "", "certificate_issued_on": "", "is_safety_officer": "on",
        "active": "on"})

    assert _field_errors(response, "certificate_number") == [
        "A radiation safety officer needs a radiation worker certificate (Decree 142/2020 Art. 8.1.b)."]


# --- organisations: organization_create / organization_update -------------------------------------------------


def _organization_form(**overrides) -> dict:
    data = {"name": "Công ty Xăng dầu Quảng Trị", "tax_code": _tax_code(7), "kind": "business",
            "legal_form": "organization", "address": "Số 1 Hùng Vương, Đông Hà", "province": "Quảng Trị",
            "parent_name": ""}
    return {**data, **overrides}


def test_admin_organization_add_normalises_the_tax_code(admin_client):
    tax_code = _tax_code(7)

    response = admin_client.post("/admin/registry/organization/add/", _organization_form(
        tax_code=f" {tax_code[:4]} {tax_code[4:]} "))

    assert response.status_code == 302, response.content[:2000]
    assert Organization.objects.get(name="Công ty Xăng dầu Quảng Trị").tax_code == tax_code


def test_admin_organization_add_refuses_a_bad_tax_code(admin_client):
    bad = _tax_code(7)[:-1] + str((int(_tax_code(7)[-1]) + 1) % 10)  # a wrong check digit

    response = admin_client.post("/admin/registry/organization/add/", _organization_form(tax_code=bad))

    assert _field_errors(response, "tax_code")[0].startswith("Enter a valid tax code")
    assert not Organization.objects.filter(name="Công ty Xăng dầu Quảng Trị").exists()


def test_admin_organization_change_refuses_a_bad_tax_code(admin_client, business_org):
    response = admin_client.post(f"/admin/registry/organization/{business_org.pk}/change/", _organization_form(
        tax_code="0100000000"))

    assert _field_errors(response, "tax_code")[0].startswith("Enter a valid tax code")
    business_org.refresh_from_db()
    assert business_org.name == "Công ty TNHH Xăng dầu Sông Hồng"


def test_admin_organization_change_refuses_another_organizations_tax_code(admin_client, business_org):
    other = OrganizationFactory()

    response = admin_client.post(f"/admin/registry/organization/{business_org.pk}/change/", _organization_form(
        tax_code=other.tax_code))

    assert _field_errors(response, "tax_code") == ["An organization with this tax code is already registered."]


def test_admin_organization_kind_cannot_be_changed(admin_client, business_org):
    response = admin_client.post(f"/admin/registry/organization/{business_org.pk}/change/", _organization_form(
        tax_code=business_org.tax_code, kind="verification_body"))

    assert response.status_code == 302, response.content[:2000]
    business_org.refresh_from_db()
    assert (business_org.kind, business_org.name) == ("business", "Công ty Xăng dầu Quảng Trị")


def test_admin_organization_legal_form_is_corrected_through_the_service(admin_client, business_org):
    response = admin_client.post(f"/admin/registry/organization/{business_org.pk}/change/", _organization_form(
        tax_code=business_org.tax_code, legal_form="household_business"))

    assert response.status_code == 302, response.content[:2000]
    business_org.refresh_from_db()
    assert business_org.legal_form == "household_business"


def test_admin_organization_add_refuses_a_hospital_as_a_household_business(admin_client):
    response = admin_client.post("/admin/registry/organization/add/", _organization_form(
        kind="hospital", legal_form="household_business"))

    assert _field_errors(response, "legal_form") == [
        "Only a business may be a household business or an individual: hospitals, verification bodies and the "
        "department are organizations."]
    assert not Organization.objects.filter(name="Công ty Xăng dầu Quảng Trị").exists()


# --- users: user_create / user_update -------------------------------------------------------------------------

WRONG_KIND = "A technician must belong to an organization of kind verification_body."


def test_admin_user_add_refuses_a_role_in_an_organization_of_the_wrong_kind(admin_client, business_org):
    response = admin_client.post("/admin/registry/user/add/", {
        "username": "kdv-moi", "password1": "a-long-unusual-passphrase", "password2": "a-long-unusual-passphrase",
        "usable_password": "true", "full_name": "Kiểm định viên mới", "role": "technician",
        "organization": business_org.pk})

    assert _field_errors(response, "organization") == [WRONG_KIND]
    assert not User.objects.filter(username="kdv-moi").exists()


def test_admin_user_add_creates_through_the_service(admin_client, verification_body):
    response = admin_client.post("/admin/registry/user/add/", {
        "username": "kdv-moi", "password1": "a-long-unusual-passphrase", "password2": "a-long-unusual-passphrase",
        "usable_password": "true", "full_name": "Kiểm định viên mới", "role": "technician",
        "organization": verification_body.pk})

    assert response.status_code == 302, response.content[:2000]
    user = User.objects.get(username="kdv-moi")
    assert (user.role, user.organization, user.is_staff) == ("technician", verification_body, False)
    assert user.check_password("a-long-unusual-passphrase")


def test_admin_user_change_refuses_an_organization_of_the_wrong_kind(admin_client, technician, business_org):
    response = admin_client.post(f"/admin/registry/user/{technician.pk}/change/", {
        "username": technician.username, "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "full_name": technician.full_name, "organization": business_org.pk})

    assert _field_errors(response, "organization") == [WRONG_KIND]
    technician.refresh_from_db()
    assert technician.organization.kind == "verification_body"


def test_superuser_too_is_held_to_the_role_and_organization_kind(client, department, technician, business_org):
    superuser = User.objects.create_superuser("chief", password="a-long-unusual-passphrase",
                                              organization=department)
    client.force_login(superuser)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    response = client.post(f"/admin/registry/user/{technician.pk}/change/", {
        "username": technician.username, "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "full_name": technician.full_name, "role": "business", "organization": technician.organization_id})

    assert _field_errors(response, "organization") == [
        "A business must belong to an organization of kind business, hospital."]


# --- read-only models ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["registry/radiationlicense", "registry/licenseapplication", "certificates/notice",
                                   "registry/verification"])
def test_admin_has_no_add_view_for_what_the_api_issues(admin_client, model):
    assert admin_client.get(f"/admin/{model}/add/").status_code == 403
    assert admin_client.post(f"/admin/{model}/add/", {}).status_code == 403


def test_admin_read_only_license_answers_403_to_a_change(admin_client, officer, hospital):
    application = license_application_submit(
        actor=hospital.user, kind="new", device_ids=[hospital.ct.pk], safety_officer_id=hospital.safety_officer.pk,
        dosimetry_provider="Viện KH&KT hạt nhân", dosimetry_contract_number="HĐ-1")
    license = license_issue(actor=officer, application_id=application.pk)

    response = admin_client.post(f"/admin/registry/radiationlicense/{license.pk}/change/", {
        "status": "revoked", "valid_until": "2099-01-01"})

    assert response.status_code == 403
    license.refresh_from_db()
    assert license.status == "active"


def test_admin_catalogue_stays_editable(admin_client):
    assert admin_client.get("/admin/registry/instrumenttype/add/").status_code == 200
    assert admin_client.get("/admin/registry/legalparameter/add/").status_code == 200


# --- legal parameters: officers amend them in the admin --------------------------------------------------------


def _legal_form(**overrides) -> dict:
    return {"key": "license.term_months", "value": "60", "unit": "months", "legal_basis": "NĐ 142/2020 Đ.30",
            "in_force_from": "2027-01-01", "confidence": "C", "note": ""} | overrides


def test_admin_legal_parameter_amendment_with_a_dotted_key_is_saved(admin_client):
    response = admin_client.post("/admin/registry/legalparameter/add/", _legal_form())

    assert response.status_code == 302, _field_errors(response, "key")
    assert LegalParameter.objects.filter(key="license.term_months", in_force_from="2027-01-01").exists()


def test_admin_legal_parameter_refuses_a_key_that_is_not_lower_case_words(admin_client):
    response = admin_client.post("/admin/registry/legalparameter/add/", _legal_form(key="License term"))

    assert _field_errors(response, "key") == [
        "Use lower-case letters and digits, in words separated by dots, hyphens or underscores."]
    assert not LegalParameter.objects.filter(in_force_from="2027-01-01").exists()

"""Signing in, organisations and users over the API."""

import pytest

from registry.models import Organization, User
from tests.factories import _tax_code

pytestmark = pytest.mark.django_db


def test_token_login_returns_a_token_that_authenticates(api_client, officer):
    response = api_client.post("/api/v1/auth/token/", {"username": officer.username,
                                                       "password": "correct-horse-battery"})

    assert response.status_code == 200
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert api_client.get("/api/v1/instruments/").status_code == 200


def test_no_token_gets_401(api_client):
    assert api_client.get("/api/v1/instruments/").status_code == 401
    assert api_client.get("/api/v1/documents/1/pdf").status_code == 401


def test_officer_creates_organizations_and_users(client_for, officer):
    client = client_for(officer)

    body = client.post("/api/v1/organizations/", {"name": "Trung tâm Kiểm định", "tax_code": _tax_code(7001),
                                                   "address": "Hà Nội", "province": "Hà Nội",
                                                   "kind": "verification_body"}, format="json")
    user = client.post("/api/v1/users/", {"username": "kdv1", "password": "s3cret-pass-word", "full_name": "Lê Huy",
                                          "role": "technician", "organization": body.json()["id"]}, format="json")

    assert body.status_code == 201, body.json()
    assert user.status_code == 201, user.json()
    assert User.objects.get(username="kdv1").check_password("s3cret-pass-word")
    assert "password" not in user.json()


def test_organization_with_a_wrong_check_digit_is_refused_and_not_written(client_for, officer):
    wrong = _tax_code(7002)[:-1] + str((int(_tax_code(7002)[-1]) + 1) % 10)

    response = client_for(officer).post("/api/v1/organizations/", {
        "name": "X", "tax_code": wrong, "address": "A", "province": "P", "kind": "business"}, format="json")

    assert response.status_code == 400
    assert "tax_code" in response.json()
    assert not Organization.objects.filter(name="X").exists()


@pytest.mark.parametrize("tax_code, stored", [
    ("0100109106", "0100109106"), ("0100109106-001", "0100109106-001"), ("0100109106001", "0100109106-001"),
    ("001204012345", "001204012345"),
])
def test_organization_tax_code_forms_are_stored_canonically(client_for, officer, tax_code, stored):
    response = client_for(officer).post("/api/v1/organizations/", {
        "name": "Hộ kinh doanh", "tax_code": tax_code, "address": "A", "province": "P", "kind": "business"},
        format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["tax_code"] == stored


def test_a_household_business_is_registered_with_its_legal_form(client_for, officer):
    response = client_for(officer).post("/api/v1/organizations/", {
        "name": "Cửa hàng xăng dầu Lê Văn Hùng", "tax_code": "045180001234", "address": "Hồ Xá, Vĩnh Linh",
        "province": "Quảng Trị", "kind": "business", "legal_form": "household_business"}, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["legal_form"] == "household_business"
    assert Organization.objects.get(tax_code="045180001234").sanctioned_as_individual


def test_an_organization_is_an_organization_unless_said_otherwise(client_for, officer):
    response = client_for(officer).post("/api/v1/organizations/", {
        "name": "Công ty TNHH Gas Hoàng Phát", "tax_code": _tax_code(7004), "address": "Đông Hà",
        "province": "Quảng Trị", "kind": "business"}, format="json")

    assert response.json()["legal_form"] == "organization"
    assert not Organization.objects.get(tax_code=_tax_code(7004)).sanctioned_as_individual


def test_a_hospital_cannot_be_registered_as_an_individual(client_for, officer):
    response = client_for(officer).post("/api/v1/organizations/", {
        "name": "Phòng khám Quang Minh", "tax_code": _tax_code(7005), "address": "Đông Hà", "province": "Quảng Trị",
        "kind": "hospital", "legal_form": "individual"}, format="json")

    assert response.status_code == 400
    assert "legal_form" in response.json()
    assert not Organization.objects.filter(tax_code=_tax_code(7005)).exists()


def test_technician_cannot_create_organizations(client_for, technician):
    response = client_for(technician).post("/api/v1/organizations/", {
        "name": "X", "tax_code": _tax_code(7003), "address": "A", "province": "P", "kind": "business"}, format="json")

    assert response.status_code == 403


def test_user_in_an_organization_of_the_wrong_kind_is_refused(client_for, officer, business_org):
    response = client_for(officer).post("/api/v1/users/", {
        "username": "t2", "password": "s3cret-pass-word", "full_name": "T", "role": "technician",
        "organization": business_org.pk}, format="json")

    assert response.status_code == 400
    assert "organization" in response.json()

"""Filters of the organisations' and users' lists."""

import pytest

from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _ids(client, url, **params) -> set[int]:
    response = client.get(url, params)
    assert response.status_code == 200, response.json()
    return {row["id"] for row in response.json()["results"]}


def test_organization_filters(client_for, officer):
    hospital = OrganizationFactory(kind="hospital", name="Bệnh viện Quảng Trị", province="Quảng Trị")
    shop = OrganizationFactory(kind="business", name="Cửa hàng Đông Hà")
    client = client_for(officer)

    assert _ids(client, "/api/v1/organizations/", kind="hospital") == {hospital.pk}
    assert _ids(client, "/api/v1/organizations/", province="Quảng Trị") == {hospital.pk}
    assert _ids(client, "/api/v1/organizations/", tax_code=shop.tax_code) == {shop.pk}
    assert _ids(client, "/api/v1/organizations/", q="Đông Hà") == {shop.pk}
    assert _ids(client, "/api/v1/organizations/", q=hospital.tax_code[:8]) >= {hospital.pk}


def test_organization_filter_by_legal_form(client_for, officer):
    household = OrganizationFactory(kind="business", name="Tiệm vàng Ngô Thị Mai", legal_form="household_business")
    OrganizationFactory(kind="business", name="Công ty TNHH Vàng bạc Kim Ngân")

    assert _ids(client_for(officer), "/api/v1/organizations/", legal_form="household_business") == {household.pk}


def test_user_filters(client_for, officer, technician):
    from tests.factories import UserFactory

    retired = UserFactory(role="business", is_active=False)
    client = client_for(officer)

    assert _ids(client, "/api/v1/users/", role="technician") == {technician.pk}
    assert _ids(client, "/api/v1/users/", organization_id=retired.organization_id) == {retired.pk}
    assert _ids(client, "/api/v1/users/", is_active="false") == {retired.pk}
    assert retired.pk not in _ids(client, "/api/v1/users/", is_active="true")

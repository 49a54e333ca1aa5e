"""The organisations' selectors: who sees which organisation and user, and the issuing department."""

import pytest
from django.http import Http404

from registry import selectors
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_business_locks_only_its_own_organization(business_user, verification_body):
    assert selectors.organization_get_for_update(actor=business_user, pk=business_user.organization_id)
    with pytest.raises(Http404):
        selectors.organization_get_for_update(actor=business_user, pk=verification_body.pk)


def test_only_an_officer_finds_another_user(officer, technician):
    assert selectors.user_get_for_update(actor=officer, pk=technician.pk) == technician
    with pytest.raises(Http404):
        selectors.user_get_for_update(actor=technician, pk=officer.pk)


def test_the_department_is_the_officers_own(officer):
    other = OrganizationFactory(kind="department")

    assert selectors.department_for(officer) == officer.organization
    assert selectors.department_for(UserFactory(role="officer", organization=other)) == other


def test_organization_search_finds_by_name_or_the_start_of_the_tax_code(officer):
    fuel = OrganizationFactory(name="Công ty TNHH Xăng dầu Hiền Lương", tax_code="0104567890")
    OrganizationFactory(name="Bệnh viện Đa khoa khu vực Triệu Hải", tax_code="0107654326")
    UserFactory(role="business", organization=fuel)

    by_name = selectors.organization_search(actor=officer, text=" xăng dầu ")
    by_tax_code = selectors.organization_search(actor=officer, text="010456")

    assert [(o.name, o.user_count) for o in by_name] == [(fuel.name, 1)]
    assert list(by_tax_code) == [fuel]
    assert not selectors.organization_search(actor=officer, text="4567890").exists()  # the start only


def test_organization_search_keeps_a_business_to_its_own(business_user):
    OrganizationFactory(name="Công ty khác")

    assert list(selectors.organization_search(actor=business_user)) == [business_user.organization]


def test_user_search_finds_by_name_username_email_or_organization_within_one_organization(officer, technician):
    hoa = UserFactory(role="business", username="hoa.nguyen", full_name="Nguyễn Thị Hoa", email="hoa@bv.vn")

    assert list(selectors.user_search(actor=officer, text="thị hoa")) == [hoa]
    assert list(selectors.user_search(actor=officer, text="HOA.NG")) == [hoa]
    assert list(selectors.user_search(actor=officer, text="@bv.vn")) == [hoa]
    assert list(selectors.user_search(actor=officer, text=technician.organization.name[:12])) == [technician]
    assert list(selectors.user_search(actor=officer, organization_id=hoa.organization_id)) == [hoa]


def test_user_search_shows_anyone_but_an_officer_only_themselves(technician, business_user):
    assert list(selectors.user_search(actor=technician)) == [technician]
def test_an_owner_is_found_by_its_tax_code_and_only_an_owner(technician, business_org, verification_body):
    hospital = OrganizationFactory(kind="hospital")

    assert selectors.owner_find_by_tax_code(actor=technician, tax_code=f" {business_org.tax_code} ") == business_org
    assert selectors.owner_find_by_tax_code(actor=technician, tax_code=hospital.tax_code) == hospital
    assert selectors.owner_find_by_tax_code(actor=technician, tax_code=verification_body.tax_code) is None
    assert selectors.owner_find_by_tax_code(actor=technician, tax_code="0000000000") is None


def test_a_business_finds_no_other_owner_by_its_tax_code(business_user):
    other = OrganizationFactory(kind="business")

    assert selectors.owner_find_by_tax_code(actor=business_user, tax_code=other.tax_code) is None

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

"""The radiation register's selectors: each read and each lock scoped to the caller (404 outside it)."""

import pytest
from django.http import Http404

from registry import selectors
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_another_facility_finds_neither_the_device_nor_the_worker_even_to_lock_them(hospital):
    other = UserFactory(role="business", organization=OrganizationFactory(kind="hospital"))

    with pytest.raises(Http404):
        selectors.xray_device_get_for_update(actor=other, pk=hospital.ct.pk)
    with pytest.raises(Http404):
        selectors.radiation_worker_get_for_update(actor=other, pk=hospital.workers[0].pk)


def test_the_facility_and_an_inspector_find_the_device_to_lock_it(hospital, inspector):
    assert selectors.xray_device_get_for_update(actor=hospital.user, pk=hospital.ct.pk) == hospital.ct
    assert selectors.xray_device_get_for_update(actor=inspector, pk=hospital.ct.pk) == hospital.ct


def test_a_technician_sees_nothing_of_the_radiation_register(hospital, technician):
    assert not selectors.xray_device_list(actor=technician).exists()
    assert not selectors.radiation_worker_list(actor=technician).exists()
    with pytest.raises(Http404):
        selectors.xray_device_get_for_update(actor=technician, pk=hospital.ct.pk)


def test_checklists_are_grouped_by_application_kind(catalog):
    checklists = selectors.checklists_by_application_kind()

    assert set(checklists) == {"new", "renewal", "amendment", "reissue"}
    assert all(item.application_kind == kind for kind, items in checklists.items() for item in items)

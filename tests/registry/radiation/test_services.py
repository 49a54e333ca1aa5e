"""The radiation register's services: X-ray devices, their verifications and cycles."""

import pytest
from django.utils import timezone

from registry.dates import add_months
from tests.registry.radiation_fixtures import verify_device

pytestmark = pytest.mark.django_db


def test_device_verification_valid_until_follows_the_kinds_cycle(hospital):
    today = timezone.localdate()

    ct = verify_device(hospital.user, hospital.ct, today)
    dental = verify_device(hospital.user, hospital.dental, today)

    assert ct.valid_until == add_months(today, 12)
    assert dental.valid_until == add_months(today, 24)
    assert "13/2014" in ct.cycle_legal_basis

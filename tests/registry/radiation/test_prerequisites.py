"""license_prerequisites: a facility's standing for its licence, judged by the checks a filing runs, writing nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from registry.models import ApplicationCheck, LicenseApplication, RadiationLicense
from registry.services.radiation import license_prerequisites
from tests.registry.radiation_fixtures import issue_license, make_hospital

pytestmark = pytest.mark.django_db


def _by_code(standing) -> dict[str, tuple[bool, str]]:
    return {check.code: (check.passed, check.reason) for check in standing.checks}


def test_a_licensed_hospital_meets_every_check_of_a_renewal_and_sees_its_last_day_to_file(catalog, client_for,
                                                                                         officer):
    hospital = make_hospital()
    issued = issue_license(client_for, officer, hospital)

    standing = license_prerequisites(actor=hospital.user)

    assert standing.license.pk == issued["id"] and standing.kind == "renewal"
    assert all(check.passed for check in standing.checks), standing.checks
    assert set(_by_code(standing)) == {f"device-verification-{hospital.ct.pk}",
                                       f"device-verification-{hospital.dental.pk}", "safety-officer",
                                       "dosimetry-contract", "renewal-lead-time"}
    assert standing.renewal_lead_days == 45 and "142/2020" in standing.renewal_basis
    assert standing.renewal_deadline == standing.license.valid_until - timedelta(days=45)
    assert standing.renewal_days_left == (standing.renewal_deadline - timezone.localdate()).days


def test_past_the_last_day_to_file_the_renewal_check_fails_with_the_filings_reason(catalog, client_for, officer):
    hospital = make_hospital()
    issued = issue_license(client_for, officer, hospital)
    RadiationLicense.objects.filter(pk=issued["id"]).update(valid_until=timezone.localdate() + timedelta(days=20))

    standing = license_prerequisites(actor=hospital.user)

    passed, reason = _by_code(standing)["renewal-lead-time"]
    assert not passed and "45" in reason and standing.license.valid_until.strftime("%d/%m/%Y") in reason
    assert standing.renewal_days_left == 20 - 45


def test_without_a_licence_the_checks_are_a_new_applications_and_a_missing_contract_says_so(catalog):
    hospital = make_hospital(verified_days_ago=500)

    standing = license_prerequisites(actor=hospital.user)

    assert standing.license is None and standing.kind == "new" and standing.renewal_deadline is None
    checks = _by_code(standing)
    assert not checks[f"device-verification-{hospital.ct.pk}"][0]
    assert hospital.ct.serial_number in checks[f"device-verification-{hospital.ct.pk}"][1]
    assert checks["safety-officer"] == (True, "")  # the facility's certified safety officer
    assert not checks["dosimetry-contract"][0] and "16" in checks["dosimetry-contract"][1]
    assert "previous-license" not in checks


def test_it_reads_only_the_callers_facility_and_writes_nothing(catalog, client_for, officer):
    licensed = make_hospital()
    issue_license(client_for, officer, licensed)
    other = make_hospital(name="Bệnh viện Sản Nhi Lào Cai")
    before = (LicenseApplication.objects.count(), ApplicationCheck.objects.count())

    standing = license_prerequisites(actor=other.user)

    assert standing.license is None
    assert {device.pk for device in standing.devices} == {other.ct.pk, other.dental.pk}
    assert (LicenseApplication.objects.count(), ApplicationCheck.objects.count()) == before

"""What is overdue per organisation, over the registers (the notice ledger itself is certificates.notices')."""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from registry.models import (
    Instrument,
    Organization,
    RadiationLicense,
    RadiationLicenseStatus,
    VerificationResult,
    XrayDevice,
    XrayDeviceStatus,
)

__all__ = ["overdue_by_organization"]


def _overdue_counts(queryset: QuerySet, owner_field: str, today: date) -> dict[int, tuple[int, date]]:
    rows = queryset.filter(valid_until__lt=today).values(owner_field).annotate(n=Count("id"), oldest=Min("valid_until"))
    return {row[owner_field]: (row["n"], row["oldest"]) for row in rows}


def overdue_by_organization(*, limit: int = 500) -> list[dict]:
    """Per organisation: instruments past their verification, X-ray units past theirs, licences expired.
    Three grouped queries and one for the names, whatever the size of the registers."""
    today = timezone.localdate()
    sources = {
        "instruments_overdue": _overdue_counts(Instrument.objects.filter(last_result=VerificationResult.PASS),
                                               "owner_id", today),
        "xray_devices_overdue": _overdue_counts(XrayDevice.objects.exclude(status=XrayDeviceStatus.DISPOSED),
                                                "facility_id", today),
        "licenses_expired": _overdue_counts(RadiationLicense.objects.filter(status=RadiationLicenseStatus.ACTIVE),
                                            "facility_id", today),
    }
    rows = defaultdict(lambda: dict.fromkeys(sources, 0) | {"oldest_due_date": None})
    for name, counts in sources.items():
        for organization_id, (count, oldest) in counts.items():
            row = rows[organization_id]
            row[name] = count
            row["oldest_due_date"] = min(filter(None, [row["oldest_due_date"], oldest]))
    names = dict(Organization.objects.filter(pk__in=list(rows)).values_list("id", "name"))
    result = [{"organization_id": pk, "organization_name": names.get(pk, ""), **row} for pk, row in rows.items()]
    result.sort(key=lambda row: -(row["instruments_overdue"] + row["xray_devices_overdue"] + row["licenses_expired"]))
    return result[:limit]

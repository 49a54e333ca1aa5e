"""Reads of organisations and users, scoped to the caller, and the department that issues what the state issues."""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from registry.models import (
    Instrument,
    Organization,
    OrganizationKind,
    RadiationLicense,
    RadiationLicenseStatus,
    Role,
    User,
    VerificationResult,
    XrayDevice,
    XrayDeviceStatus,
)

__all__ = [
    "READ_ALL_ROLES", "department_for", "organization_get", "organization_get_for_update", "organization_list",
    "organization_search", "overdue_by_organization", "owner_find_by_tax_code", "totp_device_get",
    "user_get", "user_get_for_update", "user_list", "user_search",
]

# Officers and inspectors read every register (DESIGN.md §4).
READ_ALL_ROLES = (Role.OFFICER, Role.INSPECTOR)


def organization_list(*, actor: User) -> QuerySet[Organization]:
    """Officers, inspectors and technicians (who pick an instrument's owner) see all; others their own."""
    if actor.role in (*READ_ALL_ROLES, Role.TECHNICIAN):
        return Organization.objects.all()
    return Organization.objects.filter(pk=actor.organization_id)


def organization_search(*, actor: User, text: str = "") -> QuerySet[Organization]:
    """The organisations the caller sees whose name contains the text or whose tax code starts with it (as the
    API's `q`), by name, each with its number of users."""
    organizations = organization_list(actor=actor).annotate(user_count=Count("users"))
    text = text.strip()
    if text:
        organizations = organizations.filter(Q(name__icontains=text) | Q(tax_code__startswith=text))
    return organizations.order_by("name", "id")


def owner_find_by_tax_code(*, actor: User, tax_code: str) -> Organization | None:
    """The instrument owner (business or hospital) with this tax code among those the caller may see, or None: a
    technician registering an instrument on the spot names its owner by the code on the owner's papers."""
    return (organization_list(actor=actor)
            .filter(tax_code=tax_code.strip(), kind__in=(OrganizationKind.BUSINESS, OrganizationKind.HOSPITAL))
            .first())


def organization_get(*, actor: User, pk: int) -> Organization:
    return get_object_or_404(organization_list(actor=actor), pk=pk)


def organization_get_for_update(*, actor: User, pk: int) -> Organization:
    """Lock an organisation the caller may see (404 otherwise); whether it may change it is the service's rule."""
    return get_object_or_404(organization_list(actor=actor).select_for_update(no_key=True), pk=pk)


def _user_scope(*, actor: User) -> QuerySet[User]:
    if actor.role == Role.OFFICER:
        return User.objects.all()
    return User.objects.filter(pk=actor.pk)


def user_list(*, actor: User) -> QuerySet[User]:
    """Officers see every user; anyone else only themselves."""
    return _user_scope(actor=actor).select_related("organization")


def user_search(*, actor: User, text: str = "", organization_id: int | None = None) -> QuerySet[User]:
    """The users the caller sees (officers: all) whose username, name, e-mail or organisation's name contains the
    text, of one organisation when given, by username."""
    users = user_list(actor=actor)
    if organization_id is not None:
        users = users.filter(organization_id=organization_id)
    text = text.strip()
    if text:
        users = users.filter(Q(username__icontains=text) | Q(full_name__icontains=text) | Q(email__icontains=text)
                             | Q(organization__name__icontains=text))
    return users.order_by("username", "id")


def user_get(*, actor: User, pk: int) -> User:
    return get_object_or_404(user_list(actor=actor), pk=pk)


def user_get_for_update(*, actor: User, pk: int) -> User:
    """Lock a user the caller may see (404 otherwise), alone: its organisation is read after the lock."""
    return get_object_or_404(_user_scope(actor=actor).select_for_update(no_key=True), pk=pk)


def department_for(actor: User | None = None) -> Organization:
    """The department that issues licences and notices: the officer's own, else the registered one, else one
    created from settings (DEPARTMENT_NAME, ...)."""
    if actor is not None and actor.organization_id and actor.organization.kind == OrganizationKind.DEPARTMENT:
        return actor.organization
    department = Organization.objects.filter(kind=OrganizationKind.DEPARTMENT).order_by("id").first()
    if department is None:
        department = Organization.objects.create(
            kind=OrganizationKind.DEPARTMENT, name=settings.DEPARTMENT_NAME, province=settings.DEPARTMENT_PROVINCE,
            address=settings.DEPARTMENT_ADDRESS, parent_name=settings.DEPARTMENT_PARENT_NAME,
        )
    return department


def _overdue_counts(queryset: QuerySet, owner_field: str, today: date) -> dict[int, tuple[int, date]]:
    rows = queryset.filter(valid_until__lt=today).values(owner_field).annotate(n=Count("id"), oldest=Min("valid_until"))
    return {row[owner_field]: (row["n"], row["oldest"]) for row in rows}


def overdue_by_organization(*, actor: User, limit: int = 500) -> list[dict]:
    """Per organisation: instruments past their verification, X-ray units past theirs, licences expired.
    Three grouped queries and one for the names, whatever the size of the registers. A view over every
    organisation: only those who read every register may have it (403 for the others, as for a forbidden role)."""
    if actor.role not in READ_ALL_ROLES:
        raise PermissionDenied
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


def totp_device_get(*, user: User, for_update: bool = False) -> TOTPDevice | None:
    """The user's authenticator app for signing in to the pages: the confirmed one, else one still being set up
    (issue 10). A user has at most one of each: setting up again reuses the unconfirmed one."""
    devices = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "id")
    return (devices.select_for_update(no_key=True) if for_update else devices).first()

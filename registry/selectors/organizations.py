"""Reads of organisations and users, scoped to the caller, and the department that issues what the state issues."""

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from registry.models import Organization, OrganizationKind, Role, User

__all__ = [
    "READ_ALL_ROLES", "department_for", "organization_get", "organization_get_for_update", "organization_list",
    "user_get", "user_get_for_update", "user_list",
]

# Officers and inspectors read every register (DESIGN.md §4).
READ_ALL_ROLES = (Role.OFFICER, Role.INSPECTOR)


def organization_list(*, actor: User) -> QuerySet[Organization]:
    """Officers, inspectors and technicians (who pick an instrument's owner) see all; others their own."""
    if actor.role in (*READ_ALL_ROLES, Role.TECHNICIAN):
        return Organization.objects.all()
    return Organization.objects.filter(pk=actor.organization_id)


def organization_get(*, actor: User, pk: int) -> Organization:
    return get_object_or_404(organization_list(actor=actor), pk=pk)


def organization_get_for_update(*, actor: User, pk: int) -> Organization:
    """Lock an organisation the caller may see (404 otherwise); whether it may change it is the service's rule."""
    return get_object_or_404(organization_list(actor=actor).select_for_update(), pk=pk)


def _user_scope(*, actor: User) -> QuerySet[User]:
    if actor.role == Role.OFFICER:
        return User.objects.all()
    return User.objects.filter(pk=actor.pk)


def user_list(*, actor: User) -> QuerySet[User]:
    """Officers see every user; anyone else only themselves."""
    return _user_scope(actor=actor).select_related("organization")


def user_get(*, actor: User, pk: int) -> User:
    return get_object_or_404(user_list(actor=actor), pk=pk)


def user_get_for_update(*, actor: User, pk: int) -> User:
    """Lock a user the caller may see (404 otherwise), alone: its organisation is read after the lock."""
    return get_object_or_404(_user_scope(actor=actor).select_for_update(), pk=pk)


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

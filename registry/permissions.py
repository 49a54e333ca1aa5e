"""Role checks used by services and views (DESIGN.md §4)."""

from django.core.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission


def require_role(actor, *roles: str) -> None:
    """Raise PermissionDenied (403) unless the actor has one of the roles."""
    if not getattr(actor, "is_authenticated", False) or actor.role not in roles:
        raise PermissionDenied


class ReadAnyWriteRoles(BasePermission):
    """Any authenticated user may read (selectors scope what they see); writes need one of `write_roles`."""

    write_roles: tuple[str, ...] = ()

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        return request.user.role in getattr(view, "write_roles", self.write_roles)

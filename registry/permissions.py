"""Role checks used by services and views (DESIGN.md §4)."""

from django.core.exceptions import PermissionDenied


def require_role(actor, *roles: str) -> None:
    """Raise PermissionDenied (403) unless the actor has one of the roles."""
    if not getattr(actor, "is_authenticated", False) or actor.role not in roles:
        raise PermissionDenied

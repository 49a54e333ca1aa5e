"""Role checks used by services (DESIGN.md §4). Each service module names its rules as `may_*(actor)` functions,
built from `has_role`; the service calls `require(...)` with them, and the API's ScopedViewSet asks the same
function before it reads a request's body."""

from django.core.exceptions import PermissionDenied


def role_of(actor) -> str | None:
    """The caller's role, or None for an anonymous one (policies answer for both)."""
    return getattr(actor, "role", None) if getattr(actor, "is_authenticated", False) else None


def has_role(actor, *roles: str) -> bool:
    return role_of(actor) in roles


def require(allowed: bool) -> None:
    """Raise PermissionDenied (403) unless the rule allowed it."""
    if not allowed:
        raise PermissionDenied


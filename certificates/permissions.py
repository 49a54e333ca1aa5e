"""Who may read, download and manage documents: answered by the project's registered policy, never by role
names inside `certificates/` (which knows documents, not the people of one register or another)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import QuerySet


@dataclass(frozen=True)
class DocumentAccess:
    """The answers `certificates` asks of the project; each takes the caller (maybe anonymous)."""

    visible: Callable[[object, QuerySet], QuerySet]  # the documents the caller may read
    downloadable: Callable[[object, QuerySet], QuerySet]  # the documents whose PDF the caller may download
    may_manage: Callable[[object], bool]  # revoke, correct, re-render, suspend, reinstate; and the admin


_ACCESS: list[DocumentAccess] = []


def register_document_access(access: DocumentAccess) -> None:
    """Called once, by the app that knows the roles (registry's AppConfig.ready)."""
    _ACCESS[:] = [access]


def document_access() -> DocumentAccess:
    if not _ACCESS:
        raise ImproperlyConfigured("No document access policy is registered (register_document_access).")
    return _ACCESS[0]


def require_manager(actor) -> None:
    if not document_access().may_manage(actor):
        raise PermissionDenied


class ManagerAdminMixin:
    """The admin is the tool of those who manage documents (and superusers): their role grants it, not
    Django's per-model permissions."""

    def _manages(self, request) -> bool:
        return request.user.is_active and (request.user.is_superuser or document_access().may_manage(request.user))

    def has_module_permission(self, request):
        return self._manages(request)

    def has_view_permission(self, request, obj=None):
        return self._manages(request)

    def has_add_permission(self, request, *args):
        return self._manages(request)

    def has_change_permission(self, request, obj=None):
        return self._manages(request)

    def has_delete_permission(self, request, obj=None):
        return False  # registered facts are corrected, never deleted

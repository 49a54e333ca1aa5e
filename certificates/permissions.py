"""Who may do what with documents. Role names are the API's (DESIGN.md §4)."""


def role_of(actor) -> str | None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    return getattr(actor, "role", None)


def is_officer(actor) -> bool:
    return role_of(actor) == "officer"


class OfficerAdminMixin:
    """The admin is the officers' tool (DESIGN.md §4): their role grants it, not Django's per-model perms."""

    def _is_officer(self, request) -> bool:
        return request.user.is_active and (request.user.is_superuser or is_officer(request.user))

    def has_module_permission(self, request):
        return self._is_officer(request)

    def has_view_permission(self, request, obj=None):
        return self._is_officer(request)

    def has_add_permission(self, request, *args):
        return self._is_officer(request)

    def has_change_permission(self, request, obj=None):
        return self._is_officer(request)

    def has_delete_permission(self, request, obj=None):
        return False  # registered facts are corrected, never deleted

"""Signing keys in the admin: read only. Keys change through `manage.py signing_keys` (rotate, revoke), where
the private key files are."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from certificates.permissions import ManagerAdminMixin
from certificates.signing.models import SigningKey


@admin.register(SigningKey)
class SigningKeyAdmin(ManagerAdminMixin, SimpleHistoryAdmin):
    list_display = ["kid", "issuer", "status", "active_from", "active_until", "revoked_at"]
    list_filter = ["status"]
    search_fields = ["kid", "issuer__name", "issuer__tax_code"]
    list_select_related = ["issuer"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

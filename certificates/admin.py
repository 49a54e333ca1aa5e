"""Documents in the admin: read-only (issued documents are immutable); managers re-send failed ones."""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from certificates.models import Document, DocumentStatus
from certificates.permissions import ManagerAdminMixin
from certificates.services import document_retry


@admin.register(Document)
class DocumentAdmin(ManagerAdminMixin, SimpleHistoryAdmin):
    list_display = ["number", "year", "kind", "status", "owner", "issuer", "valid_until", "issued_at"]
    list_filter = ["kind", "status", "year"]
    search_fields = ["number", "subject_label", "owner__name"]
    list_select_related = ["owner", "issuer"]
    actions = ["render_again"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Render the selected failed documents again")
    def render_again(self, request, queryset):
        failed = list(queryset.filter(status=DocumentStatus.FAILED).values_list("pk", flat=True))
        for document_id in failed:
            document_retry(actor=request.user, document_id=document_id)
        messages.info(request, f"{len(failed)} document(s) sent to render again.")


from certificates.notices import admin as notices_admin  # noqa: E402, F401 - registers the engine's models
from certificates.signing import admin as signing_admin  # noqa: E402, F401 - registers the signing keys

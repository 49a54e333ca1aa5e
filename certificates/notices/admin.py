"""The engine's models in the admin: stages are data the document managers tune; notices are only read."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from certificates.notices.models import Notice, NoticeStage
from certificates.permissions import ManagerAdminMixin


@admin.register(NoticeStage)
class NoticeStageAdmin(ManagerAdminMixin, SimpleHistoryAdmin):
    """Managers tune the warning stages: days before the anchor, labels, on or off."""

    list_display = ["kind", "code", "anchor", "offset_days", "label", "active"]
    list_filter = ["kind", "active"]
    list_editable = ["active"]


@admin.register(Notice)
class NoticeAdmin(ManagerAdminMixin, admin.ModelAdmin):
    """Notices come from the expiry scan; their owners read and acknowledge them through the API."""

    list_display = ["subject_label", "serial_number", "organization", "kind", "stage", "due_date", "acknowledged_at"]
    list_filter = ["kind", "stage"]
    search_fields = ["serial_number", "subject_label", "organization__name"]
    list_select_related = ["organization"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

"""The officers' admin for the inspections catalogues and cases, with each row's history (simple_history)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from certificates.permissions import ManagerAdminMixin as OfficerAdminMixin
from inspections.models import ChecklistItem, Inspection, InspectionPlan, Topic

# --- plans and cases (issue 9 points 1-2) ---


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0
    fields = ["position", "code", "text", "legal_basis", "confidence", "checks_verification"]


@admin.register(Topic)
class TopicAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["code", "name", "legal_basis"]
    inlines = [ChecklistItemInline]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["topic", "position", "code", "text", "legal_basis", "confidence"]
    list_filter = ["topic", "confidence"]


@admin.register(InspectionPlan)
class InspectionPlanAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["year", "planned_month", "title", "topic", "inspecting_body"]
    list_filter = ["year", "topic"]
    autocomplete_fields = ["subjects"]


@admin.register(Inspection)
class InspectionAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    """Read only here: a case's life goes through the services (the API), which record each step."""

    list_display = ["title", "kind", "topic", "status", "decision_number", "decision_date"]
    list_filter = ["status", "kind", "topic"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

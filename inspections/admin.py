"""The officers' admin for the inspections' catalogues, every change kept in history (simple_history).

The legal catalogue of sanctions (violation types, circumstances): the model's clean() checks each row (minimum ≤
maximum, multiplier ≥ 1, end of force after its start, a known limitation group), so a value the sources left
unconfirmed is filled here, and only a sound one is saved; an amendment is a new row of the same code from its
in-force day; rows are never deleted. Topics, checklists and plans are edited here too; cases are read only (their
life goes through the services, which record each step)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from certificates.permissions import ManagerAdminMixin as OfficerAdminMixin
from inspections.models import ChecklistItem, Circumstance, Inspection, InspectionPlan, Topic, ViolationType


@admin.register(ViolationType)
class ViolationTypeAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["code", "decree", "article", "clause", "point", "fine_min_individual", "fine_max_individual",
                    "organization_multiplier", "in_force_from", "in_force_to", "confidence"]
    list_filter = ["confidence", "decree", "limitation_group", "in_force_from"]
    search_fields = ["code", "description", "description_en", "legal_basis"]


@admin.register(Circumstance)
class CircumstanceAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["code", "kind", "article", "clause", "point", "confidence"]
    list_filter = ["kind", "confidence"]
    search_fields = ["code", "description", "description_en"]


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

"""The officers' admin for the inspections' catalogues, every change kept in history (simple_history).

The legal catalogue of sanctions (violation types, circumstances): the model's clean() checks each row (minimum ≤
maximum, multiplier ≥ 1, end of force after its start, a known limitation group), so a value the sources left
unconfirmed is filled here, and only a sound one is saved; an amendment is a new row of the same code from its
in-force day; rows are never deleted. The sanctioning competence likewise: the fields' maximum fines, the titles'
caps, and who holds which title (sanctioning powers, with a deputy's delegation), which only the admin shows.
Topics, checklists and plans are edited here too; cases are read only (their life goes through the services, which
record each step)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from certificates.permissions import ManagerAdminMixin as OfficerAdminMixin
from inspections.models import (
    ChecklistItem,
    Circumstance,
    Inspection,
    InspectionPlan,
    SanctionField,
    SanctioningPower,
    SanctioningTitle,
    Topic,
    ViolationType,
)
from registry.models import STATE_AGENCY_KINDS, Role


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


# --- who may sign a penalty decision (domain/inspections.md §6) ---


@admin.register(SanctionField)
class SanctionFieldAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    """The fields' maximum fines (Law Art. 24; Decree 119/2017 Art. 3.1): an unconfirmed one is entered here."""

    list_display = ["code", "name", "decree", "article_from", "article_to", "fine_max_individual",
                    "fine_max_organization", "confidence"]
    list_filter = ["confidence", "decree"]
    search_fields = ["code", "name", "decree", "legal_basis"]


@admin.register(SanctioningTitle)
class SanctioningTitleAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    """The titles with their caps (Decree 189/2025): an unconfirmed cap is empty until an officer enters it."""

    list_display = ["name", "position", "fine_cap_percent", "may_apply_remedies", "case_leader_only", "confidence"]
    list_filter = ["confidence", "case_leader_only"]
    search_fields = ["code", "name", "legal_basis"]


@admin.register(SanctioningPower)
class SanctioningPowerAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    """Who holds which title where, from when to when, and a deputy's delegation decision (MQĐ34). A power is
    ended by its last day, never deleted: the decisions signed under it name it."""

    list_display = ["user", "title", "organization", "valid_from", "valid_until", "position", "delegation_number",
                    "delegation_date"]
    list_filter = ["title", "organization"]
    search_fields = ["user__full_name", "user__username", "delegation_number"]
    list_select_related = ["user", "title", "organization"]
    fields = ["user", "title", "organization", "valid_from", "valid_until", "position", "delegation_number",
              "delegation_date", "note"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """Only officers and inspectors may hold a power, only at a state agency (the model's clean() says so too)."""
        if db_field.name == "user":
            kwargs["queryset"] = db_field.related_model.objects.filter(
                role__in=[Role.OFFICER, Role.INSPECTOR]).order_by("full_name", "username")
        elif db_field.name == "organization":
            kwargs["queryset"] = db_field.related_model.objects.filter(kind__in=STATE_AGENCY_KINDS)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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

"""Django admin for officers: the legal catalogue of sanctions (violation types, circumstances), every change kept
in history. The model's clean() checks each row (minimum ≤ maximum, multiplier ≥ 1, end of force after its start,
a known limitation group), so a value the sources left unconfirmed is filled here, and only a sound one is saved.
An amendment of a decree is a new row of the same code from its in-force day; rows are never deleted."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from certificates.permissions import ManagerAdminMixin as OfficerAdminMixin
from inspections.models import Circumstance, ViolationType


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

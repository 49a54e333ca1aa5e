"""Django admin for officers: catalogues, organisations, users; every change kept in history."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from knox.models import AuthToken
from simple_history.admin import SimpleHistoryAdmin

from certificates.permissions import ManagerAdminMixin as OfficerAdminMixin
from registry.models import (
    ChecklistItem,
    Instrument,
    InstrumentType,
    InstrumentTypeRevision,
    LegalParameter,
    LicenseApplication,
    Notice,
    NoticeStage,
    Organization,
    RadiationLicense,
    RadiationWorker,
    Role,
    User,
    Verification,
    XrayDevice,
)


class RevisionInline(admin.StackedInline):
    model = InstrumentTypeRevision
    extra = 0


@admin.register(InstrumentType)
class InstrumentTypeAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["code", "item", "name", "name_en", "quantity"]
    search_fields = ["code", "name", "name_en"]
    inlines = [RevisionInline]


@admin.register(InstrumentTypeRevision)
class InstrumentTypeRevisionAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["instrument_type", "in_force_from", "verification_cycle_months", "type_approval", "procedure",
                    "confidence"]
    list_filter = ["in_force_from", "confidence", "type_approval"]
    search_fields = ["instrument_type__code", "instrument_type__name", "legal_basis"]
    list_select_related = ["instrument_type"]


@admin.register(Organization)
class OrganizationAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "tax_code", "kind", "province"]
    list_filter = ["kind", "province"]
    search_fields = ["name", "tax_code"]


# No page shows an API token: only digests are stored, and knox's own admin would list them (issue 7, defect 5).
if admin.site.is_registered(AuthToken):
    admin.site.unregister(AuthToken)


@admin.register(User)
class RegistryUserAdmin(OfficerAdminMixin, UserAdmin, SimpleHistoryAdmin):
    """Officers manage the users below them; only a superuser grants power (issue 7, defect 2).

    Power is staff, superuser, groups, permissions, and the officer role (is_staff follows it, User.save). An
    officer who is not a superuser sees those fields read-only, cannot give the officer role, and cannot change
    another officer or a superuser at all: setting their password would be taking their account.
    """

    list_display = ["username", "full_name", "role", "organization", "is_active"]
    list_filter = ["role", "is_active"]
    list_select_related = ["organization"]
    fieldsets = [*UserAdmin.fieldsets, ("Registry", {"fields": ["full_name", "role", "organization"]})]
    add_fieldsets = [*UserAdmin.add_fieldsets, ("Registry", {"fields": ["full_name", "role", "organization"]})]
    privilege_fields = ["is_staff", "is_superuser", "groups", "user_permissions"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += self.privilege_fields
            if obj is not None:
                fields.append("role")
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not request.user.is_superuser:
            kwargs["choices"] = [("", "---------"), *((value, label) for value, label in Role.choices
                                                      if value != Role.OFFICER)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or request.user.is_superuser or obj.pk == request.user.pk or not obj.is_staff

    def save_model(self, request, obj, form, change):
        if change and not request.user.is_superuser:
            # Whatever the form (the change form, or a revert to an old version from the history, which saves
            # that version's fields), power stays as it is; groups and permissions are not in the form.
            current = User.objects.get(pk=obj.pk)
            obj.is_superuser, obj.role = current.is_superuser, current.role
        super().save_model(request, obj, form, change)


@admin.register(Instrument)
class InstrumentAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["serial_number", "instrument_type", "manufacturer", "owner", "valid_until", "last_result"]
    list_filter = ["last_result", "instrument_type"]
    search_fields = ["serial_number", "manufacturer", "owner__name"]
    list_select_related = ["instrument_type", "owner"]
    readonly_fields = ["last_verification", "last_verified_on", "last_result", "valid_until", "registered_by",
                       "registered_by_organization"]
    raw_id_fields = ["owner"]


@admin.register(Verification)
class VerificationAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    """Verifications are recorded through the API by technicians; the admin only reads them."""

    list_display = ["instrument", "kind", "performed_on", "result", "valid_until", "verification_body"]
    list_filter = ["result", "kind"]
    search_fields = ["instrument__serial_number", "stamp_number"]
    list_select_related = ["instrument__instrument_type", "verification_body"]

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LegalParameter)
class LegalParameterAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    """Officers confirm or amend the legal numbers (a new row per amendment, with its legal basis)."""

    list_display = ["key", "value", "unit", "in_force_from", "confidence", "legal_basis"]
    list_filter = ["confidence", "unit"]
    search_fields = ["key", "legal_basis"]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["application_kind", "position", "code", "name", "required", "confidence"]
    list_filter = ["application_kind", "confidence"]


@admin.register(XrayDevice)
class XrayDeviceAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["serial_number", "kind", "model", "facility", "status", "valid_until"]
    list_filter = ["kind", "status"]
    search_fields = ["serial_number", "model", "facility__name"]
    list_select_related = ["facility"]
    readonly_fields = ["last_verified_on", "last_result", "valid_until"]


@admin.register(RadiationWorker)
class RadiationWorkerAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["full_name", "facility", "job", "is_safety_officer", "certificate_number"]
    list_filter = ["is_safety_officer", "active"]
    search_fields = ["full_name", "certificate_number"]
    list_select_related = ["facility"]


@admin.register(LicenseApplication)
class LicenseApplicationAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    """Applications are filed and decided through the API, where the checks run; the admin reads them."""

    list_display = ["facility", "kind", "status", "filed_on", "processing_deadline"]
    list_filter = ["kind", "status"]
    list_select_related = ["facility"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RadiationLicense)
class RadiationLicenseAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    list_display = ["facility", "kind", "status", "valid_from", "valid_until"]
    list_filter = ["status", "kind"]
    list_select_related = ["facility"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(NoticeStage)
class NoticeStageAdmin(OfficerAdminMixin, SimpleHistoryAdmin):
    """Officers tune the warning stages: days before the anchor, labels, on or off."""

    list_display = ["kind", "code", "anchor", "offset_days", "label", "active"]
    list_filter = ["kind", "active"]
    list_editable = ["active"]


@admin.register(Notice)
class NoticeAdmin(OfficerAdminMixin, admin.ModelAdmin):
    list_display = ["subject_label", "serial_number", "organization", "kind", "stage", "due_date", "acknowledged_at"]
    list_filter = ["kind", "stage"]
    search_fields = ["serial_number", "subject_label", "organization__name"]
    list_select_related = ["organization"]

    def has_change_permission(self, request, obj=None):
        return False

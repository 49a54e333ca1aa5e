"""Django admin for officers: catalogues, organisations, users; every change kept in history.

The admin cannot bypass the rules (issue 8, point 5). Model by model:
- the catalogue (instrument types and their revisions, legal parameters, checklist items, notice stages) is edited
  here: that is its purpose, and its history records every change;
- organisations are added and corrected through organization_create / organization_update (tax code checked and
  normalised, kind fixed once created); users through user_create / user_update (role and organisation kind,
  password validators, only a superuser grants power);
- instruments, X-ray devices and radiation workers are added through the API's services (normalised duplicate
  serials, the facility's kind) and are read-only afterwards: no service changes them, so neither does the admin;
- verifications, licence applications, licences, notices and documents are read-only: they are filed, decided,
  issued and scanned through the API and the workers, where their checks run. A licence issued on paper before
  the service existed is transcribed through POST /api/v1/radiation-licenses/transcribe/.
Superusers get no more than officers on these models: every rule here is a registry invariant, not a privilege.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from knox.models import AuthToken
from simple_history.admin import SimpleHistoryAdmin

from certificates.permissions import ManagerAdminMixin as OfficerAdminMixin
from registry import services
from registry.models import (
    ChecklistItem,
    Instrument,
    InstrumentType,
    InstrumentTypeRevision,
    LegalParameter,
    LicenseApplication,
    Organization,
    RadiationLicense,
    RadiationWorker,
    Role,
    User,
    Verification,
    XrayDevice,
)
from registry.services.radiation import radiation_worker_register, xray_device_register


class ReadOnlyAdminMixin:
    """Nothing is added or changed here; the model is written through the API, where its checks run."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ServiceFormAdminMixin:
    """Every save of the add (and change) form goes through a service; its ValidationError lands on the form.

    The service runs when the form is validated, after the fields have parsed their values and instead of the
    model form's own model validation (the service calls full_clean itself, and checks what the model cannot:
    normalised duplicates, organisation kinds, roles). A refusal is shown on the field the service names, or
    above the form; the savepoint of the service is rolled back. Admins using this have no inlines: a write
    must not happen before an inline is found invalid.
    """

    # The service's key for a field the form names otherwise (the user creation form's second password).
    service_field_map: dict[str, str] = {}

    def service_add(self, request, data: dict):
        raise NotImplementedError

    def service_change(self, request, obj, data: dict):
        raise NotImplementedError

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class ServiceForm(form_class):
            def _post_clean(self):
                if self.errors:
                    return
                data = self.cleaned_data
                try:
                    if self.instance.pk is None:
                        saved = model_admin.service_add(request, data)
                    else:
                        saved = model_admin.service_change(request, self.instance, data)
                except (ValidationError, PermissionDenied) as exc:
                    model_admin._form_errors(self, exc)
                    return
                self.instance, self.saved_by_service = saved, True

        return ServiceForm

    def _form_errors(self, form, exc) -> None:
        if isinstance(exc, PermissionDenied):
            form.add_error(None, str(exc) or _("You may not make this change."))
            return
        errors = exc.error_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.error_list}
        for field, messages in errors.items():
            field = self.service_field_map.get(field, field)
            form.add_error(field if field in form.fields else None, ValidationError(messages))

    def save_model(self, request, obj, form, change):
        if not getattr(form, "saved_by_service", False):
            super().save_model(request, obj, form, change)


def _pk(value):
    return None if value is None else value.pk


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
class OrganizationAdmin(ServiceFormAdminMixin, OfficerAdminMixin, SimpleHistoryAdmin):
    """Added through organization_create, corrected through organization_update; the kind is fixed once made."""

    list_display = ["name", "tax_code", "kind", "legal_form", "province"]
    list_filter = ["kind", "legal_form", "province"]
    search_fields = ["name", "tax_code"]
    fields = ["name", "tax_code", "kind", "legal_form", "address", "province", "parent_name"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj is not None else []

    def service_add(self, request, data):
        return services.organization_create(
            actor=request.user, name=data["name"], tax_code=data["tax_code"] or "", address=data["address"],
            province=data["province"], kind=data["kind"], parent_name=data["parent_name"],
            legal_form=data["legal_form"])

    def service_change(self, request, obj, data):
        return services.organization_update(
            actor=request.user, organization_id=obj.pk, name=data["name"], tax_code=data["tax_code"] or "",
            address=data["address"], province=data["province"], parent_name=data["parent_name"],
            legal_form=data["legal_form"])


# No page shows an API token: only digests are stored, and knox's own admin would list them (issue 7, defect 5).
if admin.site.is_registered(AuthToken):
    admin.site.unregister(AuthToken)


@admin.register(User)
class RegistryUserAdmin(ServiceFormAdminMixin, OfficerAdminMixin, UserAdmin, SimpleHistoryAdmin):
    """Officers manage the users below them; only a superuser grants power (issue 7, defect 2).

    Power is staff, superuser, groups, permissions, and the officer role (is_staff follows it, User.save). An
    officer who is not a superuser sees those fields read-only, cannot give the officer role, and cannot change
    another officer or a superuser at all: setting their password would be taking their account.
    Users are added through user_create and changed through user_update, so the role and the organisation's kind
    match whoever edits; groups and permissions (a superuser's, Django's own) are saved by the form after it.
    """

    list_display = ["username", "full_name", "role", "organization", "is_active"]
    list_filter = ["role", "is_active"]
    list_select_related = ["organization"]
    fieldsets = [*UserAdmin.fieldsets, ("Registry", {"fields": ["full_name", "role", "organization"]})]
    add_fieldsets = [*UserAdmin.add_fieldsets, ("Registry", {"fields": ["full_name", "role", "organization"]})]
    privilege_fields = ["is_staff", "is_superuser", "groups", "user_permissions"]
    service_field_map = {"password": "password2"}

    def get_readonly_fields(self, request, obj=None):
        # Sign-in dates are recorded by Django, not typed in.
        fields = [*super().get_readonly_fields(request, obj), "last_login", "date_joined"]
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

    def service_add(self, request, data):
        return services.user_create(
            actor=request.user, username=data["username"], password=data.get("password1") or "",
            full_name=data.get("full_name", ""), role=data.get("role", ""),
            organization_id=_pk(data.get("organization")), email=data.get("email", ""))

    def service_change(self, request, obj, data):
        # Whatever the form (the change form, or a revert to an old version from the history, which holds that
        # version's fields), only what the form shows is passed: an officer's form has no power fields.
        return services.user_update(
            actor=request.user, user_id=obj.pk, username=data["username"], full_name=data.get("full_name", ""),
            email=data.get("email", ""), first_name=data.get("first_name", ""), last_name=data.get("last_name", ""),
            is_active=data.get("is_active", obj.is_active), organization_id=_pk(data.get("organization")),
            role=data.get("role"), is_superuser=data.get("is_superuser"))


@admin.register(Instrument)
class InstrumentAdmin(ServiceFormAdminMixin, OfficerAdminMixin, SimpleHistoryAdmin):
    """Registered through instrument_register (normalised duplicate serials); read-only once registered: its
    state follows its verifications, and the owner chooses its verification body through the API."""

    list_display = ["serial_number", "instrument_type", "manufacturer", "owner", "valid_until", "last_result"]
    list_filter = ["last_result", "instrument_type"]
    search_fields = ["serial_number", "manufacturer", "owner__name"]
    list_select_related = ["instrument_type", "owner"]
    readonly_fields = ["last_verification", "last_verified_on", "last_result", "valid_until", "registered_by",
                       "registered_by_organization"]
    raw_id_fields = ["owner"]
    fields = ["instrument_type", "serial_number", "manufacturer", "model", "manufacturer_country", "year_made",
              "accuracy_class", "measuring_range", "owner", "location", "assigned_body"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def service_add(self, request, data):
        return services.instrument_register(
            actor=request.user, instrument_type_id=data["instrument_type"].pk, serial_number=data["serial_number"],
            manufacturer=data["manufacturer"], owner_id=data["owner"].pk, location=data["location"],
            model=data["model"], manufacturer_country=data["manufacturer_country"], year_made=data["year_made"],
            accuracy_class=data["accuracy_class"], measuring_range=data["measuring_range"],
            assigned_body_id=_pk(data["assigned_body"]))


@admin.register(Verification)
class VerificationAdmin(ReadOnlyAdminMixin, OfficerAdminMixin, SimpleHistoryAdmin):
    """Verifications are recorded through the API by technicians; the admin only reads them."""

    list_display = ["instrument", "kind", "performed_on", "result", "valid_until", "verification_body"]
    list_filter = ["result", "kind"]
    search_fields = ["instrument__serial_number", "stamp_number"]
    list_select_related = ["instrument__instrument_type", "verification_body"]


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
class XrayDeviceAdmin(ServiceFormAdminMixin, OfficerAdminMixin, SimpleHistoryAdmin):
    """Registered through xray_device_register (a facility's device, normalised duplicate serials); read-only
    once registered: its verification state follows its verifications, recorded through the API."""

    list_display = ["serial_number", "kind", "model", "facility", "status", "valid_until"]
    list_filter = ["kind", "status"]
    search_fields = ["serial_number", "model", "facility__name"]
    list_select_related = ["facility"]
    readonly_fields = ["last_verified_on", "last_result", "valid_until"]
    fields = ["facility", "kind", "manufacturer", "model", "serial_number", "year_made", "room", "max_kv", "max_ma",
              "status", "last_verified_on", "last_result", "valid_until"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def service_add(self, request, data):
        fields = {name: data[name] for name in ("kind", "manufacturer", "model", "serial_number", "year_made",
                                                "room", "max_kv", "max_ma", "status")}
        return xray_device_register(actor=request.user, facility_id=data["facility"].pk, **fields)


@admin.register(RadiationWorker)
class RadiationWorkerAdmin(ServiceFormAdminMixin, OfficerAdminMixin, SimpleHistoryAdmin):
    """Registered through radiation_worker_register (a facility's worker; a safety officer holds a certificate);
    read-only once registered."""

    list_display = ["full_name", "facility", "job", "is_safety_officer", "certificate_number"]
    list_filter = ["is_safety_officer", "active"]
    search_fields = ["full_name", "certificate_number"]
    list_select_related = ["facility"]
    fields = ["facility", "full_name", "birth_date", "job", "certificate_number", "certificate_issuer",
              "certificate_issued_on", "is_safety_officer", "active"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def service_add(self, request, data):
        fields = {name: data[name] for name in self.fields if name != "facility"}
        return radiation_worker_register(actor=request.user, facility_id=data["facility"].pk, **fields)


@admin.register(LicenseApplication)
class LicenseApplicationAdmin(ReadOnlyAdminMixin, OfficerAdminMixin, SimpleHistoryAdmin):
    """Applications are filed and decided through the API, where the checks run; the admin reads them."""

    list_display = ["facility", "kind", "status", "filed_on", "processing_deadline"]
    list_filter = ["kind", "status"]
    list_select_related = ["facility"]


@admin.register(RadiationLicense)
class RadiationLicenseAdmin(ReadOnlyAdminMixin, OfficerAdminMixin, SimpleHistoryAdmin):
    """Licences are issued from an application, or transcribed from paper, through the API."""

    list_display = ["facility", "kind", "status", "valid_from", "valid_until"]
    list_filter = ["status", "kind"]
    list_select_related = ["facility"]

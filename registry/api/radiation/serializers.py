"""Serializers of the X-ray register: inputs check shape, outputs answer; services decide."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from certificates.api.serializers import DocumentBriefSerializer
from registry.api.fields import IdField, SerialNumberField
from registry.models import (
    ApplicationCheck,
    DoseAlert,
    DoseReading,
    LicenseApplication,
    LicenseApplicationKind,
    RadiationLicense,
    RadiationWorker,
    VerificationResult,
    XrayDevice,
    XrayDeviceKind,
    XrayDeviceStatus,
    XrayDeviceVerification,
)
from registry.selectors import license_document
from registry.validators import (
    BIRTH_DATE_FROM,
    RADIATION_RECORDS_FROM,
    RADIATION_WORKER_MIN_AGE,
    DateBounds,
    today,
    years_ago,
)

# Radiation records start with the 1996 Ordinance and none is dated in the future.
RADIATION_RECORD_DATE = DateBounds(earliest=RADIATION_RECORDS_FROM, latest=today)
MAX_DOSE_PERIOD_DAYS = 366
# A paper licence still in force ends within a licence term of today (3 years, Decree 142/2020 Art. 37.1.đ); ten
# years bounds a typing error without judging the term, which the service leaves to the paper.
PAPER_LICENSE_END = DateBounds(earliest=RADIATION_RECORDS_FROM, latest=lambda: today() + timedelta(days=3653))


class XrayDeviceVerificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = XrayDeviceVerification
        fields = ["id", "device", "performed_on", "body_name", "result", "certificate_number", "valid_until",
                  "cycle_legal_basis", "created_at"]


class XrayDeviceSerializer(serializers.ModelSerializer):
    facility_name = serializers.CharField(source="facility.name", read_only=True)

    class Meta:
        model = XrayDevice
        fields = ["id", "facility", "facility_name", "kind", "manufacturer", "model", "serial_number", "year_made",
                  "room", "max_kv", "max_ma", "status", "last_verified_on", "last_result", "valid_until",
                  "created_at"]


class XrayDeviceInputSerializer(serializers.Serializer):
    facility = IdField(required=False, allow_null=True, default=None)
    kind = serializers.ChoiceField(choices=XrayDeviceKind.choices)
    manufacturer = serializers.CharField(max_length=255)
    model = serializers.CharField(max_length=255)
    serial_number = SerialNumberField(max_length=100)
    year_made = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1950,
                                         max_value=2100)
    room = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    max_kv = serializers.DecimalField(max_digits=6, decimal_places=1, required=False, allow_null=True,
                                      default=None, min_value=0)
    max_ma = serializers.DecimalField(max_digits=8, decimal_places=1, required=False, allow_null=True,
                                      default=None, min_value=0)
    status = serializers.ChoiceField(choices=XrayDeviceStatus.choices, default=XrayDeviceStatus.IN_USE)


class XrayDeviceVerificationInputSerializer(serializers.Serializer):
    performed_on = serializers.DateField(validators=[RADIATION_RECORD_DATE])
    body_name = serializers.CharField(max_length=255)
    result = serializers.ChoiceField(choices=VerificationResult.choices)
    certificate_number = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")

    def validate(self, attrs: dict) -> dict:
        if "valid_until" in self.initial_data:
            raise serializers.ValidationError({"valid_until": _(
                "Valid-until is computed from the device kind's verification cycle; do not send it.")})
        return attrs


class DoseAlertSerializer(serializers.ModelSerializer):
    worker_name = serializers.CharField(source="worker.full_name", read_only=True)
    facility_name = serializers.CharField(source="facility.name", read_only=True)

    class Meta:
        model = DoseAlert
        fields = ["id", "worker", "worker_name", "facility", "facility_name", "kind", "year", "total_msv",
                  "limit_msv", "legal_basis", "created_at", "acknowledged_at"]


class RadiationWorkerSerializer(serializers.ModelSerializer):
    dose_flagged = serializers.BooleanField(read_only=True)
    facility_name = serializers.CharField(source="facility.name", read_only=True)

    class Meta:
        model = RadiationWorker
        fields = ["id", "facility", "facility_name", "full_name", "birth_date", "job", "certificate_number",
                  "certificate_issuer", "certificate_issued_on", "is_safety_officer", "active", "dose_flagged",
                  "created_at"]


class RadiationWorkerInputSerializer(serializers.Serializer):
    facility = IdField(required=False, allow_null=True, default=None)
    full_name = serializers.CharField(max_length=255)
    birth_date = serializers.DateField(required=False, allow_null=True, default=None, validators=[DateBounds(
        earliest=BIRTH_DATE_FROM, latest=years_ago(RADIATION_WORKER_MIN_AGE),
        reason=_("a radiation worker is an adult (Labour Code 2019 Art. 147)"))])
    job = serializers.CharField(max_length=255)
    certificate_number = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    certificate_issuer = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    certificate_issued_on = serializers.DateField(required=False, allow_null=True, default=None,
                                                  validators=[RADIATION_RECORD_DATE])
    is_safety_officer = serializers.BooleanField(default=False)


class DoseReadingSerializer(serializers.ModelSerializer):
    class Meta:
        model = DoseReading
        fields = ["id", "worker", "period_start", "period_end", "hp10_msv", "created_at"]
        read_only_fields = ["worker"]
        extra_kwargs = {"period_start": {"validators": [RADIATION_RECORD_DATE]},
                        "period_end": {"validators": [RADIATION_RECORD_DATE]}}

    def validate(self, attrs: dict) -> dict:
        # Dosimeters are read every month or quarter; a period longer than a year is a typing error.
        start, end = attrs.get("period_start"), attrs.get("period_end")
        if start and end and (end - start).days > MAX_DOSE_PERIOD_DAYS:
            raise serializers.ValidationError({"period_end": _("A dose period covers at most a year.")})
        return attrs


class ApplicationCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApplicationCheck
        fields = ["code", "passed", "reason"]


class AttachmentInputSerializer(serializers.Serializer):
    item_code = serializers.SlugField(max_length=64)
    reference = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class LicenseApplicationSerializer(serializers.ModelSerializer):
    checks = ApplicationCheckSerializer(many=True, read_only=True)
    checklist = serializers.SerializerMethodField()
    license = serializers.SerializerMethodField()

    class Meta:
        model = LicenseApplication
        fields = ["id", "facility", "kind", "status", "filed_on", "previous_license", "devices", "safety_officer",
                  "dosimetry_provider", "dosimetry_contract_number", "requested_changes", "completeness_deadline",
                  "processing_deadline", "checks", "refusal_reasons", "checklist", "license", "decided_at",
                  "created_at"]

    def get_checklist(self, obj) -> list[dict]:
        """What the file holds against the checklist of its kind (the officer's completeness check)."""
        provided = {attachment.item.code: attachment for attachment in obj.attachments.all()}
        items = self.context.get("checklists", {}).get(obj.kind, [])
        return [{"code": item.code, "name": item.name, "legal_basis": item.legal_basis, "required": item.required,
                 "provided": item.code in provided,
                 "reference": provided[item.code].reference if item.code in provided else "",
                 **self._file(obj, provided.get(item.code))} for item in items]

    def _file(self, obj, attachment) -> dict:
        """The uploaded file, if any: its download address, detected type and the client's name (display only)."""
        if attachment is None or not attachment.file:
            return {"has_file": False, "file_url": None, "content_type": None, "file_name": None}
        return {"has_file": True, "content_type": attachment.content_type or None,
                "file_name": attachment.original_name or None,
                "file_url": reverse("license-application-attachment-file",
                                    kwargs={"pk": obj.pk, "item_code": attachment.item.code})}

    def get_license(self, obj) -> int | None:
        license = getattr(obj, "license", None)
        return license.pk if license else None


class LicenseRefusalSerializer(serializers.Serializer):
    """The 400 of a filing refused by its prerequisite checks (documentation only): the application is recorded."""

    non_field_errors = serializers.ListField(child=serializers.CharField(), help_text="One reason per failed check.")
    application = serializers.IntegerField(help_text="The refused application, readable by its facility.")


class LicenseApplicationInputSerializer(serializers.Serializer):
    facility = IdField(required=False, allow_null=True, default=None)
    kind = serializers.ChoiceField(choices=LicenseApplicationKind.choices)
    filed_on = serializers.DateField(required=False, allow_null=True, default=None, validators=[RADIATION_RECORD_DATE])
    # A facility's licence covers its units: a few, at most a few dozen.
    devices = serializers.ListField(child=IdField(), allow_empty=False, max_length=200)
    safety_officer = IdField(required=False, allow_null=True, default=None)
    dosimetry_provider = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    dosimetry_contract_number = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    previous_license = IdField(required=False, allow_null=True, default=None)
    requested_changes = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    attachments = AttachmentInputSerializer(many=True, required=False, default=list, max_length=100)


class AttachmentUploadSerializer(serializers.Serializer):
    item_code = serializers.SlugField(max_length=64)
    file = serializers.FileField(required=False, allow_null=True, default=None)
    reference = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class LicenseIssueInputSerializer(serializers.Serializer):
    conditions = serializers.ListField(child=serializers.CharField(max_length=1000), required=False, default=list,
                                       max_length=50)


class LicenseTranscriptionInputSerializer(serializers.Serializer):
    """A licence issued on paper before the service existed: the paper's particulars and its scan."""

    facility = IdField()
    paper_number = serializers.CharField(max_length=64)
    issued_on = serializers.DateField(validators=[RADIATION_RECORD_DATE])
    valid_until = serializers.DateField(validators=[PAPER_LICENSE_END])
    devices = serializers.ListField(child=IdField(), allow_empty=False, max_length=200)
    safety_officer = IdField(required=False, allow_null=True, default=None)
    conditions = serializers.ListField(child=serializers.CharField(max_length=1000), required=False, default=list,
                                       max_length=50)
    scan = serializers.FileField()


class ReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class RadiationLicenseSerializer(serializers.ModelSerializer):
    list_status = serializers.CharField(read_only=True)
    facility_name = serializers.CharField(source="facility.name", read_only=True)
    safety_officer_name = serializers.CharField(source="safety_officer.full_name", read_only=True, default=None)
    document = serializers.SerializerMethodField()
    conditions = serializers.SerializerMethodField()
    devices = XrayDeviceSerializer(many=True, read_only=True)

    class Meta:
        model = RadiationLicense
        fields = ["id", "facility", "facility_name", "kind", "status", "list_status", "valid_from", "valid_until",
                  "devices", "safety_officer", "safety_officer_name", "conditions", "previous", "application",
                  "paper_number", "document", "issued_at", "status_changed_at", "status_reason"]

    def get_document(self, obj) -> dict | None:
        document = license_document(obj)
        return DocumentBriefSerializer(document).data if document else None

    def get_conditions(self, obj) -> list[str]:
        return obj.condition_lines

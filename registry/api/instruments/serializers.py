"""The instrument register: input serializers check shape; output serializers answer. Services decide."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from certificates.api.serializers import DocumentBriefSerializer
from registry.api.fields import IdField, SerialNumberField
from registry.models import (
    Instrument,
    InstrumentType,
    Verification,
    VerificationKind,
    VerificationResult,
)
from registry.selectors import current_revision

MAX_READINGS = 100


class InstrumentTypeSerializer(serializers.ModelSerializer):
    """A type with the rules in force today (the revision's legal basis says under which text)."""

    verification_cycle_months = serializers.SerializerMethodField()
    legal_basis = serializers.SerializerMethodField()
    in_force_from = serializers.SerializerMethodField()
    procedure = serializers.SerializerMethodField()
    type_approval = serializers.SerializerMethodField()
    verification_forms = serializers.SerializerMethodField()
    cross_check = serializers.SerializerMethodField()

    class Meta:
        model = InstrumentType
        fields = ["id", "code", "item", "name", "name_en", "quantity", "verification_cycle_months",
                  "verification_forms", "type_approval", "cross_check", "procedure", "legal_basis", "in_force_from"]

    def _revision(self, obj):
        return current_revision(obj)

    def get_verification_cycle_months(self, obj) -> int | None:
        revision = self._revision(obj)
        return revision.verification_cycle_months if revision else None

    def get_legal_basis(self, obj) -> str:
        revision = self._revision(obj)
        return revision.legal_basis if revision else ""

    def get_in_force_from(self, obj) -> str | None:
        revision = self._revision(obj)
        return revision.in_force_from.isoformat() if revision else None

    def get_procedure(self, obj) -> str:
        revision = self._revision(obj)
        return revision.procedure if revision else ""

    def get_type_approval(self, obj) -> bool | None:
        revision = self._revision(obj)
        return revision.type_approval if revision else None

    def get_cross_check(self, obj) -> bool:
        revision = self._revision(obj)
        return bool(revision and revision.cross_check)

    def get_verification_forms(self, obj) -> dict:
        """Which forms of Circular 23/2013 Art. 19 are required; null where the source is unconfirmed."""
        revision = self._revision(obj)
        if revision is None:
            return {}
        return {"initial": revision.initial_verification, "periodic": revision.periodic_verification,
                "after_repair": revision.after_repair_verification}


class InstrumentSerializer(serializers.ModelSerializer):
    verification_status = serializers.CharField(read_only=True)
    instrument_type_code = serializers.CharField(source="instrument_type.code", read_only=True)
    instrument_type_name = serializers.CharField(source="instrument_type.name", read_only=True)
    owner_name = serializers.CharField(source="owner.name", read_only=True)

    class Meta:
        model = Instrument
        fields = ["id", "instrument_type", "instrument_type_code", "instrument_type_name", "serial_number",
                  "manufacturer", "manufacturer_country", "model", "year_made", "accuracy_class",
                  "measuring_range", "owner", "owner_name", "location", "assigned_body", "verification_status",
                  "valid_until", "last_verified_on", "last_result", "created_at"]


class InstrumentInputSerializer(serializers.Serializer):
    instrument_type = IdField()
    serial_number = SerialNumberField(max_length=100)
    manufacturer = serializers.CharField(max_length=255)
    manufacturer_country = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    model = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    year_made = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1900,
                                         max_value=2100)
    accuracy_class = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    measuring_range = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    owner = IdField(required=False)  # a business that names none registers for itself (the service decides)
    location = serializers.CharField(max_length=500)
    assigned_body = IdField(
        required=False, allow_null=True, default=None,
        help_text=_("The verification body the owner chose (owners and officers only)."))


class InstrumentAssignSerializer(serializers.Serializer):
    assigned_body = IdField(
        allow_null=True, help_text=_("The verification body the owner chose; null withdraws the choice."))


class ReadingSerializer(serializers.Serializer):
    reference_value = serializers.DecimalField(max_digits=20, decimal_places=6)
    measured_value = serializers.DecimalField(max_digits=20, decimal_places=6)
    unit = serializers.CharField(max_length=32)
    max_permissible_error = serializers.DecimalField(max_digits=20, decimal_places=6, min_value=0)
    error = serializers.DecimalField(max_digits=21, decimal_places=6, read_only=True)
    within_tolerance = serializers.BooleanField(read_only=True)


class VerificationSerializer(serializers.ModelSerializer):
    readings = ReadingSerializer(many=True, read_only=True)
    document = serializers.SerializerMethodField()
    verification_body_name = serializers.CharField(source="verification_body.name", read_only=True)
    performed_by_name = serializers.CharField(source="performed_by.display_name", read_only=True)
    legal_basis = serializers.CharField(source="type_revision.legal_basis", read_only=True)

    class Meta:
        model = Verification
        fields = ["id", "instrument", "kind", "performed_on", "procedure", "result", "stamp_number", "valid_until",
                  "environment", "readings", "document", "verification_body", "verification_body_name",
                  "performed_by", "performed_by_name", "legal_basis", "created_at"]

    def get_document(self, obj) -> dict | None:
        """The verification's current certificate (the newest), from the prefetched documents."""
        documents = list(obj.documents.all())
        return DocumentBriefSerializer(documents[0]).data if documents else None


class InstrumentLookupQuerySerializer(serializers.Serializer):
    serial_number = SerialNumberField(max_length=100)


class InstrumentChangeSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    type = serializers.CharField()
    by = serializers.CharField(allow_null=True)


class InstrumentHistorySerializer(serializers.Serializer):
    """The shape of `instruments/{id}/history`: the instrument, its verifications, its last 100 record changes."""

    instrument = InstrumentSerializer()
    verifications = VerificationSerializer(many=True)
    changes = InstrumentChangeSerializer(many=True)


class VerificationInputSerializer(serializers.Serializer):
    instrument = IdField()
    kind = serializers.ChoiceField(choices=VerificationKind.choices)
    performed_on = serializers.DateField()
    procedure = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    result = serializers.ChoiceField(choices=VerificationResult.choices)
    stamp_number = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    environment = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    # A verification record lists the points of its procedure: tens, never thousands (32,768 overflowed the
    # position column, issue 7 defect 7).
    readings = ReadingSerializer(many=True, required=False, default=list, max_length=MAX_READINGS)

    # Computed by the service from the type's cycle (Circular 24/2013 Art. 41.10), never typed.
    COMPUTED_FIELDS = ("valid_until",)

    def validate(self, attrs: dict) -> dict:
        typed = [name for name in self.COMPUTED_FIELDS if name in self.initial_data]
        if typed:
            raise serializers.ValidationError({
                name: _("Valid-until is computed from the instrument type's verification cycle; do not send it.")
                for name in typed
            })
        return attrs

"""Violations, records, decisions, payments and remedies over HTTP: input serializers check shape; output
serializers answer. Services decide."""

from datetime import date

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from certificates.api.serializers import DocumentLinkSerializer
from inspections.api.cases.serializers import WitnessSerializer  # one witness shape for every record
from inspections.models import (
    DecisionDeadlineCase,
    Payment,
    PenaltyDecision,
    PenaltyItem,
    Remedy,
    RemedyKind,
    Violation,
    ViolationRecord,
)
from registry.api.fields import IdField
from registry.models import LegalForm
from registry.validators import DateBounds, today

MAX_LISTED = 200
LAW_DATE = DateBounds(earliest=date(2000, 1, 1), latest=today)


class _Documents(serializers.Serializer):
    """The newest document of the row (from the prefetched `documents`), or null."""

    def to_representation(self, instance):
        documents = sorted(instance.all(), key=lambda document: document.pk)
        return DocumentLinkSerializer(documents[-1], context=self.context).data if documents else None


class _SanctionedAs(serializers.ChoiceField):
    """Which fine range the record's violator answers to: "individual" (a household business or a person, at the
    individual's range) or "organization" (the individual's × the multiplier), as the record was drawn up."""

    def __init__(self, **kwargs):
        super().__init__(choices=["individual", "organization"], read_only=True, **kwargs)

    def to_representation(self, record: ViolationRecord) -> str:
        return "individual" if record.sanctioned_as_individual else "organization"


class ViolationSerializer(serializers.ModelSerializer):
    violator_name = serializers.CharField(source="violator.name", read_only=True)
    violation_type_code = serializers.CharField(source="violation_type.code", read_only=True)
    provision = serializers.CharField(source="violation_type.provision", read_only=True)
    instruments = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    circumstances = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Violation
        fields = ["id", "inspection", "violator", "violator_name", "violation_type", "violation_type_code",
                  "provision", "instruments", "facts", "act_date", "place", "circumstances", "created_at"]


class ViolationInputSerializer(serializers.Serializer):
    inspection = IdField()
    violator = IdField()
    violation_type = IdField()
    facts = serializers.CharField(max_length=5000)
    act_date = serializers.DateField(validators=[LAW_DATE])
    place = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    instruments = serializers.ListField(child=IdField(), max_length=MAX_LISTED, required=False, default=list)
    circumstances = serializers.ListField(child=IdField(), max_length=50, required=False, default=list)


class ViolationRecordSerializer(serializers.ModelSerializer):
    violator_name = serializers.CharField(source="violator.name", read_only=True)
    violations = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    witnesses = WitnessSerializer(many=True, read_only=True)
    document = _Documents(source="documents", read_only=True)
    sanctioned_as = _SanctionedAs(source="*")

    class Meta:
        model = ViolationRecord
        fields = ["id", "inspection", "violator", "violator_name", "violations", "made_on", "made_at", "ended_at",
                  "place", "representative_name", "representative_title", "violator_statement", "violator_refused",
                  "refusal_reason", "witnesses", "document", "created_at", "violator_legal_form", "sanctioned_as"]


class ViolationRecordInputSerializer(serializers.Serializer):
    inspection = IdField()
    violator = IdField()
    place = serializers.CharField(max_length=500)
    made_on = serializers.DateField(validators=[LAW_DATE])
    made_at = serializers.TimeField()
    ended_at = serializers.TimeField()
    representative_name = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)
    representative_title = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)
    violator_statement = serializers.CharField(max_length=5000, required=False, default="", allow_blank=True)
    violator_refused = serializers.BooleanField(required=False, default=False)
    refusal_reason = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    witnesses = WitnessSerializer(many=True, required=False, default=list)


class PenaltyItemSerializer(serializers.ModelSerializer):
    provision = serializers.CharField(source="violation.violation_type.provision", read_only=True)

    class Meta:
        model = PenaltyItem
        fields = ["violation", "fine", "basis", "provision"]


class RemedySerializer(serializers.ModelSerializer):
    violator = serializers.IntegerField(source="decision.violator_id", read_only=True)
    instrument_serial = serializers.CharField(source="instrument.serial_number", read_only=True, default=None)

    class Meta:
        model = Remedy
        fields = ["id", "decision", "violator", "kind", "instrument", "instrument_serial", "text", "deadline",
                  "status", "closed_by_verification", "closed_at"]


class PaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Payment
        fields = ["id", "paid_on", "amount", "receipt_number", "created_at"]


class PenaltyDecisionSerializer(serializers.ModelSerializer):
    violator_name = serializers.CharField(source="violator.name", read_only=True)
    items = PenaltyItemSerializer(many=True, read_only=True)
    remedies = RemedySerializer(many=True, read_only=True)
    payments = PaymentSerializer(many=True, read_only=True)
    paid_amount = serializers.IntegerField(read_only=True)
    payment_status = serializers.ChoiceField(choices=["paid", "partly_paid", "unpaid"], read_only=True)
    late = serializers.BooleanField(read_only=True)
    document = _Documents(source="documents", read_only=True)
    violator_legal_form = serializers.ChoiceField(source="record.violator_legal_form", choices=LegalForm.choices,
                                                  read_only=True)
    sanctioned_as = _SanctionedAs(source="record")

    class Meta:
        model = PenaltyDecision
        fields = ["id", "inspection", "violator", "violator_name", "record", "decided_on", "deadline_case", "due_on",
                  "received_on", "payment_due_on", "total_fine", "paid_amount", "payment_status", "late",
                  "signer_name", "signer_title", "signer_authority", "signed_for", "delegation_number",
                  "delegation_date", "treasury_account", "items", "remedies", "payments", "document", "created_at",
                  "violator_legal_form", "sanctioned_as"]


class FineInputSerializer(serializers.Serializer):
    violation = IdField()
    amount = serializers.IntegerField(min_value=0, max_value=10**12)


class RemedyInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=RemedyKind.choices)
    deadline = serializers.DateField()
    text = serializers.CharField(max_length=1000, required=False, default="", allow_blank=True)
    instrument = IdField(required=False, allow_null=True, default=None)


# Who signs is the caller, under their sanctioning power in force on decided_on (the admin's sanctioning powers):
# the decision prints the power's title and, for a deputy, the delegation. The old typed fields are still accepted
# so that existing clients keep working, and ignored.
@extend_schema_serializer(deprecate_fields=["signer_name", "signer_title"])
class PenaltyDecisionInputSerializer(serializers.Serializer):
    record = IdField()
    decided_on = serializers.DateField(validators=[LAW_DATE])
    deadline_case = serializers.ChoiceField(choices=DecisionDeadlineCase.choices, required=False,
                                            default=DecisionDeadlineCase.DEFAULT)
    received_on = serializers.DateField(required=False, allow_null=True, default=None, validators=[LAW_DATE])
    fines = FineInputSerializer(many=True, allow_empty=False, max_length=MAX_LISTED)
    remedies = RemedyInputSerializer(many=True, required=False, default=list, max_length=MAX_LISTED)
    signer_name = serializers.CharField(max_length=255, required=False, allow_blank=True, default="", help_text=(
        "Ignored: the signer is the caller, named as their account names them."))
    signer_title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="", help_text=(
        "Ignored: the title is that of the caller's sanctioning power in force on decided_on."))
    treasury_account = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)


class PaymentInputSerializer(serializers.Serializer):
    paid_on = serializers.DateField(validators=[LAW_DATE])
    amount = serializers.IntegerField(min_value=1, max_value=10**12)
    receipt_number = serializers.CharField(max_length=64)

"""Plans and cases over HTTP: input serializers check shape; output serializers answer. Services decide."""

from datetime import date

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from certificates.api.serializers import DocumentLinkSerializer
from inspections.models import (
    ChecklistItem,
    Evidence,
    ExaminedItem,
    ExaminedItemKind,
    Finding,
    FindingResult,
    Inspection,
    InspectionKind,
    InspectionPlan,
    InspectionTransition,
    Subject,
    TeamMember,
    Topic,
)
from inspections.selectors.cases import check_record_document
from registry.api.fields import IdField, SerialNumberField
from registry.models import LegalForm
from registry.validators import DateBounds, today

MAX_LISTED = 500  # organisations named at once (the seed's year: 66 over four inspections)
CASE_DATE = DateBounds(earliest=date(2000, 1, 1), latest=today)


class OrganizationBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    # A household business or an individual is sanctioned at the individual's range (registry LegalForm).
    legal_form = serializers.ChoiceField(choices=LegalForm.choices)


class TopicChecklistItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChecklistItem
        fields = ["id", "code", "text", "legal_basis", "confidence", "checks_verification", "position"]


class TopicSerializer(serializers.ModelSerializer):
    """A topic with its checklist, in order."""

    checklist = TopicChecklistItemSerializer(source="checklist_items", many=True, read_only=True)

    class Meta:
        model = Topic
        fields = ["id", "code", "name", "legal_basis", "checklist"]


class TopicBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "code", "name"]


class InspectionPlanSerializer(serializers.ModelSerializer):
    topic = TopicBriefSerializer(read_only=True)
    inspecting_body = OrganizationBriefSerializer(read_only=True)
    subjects = OrganizationBriefSerializer(many=True, read_only=True)

    class Meta:
        model = InspectionPlan
        fields = ["id", "year", "topic", "title", "planned_month", "inspecting_body", "subjects", "created_at"]


class InspectionPlanInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    topic = IdField()
    title = serializers.CharField(max_length=500)
    planned_month = serializers.IntegerField(min_value=1, max_value=12)
    inspecting_body = IdField()
    subjects = serializers.ListField(child=IdField(), max_length=MAX_LISTED, required=False, default=list)


class TeamMemberSerializer(serializers.ModelSerializer):
    inspector_name = serializers.CharField(source="inspector.display_name", read_only=True)

    class Meta:
        model = TeamMember
        fields = ["inspector", "inspector_name", "is_leader"]


class TransitionSerializer(serializers.ModelSerializer):
    actor_name = serializers.CharField(source="actor.display_name", read_only=True)

    class Meta:
        model = InspectionTransition
        fields = ["from_status", "to_status", "actor", "actor_name", "at"]


class InspectionSerializer(serializers.ModelSerializer):
    """A case with its decision, its team and the steps of its life (who, when); its subjects and findings are
    lists of their own (a business sees only its own subject's)."""

    topic = TopicBriefSerializer(read_only=True)
    inspecting_body = OrganizationBriefSerializer(read_only=True)
    team = TeamMemberSerializer(many=True, read_only=True)
    transitions = TransitionSerializer(many=True, read_only=True)

    class Meta:
        model = Inspection
        fields = ["id", "kind", "title", "topic", "plan", "inspecting_body", "status", "decision_number",
                  "decision_date", "decision_signer_name", "decision_signer_title", "team", "transitions",
                  "created_at"]


class InspectionInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=InspectionKind.choices)
    title = serializers.CharField(max_length=500)
    inspecting_body = IdField()
    topic = IdField(required=False, allow_null=True, default=None)
    plan = IdField(required=False, allow_null=True, default=None)
    # Omitted: the plan's subjects (if any). An empty list: none yet.
    subjects = serializers.ListField(child=IdField(), max_length=MAX_LISTED, required=False)


class TeamMemberInputSerializer(serializers.Serializer):
    inspector = IdField()
    is_leader = serializers.BooleanField(default=False)


class TeamInputSerializer(serializers.Serializer):
    members = TeamMemberInputSerializer(many=True, max_length=50)


class DecisionInputSerializer(serializers.Serializer):
    decision_number = serializers.CharField(max_length=64)
    decision_date = serializers.DateField(validators=[CASE_DATE])
    decision_signer_name = serializers.CharField(max_length=255)
    decision_signer_title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class ExaminedItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExaminedItem
        fields = ["id", "subject", "kind", "instrument", "xray_device", "registered", "serial_number", "description",
                  "examined_on"]


class WitnessSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255)
    title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    organization = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class SubjectSerializer(serializers.ModelSerializer):
    """A subject with what was examined there and, once drawn up, its check record: the facts of the day and the
    document (its PDF link once a worker rendered it)."""

    organization = OrganizationBriefSerializer(read_only=True)
    items = ExaminedItemSerializer(many=True, read_only=True)
    witnesses = WitnessSerializer(many=True, read_only=True)
    check_record = serializers.SerializerMethodField()

    class Meta:
        model = Subject
        fields = ["id", "organization", "items", "created_at", "record_held_at", "record_ended_at", "record_place",
                  "representative_name", "representative_title", "refused_to_sign", "refusal_reason", "witnesses",
                  "establishment_opinion", "remedies", "remedy_deadline", "record_issued_at", "check_record"]

    @extend_schema_field(DocumentLinkSerializer(allow_null=True))
    def get_check_record(self, obj) -> dict | None:
        document = check_record_document(obj)
        return DocumentLinkSerializer(document, context=self.context).data if document else None


class CheckRecordInputSerializer(serializers.Serializer):
    """The facts of the day the check record states; its findings are those recorded on the subject."""

    held_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=500)
    representative_name = serializers.CharField(max_length=255)
    representative_title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    refused_to_sign = serializers.BooleanField(default=False)
    refusal_reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    witnesses = WitnessSerializer(many=True, required=False, default=list, max_length=20)
    opinion = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    remedies = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    remedy_deadline = serializers.DateField(required=False, allow_null=True, default=None)


class SubjectInputSerializer(serializers.Serializer):
    organization = IdField()


class ExaminedItemInputSerializer(serializers.Serializer):
    """A registered device by id or by its serial; or one the registry lacks, as found: serial and description."""

    subject = IdField()
    kind = serializers.ChoiceField(choices=ExaminedItemKind.choices)
    serial_number = SerialNumberField(required=False, allow_blank=True, default="")
    instrument = IdField(required=False, allow_null=True, default=None)
    xray_device = IdField(required=False, allow_null=True, default=None)
    description = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    examined_on = serializers.DateField(required=False, allow_null=True, default=None, validators=[CASE_DATE])


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = ["id", "content_type", "size", "original_name", "uploaded_at"]


class FindingSerializer(serializers.ModelSerializer):
    checklist_item = TopicChecklistItemSerializer(read_only=True)
    organization = OrganizationBriefSerializer(source="subject.organization", read_only=True)
    recorded_by_name = serializers.CharField(source="recorded_by.display_name", read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Finding
        fields = ["id", "subject", "organization", "examined_item", "checklist_item", "result", "note", "prefilled",
                  "recorded_by", "recorded_by_name", "recorded_at", "evidence"]


class ExaminedItemAnswerSerializer(ExaminedItemSerializer):
    """The examined item with its findings: the registry's pre-filled one, if its verification had lapsed."""

    findings = FindingSerializer(many=True, read_only=True)

    class Meta(ExaminedItemSerializer.Meta):
        fields = [*ExaminedItemSerializer.Meta.fields, "findings"]


class FindingInputSerializer(serializers.Serializer):
    subject = IdField()
    examined_item = IdField(required=False, allow_null=True, default=None)
    checklist_item = IdField()
    result = serializers.ChoiceField(choices=FindingResult.choices)
    note = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class EvidenceUploadSerializer(serializers.Serializer):
    finding = IdField()
    file = serializers.FileField()

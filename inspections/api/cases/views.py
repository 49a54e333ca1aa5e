"""Plans and cases over HTTP (issue 9 points 1-2). The case's scope is its selector: its team's inspectors,
officers, and the inspected organisation once the decision is issued; anyone else gets 404, reads and writes."""

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from certificates.api.base import ScopedCreateViewSet, ScopedViewSet
from inspections.api.cases import filtersets, serializers
from inspections.selectors import cases as selectors
from inspections.services import cases as services
from inspections.services import check_records
from registry.scans import SCAN_TYPES


class TopicViewSet(ScopedViewSet):
    """The inspection topics and their checklists (the catalogue officers keep in the admin)."""

    selector = staticmethod(selectors.topic_list)
    serializer_class = serializers.TopicSerializer
    ordering_fields = ["position", "code", "id"]
    ordering = ["position", "code"]


@extend_schema_view(create=extend_schema(request=serializers.InspectionPlanInputSerializer))
class InspectionPlanViewSet(ScopedCreateViewSet):
    """The yearly plans of inspections: topic, planned month, the organisations to cover. Officers and inspectors."""

    selector = staticmethod(selectors.inspection_plan_list)
    rules = {"create": services.may_plan_inspections}
    serializer_class = serializers.InspectionPlanSerializer
    input_serializer_class = serializers.InspectionPlanInputSerializer
    filterset_class = filtersets.InspectionPlanFilterSet
    search_fields = ["title"]
    ordering_fields = ["year", "planned_month", "id"]
    ordering = ["-year", "planned_month", "id"]

    def perform_service(self, data):
        return services.inspection_plan_create(actor=self.request.user, topic_id=data.pop("topic"),
                                               inspecting_body_id=data.pop("inspecting_body"),
                                               subject_ids=data.pop("subjects"), **data)


@extend_schema_view(create=extend_schema(request=serializers.InspectionInputSerializer))
class InspectionViewSet(ScopedCreateViewSet):
    """Cases (checks and inspections) and their life: planned -> open (decision issued) -> findings_recorded ->
    closed. A step the case's status does not allow answers 409."""

    selector = staticmethod(selectors.inspection_list)
    rules = {
        "create": services.may_direct_inspections, "open": services.may_direct_inspections,
        "close": services.may_direct_inspections, "team": services.may_direct_inspections,
        "subjects": services.may_staff_cases, "items": services.may_work_cases,
        "findings": services.may_work_cases, "evidence": services.may_work_cases,
        "record_findings": services.may_work_cases, "check_record": check_records.may_issue_check_records,
    }
    serializer_class = serializers.InspectionSerializer
    input_serializer_class = serializers.InspectionInputSerializer
    filterset_class = filtersets.InspectionFilterSet
    search_fields = ["title", "decision_number"]
    ordering_fields = ["id", "decision_date", "status", "created_at"]
    ordering = ["-id"]

    def perform_service(self, data):
        return services.inspection_create(
            actor=self.request.user, inspecting_body_id=data.pop("inspecting_body"), topic_id=data.pop("topic"),
            plan_id=data.pop("plan"), subject_ids=data.pop("subjects", None), **data)

    @extend_schema(request=serializers.DecisionInputSerializer)
    @action(detail=True, methods=["post"])
    def open(self, request, pk=None):
        """An officer issues the check decision (number, date, signer): the case opens, its team may work and the
        inspected organisations see it. Needs a team with its leader and a subject."""
        inspection = self.scoped_object()
        data = self.read_input(serializers.DecisionInputSerializer)
        services.inspection_open(actor=request.user, inspection_id=inspection.pk, **data)
        return self.answer(inspection)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], url_path="record-findings")
    def record_findings(self, request, pk=None):
        """The team's leader declares the findings recorded; they no longer change."""
        inspection = self.scoped_object()
        services.inspection_record_findings(actor=request.user, inspection_id=inspection.pk)
        return self.answer(inspection)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        """An officer closes a case whose findings are recorded."""
        inspection = self.scoped_object()
        services.inspection_close(actor=request.user, inspection_id=inspection.pk)
        return self.answer(inspection)

    @extend_schema(methods=["GET"], responses=serializers.TeamMemberSerializer(many=True))
    @extend_schema(methods=["POST"], request=serializers.TeamInputSerializer,
                   responses=serializers.InspectionSerializer)
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def team(self, request, pk=None):
        """The case's team (GET); an officer names it, exactly one leader, while the case is planned (POST)."""
        inspection = self.scoped_object()
        if request.method == "POST":
            data = self.read_input(serializers.TeamInputSerializer)
            members = [services.TeamMemberInput(**member) for member in data["members"]]
            services.inspection_team_set(actor=request.user, inspection_id=inspection.pk, members=members)
            return self.answer(inspection)
        return self.page(selectors.team_of(inspection), serializers.TeamMemberSerializer)

    @extend_schema(methods=["GET"], responses=serializers.SubjectSerializer(many=True))
    @extend_schema(methods=["POST"], request=serializers.SubjectInputSerializer,
                   responses={201: serializers.SubjectSerializer})
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def subjects(self, request, pk=None):
        """The organisations checked, with what was examined at each (GET; a business sees its own); add one (POST)."""
        inspection = self.scoped_object()
        if request.method == "POST":
            data = self.read_input(serializers.SubjectInputSerializer)
            subject = services.subject_add(actor=request.user, inspection_id=inspection.pk,
                                           organization_id=data["organization"])
            found = selectors.subject_list(actor=request.user, inspection=inspection).get(pk=subject.pk)
            return Response(serializers.SubjectSerializer(found).data, status=status.HTTP_201_CREATED)
        return self.page(selectors.subject_list(actor=request.user, inspection=inspection),
                         serializers.SubjectSerializer)

    @extend_schema(request=serializers.CheckRecordInputSerializer, responses={201: serializers.SubjectSerializer})
    @action(detail=True, methods=["post"], url_path=r"subjects/(?P<subject_id>[0-9]{1,18})/check-record",
            url_name="check-record")
    def check_record(self, request, pk=None, subject_id=None):
        """A team member draws up a subject's check record (form 5.BBKT) from its findings, once: the answer is the
        subject with its document (numbered now; its PDF once a worker rendered it). A second one is a 409."""
        inspection = self.scoped_object()
        data = self.read_input(serializers.CheckRecordInputSerializer)
        witnesses = [check_records.WitnessInput(**witness) for witness in data.pop("witnesses")]
        subject = check_records.check_record_issue(actor=request.user, inspection_id=inspection.pk,
                                                   subject_id=int(subject_id), witnesses=witnesses, **data)
        found = selectors.subject_list(actor=request.user, inspection=inspection).get(pk=subject.pk)
        return Response(serializers.SubjectSerializer(found).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=serializers.ExaminedItemInputSerializer,
                   responses={201: serializers.ExaminedItemAnswerSerializer})
    @action(detail=True, methods=["post"])
    def items(self, request, pk=None):
        """Record an instrument or X-ray unit examined at a subject: found by serial in the registry (or by id),
        else as found. A registered one whose verification had lapsed comes with its pre-filled finding."""
        inspection = self.scoped_object()
        data = self.read_input(serializers.ExaminedItemInputSerializer)
        item = services.examined_item_add(
            actor=request.user, inspection_id=inspection.pk, subject_id=data.pop("subject"),
            instrument_id=data.pop("instrument"), xray_device_id=data.pop("xray_device"), **data)
        answer = serializers.ExaminedItemSerializer(item).data
        findings = selectors.finding_list(actor=request.user, inspection=inspection).filter(examined_item=item)
        answer["findings"] = serializers.FindingSerializer(findings, many=True).data
        return Response(answer, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], responses=serializers.FindingSerializer(many=True))
    @extend_schema(methods=["POST"], request=serializers.FindingInputSerializer,
                   responses={201: serializers.FindingSerializer})
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def findings(self, request, pk=None):
        """The findings, with their evidence (GET; a business sees its own subject's); record or correct one (POST)."""
        inspection = self.scoped_object()
        visible = selectors.finding_list(actor=request.user, inspection=inspection)
        if request.method == "POST":
            data = self.read_input(serializers.FindingInputSerializer)
            finding = services.finding_record(
                actor=request.user, inspection_id=inspection.pk, subject_id=data.pop("subject"),
                examined_item_id=data.pop("examined_item"), checklist_item_id=data.pop("checklist_item"), **data)
            return Response(serializers.FindingSerializer(visible.get(pk=finding.pk)).data,
                            status=status.HTTP_201_CREATED)
        return self.page(visible, serializers.FindingSerializer)

    @extend_schema(request={"multipart/form-data": serializers.EvidenceUploadSerializer},
                   responses={201: serializers.EvidenceSerializer})
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def evidence(self, request, pk=None):
        """Attach a photo or PDF to a finding: parsed whole, at most 20 MB, stored under a name the server draws."""
        inspection = self.scoped_object()
        data = self.read_input(serializers.EvidenceUploadSerializer)
        evidence = services.evidence_attach(actor=request.user, inspection_id=inspection.pk,
                                            finding_id=data["finding"], file=data["file"])
        return Response(serializers.EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, content_type): OpenApiTypes.BINARY
                              for content_type in ("application/pdf", "image/jpeg", "image/png")})
    @action(detail=True, methods=["get"], url_path=r"evidence/(?P<evidence_id>[0-9]{1,18})",
            url_name="evidence-file")
    def evidence_file(self, request, pk=None, evidence_id=None):
        """Download an evidence file, for those who see its finding: always as a file, with the type found."""
        inspection = self.scoped_object()
        evidence = selectors.evidence_get(actor=request.user, inspection=inspection, pk=int(evidence_id))
        extension = {t.content_type: t.extension for t in SCAN_TYPES}.get(evidence.content_type, "bin")
        response = FileResponse(evidence.file.open("rb"), as_attachment=True,
                                filename=f"evidence-{evidence.pk}.{extension}", content_type=evidence.content_type)
        # Never rendered as a page: no sniffing, and a sandbox should a browser open it anyway.
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

"""Violations, violation records, penalty decisions (with their payments) and remedies over HTTP (issue 9 point
7). Scope is the selectors': the case's team and officers; the violator's business reads its own records,
decisions and remedies; everyone else gets 404, reads and writes alike."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from certificates.api.base import ScopedCreateViewSet, ScopedViewSet
from inspections.api.penalties import filtersets, serializers
from inspections.selectors import penalties as selectors
from inspections.services import penalties as services


@extend_schema_view(create=extend_schema(request=serializers.ViolationInputSerializer))
class ViolationViewSet(ScopedCreateViewSet):
    """Violations found in cases; the team records them, under the type in force on the day of the act."""

    selector = staticmethod(selectors.violation_list)
    rules = {"create": services.may_record_violations}
    serializer_class = serializers.ViolationSerializer
    input_serializer_class = serializers.ViolationInputSerializer
    filterset_class = filtersets.ViolationFilterSet
    ordering_fields = ["id", "act_date"]
    ordering = ["-id"]

    def perform_service(self, data):
        return services.violation_add(
            actor=self.request.user, inspection_id=data["inspection"], violator_id=data["violator"],
            violation_type_id=data["violation_type"], facts=data["facts"], act_date=data["act_date"],
            place=data["place"], instrument_ids=data["instruments"], circumstance_ids=data["circumstances"])


@extend_schema_view(create=extend_schema(request=serializers.ViolationRecordInputSerializer))
class ViolationRecordViewSet(ScopedCreateViewSet):
    """Violation records (MBB01), one per violator of a case, each issued as a document with its QR code."""

    selector = staticmethod(selectors.violation_record_list)
    rules = {"create": services.may_record_violations}
    serializer_class = serializers.ViolationRecordSerializer
    input_serializer_class = serializers.ViolationRecordInputSerializer
    filterset_class = filtersets.ViolationRecordFilterSet
    ordering_fields = ["id", "made_on"]
    ordering = ["-id"]

    def perform_service(self, data):
        witnesses = [services.WitnessInput(**witness) for witness in data.pop("witnesses")]
        return services.violation_record_issue(actor=self.request.user, inspection_id=data.pop("inspection"),
                                               violator_id=data.pop("violator"), witnesses=witnesses, **data)


@extend_schema_view(create=extend_schema(request=serializers.PenaltyDecisionInputSerializer))
class PenaltyDecisionViewSet(ScopedCreateViewSet):
    """Penalty decisions (MQĐ02): the fines, the remedies, the deadlines, what was paid and whether late."""

    selector = staticmethod(selectors.penalty_decision_list)
    rules = {"create": services.may_sanction, "payments": services.may_record_payments}
    serializer_class = serializers.PenaltyDecisionSerializer
    input_serializer_class = serializers.PenaltyDecisionInputSerializer
    filterset_class = filtersets.PenaltyDecisionFilterSet
    ordering_fields = ["id", "decided_on", "payment_due_on", "total_fine"]
    ordering = ["-decided_on", "-id"]

    def perform_service(self, data):
        fines = [services.FineInput(**fine) for fine in data.pop("fines")]
        remedies = [services.RemedyInput(**remedy) for remedy in data.pop("remedies")]
        return services.penalty_decision_issue(actor=self.request.user, record_id=data.pop("record"), fines=fines,
                                               remedies=remedies, **data)

    @extend_schema(methods=["GET"], responses=serializers.PaymentSerializer(many=True))
    @extend_schema(methods=["POST"], request=serializers.PaymentInputSerializer,
                   responses={201: serializers.PaymentSerializer})
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def payments(self, request, pk=None):
        """The payments of the fine (GET); an officer records one from the treasury's receipt (POST)."""
        decision = self.scoped_object()
        if request.method == "POST":
            data = self.read_input(serializers.PaymentInputSerializer)
            payment = services.payment_record(actor=request.user, decision_id=decision.pk, **data)
            return Response(serializers.PaymentSerializer(payment).data, status=status.HTTP_201_CREATED)
        return self.page(selectors.payment_list(actor=request.user, decision=decision),
                         serializers.PaymentSerializer)


class RemedyViewSet(ScopedViewSet):
    """Remedial measures of the decisions; "have the instrument verified" closes with the instrument's next
    passing verification, which it names."""

    selector = staticmethod(selectors.remedy_list)
    serializer_class = serializers.RemedySerializer
    filterset_class = filtersets.RemedyFilterSet
    ordering_fields = ["id", "deadline", "status"]
    ordering = ["deadline", "id"]

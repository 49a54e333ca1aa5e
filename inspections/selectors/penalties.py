"""Reads of violations, violation records, penalty decisions, payments and remedies, scoped to the caller.

The case's team and officers see everything of the case; the violator's business users see their own records,
decisions, payments and remedies, and the violations a record was drawn up over (never the team's work in
progress); everyone else gets 404, on reads and writes alike.
"""

from datetime import date

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from inspections.models import (
    Payment,
    PenaltyDecision,
    PenaltyItem,
    Remedy,
    TeamMember,
    Violation,
    ViolationRecord,
)
from registry.models import Role, User
from registry.permissions import role_of

__all__ = [
    "PAID", "PARTLY_PAID", "UNPAID",
    "payment_list", "penalty_decision_document_scope", "penalty_decision_get", "penalty_decision_list",
    "remedy_list", "violation_get", "violation_list", "violation_record_document_scope", "violation_record_get",
    "violation_record_list",
]

PAID, PARTLY_PAID, UNPAID = "paid", "partly_paid", "unpaid"


def _scope(queryset: QuerySet, *, actor: User, case: str, violator: str) -> QuerySet:
    """Officers: all; inspectors: their teams' cases; a business: its own organisation's, as violator."""
    if actor.role == Role.OFFICER:
        return queryset
    if actor.role == Role.INSPECTOR:
        on_team = TeamMember.objects.filter(inspection_id=OuterRef(case), inspector_id=actor.pk)
        return queryset.filter(Exists(on_team))
    if actor.role == Role.BUSINESS and actor.organization_id:
        return queryset.filter(**{violator: actor.organization_id})
    return queryset.none()


def _documents_of(model, actor) -> Q:
    """The documents about the rows of `model` the caller sees (a document kind's scope, certificates.kinds): the
    case's team's and the officers', the violator's own; not every inspector's, as the access policy alone says."""
    if role_of(actor) is None:
        return Q(pk__in=[])
    rows = _scope(model.objects.all(), actor=actor, case="inspection_id", violator="violator_id")
    return Q(subject_id__in=rows.values("pk"))


def violation_record_document_scope(actor) -> Q:
    return _documents_of(ViolationRecord, actor)


def penalty_decision_document_scope(actor) -> Q:
    return _documents_of(PenaltyDecision, actor)


def violation_list(*, actor: User) -> QuerySet[Violation]:
    """Violations, with their type, violator, instruments and circumstances. A business sees its own once a
    violation record was drawn up over them."""
    violations = Violation.objects.select_related("violation_type", "violator", "inspection").prefetch_related(
        "instruments", "circumstances")
    violations = _scope(violations, actor=actor, case="inspection_id", violator="violator_id")
    if actor.role == Role.BUSINESS:
        violations = violations.filter(Exists(ViolationRecord.violations.through.objects.filter(
            violation_id=OuterRef("pk"))))
    return violations


def violation_get(*, actor: User, pk: int) -> Violation:
    return get_object_or_404(violation_list(actor=actor), pk=pk)


def violation_record_list(*, actor: User) -> QuerySet[ViolationRecord]:
    records = ViolationRecord.objects.select_related("inspection", "violator").prefetch_related(
        Prefetch("violations", queryset=Violation.objects.select_related("violation_type").order_by("id")),
        "documents")
    return _scope(records, actor=actor, case="inspection_id", violator="violator_id")


def violation_record_get(*, actor: User, pk: int) -> ViolationRecord:
    return get_object_or_404(violation_record_list(actor=actor), pk=pk)


def _with_payment_state(decisions: QuerySet, today: date) -> QuerySet:
    """The sum paid, whether paid / partly paid / unpaid, and late: a balance past the payment due date, or a
    payment made after it."""
    paid = (Payment.objects.filter(decision_id=OuterRef("pk")).order_by().values("decision_id")
            .annotate(total=Sum("amount")).values("total"))
    paid_late = Payment.objects.filter(decision_id=OuterRef("pk"), paid_on__gt=OuterRef("payment_due_on"))
    return decisions.annotate(paid_amount=Coalesce(Subquery(paid), Value(0))).annotate(
        payment_status=Case(
            When(paid_amount__gte=F("total_fine"), then=Value(PAID)),
            When(paid_amount__gt=0, then=Value(PARTLY_PAID)),
            default=Value(UNPAID), output_field=CharField()),
        late=Case(
            When(Q(paid_amount__lt=F("total_fine")) & Q(payment_due_on__lt=today), then=Value(True)),
            When(Exists(paid_late), then=Value(True)),
            default=Value(False), output_field=BooleanField()),
    )


def penalty_decision_list(*, actor: User, today: date | None = None) -> QuerySet[PenaltyDecision]:
    decisions = PenaltyDecision.objects.select_related("inspection", "violator", "record", "signer").prefetch_related(
        Prefetch("items", queryset=PenaltyItem.objects.select_related("violation__violation_type")),
        Prefetch("remedies", queryset=Remedy.objects.order_by("id")),
        Prefetch("payments", queryset=Payment.objects.order_by("paid_on", "id")),
        "documents",
    )
    decisions = _with_payment_state(decisions, today or timezone.localdate())
    return _scope(decisions, actor=actor, case="inspection_id", violator="violator_id")


def penalty_decision_get(*, actor: User, pk: int) -> PenaltyDecision:
    return get_object_or_404(penalty_decision_list(actor=actor), pk=pk)


def payment_list(*, actor: User, decision: PenaltyDecision) -> QuerySet[Payment]:
    return Payment.objects.filter(decision=decision).select_related("recorded_by").order_by("paid_on", "id")


def remedy_list(*, actor: User) -> QuerySet[Remedy]:
    remedies = Remedy.objects.select_related("decision__violator", "instrument", "closed_by_verification")
    return _scope(remedies, actor=actor, case="decision__inspection_id", violator="decision__violator_id")

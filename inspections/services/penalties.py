"""Violations, the violation record per violator, penalty decisions, payments and remedies (issue 9, points 3-6).

Who may do what (DESIGN.md §4): the inspectors of a case's team record its violations and draw up the violation
record while the case is open or its findings recorded; an officer (who holds the power to sanction) issues the
decision over one record's violations and records the payments. Every write fetches what it changes through the
caller's scope (404 outside it) and locks it first.

The law's numbers are never code: ranges come from the catalogue row in force on the day of the act, deadlines and
limitations from the LegalParameter rows through inspections.selectors.catalog, the arithmetic from
inspections.law.
"""

from dataclasses import asdict, dataclass
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record_created
from certificates.services import document_request
from config.exceptions import Conflict
from inspections import law
from inspections.models import (
    Circumstance,
    CircumstanceKind,
    DecisionDeadlineCase,
    ExaminedItem,
    Inspection,
    InspectionStatus,
    Payment,
    PenaltyDecision,
    PenaltyItem,
    Remedy,
    RemedyKind,
    RemedyStatus,
    Subject,
    Violation,
    ViolationRecord,
)
from inspections.selectors.cases import inspection_get_for_update, is_team_member
from inspections.selectors.catalog import (
    decision_deadline,
    legal_period,
    payment_deadline,
    sanction_limitation,
    violation_type_in_force,
)
from inspections.selectors.penalties import penalty_decision_list, violation_record_list
from inspections.services import competence
from inspections.services.check_records import WitnessInput  # one witness shape for every record
from registry.models import Role, User, Verification, VerificationResult
from registry.permissions import has_role, require

__all__ = [
    "FineInput", "RemedyInput", "WitnessInput",
    "may_record_payments", "may_record_violations", "may_sanction",
    "payment_record", "penalty_decision_issue", "remedies_close_by_verification", "violation_add",
    "violation_record_issue",
]

VIOLATION_RECORD_KIND = "violation_record"
PENALTY_DECISION_KIND = "penalty_decision"

# A case's violations are recorded at the site and after it, until the case is closed.
WORK_STATUSES = (InspectionStatus.OPEN, InspectionStatus.FINDINGS_RECORDED)


@dataclass(frozen=True)
class FineInput:
    violation: int
    amount: int


@dataclass(frozen=True)
class RemedyInput:
    kind: str
    deadline: date
    text: str = ""
    instrument: int | None = None


def may_record_violations(actor: User) -> bool:
    """The inspectors of a case's team record its violations and draw up the violation records."""
    return has_role(actor, Role.INSPECTOR)


def may_sanction(actor: User) -> bool:
    """Officers and inspectors may hold a power to sanction (a title of Decree 189/2025, or by delegation, MQĐ34;
    a team leader's in the cases they lead); which one they hold on the decision's day, and its cap, is
    services.competence's to check (403 without one)."""
    return has_role(actor, Role.OFFICER, Role.INSPECTOR)


def may_record_payments(actor: User) -> bool:
    """Officers record the treasury's receipts."""
    return has_role(actor, Role.OFFICER)


# --- violations -------------------------------------------------------------------------------------------------

def _case_for_violations(actor: User, inspection_id: int) -> Inspection:
    """The case locked, for a member of its team (403 for anyone else who sees it), while it is open or its
    findings recorded (409 otherwise)."""
    inspection = inspection_get_for_update(actor=actor, pk=inspection_id)
    require(may_record_violations(actor) and is_team_member(actor, inspection))
    if inspection.status not in WORK_STATUSES:
        raise Conflict({"status": _("Violations are recorded only while the case is open or its findings "
                                    "recorded.")})
    return inspection


def _violator(inspection: Inspection, organization_id: int) -> Subject:
    subject = Subject.objects.filter(inspection=inspection, organization_id=organization_id).select_related(
        "organization").first()
    if subject is None:
        raise ValidationError({"violator": _("The violator must be an organization checked in this case.")})
    return subject


def _not_in_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("This date cannot be in the future.")})


def _instruments(subject: Subject, ids: list[int]) -> list[int]:
    """Registered instruments of the violator examined at its subject of the case (400 naming the first other)."""
    found = set(ExaminedItem.objects.filter(subject=subject, instrument_id__in=ids,
                                            instrument__owner_id=subject.organization_id)
                .values_list("instrument_id", flat=True))
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"instruments": _(
            "Instrument %(id)s is not a registered instrument of the violator examined in this case.")
            % {"id": missing[0]}})
    return list(dict.fromkeys(ids))


def _circumstances(ids: list[int]) -> list[Circumstance]:
    found = {row.pk: row for row in Circumstance.objects.filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"circumstances": _("Unknown circumstance: %(id)s.") % {"id": missing[0]}})
    return [found[pk] for pk in dict.fromkeys(ids)]


@transaction.atomic
def violation_add(*, actor: User, inspection_id: int, violator_id: int, violation_type_id: int, facts: str,
                  act_date: date, place: str = "", instrument_ids: list[int] = (),
                  circumstance_ids: list[int] = ()) -> Violation:
    """Record a violation found in a case, under the catalogue's version in force on the day of the act (any
    version of the type may be named; the act's day picks the one applied). Not once the violator's record is
    drawn up: the record and the decision speak of what was recorded before it."""
    inspection = _case_for_violations(actor, inspection_id)
    subject = _violator(inspection, violator_id)
    _not_in_future(act_date, "act_date")
    if not facts.strip():
        raise ValidationError({"facts": _("Describe the facts of the violation.")})
    violation_type = violation_type_in_force(violation_type_id, on=act_date, field="violation_type")
    instruments = _instruments(subject, list(instrument_ids))
    circumstances = _circumstances(list(circumstance_ids))
    if ViolationRecord.objects.filter(inspection=inspection, violator_id=violator_id).exists():
        raise Conflict({"violator": _("The violation record of this violator is already drawn up in this case.")})
    violation = Violation.objects.create(
        inspection=inspection, violator=subject.organization, violation_type=violation_type, facts=facts.strip(),
        act_date=act_date, place=place.strip(), recorded_by=actor)
    violation.instruments.set(instruments)
    violation.circumstances.set(circumstances)
    return violation


# --- the violation record ---------------------------------------------------------------------------------------

@transaction.atomic
def violation_record_issue(*, actor: User, inspection_id: int, violator_id: int, place: str, made_on: date,
                           made_at: time, ended_at: time, representative_name: str = "",
                           representative_title: str = "", violator_statement: str = "",
                           violator_refused: bool = False, refusal_reason: str = "",
                           witnesses: list[WitnessInput] = ()) -> ViolationRecord:
    """Draw up the violation record (MBB01) of one violator of a case over its violations, and request its PDF
    in the same transaction. One per violator and case: a second is a 409. A refusal to sign needs a witness."""
    inspection = _case_for_violations(actor, inspection_id)
    subject = _violator(inspection, violator_id)
    _not_in_future(made_on, "made_on")
    if made_on < inspection.decision_date:
        raise ValidationError({"made_on": _("A record cannot be dated before the case's decision.")})
    if ended_at < made_at:
        raise ValidationError({"ended_at": _("The record cannot end before it began.")})
    if violator_refused and not witnesses:
        raise ValidationError({"witnesses": _(
            "A refusal to sign is recorded with the witnesses who saw it (Law Art. 58.3).")})
    violations = list(inspection.violations.filter(violator_id=violator_id).order_by("id"))
    if not violations:
        raise ValidationError({"violator": _("No violation of this violator is recorded in this case.")})
    if ViolationRecord.objects.filter(inspection=inspection, violator_id=violator_id).exists():
        raise Conflict({"violator": _("The violation record of this violator is already drawn up in this case.")})
    record = ViolationRecord(
        inspection=inspection, violator=subject.organization,
        violator_legal_form=subject.organization.legal_form, made_on=made_on, made_at=made_at, ended_at=ended_at,
        place=place.strip(), representative_name=representative_name.strip(),
        representative_title=representative_title.strip(), violator_statement=violator_statement.strip(),
        violator_refused=violator_refused, refusal_reason=refusal_reason.strip() if violator_refused else "",
        witnesses=[{"name": w.name.strip(), "title": w.title.strip(), "organization": w.organization.strip()}
                   for w in witnesses], issued_by=actor)
    record.full_clean(exclude=["inspection", "violator", "issued_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as exc:
        raise Conflict({"violator": _(
            "The violation record of this violator is already drawn up in this case.")}) from exc
    record.violations.set(violations)
    document_request(kind=VIOLATION_RECORD_KIND, subject=record, requested_by=actor)
    return record


# --- the penalty decision -------------------------------------------------------------------------------------------

def _decision_due(record: ViolationRecord, decided_on: date, deadline_case: str) -> date:
    """The last day of the decision (Law Art. 66.1): a decision after it is refused, naming the day and the case."""
    due_on = decision_deadline(record.made_on, deadline_case, field="decided_on")
    if decided_on > due_on:
        raise ValidationError({"decided_on": _(
            "The decision was due by %(day)s: %(period)s after the violation record of %(record)s (Law on Handling "
            "Administrative Violations Art. 66.1). A longer period applies only in the cases the law names "
            "(deadline_case).") % {"day": due_on.strftime("%d/%m/%Y"),
                                   "period": DecisionDeadlineCase(deadline_case).label,
                                   "record": record.made_on.strftime("%d/%m/%Y")}})
    return due_on


def _fine_items(violations: list[Violation], fines: list[FineInput], decided_on: date, *,
                organization: bool) -> list[PenaltyItem]:
    """One fine per violation of the record, each within what the fine rule allows for the violator (an
    organisation's range, or an individual's for a household business or a person) with the violation's
    circumstances, and none barred by the sanctioning limitation."""
    by_id = {fine.violation: fine.amount for fine in fines}
    if len(by_id) != len(fines) or set(by_id) != {violation.pk for violation in violations}:
        raise ValidationError({"fines": _("Give one fine for each violation of the record, and only those.")})
    items = []
    for violation in violations:
        violation_type = violation.violation_type
        law.sanction_limitation_check(sanction_limitation(
            violation.act_date, decided_on, limitation_group=violation_type.limitation_group, field="decided_on"),
            field="decided_on")
        kinds = [circumstance.kind for circumstance in violation.circumstances.all()]
        rule = law.fine_rule(law.violation_fine_range(violation_type, organization=organization, field="fines"),
                             aggravating=kinds.count(CircumstanceKind.AGGRAVATING),
                             mitigating=kinds.count(CircumstanceKind.MITIGATING))
        amount = law.fine_amount_check(by_id[violation.pk], rule, field="fines")
        items.append(PenaltyItem(violation=violation, fine=amount, basis=rule.basis))
    return items


def _remedies(violations: list[Violation], remedies: list[RemedyInput], decided_on: date) -> list[Remedy]:
    """The remedial measures; "have the instrument verified" names an instrument concerned by the violations."""
    concerned = {instrument.pk: instrument for violation in violations for instrument in violation.instruments.all()}
    built = []
    for remedy in remedies:
        if remedy.deadline < decided_on:
            raise ValidationError({"remedies": _("A remedy's deadline cannot come before the decision.")})
        instrument = None
        if remedy.kind == RemedyKind.VERIFY_INSTRUMENT:
            instrument = concerned.get(remedy.instrument)
            if instrument is None:
                raise ValidationError({"remedies": _(
                    "Name the instrument to have verified, among those the violations concern.")})
            text = remedy.text.strip() or f"Buộc thực hiện kiểm định phương tiện đo số {instrument.serial_number}"
        else:
            text = remedy.text.strip()
            if not text:
                raise ValidationError({"remedies": _("Describe the remedial measure.")})
        built.append(Remedy(kind=remedy.kind, instrument=instrument, text=text, deadline=remedy.deadline))
    return built


def _received_on(decided_on: date) -> date:
    """When the violator is taken to receive the decision: it is sent within the period of Law Art. 70 (2 working
    days), the catalogue's parameter penalty-decision-sending."""
    return law.period_end(decided_on, legal_period("penalty-decision-sending", on=decided_on, field="received_on"))


@transaction.atomic
def penalty_decision_issue(*, actor: User, record_id: int, decided_on: date, fines: list[FineInput],
                           deadline_case: str = DecisionDeadlineCase.DEFAULT, received_on: date | None = None,
                           remedies: list[RemedyInput] = (), treasury_account: str = "", signer_name: str = "",
                           signer_title: str = "") -> PenaltyDecision:
    """Issue the penalty decision (MQĐ02) over one violation record's violations, and request its PDF. The actor
    signs it under their sanctioning power in force on decided_on at the case's department (403 without one).
    Refused (400, with the reason) after its due date, after the sanctioning limitation of an act, with a fine the
    law does not allow (naming the range) or one beyond the title's cap (naming it); a second decision on a record
    is a 409. signer_name and signer_title are ignored (kept for older callers): the power says who signs, as what."""
    require(may_sanction(actor))
    competence.sanctioning_power_require(actor=actor, on=decided_on)  # 403 before the body is looked at further
    record = (violation_record_list(actor=actor).select_for_update(no_key=True, of=("self",))
              .filter(pk=record_id).first())
    if record is None:
        raise ValidationError({"record": _("Unknown violation record.")})
    if PenaltyDecision.objects.filter(record=record).exists():
        raise Conflict({"record": _("A penalty decision was already issued on this violation record.")})
    power = competence.sanctioning_power_require(actor=actor, on=decided_on, inspection=record.inspection)
    _not_in_future(decided_on, "decided_on")
    if decided_on < record.made_on:
        raise ValidationError({"decided_on": _("A decision cannot come before its violation record.")})
    due_on = _decision_due(record, decided_on, deadline_case)
    violations = list(record.violations.select_related("violation_type").prefetch_related(
        "circumstances", "instruments").order_by("id"))
    organization = not record.sanctioned_as_individual
    items = _fine_items(violations, list(fines), decided_on, organization=organization)
    competence.fines_within_cap(power, items, organization=organization)
    built_remedies = _remedies(violations, list(remedies), decided_on)
    competence.competence_remedies_check(power, built_remedies)
    received_on = received_on or _received_on(decided_on)
    if received_on < decided_on:
        raise ValidationError({"received_on": _("The decision cannot be received before it is made.")})
    decision = PenaltyDecision(
        inspection_id=record.inspection_id, violator_id=record.violator_id, record=record, decided_on=decided_on,
        deadline_case=deadline_case, due_on=due_on, received_on=received_on,
        payment_due_on=payment_deadline(received_on), total_fine=sum(item.fine for item in items), signer=actor,
        signer_power=power, **asdict(competence.signer_fields(power)), treasury_account=treasury_account.strip())
    decision.full_clean(exclude=["inspection", "violator", "record", "signer", "signer_power"],
                        validate_constraints=False)
    decision.save()
    for item in items:
        item.decision = decision
    audit_record_created(actor=actor, instances=PenaltyItem.objects.bulk_create(items))
    for remedy in built_remedies:
        remedy.decision = decision
        remedy.save()
    document_request(kind=PENALTY_DECISION_KIND, subject=decision, requested_by=actor)
    return decision


# --- payments ---------------------------------------------------------------------------------------------------

@transaction.atomic
def payment_record(*, actor: User, decision_id: int, paid_on: date, amount: int, receipt_number: str) -> Payment:
    """Record a payment of a decision's fine from the treasury's receipt; more than the balance is refused, the
    same receipt twice is a 409."""
    decision = (penalty_decision_list(actor=actor).select_for_update(no_key=True, of=("self",))
                .filter(pk=decision_id).first())
    if decision is None:
        raise ValidationError({"decision": _("Unknown penalty decision.")})
    require(may_record_payments(actor))
    _not_in_future(paid_on, "paid_on")
    if paid_on < decision.decided_on:
        raise ValidationError({"paid_on": _("A payment cannot come before the decision.")})
    paid = Payment.objects.filter(decision=decision).aggregate(total=Sum("amount"))["total"] or 0
    balance = decision.total_fine - paid
    if amount <= 0 or amount > balance:
        raise ValidationError({"amount": _("The amount must be above 0 and at most the balance of %(balance)s VND.")
                               % {"balance": law.format_vnd(balance)}})
    receipt_number = receipt_number.strip()
    if Payment.objects.filter(decision=decision, receipt_number=receipt_number).exists():
        raise Conflict({"receipt_number": _("This receipt is already recorded for this decision.")})
    return Payment.objects.create(decision=decision, paid_on=paid_on, amount=amount, receipt_number=receipt_number,
                                  recorded_by=actor)


# --- remedies closed by the registry --------------------------------------------------------------------------------

@transaction.atomic
def remedies_close_by_verification(*, verification: Verification) -> int:
    """A passing verification of an instrument closes the open "have it verified" remedies of decisions made on
    or before its day, naming it; a failed one closes nothing. Returns how many were closed."""
    if verification.result != VerificationResult.PASS:
        return 0
    remedies = list(Remedy.objects.select_for_update(no_key=True).filter(
        kind=RemedyKind.VERIFY_INSTRUMENT, status=RemedyStatus.OPEN, instrument_id=verification.instrument_id,
        decision__decided_on__lte=verification.performed_on))
    now = timezone.now()
    for remedy in remedies:
        remedy.status, remedy.closed_by_verification, remedy.closed_at = RemedyStatus.CLOSED, verification, now
        remedy.save(update_fields=["status", "closed_by_verification", "closed_at"])
    return len(remedies)

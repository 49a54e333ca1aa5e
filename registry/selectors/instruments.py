"""Reads of the instrument register (the catalogue, instruments, verifications), scoped to the caller."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import (
    Case,
    CharField,
    Count,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Document
from certificates.selectors import document_newest_number
from registry.models import (
    Instrument,
    InstrumentType,
    InstrumentTypeRevision,
    Role,
    User,
    Verification,
    VerificationResult,
    VerificationStatus,
    identity_key,
)
from registry.selectors.organizations import READ_ALL_ROLES

__all__ = [
    "PublicInstrument",
    "VerificationState",
    "current_revision",
    "instrument_changes",
    "instrument_get",
    "instrument_get_for_update",
    "instrument_list",
    "instrument_lookup",
    "instrument_public_lookup",
    "instrument_status_counts",
    "instrument_type_get",
    "instrument_type_list",
    "instrument_verification_state",
    "instrument_verifications",
    "type_revision_in_force",
    "verification_get",
    "verification_list",
    "verification_list_of_day",
    "verification_status_q",
]

def instrument_type_list(*, actor: User | None = None) -> QuerySet[InstrumentType]:
    """The catalogue with every revision, newest first, so the one in force is picked in memory. Everyone reads
    the whole catalogue (it is public law): the caller is taken only to be called as every selector is."""
    return InstrumentType.objects.prefetch_related(
        Prefetch("revisions", queryset=InstrumentTypeRevision.objects.order_by("-in_force_from"))
    )


def instrument_type_get(*, pk: int) -> InstrumentType:
    instrument_type = InstrumentType.objects.filter(pk=pk).first()
    if instrument_type is None:
        raise ValidationError({"instrument_type": _("Unknown instrument type.")})
    return instrument_type


def type_revision_in_force(*, instrument_type: InstrumentType, on: date) -> InstrumentTypeRevision:
    """The rules of a type on a day: the revision with the latest in-force date not after it."""
    revision = (
        InstrumentTypeRevision.objects.filter(instrument_type=instrument_type, in_force_from__lte=on)
        .order_by("-in_force_from").first()
    )
    if revision is None:
        raise ValidationError({"performed_on": _("No legal rules for this instrument type were in force on %(day)s.")
                               % {"day": on.isoformat()}})
    return revision


def current_revision(instrument_type: InstrumentType) -> InstrumentTypeRevision | None:
    """From prefetched revisions (newest first): the one in force today."""
    today = timezone.localdate()
    return next((rev for rev in instrument_type.revisions.all() if rev.in_force_from <= today), None)


def _status_bounds() -> tuple[date, date]:
    today = timezone.localdate()
    return today, today + timedelta(days=settings.DUE_SOON_DAYS)


def verification_status_q(status: str) -> Q:
    """The indexed condition for one verification status, as of today."""
    today, soon = _status_bounds()
    passed = Q(last_result=VerificationResult.PASS)
    return {
        VerificationStatus.NEVER_VERIFIED: Q(last_result=""),
        VerificationStatus.FAILED: Q(last_result=VerificationResult.FAIL),
        VerificationStatus.EXPIRED: passed & Q(valid_until__lt=today),
        VerificationStatus.DUE_SOON: passed & Q(valid_until__gte=today, valid_until__lte=soon),
        VerificationStatus.VALID: passed & (Q(valid_until__isnull=True) | Q(valid_until__gt=soon)),
    }[status]


def _with_status(instruments: QuerySet[Instrument]) -> QuerySet[Instrument]:
    return instruments.annotate(
        verification_status=Case(
            *(When(verification_status_q(status), then=Value(status.value)) for status in VerificationStatus),
            output_field=CharField(),
        )
    )


def _instrument_scope(*, actor: User) -> QuerySet[Instrument]:
    instruments = Instrument.objects.all()
    if actor.role in READ_ALL_ROLES:
        return instruments
    if actor.role == Role.BUSINESS:
        return instruments.filter(owner_id=actor.organization_id)
    if actor.role == Role.TECHNICIAN:
        # What the body registered, or what its owner (or an officer) assigned to it (Circular 23/2013
        # Art. 20.1): the same set it may verify. A body that verified an instrument once keeps its own
        # verifications (verification_list), not the instrument's later history under another body.
        return instruments.filter(
            Q(registered_by_organization_id=actor.organization_id) | Q(assigned_body_id=actor.organization_id)
        )
    return instruments.none()


def instrument_list(*, actor: User) -> QuerySet[Instrument]:
    return _with_status(_instrument_scope(actor=actor)).select_related("instrument_type", "owner")


def instrument_status_counts(*, actor: User) -> dict[str, int]:
    """How many of the caller's instruments are in each verification status today, every status present (0 when
    none), in VerificationStatus order: one query. Each count is the list that instrument_list filtered by
    verification_status_q gives, so a count and the list behind it never disagree."""
    counts = dict(_with_status(_instrument_scope(actor=actor)).order_by().values_list("verification_status")
                  .annotate(count=Count("id")))
    return {status.value: counts.get(status.value, 0) for status in VerificationStatus}


def instrument_lookup(*, actor: User, serial_number: str) -> QuerySet[Instrument]:
    """Instruments by their exact serial number (case and spacing aside), within the caller's scope: a
    technician finds what its body registered or was assigned, never another owner's instrument."""
    return instrument_list(actor=actor).filter(serial_key=identity_key(serial_number, drop_spaces=True))


# The public register search answers at most this many instruments: a serial is shared by few types and makers.
PUBLIC_LOOKUP_LIMIT = 20


@dataclass(frozen=True)
class PublicInstrument:
    """What anyone may know of a registered instrument: its type, valid-until and verification status."""

    type_name: str
    type_name_en: str
    valid_until: date | None
    status: str  # a VerificationStatus value


def instrument_public_lookup(*, serial_number: str) -> list[PublicInstrument]:
    """Anyone's search of the register by exact serial number (case and spacing aside), issue 10. Only the public
    facts leave this function, never the instrument: no page can reach its owner, location or maker."""
    found = _with_status(Instrument.objects.filter(serial_key=identity_key(serial_number, drop_spaces=True)))
    rows = found.order_by("instrument_type__name", "id").values_list(
        "instrument_type__name", "instrument_type__name_en", "valid_until", "verification_status")
    return [PublicInstrument(*row) for row in rows[:PUBLIC_LOOKUP_LIMIT]]


def instrument_get(*, actor: User, pk: int) -> Instrument:
    return get_object_or_404(instrument_list(actor=actor), pk=pk)


def instrument_get_for_update(*, actor: User, pk: int, field: str = "instrument") -> Instrument:
    """Lock an instrument the caller may write to. One outside the caller's scope answers exactly as one
    that does not exist: 404, naming `field` (the instrument is the subject of the write, as if in its path).

    A technician writes only to what its body registered or was assigned (Circular 23/2013 Art. 20.1: the
    owner chooses the body). The row is locked alone, then its relations are read by later statements:
    a join taken in the same statement as a lock that had to wait shows the rows of before the wait (on
    PostgreSQL the locked row is re-read, the joined ones are not), which once gave a null last
    verification beside a set last_verification_id."""
    instrument = (
        _instrument_scope(actor=actor).select_for_update(no_key=True, of=("self",))
        .select_related("instrument_type")  # the catalogue row never changes under a verification
        .filter(pk=pk).first()
    )
    if instrument is None:
        raise Http404({field: [_("No such instrument among those you may write to.")]})
    return instrument


def _verification_scope(*, actor: User) -> QuerySet[Verification]:
    verifications = Verification.objects.all()
    if actor.role in READ_ALL_ROLES:
        return verifications
    if actor.role == Role.BUSINESS:
        return verifications.filter(instrument__owner_id=actor.organization_id)
    if actor.role == Role.TECHNICIAN:
        return verifications.filter(verification_body_id=actor.organization_id)
    return verifications.none()


def verification_list(*, actor: User) -> QuerySet[Verification]:
    return _verification_scope(actor=actor).select_related(
        "instrument__instrument_type", "instrument__owner", "verification_body", "performed_by", "type_revision"
    ).prefetch_related("readings", Prefetch("documents", queryset=Document.objects.order_by("-id")))


def verification_list_of_day(*, actor: User, day: date) -> QuerySet[Verification]:
    """The verifications performed on a day, as the caller may see them (a technician: its body's), the last
    recorded first: a technician's work list of the day (issue 10)."""
    return verification_list(actor=actor).filter(performed_on=day).order_by("-created_at", "-id")


def verification_get(*, actor: User, pk: int) -> Verification:
    return get_object_or_404(verification_list(actor=actor), pk=pk)


def instrument_verifications(*, actor: User, instrument: Instrument) -> QuerySet[Verification]:
    """An instrument's verifications, newest first, for its history page (the caller may see the instrument)."""
    return Verification.objects.filter(instrument=instrument).select_related(
        "verification_body", "performed_by", "type_revision"
    ).prefetch_related("readings", Prefetch("documents", queryset=Document.objects.order_by("-id")))


def instrument_changes(*, instrument: Instrument, limit: int = 100):
    """The instrument's last record changes (who, when, what kind), newest first, for its history page."""
    return instrument.history.select_related("history_user").order_by("-history_date")[:limit]


@dataclass(frozen=True)
class VerificationState:
    """An instrument's (or X-ray unit's) verification as it stood on a day: `status` is valid, expired, failed or
    never_verified; the certificate is that of the last pass on or before the day (a fail has none of its own)."""

    status: str
    performed_on: date | None = None
    valid_until: date | None = None
    certificate_number: str = ""
    certificate_performed_on: date | None = None

    @property
    def lapsed(self) -> bool:
        return self.status in (VerificationStatus.EXPIRED, VerificationStatus.FAILED)


def state_from_verifications(latest, last_pass, on: date, certificate_number: str) -> VerificationState:
    if latest is None:
        return VerificationState(VerificationStatus.NEVER_VERIFIED)
    if latest.result == VerificationResult.FAIL:
        status = VerificationStatus.FAILED
    elif latest.valid_until is not None and latest.valid_until < on:
        status = VerificationStatus.EXPIRED
    else:
        status = VerificationStatus.VALID
    return VerificationState(
        status, performed_on=latest.performed_on, valid_until=last_pass.valid_until if last_pass else None,
        certificate_number=certificate_number or "", certificate_performed_on=last_pass.performed_on if last_pass
        else None)


def instrument_verification_state(*, instrument: Instrument, on: date) -> VerificationState:
    """The verification state of an instrument on a day, from its verifications performed on or before that day
    (not from the kept last_* columns, which say today's). The certificate number is its document's, read through
    the document pipeline's selector. The caller may see the instrument."""
    done = Verification.objects.filter(instrument=instrument, performed_on__lte=on).order_by("-performed_on", "-id")
    latest = done.first()
    last_pass = (done.filter(result=VerificationResult.PASS)
                 .annotate(certificate_number=document_newest_number(Verification)).first())
    return state_from_verifications(latest, last_pass, on, getattr(last_pass, "certificate_number", ""))

"""Instruments and their verifications: registration, recording, valid-until, certificates."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record_created
from certificates.models import DocumentStatus
from certificates.services import document_request, document_withdraw
from config.exceptions import Conflict
from registry.dates import add_months, last_day_of_month
from registry.documents.certificate.kind import VERIFICATION_CERTIFICATE
from registry.events import verification_recorded
from registry.models import (
    Instrument,
    Organization,
    OrganizationKind,
    Reading,
    Role,
    User,
    Verification,
    VerificationResult,
    identity_key,
)
from registry.permissions import has_role, require
from registry.selectors import (
    instrument_get_for_update,
    instrument_type_get,
    organization_list,
    type_revision_in_force,
)
from registry.validators import normalize_serial

__all__ = [
    "ReadingInput",
    "instrument_assign",
    "instrument_refresh_status",
    "instrument_register",
    "may_assign_instrument",
    "may_record_verification",
    "may_register_instrument",
    "reading_check",
    "valid_until_for",
    "verification_record",
]



@dataclass(frozen=True)
class ReadingInput:
    reference_value: Decimal
    measured_value: Decimal
    unit: str
    max_permissible_error: Decimal

    @property
    def error(self) -> Decimal:
        return self.measured_value - self.reference_value

    @property
    def within_tolerance(self) -> bool:
        return abs(self.error) <= self.max_permissible_error


def may_register_instrument(actor: User) -> bool:
    """Technicians and officers register for any owner, businesses their own."""
    return has_role(actor, Role.OFFICER, Role.TECHNICIAN, Role.BUSINESS)


def may_assign_instrument(actor: User) -> bool:
    """The owner (or an officer) chooses the verification body (Circular 23/2013 Art. 20.1)."""
    return has_role(actor, Role.OFFICER, Role.BUSINESS)


def may_record_verification(actor: User) -> bool:
    return has_role(actor, Role.TECHNICIAN, Role.OFFICER)


@transaction.atomic
def instrument_register(*, actor: User, instrument_type_id: int, serial_number: str, manufacturer: str,
                        owner_id: int | None, location: str, model: str = "", manufacturer_country: str = "",
                        year_made: int | None = None, accuracy_class: str = "",
                        measuring_range: str = "", assigned_body_id: int | None = None) -> Instrument:
    """Register an instrument in use. Technicians and officers register for any owner, businesses their own;
    the owner (or an officer) may name at once the verification body it chose; a business that names no owner
    registers for itself."""
    require(may_register_instrument(actor))
    if owner_id is None:
        if actor.role != Role.BUSINESS:
            raise ValidationError({"owner": _("This field is required.")})
        owner_id = actor.organization_id
    if actor.role == Role.BUSINESS and owner_id != actor.organization_id:
        raise ValidationError({"owner": _("A business registers only its own instruments.")})
    owner = organization_list(actor=actor).filter(pk=owner_id).first()
    if owner is None:
        raise ValidationError({"owner": _("Unknown organization.")})
    assigned_body = None
    if assigned_body_id is not None:
        if actor.role == Role.TECHNICIAN:
            raise ValidationError({"assigned_body": _("Only the owner or an officer chooses the verification body.")})
        assigned_body = _verification_body_get(pk=assigned_body_id)
    instrument = Instrument(
        instrument_type=instrument_type_get(pk=instrument_type_id), serial_number=normalize_serial(serial_number),
        manufacturer=manufacturer.strip(), model=model.strip(), manufacturer_country=manufacturer_country.strip(),
        year_made=year_made, accuracy_class=accuracy_class.strip(), measuring_range=measuring_range.strip(),
        owner=owner, location=location.strip(), registered_by=actor,
        registered_by_organization_id=actor.organization_id, assigned_body=assigned_body,
    )
    instrument.full_clean(validate_constraints=False)
    _raise_if_duplicate_serial(instrument)
    try:
        with transaction.atomic():
            instrument.save()
    except IntegrityError as exc:  # a concurrent registration of the same serial won the race
        raise ValidationError({"serial_number": _duplicate_serial_message()}) from exc
    return instrument


def _verification_body_get(*, pk: int) -> Organization:
    body = Organization.objects.filter(pk=pk, kind=OrganizationKind.VERIFICATION_BODY).first()
    if body is None:
        raise ValidationError({"assigned_body": _("Unknown verification body.")})
    return body


@transaction.atomic
def instrument_assign(*, actor: User, instrument_id: int, assigned_body_id: int | None) -> Instrument:
    """The owner (or an officer) chooses the verification body of an instrument (Circular 23/2013
    Art. 20.1), or withdraws the choice with None. The instrument's history records who and when."""
    instrument = instrument_get_for_update(actor=actor, pk=instrument_id)  # 404 first: never reveal the rest
    require(may_assign_instrument(actor))
    instrument.assigned_body = None if assigned_body_id is None else _verification_body_get(pk=assigned_body_id)
    instrument.save(update_fields=["assigned_body"])
    return instrument


def _duplicate_serial_message() -> str:
    return _("An instrument of this type and manufacturer with this serial number is already registered.")


def _raise_if_duplicate_serial(instrument: Instrument) -> None:
    duplicate = Instrument.objects.filter(
        instrument_type=instrument.instrument_type, manufacturer_key=identity_key(instrument.manufacturer),
        serial_key=identity_key(instrument.serial_number, drop_spaces=True),
    ).exists()
    if duplicate:
        raise ValidationError({"serial_number": _duplicate_serial_message()})


def valid_until_for(*, performed_on: date, cycle_months: int | None) -> date | None:
    """The last day of the month in which the cycle ends (Circular 24/2013 Art. 41.10); None if no cycle."""
    if not cycle_months:
        return None
    return last_day_of_month(add_months(performed_on, cycle_months))


@transaction.atomic
def verification_record(*, actor: User, instrument_id: int, kind: str, performed_on: date, procedure: str,
                        result: str, stamp_number: str = "", environment: str = "",
                        readings: list[ReadingInput] = ()) -> Verification:
    """Record a verification. A pass requests its certificate (superseding the previous one);
    a fail ends the previous certificate, since a non-compliant instrument's certificate is no longer
    valid (Circular 23/2013 Art. 20.7)."""
    require(may_record_verification(actor))
    if actor.organization_id is None:
        raise ValidationError(_("Your account belongs to no organization, so it cannot record verifications."))
    instrument = instrument_get_for_update(actor=actor, pk=instrument_id)
    _check_performed_on(instrument=instrument, performed_on=performed_on)
    revision = type_revision_in_force(instrument_type=instrument.instrument_type, on=performed_on)
    passed = result == VerificationResult.PASS
    verification = Verification(
        instrument=instrument, kind=kind, performed_on=performed_on,
        procedure=(procedure or revision.procedure).strip(), result=result, stamp_number=stamp_number.strip(),
        environment=environment.strip(), type_revision=revision, performed_by=actor,
        verification_body_id=actor.organization_id,
        valid_until=valid_until_for(performed_on=performed_on, cycle_months=revision.verification_cycle_months)
        if passed else None,
    )
    # The related rows were loaded (and locked) above: re-validating them would cost a query each.
    verification.full_clean(exclude=["instrument", "type_revision", "verification_body", "performed_by"],
                            validate_constraints=False)
    _check_readings(readings=readings, passed=passed)
    _refuse_repeat(instrument=instrument, verification=verification)
    verification.save()
    audit_record_created(actor=actor, instances=Reading.objects.bulk_create(
        Reading(verification=verification, position=index, **reading.__dict__)
        for index, reading in enumerate(readings, start=1)
    ))
    previous = _current_certificate(instrument)
    instrument_refresh_status(instrument=instrument, verification=verification)
    if passed:
        # Requested last: the numbering counter stays locked only until this transaction commits.
        document_request(kind=VERIFICATION_CERTIFICATE.kind, subject=verification, requested_by=actor,
                         supersedes=previous, supersession_reason=_("Re-verified on %(day)s") % {
                             "day": performed_on.strftime("%d/%m/%Y")} if previous else "")
    elif previous is not None:
        document_withdraw(document_id=previous.pk, recorded_by=actor, reason=_(
            "The instrument failed verification on %(day)s.") % {"day": performed_on.strftime("%d/%m/%Y")})
    transaction.on_commit(lambda: verification_recorded.send(sender=Verification, verification=verification))
    return verification


def _check_performed_on(*, instrument: Instrument, performed_on: date) -> None:
    today = timezone.localdate()
    if performed_on > today:
        raise ValidationError({"performed_on": _("A verification cannot be dated in the future (today is %(today)s).")
                               % {"today": today.isoformat()}})
    if instrument.last_verified_on and performed_on < instrument.last_verified_on:
        raise ValidationError({"performed_on": _(
            "This instrument was already verified on %(day)s; a verification cannot be dated before it.")
            % {"day": instrument.last_verified_on.isoformat()}})


def _refuse_repeat(*, instrument: Instrument, verification: Verification) -> None:
    """The same verification sent twice (a double click, a retried request) is refused, not recorded again:
    the instrument's row lock makes the second request see the first once it has committed."""
    last = instrument.last_verification
    if last is not None and all(getattr(last, field) == getattr(verification, field) for field in (
            "performed_on", "result", "kind", "stamp_number", "verification_body_id")):
        raise Conflict({"performed_on": _(
            "This verification (same day, form, result and stamp) was already recorded for this instrument.")})


def reading_check(*, number: int, reading: ReadingInput, passed: bool) -> None:
    """One reading (the `number`th of its record) against the rules of a verification: a unit, a maximum
    permissible error not below zero, and, for a pass, the measured value within it. The pages check a reading
    with it as it is typed (issue 10), so that they say what the API would answer, keyed as it answers."""
    if not (reading.unit or "").strip():
        raise ValidationError({"readings": _("Reading %(n)s has no unit.") % {"n": number}})
    if reading.max_permissible_error < 0:
        raise ValidationError({"readings": _("Reading %(n)s has a negative maximum permissible error.")
                               % {"n": number}})
    if passed and not reading.within_tolerance:
        raise ValidationError({"result": _(
            "Reading %(n)s is outside the maximum permissible error, so the result cannot be a pass.")
            % {"n": number}})


def _check_readings(*, readings, passed: bool) -> None:
    for number, reading in enumerate(readings, start=1):
        reading_check(number=number, reading=reading, passed=passed)


def _current_certificate(instrument: Instrument):
    """The certificate of the instrument's latest verification, while it is still live."""
    if instrument.last_verification_id is None:
        return None
    return (
        instrument.last_verification.documents
        .filter(status__in=[DocumentStatus.PENDING, DocumentStatus.ISSUED, DocumentStatus.FAILED])
        .order_by("-id").first()
    )


def instrument_refresh_status(*, instrument: Instrument, verification: Verification) -> None:
    """Copy the latest verification's outcome onto the instrument (the caller holds its row lock)."""
    instrument.last_verification = verification
    instrument.last_verified_on = verification.performed_on
    instrument.last_result = verification.result
    instrument.valid_until = verification.valid_until
    # Derived from the verification, whose own history records the change: no second history row.
    instrument.skip_history_when_saving = True
    try:
        instrument.save(update_fields=["last_verification", "last_verified_on", "last_result", "valid_until"])
    finally:
        del instrument.skip_history_when_saving

"""The Group 2 instrument-type catalogue, instruments, their verifications and readings."""

import unicodedata
from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models.organizations import Organization, User
from registry.validators import normalize_serial


class InstrumentType(models.Model):
    """A Group 2 measuring-instrument type (Circular 23/2013 Art. 4); its legal rules live in revisions."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    item = models.PositiveSmallIntegerField(_("list item"), help_text=_("Item number in the Art. 4 list"))
    name = models.CharField(_("name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255)
    quantity = models.CharField(_("measured quantity"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "code"]

    def __str__(self) -> str:
        return self.name


class InstrumentTypeRevision(models.Model):
    """The controls and cycle of a type under one legal basis, from the day that basis took force.

    An amendment of the list is loaded as new revisions; verifications record the revision they applied.
    A null boolean means the source left the value unconfirmed: an officer sets it, not the code.
    """

    instrument_type = models.ForeignKey(InstrumentType, on_delete=models.CASCADE, related_name="revisions")
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    in_force_from = models.DateField(_("in force from"))
    type_approval = models.BooleanField(_("type approval required"), null=True)
    initial_verification = models.BooleanField(_("initial verification required"), null=True)
    periodic_verification = models.BooleanField(_("periodic verification required"), null=True)
    after_repair_verification = models.BooleanField(_("after-repair verification required"), null=True)
    verification_cycle_months = models.PositiveSmallIntegerField(
        _("verification cycle (months)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    cross_check = models.BooleanField(_("cross-check verification"), default=False)
    procedure = models.CharField(_("verification procedure (ĐLVN)"), max_length=255, blank=True)
    procedure_confirmed = models.BooleanField(_("procedure confirmed in a source"), default=False)
    confidence = models.CharField(_("confidence"), max_length=64, blank=True)
    source_note = models.TextField(_("sources and notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument_type_id", "-in_force_from"]
        constraints = [
            models.UniqueConstraint(fields=["instrument_type", "in_force_from"], name="type_revision_unique_day"),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_type.code} ({self.legal_basis}, {self.in_force_from})"


class VerificationStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    DUE_SOON = "due_soon", _("Due soon")
    EXPIRED = "expired", _("Expired")
    NEVER_VERIFIED = "never_verified", _("Never verified")
    FAILED = "failed", _("Failed")


class VerificationResult(models.TextChoices):
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")


class VerificationKind(models.TextChoices):
    # Circular 23/2013 Art. 19.
    INITIAL = "initial", _("Initial verification")
    PERIODIC = "periodic", _("Periodic verification")
    AFTER_REPAIR = "after_repair", _("Verification after repair")


def identity_key(value: str, *, drop_spaces: bool = False) -> str:
    """Case- and spacing-insensitive form of a serial number or maker's name, the same on every database
    (SQLite's LOWER() folds ASCII only, so "CÔNG TY" and "Công ty" must be compared in Python)."""
    # normalize_serial drops the invisible and bidi characters too: "AB\u200bC" is the serial "ABC".
    folded = " ".join(unicodedata.normalize("NFC", normalize_serial(value).casefold()).split())
    return folded.replace(" ", "") if drop_spaces else folded


class SerialIdentityMixin:
    """Keeps `serial_key` and `manufacturer_key` (the unique identity of a device) in step with the fields."""

    def save(self, *args, **kwargs):
        self.serial_key = identity_key(self.serial_number, drop_spaces=True)
        self.manufacturer_key = identity_key(self.manufacturer)
        if kwargs.get("update_fields") is not None and {"serial_number", "manufacturer"} & set(kwargs["update_fields"]):
            kwargs["update_fields"] = {*kwargs["update_fields"], "serial_key", "manufacturer_key"}
        super().save(*args, **kwargs)


class Instrument(SerialIdentityMixin, models.Model):
    """A measuring instrument in use by its owner; its verification state is kept from the latest verification."""

    instrument_type = models.ForeignKey(
        InstrumentType, verbose_name=_("instrument type"), on_delete=models.PROTECT, related_name="instruments"
    )
    serial_number = models.CharField(_("serial number"), max_length=100)
    manufacturer = models.CharField(_("manufacturer"), max_length=255)
    # Derived in save(): the same serial may not be registered twice for the same type and manufacturer.
    serial_key = models.CharField(max_length=100, editable=False)
    manufacturer_key = models.CharField(max_length=255, editable=False)
    manufacturer_country = models.CharField(_("country of manufacture"), max_length=100, blank=True)
    model = models.CharField(_("model"), max_length=255, blank=True)
    year_made = models.PositiveSmallIntegerField(
        _("year made"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    accuracy_class = models.CharField(_("accuracy class"), max_length=64, blank=True)
    measuring_range = models.CharField(_("measuring range"), max_length=255, blank=True)
    owner = models.ForeignKey(
        Organization, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="instruments"
    )
    location = models.CharField(_("location"), max_length=500)
    registered_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    registered_by_organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    # The verification body the owner (or an officer) chose for this instrument (Circular 23/2013 Art. 20.1).
    # Only this body and the one that registered the instrument may record its verifications.
    assigned_body = models.ForeignKey(
        Organization, verbose_name=_("assigned verification body"), on_delete=models.PROTECT, related_name="+",
        null=True, blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # State of the latest verification, kept by services.instrument_refresh_status so that lists and
    # filters by status or valid-until are single indexed reads.
    last_verification = models.ForeignKey(
        "Verification", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_verified_on = models.DateField(null=True, blank=True)
    last_result = models.CharField(max_length=8, choices=VerificationResult.choices, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["last_verification", "last_verified_on", "last_result"])

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument_type", "manufacturer_key", "serial_key"],
                name="instrument_unique_serial_per_type_and_manufacturer",
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "valid_until"]),
            models.Index(fields=["valid_until"]),
            models.Index(fields=["serial_key"]),
            models.Index(fields=["registered_by_organization"]),
            models.Index(fields=["assigned_body"]),
        ]

    def __str__(self) -> str:
        return f"{self.instrument_type.name} {self.serial_number}"



class Verification(models.Model):
    """One legal verification of an instrument (Circular 23/2013 Arts. 19–20); immutable once recorded."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="verifications")
    kind = models.CharField(_("form of verification"), max_length=16, choices=VerificationKind.choices)
    performed_on = models.DateField(_("performed on"))
    procedure = models.CharField(_("procedure"), max_length=255)
    result = models.CharField(_("result"), max_length=8, choices=VerificationResult.choices)
    stamp_number = models.CharField(_("stamp number"), max_length=64, blank=True)
    # Circular 24/2013 Art. 41.10: the last day of the month in which the cycle ends; never typed.
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    environment = models.CharField(_("environmental conditions"), max_length=255, blank=True)
    type_revision = models.ForeignKey(InstrumentTypeRevision, on_delete=models.PROTECT, related_name="+")
    verification_body = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="verifications")
    performed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="verifications")
    created_at = models.DateTimeField(auto_now_add=True)
    documents = GenericRelation(
        "certificates.Document", content_type_field="subject_type", object_id_field="subject_id"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-performed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(result="pass") | models.Q(valid_until__isnull=True),
                name="verification_fail_has_no_valid_until",
            ),
        ]
        indexes = [models.Index(fields=["instrument", "-performed_on"]), models.Index(fields=["verification_body"])]

    def __str__(self) -> str:
        return f"{self.instrument} {self.performed_on} {self.result}"

    @property
    def passed(self) -> bool:
        return self.result == VerificationResult.PASS


class Reading(models.Model):
    """One measured point of a verification: the reference, the reading and the maximum permissible error."""

    verification = models.ForeignKey(Verification, on_delete=models.CASCADE, related_name="readings")
    position = models.PositiveSmallIntegerField()
    reference_value = models.DecimalField(_("reference value"), max_digits=20, decimal_places=6)
    measured_value = models.DecimalField(_("measured value"), max_digits=20, decimal_places=6)
    unit = models.CharField(_("unit"), max_length=32)
    max_permissible_error = models.DecimalField(
        _("maximum permissible error"), max_digits=20, decimal_places=6, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["verification_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["verification", "position"], name="reading_unique_position"),
            models.CheckConstraint(condition=models.Q(max_permissible_error__gte=0), name="reading_mpe_not_negative"),
            models.CheckConstraint(condition=~models.Q(unit=""), name="reading_has_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.reference_value} → {self.measured_value} {self.unit}"

    @property
    def error(self) -> Decimal:
        return self.measured_value - self.reference_value

    @property
    def within_tolerance(self) -> bool:
        return abs(self.error) <= self.max_permissible_error

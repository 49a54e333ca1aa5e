"""Violations found in a case, the violation record per violator, penalty decisions with their fines, payments
and remedies (issue 9, points 3-6; Law on Handling Administrative Violations 15/2012 as amended 2020, Decree
118/2021 forms MBB01 and MQĐ02).

A violation names the catalogue version in force on the day of the act; a violation record gathers one violator's
violations of a case; a decision sanctions the violations of one record, one fine each, within the range the law
allows; a remedy "have the instrument verified" is closed by the registry's next passing verification.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from inspections.models.cases import Inspection
from inspections.models.catalog import Circumstance, ViolationType
from registry.models import PERSON_LEGAL_FORMS, Instrument, LegalForm, Organization, Verification

__all__ = [
    "DecisionDeadlineCase", "Payment", "PenaltyDecision", "PenaltyItem", "Remedy", "RemedyKind", "RemedyStatus",
    "Violation", "ViolationRecord",
]


class Violation(models.Model):
    """An administrative violation found in a case: who, which act (the catalogue's version in force on the day of
    the act), the instruments concerned, the facts, and the circumstances that choose the fine."""

    inspection = models.ForeignKey(Inspection, verbose_name=_("inspection"), on_delete=models.PROTECT,
                                   related_name="violations")
    violator = models.ForeignKey(Organization, verbose_name=_("violator"), on_delete=models.PROTECT,
                                 related_name="violations")
    violation_type = models.ForeignKey(ViolationType, verbose_name=_("violation type"), on_delete=models.PROTECT,
                                       related_name="violations")
    instruments = models.ManyToManyField(Instrument, verbose_name=_("instruments concerned"), blank=True,
                                         related_name="+")
    facts = models.TextField(_("facts"))
    act_date = models.DateField(_("date of the act"))
    place = models.CharField(_("place of the act"), max_length=500, blank=True)
    circumstances = models.ManyToManyField(Circumstance, verbose_name=_("circumstances"), blank=True,
                                           related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[instruments, circumstances])

    class Meta:
        ordering = ["inspection_id", "violator_id", "id"]
        indexes = [models.Index(fields=["inspection", "violator"])]

    def __str__(self) -> str:
        return f"{self.inspection_id}/{self.violator_id}: {self.violation_type.code}"


class ViolationRecord(models.Model):
    """The administrative violation record (biên bản vi phạm hành chính, MBB01) of one violator in a case, drawn up
    by the team, over the violator's violations recorded so far; one per violator and case. A violator who refuses
    to sign is recorded with the reason and the witnesses (Law Art. 58.3). The violator's legal form is kept as it
    was when the record was drawn up: it says "ông (bà)" or "tổ chức", and the decision on it fines at that
    range, whatever the register says later."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="violation_records")
    violator = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="violation_records")
    violations = models.ManyToManyField(Violation, related_name="records")
    violator_legal_form = models.CharField(_("violator's legal form"), max_length=20, choices=LegalForm.choices,
                                           default=LegalForm.ORGANIZATION)
    made_on = models.DateField(_("drawn up on"))
    made_at = models.TimeField(_("drawn up at"))
    ended_at = models.TimeField(_("ended at"))
    place = models.CharField(_("place"), max_length=500)
    representative_name = models.CharField(_("violator's representative"), max_length=255, blank=True)
    representative_title = models.CharField(_("representative's title"), max_length=255, blank=True)
    violator_statement = models.TextField(_("violator's statement"), blank=True)
    violator_refused = models.BooleanField(_("the violator refused to sign"), default=False)
    refusal_reason = models.CharField(_("reason of the refusal"), max_length=500, blank=True)
    # [{"name": ..., "title": ..., "organization": ...}]: those who saw the record drawn up (and a refusal).
    witnesses = models.JSONField(_("witnesses"), default=list, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    documents = GenericRelation("certificates.Document", content_type_field="subject_type",
                                object_id_field="subject_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "violator"], name="violation_record_one_per_violator"),
            models.CheckConstraint(condition=Q(violator_refused=False) | ~Q(witnesses=[]),
                                   name="violation_record_refusal_has_witnesses"),
        ]

    def __str__(self) -> str:
        return f"{self.inspection_id}/{self.violator_id} {self.made_on}"

    @property
    def sanctioned_as_individual(self) -> bool:
        """A household business or an individual: fined at the individual's range (registry LegalForm)."""
        return self.violator_legal_form in PERSON_LEGAL_FORMS


class DecisionDeadlineCase(models.TextChoices):
    """Which period of Law Art. 66.1 the decision is due within, counted from the violation record."""

    DEFAULT = "default", _("7 working days")
    TRANSFER = "transfer", _("10 working days: the file was transferred")
    EXPLANATION = "explanation", _("1 month: the violator asked to explain, or facts were verified")
    COMPLEX = "complex", _("2 months: a serious or complex case")


class PenaltyDecision(models.Model):
    """A penalty decision (MQĐ02) over the violations of one violation record: one fine per violation, their total,
    the remedies; the deadlines it was decided within and the one it gives for payment."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="penalty_decisions")
    violator = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="penalty_decisions")
    record = models.OneToOneField(ViolationRecord, on_delete=models.PROTECT, related_name="decision")
    decided_on = models.DateField(_("decided on"))
    deadline_case = models.CharField(_("deadline case"), max_length=16, choices=DecisionDeadlineCase.choices,
                                     default=DecisionDeadlineCase.DEFAULT)
    due_on = models.DateField(_("due on (decision)"))
    received_on = models.DateField(_("received on"))
    payment_due_on = models.DateField(_("payment due on"))
    total_fine = models.PositiveBigIntegerField(_("total fine (VND)"))
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("signer's name"), max_length=255)
    signer_title = models.CharField(_("signer's title"), max_length=255)
    # The competence it was signed under (models/competence.py), as the decision prints it: the authority it speaks
    # as ("Giám đốc Sở Khoa học và Công nghệ ..."), and for a deputy by delegation the title signed for ("KT. Giám
    # đốc") and the delegation decision cited. Kept on the decision: a power edited later does not rewrite it.
    signer_power = models.ForeignKey("inspections.SanctioningPower", verbose_name=_("sanctioning power"),
                                     on_delete=models.PROTECT, null=True, blank=True, related_name="decisions")
    signer_authority = models.CharField(_("authority"), max_length=255, blank=True)
    signed_for = models.CharField(_("signed for (KT.)"), max_length=64, blank=True)
    delegation_number = models.CharField(_("delegation decision number"), max_length=64, blank=True)
    delegation_date = models.DateField(_("delegation decision date"), null=True, blank=True)
    treasury_account = models.CharField(_("treasury account"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    documents = GenericRelation("certificates.Document", content_type_field="subject_type",
                                object_id_field="subject_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-id"]
        indexes = [models.Index(fields=["payment_due_on"])]

    def __str__(self) -> str:
        return f"{self.violator} {self.decided_on}: {self.total_fine}"


class PenaltyItem(models.Model):
    """The fine of one violation in a decision, and the basis of the fine rule it was checked against."""

    decision = models.ForeignKey(PenaltyDecision, on_delete=models.CASCADE, related_name="items")
    violation = models.OneToOneField(Violation, on_delete=models.PROTECT, related_name="penalty")
    fine = models.PositiveBigIntegerField(_("fine (VND)"))
    basis = models.CharField(max_length=16)  # inspections.law: average, minimum, maximum, below/above_average

    class Meta:
        ordering = ["decision_id", "violation_id"]

    def __str__(self) -> str:
        return f"{self.violation_id}: {self.fine}"


class Payment(models.Model):
    """A payment of a decision's fine, as the treasury's receipt states it."""

    decision = models.ForeignKey(PenaltyDecision, on_delete=models.PROTECT, related_name="payments")
    paid_on = models.DateField(_("paid on"))
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    receipt_number = models.CharField(_("receipt number"), max_length=64)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decision_id", "paid_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "receipt_number"], name="payment_receipt_once"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.amount} ({self.receipt_number})"


class RemedyKind(models.TextChoices):
    VERIFY_INSTRUMENT = "verify_instrument", _("Have the instrument verified")
    OTHER = "other", _("Other remedial measure")


class RemedyStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Remedy(models.Model):
    """A remedial measure a decision imposes, with its deadline. "Have the instrument verified" stays open until
    the registry records the instrument's next passing verification, which closes it and is named here."""

    decision = models.ForeignKey(PenaltyDecision, on_delete=models.CASCADE, related_name="remedies")
    kind = models.CharField(_("kind"), max_length=20, choices=RemedyKind.choices)
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    text = models.CharField(_("text"), max_length=1000)
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=8, choices=RemedyStatus.choices, default=RemedyStatus.OPEN)
    closed_by_verification = models.ForeignKey(Verification, on_delete=models.PROTECT, null=True, blank=True,
                                               related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decision_id", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(kind="verify_instrument") | Q(instrument__isnull=False),
                                   name="remedy_verify_names_instrument"),
            models.CheckConstraint(condition=Q(status="open", closed_at__isnull=True)
                                   | Q(status="closed", closed_at__isnull=False), name="remedy_closed_has_time"),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.text} ({self.status})"

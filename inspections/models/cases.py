"""Inspection plans and cases: topics with their checklists, the team, the subjects, what was examined and found
(issue 9, points 1-2; Circular 28/2013/TT-BKHCN as amended by 10/2022 for checks, Law 84/2025/QH15 for inspections).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models import Instrument, Organization, XrayDevice

__all__ = [
    "ChecklistItem", "Evidence", "ExaminedItem", "ExaminedItemKind", "Finding", "FindingResult", "Inspection",
    "InspectionKind", "InspectionPlan", "InspectionStatus", "InspectionTransition", "Subject", "TeamMember", "Topic",
]


class Topic(models.Model):
    """What a case checks (metrology, radiation safety, goods quality and labelling, ...): a catalogue loaded from
    inspections/catalog/topics.json that officers may extend, not an enum."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=255)
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    """One point a team checks for a topic, with its legal basis (for instruments in use: Circular 28/2013 Art. 19).
    `checks_verification` marks the item the registry pre-fills from an instrument's verification state."""

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="checklist_items")
    code = models.SlugField(_("code"), max_length=64)
    text = models.CharField(_("text"), max_length=500)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    position = models.PositiveSmallIntegerField(default=0)
    checks_verification = models.BooleanField(_("pre-filled from the verification register"), default=False)
    # C confirmed / P partial / U unconfirmed (domain/inspections.md): an unconfirmed basis is the officers' to fix.
    confidence = models.CharField(_("confidence"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["topic_id", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "code"], name="inspection_checklist_item_unique"),
            models.UniqueConstraint(fields=["topic"], condition=Q(checks_verification=True),
                                    name="inspection_checklist_one_verification_item"),
        ]

    def __str__(self) -> str:
        return f"{self.topic.code}: {self.text}"


class InspectionPlan(models.Model):
    """A planned inspection of a year: its topic, the month it is planned for and the organisations it covers."""

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="plans")
    title = models.CharField(_("title"), max_length=500)
    planned_month = models.PositiveSmallIntegerField(
        _("planned month"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    inspecting_body = models.ForeignKey(Organization, verbose_name=_("inspecting body"), on_delete=models.PROTECT,
                                        related_name="+")
    subjects = models.ManyToManyField(Organization, verbose_name=_("planned subjects"), related_name="+",
                                      blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[subjects])

    class Meta:
        ordering = ["-year", "planned_month", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(planned_month__gte=1, planned_month__lte=12),
                                   name="inspection_plan_month_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.year}/{self.planned_month:02d} {self.title}"


class InspectionKind(models.TextChoices):
    # Circular 28/2013/TT-BKHCN, amended by 10/2022/TT-BKHCN.
    CHECK = "check", _("State metrology check")
    # Since 2025-07-01 carried out by the provincial inspectorate (Law 84/2025/QH15).
    INSPECTION = "inspection", _("Inspection")


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open")
    FINDINGS_RECORDED = "findings_recorded", _("Findings recorded")
    CLOSED = "closed", _("Closed")


class Inspection(models.Model):
    """A case: a check or an inspection of one or more subjects, under a decision, by a team with one leader.
    Its life is planned -> open (the decision issued) -> findings_recorded -> closed, each step in `transitions`."""

    kind = models.CharField(_("kind"), max_length=16, choices=InspectionKind.choices)
    plan = models.ForeignKey(InspectionPlan, verbose_name=_("plan"), on_delete=models.PROTECT, null=True,
                             blank=True, related_name="inspections")
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="inspections")
    title = models.CharField(_("title"), max_length=500)
    # The department, or since 2025-07-01 the provincial inspectorate: an organisation, never hard-coded.
    inspecting_body = models.ForeignKey(Organization, verbose_name=_("inspecting body"), on_delete=models.PROTECT,
                                        related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=InspectionStatus.choices,
                              default=InspectionStatus.PLANNED)
    # The check decision (form 4.QĐKTĐL, Circular 28/2013 Art. 5.2), set when the case is opened.
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_signer_name = models.CharField(_("signer's name"), max_length=255, blank=True)
    decision_signer_title = models.CharField(_("signer's title"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-id"]
        constraints = [
            # An open (or later) case shows its decision (Law on Metrology Art. 44.1; Circular 28/2013 Art. 20.1).
            models.CheckConstraint(
                condition=Q(status="planned") | (Q(decision_date__isnull=False) & ~Q(decision_number="")),
                name="inspection_open_has_decision"),
        ]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["decision_date"])]

    def __str__(self) -> str:
        return self.title


class InspectionTransition(models.Model):
    """One step of a case's life: from which status to which, by whom, when."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=InspectionStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=InspectionStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["inspection_id", "at", "id"]

    def __str__(self) -> str:
        return f"{self.inspection_id}: {self.from_status or '-'} -> {self.to_status}"


class TeamMember(models.Model):
    """An inspector of a case's team; exactly one leads it (the decision names the leader, Art. 5.2)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="team")
    inspector = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("inspector"), on_delete=models.PROTECT,
                                  related_name="inspection_teams")
    is_leader = models.BooleanField(_("team leader"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection_id", "-is_leader", "id"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "inspector"], name="team_member_unique"),
            models.UniqueConstraint(fields=["inspection"], condition=Q(is_leader=True), name="team_one_leader"),
        ]

    def __str__(self) -> str:
        return f"{self.inspection_id}: {self.inspector}{' (leader)' if self.is_leader else ''}"


class Subject(models.Model):
    """An organisation checked in a case, and the facts of its check record (biên bản kiểm tra, form 5.BBKT) once
    the team drew it up: when and where, who represented it, whether they refused to sign and before which
    witnesses (Circular 28/2013 Art. 21.2.b), its opinion, the remedies and their deadline (Art. 21.1.a-b). The
    record is issued once (`record_issued_at`); the PDF is its Document, whose subject is this row."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="subjects")
    organization = models.ForeignKey(Organization, verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="inspection_subjects")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # --- the check record (issue 9 point 3) ---
    record_held_at = models.DateTimeField(_("record started at"), null=True, blank=True)
    record_ended_at = models.DateTimeField(_("record ended at"), null=True, blank=True)
    record_place = models.CharField(_("place"), max_length=500, blank=True)
    representative_name = models.CharField(_("representative's name"), max_length=255, blank=True)
    representative_title = models.CharField(_("representative's title"), max_length=255, blank=True)
    refused_to_sign = models.BooleanField(_("refused to sign"), default=False)
    refusal_reason = models.TextField(_("reason for the refusal"), blank=True)
    # [{"name": ..., "title": ..., "organization": ...}]: who witnessed a refusal (Art. 21.2.b).
    witnesses = models.JSONField(_("witnesses"), default=list, blank=True)
    establishment_opinion = models.TextField(_("establishment's opinion"), blank=True)
    remedies = models.TextField(_("remedial measures"), blank=True)  # one measure a line
    remedy_deadline = models.DateField(_("remedy deadline"), null=True, blank=True)
    record_issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                         blank=True, related_name="+")
    record_issued_at = models.DateTimeField(null=True, blank=True)
    documents = GenericRelation("certificates.Document", content_type_field="subject_type",
                                object_id_field="subject_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "organization"], name="subject_unique"),
            models.CheckConstraint(
                condition=Q(record_issued_at__isnull=True)
                | (Q(record_held_at__isnull=False) & Q(record_ended_at__isnull=False) & ~Q(record_place="")
                   & ~Q(representative_name="") & Q(record_issued_by__isnull=False)),
                name="subject_record_complete"),
        ]

    def __str__(self) -> str:
        return f"{self.inspection_id}: {self.organization}"


class ExaminedItemKind(models.TextChoices):
    INSTRUMENT = "instrument", _("Measuring instrument")
    XRAY_DEVICE = "xray_device", _("X-ray device")


class ExaminedItem(models.Model):
    """An instrument or X-ray unit examined at a subject: the registered one found by its serial, or, when the
    registry has none, what the team recorded as found (kind, serial, description)."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=16, choices=ExaminedItemKind.choices)
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    xray_device = models.ForeignKey(XrayDevice, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    serial_number = models.CharField(_("serial number"), max_length=100)
    description = models.CharField(_("description"), max_length=500, blank=True)
    examined_on = models.DateField(_("examined on"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["subject_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="instrument") & Q(xray_device__isnull=True))
                | (Q(kind="xray_device") & Q(instrument__isnull=True)),
                name="examined_item_kind_matches_link"),
            models.UniqueConstraint(fields=["subject", "instrument"], condition=Q(instrument__isnull=False),
                                    name="examined_instrument_once"),
            models.UniqueConstraint(fields=["subject", "xray_device"], condition=Q(xray_device__isnull=False),
                                    name="examined_xray_device_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.serial_number}"

    @property
    def registered(self) -> bool:
        return self.instrument_id is not None or self.xray_device_id is not None


class FindingResult(models.TextChoices):
    CONFORMING = "conforming", _("Conforming")
    NOT_CONFORMING = "not_conforming", _("Not conforming")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Finding(models.Model):
    """The result of one checklist item for a subject (or for one examined item of it). `prefilled` says the
    registry wrote it (an expired or failed verification); an inspector's correction clears it."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="findings")
    examined_item = models.ForeignKey(ExaminedItem, on_delete=models.CASCADE, null=True, blank=True,
                                      related_name="findings")
    checklist_item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    result = models.CharField(_("result"), max_length=16, choices=FindingResult.choices)
    note = models.TextField(_("note"), blank=True)
    prefilled = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["subject_id", "examined_item_id", "checklist_item__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["examined_item", "checklist_item"],
                                    condition=Q(examined_item__isnull=False), name="finding_once_per_item"),
            models.UniqueConstraint(fields=["subject", "checklist_item"], condition=Q(examined_item__isnull=True),
                                    name="finding_once_per_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.subject_id}/{self.examined_item_id or '-'} {self.checklist_item.code}: {self.result}"


class Evidence(models.Model):
    """A photo or PDF supporting a finding; stored as <uuid>.<extension of the type found by parsing it>."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="inspections/evidence/%Y/")
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    original_name = models.CharField(max_length=120, blank=True, help_text="The client's file name, shown only.")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["finding_id", "id"]

    def __str__(self) -> str:
        return f"{self.finding_id}: {self.original_name or self.file.name}"

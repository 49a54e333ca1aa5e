"""The engine's data: warning stages, one digest a day per organisation, and the ledger of notices sent.

The ledger holds at most one notice per subject, kind, due date and stage. A kind is the key of a registered
source (certificates.notices.sources); its stages are data the document managers can change.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from certificates.notices.sources import notice_kind_choices


class StageAnchor(models.TextChoices):
    DUE_DATE = "due_date", _("The due date (valid until)")
    ACTION_DEADLINE = "action_deadline", _("The last day to act (file a renewal)")


class NoticeStage(models.Model):
    """A warning stage: `offset_days` from its anchor (negative before). Stages are data, changed in the admin."""

    kind = models.CharField(max_length=32, choices=notice_kind_choices)
    code = models.SlugField(max_length=32)
    anchor = models.CharField(max_length=24, choices=StageAnchor.choices)
    offset_days = models.SmallIntegerField()
    label = models.CharField(max_length=255)
    legal_basis = models.CharField(max_length=255)
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "anchor", "offset_days"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="notice_stage_unique")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.code} ({self.anchor} {self.offset_days:+d})"


class NoticeDigest(models.Model):
    """One organisation's notices of one day, issued as a Thông báo document and e-mailed to its users."""

    organization = models.ForeignKey(settings.ORGANIZATION_MODEL, on_delete=models.PROTECT,
                                     related_name="notice_digests")
    digest_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Set when a worker takes the e-mail, so that the SMTP conversation holds no row lock; a claim older than
    # DIGEST_EMAIL_CLAIM_MINUTES with no e-mail sent (the worker died) is taken again by the sweeper.
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    # Who claimed it (the task's id): the same task delivered again after its worker died takes it at once.
    email_claim = models.CharField(max_length=64, blank=True)
    recipients = models.JSONField(default=list, blank=True)
    documents = GenericRelation("certificates.Document", content_type_field="subject_type",
                                object_id_field="subject_id")

    class Meta:
        ordering = ["-digest_date", "organization_id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "digest_date"], name="notice_digest_one_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.digest_date}"


class Notice(models.Model):
    """One notice in the ledger: a subject reaching a stage for one due date."""

    organization = models.ForeignKey(settings.ORGANIZATION_MODEL, on_delete=models.PROTECT, related_name="notices")
    kind = models.CharField(max_length=32, choices=notice_kind_choices)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    due_date = models.DateField()
    stage = models.SlugField(max_length=32)
    stage_date = models.DateField()
    subject_label = models.CharField(max_length=500)
    serial_number = models.CharField(max_length=100, blank=True)
    location = models.CharField(max_length=500, blank=True)
    legal_basis = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    digest = models.ForeignKey(NoticeDigest, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="notices")
    read_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+")

    class Meta:
        ordering = ["-stage_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["subject_type", "subject_id", "kind", "due_date", "stage"],
                                    name="notice_once_per_subject_due_date_and_stage"),
        ]
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "due_date"], name="notice_subject_due_date_idx"),
            models.Index(fields=["organization", "digest"], name="notice_organization_digest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject_label} {self.due_date} {self.stage}"

"""Every document the service issues, the counters that number them, and the answers kept for
Idempotency-Key retries (the one app every register already builds on)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ISSUED = "issued", _("Issued")
    FAILED = "failed", _("Failed")
    SUPERSEDED = "superseded", _("Superseded")
    REVOKED = "revoked", _("Revoked")


class PublicStatus(models.TextChoices):
    """What the public verification page says of an issued document."""

    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    SUSPENDED = "suspended", _("Suspended")
    SUPERSEDED = "superseded", _("Superseded")
    REVOKED = "revoked", _("Revoked")


class DocumentCounter(models.Model):
    """The last number used per kind, issuer and year; its row lock makes numbering gapless."""

    kind = models.CharField(max_length=40)  # a kind an app registered (certificates.kinds)
    issuer = models.ForeignKey(settings.ORGANIZATION_MODEL, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "issuer", "year"], name="document_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.issuer_id} {self.year}: {self.last_value}"


class Document(models.Model):
    """An issued (or to-be-issued) PDF document about one subject; immutable once issued.

    The facts the public page shows (subject label, owner, valid-until) are copied here when the
    document is requested, so that later edits of the subject never change what a document says.
    """

    kind = models.CharField(_("kind"), max_length=40)  # a kind an app registered (certificates.kinds)
    issuer = models.ForeignKey(settings.ORGANIZATION_MODEL, on_delete=models.PROTECT, related_name="issued_documents")
    owner = models.ForeignKey(settings.ORGANIZATION_MODEL, on_delete=models.PROTECT, related_name="owned_documents")
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(_("number"), max_length=64)
    status = models.CharField(_("status"), max_length=16, choices=DocumentStatus.choices,
                              default=DocumentStatus.PENDING)
    token = models.CharField(max_length=64, unique=True, editable=False)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    subject_label = models.CharField(_("subject"), max_length=500)
    # What the document is about as its signed statement names it (the instrument's serial, the licensee, the
    # violator: certificates.kinds.DocumentFacts.subject_key), and the day it bears when the kind dates it (a
    # decision's own date; None: the day it was requested). Both copied when it is requested.
    subject_key = models.CharField(_("subject key"), max_length=255, blank=True)
    dated = models.DateField(null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    file = models.FileField(upload_to="documents/", blank=True, max_length=255)
    sha256 = models.CharField(max_length=64, blank=True)  # of the file as stored (the signed file)
    # The SHA-256 of the file's first revision (the renderer's bytes, which the QR's signed statement binds) and
    # the QR's text (the seal), both written by the sealing step; empty until then.
    content_sha256 = models.CharField(max_length=64, blank=True)
    seal = models.TextField(blank=True)
    # The key that signed the file and the seal (None until signed): the public pages say when it was revoked.
    signing_key = models.ForeignKey("certificates.SigningKey", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="documents")
    # What the PDF prints, as JSON text (certificates.twin): the renderer's context, kept when it is rendered, so
    # that the JSON twin states the PDF's facts, not the subject's rows as they are later. Empty until rendered.
    details = models.TextField(blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    failure_reason = models.TextField(blank=True)
    supersedes = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="superseded_by")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   null=True, blank=True)
    revocation_reason = models.TextField(_("revocation reason"), blank=True)
    # A suspension is temporary (a licence suspended for now); the document stays issued.
    suspended_at = models.DateTimeField(null=True, blank=True)
    suspension_reason = models.TextField(_("suspension reason"), blank=True)
    # Why this document replaced the one it supersedes (a correction).
    supersession_reason = models.TextField(_("reason for the correction"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "issuer", "year", "sequence"], name="document_number_unique"),
            models.CheckConstraint(
                condition=~models.Q(status="issued") | ~models.Q(sha256=""), name="document_issued_has_sha256"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="revoked") | ~models.Q(revocation_reason=""),
                name="document_revoked_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["owner", "kind"]),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def kind_label(self) -> str:
        from certificates.kinds import kind_label

        return kind_label(self.kind)

    @property
    def verify_path(self) -> str:
        return f"/verify/{self.token}"


class IdempotencyRecord(models.Model):
    """One caller's key and the answer its first request got (IETF draft "The Idempotency-Key HTTP Header
    Field"). Written in the same transaction as the records the request created: both commit, or neither."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    # SHA-256 of the method, path and body: the same key sent with another request is refused (409).
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True)
    response = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"


# The notice engine's tables belong to this app (Django finds models through the app's `models` module).
from certificates.notices.models import Notice, NoticeDigest, NoticeStage, StageAnchor  # noqa: E402, F401

# The issuers' signing keys (issue 11), likewise.
from certificates.signing.models import SigningKey  # noqa: E402, F401

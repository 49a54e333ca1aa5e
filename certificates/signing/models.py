"""Every key an issuer ever signed with: documents signed by a retired or revoked key must still verify."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SigningKeyStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")
    REVOKED = "revoked", _("Revoked")


class SigningKey(models.Model):
    """One issuer's key and certificate. At most one is active per issuer; a rotation retires it (its documents
    stay valid), a revocation says its documents can no longer be trusted.

    The private key is never here: `source` names where it lives, a PKCS#12 file relative to
    DOCUMENT_SIGNING["KEYS_DIR"] (encrypted with the passphrase), or a PKCS#11 token as an RFC 7512 URI
    ("pkcs11:token=...;object=...")."""

    issuer = models.ForeignKey(settings.ORGANIZATION_MODEL, on_delete=models.PROTECT, related_name="signing_keys")
    # The first 8 bytes of SHA-256 of the certificate's DER, 16 lowercase hex characters (SIGNING_DESIGN.md).
    kid = models.CharField(max_length=16, unique=True)
    certificate_pem = models.TextField()
    # The certificates above it, up to and including the root, PEM, so that its chain is published as it was
    # even after the configured root changes.
    chain_pem = models.TextField()
    status = models.CharField(max_length=16, choices=SigningKeyStatus.choices, default=SigningKeyStatus.ACTIVE)
    active_from = models.DateTimeField()
    active_until = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["issuer_id", "active_from", "id"]
        constraints = [
            models.UniqueConstraint(fields=["issuer"], condition=models.Q(status="active"),
                                    name="signing_key_one_active_per_issuer"),
            models.CheckConstraint(condition=~models.Q(status="revoked") | models.Q(revoked_at__isnull=False),
                                   name="signing_key_revoked_has_time"),
        ]

    def __str__(self) -> str:
        return f"{self.kid} ({self.status})"

    @property
    def is_pkcs11(self) -> bool:
        return self.source.startswith("pkcs11:")

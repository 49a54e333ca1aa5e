"""The hash-chained, append-only audit log (issue 11, point 5) and each day's published head.

`AuditEntry` rows are only ever inserted, by `audit.services.audit_append`; on PostgreSQL a trigger refuses UPDATE,
DELETE and TRUNCATE on the table (migration 0002). The canonical form each hash covers is in `audit/chain.py`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.chain import format_at


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")


class AuditEntry(models.Model):
    """One write of a service: who, when, what, before and after, chained to the entry before it by its hash."""

    sequence = models.PositiveBigIntegerField(unique=True)  # 1..N with no gap: the chain's order
    at = models.DateTimeField()
    # Not foreign keys: a user deleted later must not reach into this table (the trigger would refuse it anyway).
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_username = models.CharField(max_length=150, null=True, blank=True)
    action = models.CharField(max_length=8, choices=AuditAction.choices)
    model = models.CharField(max_length=100)
    object_pk = models.CharField(max_length=64)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["sequence"]
        indexes = [models.Index(fields=["model", "object_pk"], name="audit_entry_object")]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.model} {self.object_pk}"

    def chained_fields(self) -> dict:
        """The fields the hash covers, as `audit.chain.canonical` serialises them."""
        return {"action": self.action, "actor_id": self.actor_id, "actor_username": self.actor_username,
                "after": self.after, "at": format_at(self.at), "before": self.before, "model": self.model,
                "object_pk": self.object_pk, "prev_hash": self.prev_hash, "sequence": self.sequence}


class AuditDailyHead(models.Model):
    """The chain's last entry at the end of a day, recorded by the daily task and listed on the officers' page so
    that anyone may copy it elsewhere: a rewrite of the whole chain then no longer matches the copies."""

    day = models.DateField(unique=True)
    sequence = models.PositiveBigIntegerField()  # 0 while the chain is empty
    hash = models.CharField(max_length=64)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day}: #{self.sequence} {self.hash}"

"""Legal numbers kept as data, each with its legal basis and the day it took force.

The 2026 atomic-energy regime (Law 94/2025/QH15, Decree 332/2025) may change licence terms, lead times,
verification cycles and processing times: an amendment is a new row, never a code change.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Dotted names group the keys by register (`license.term_months`); a slug field refused its own catalogue's keys
# when an officer saved a row in the admin.
KEY_VALIDATOR = RegexValidator(
    r"^[a-z0-9]+(?:[._-][a-z0-9]+)*\Z",
    _("Use lower-case letters and digits, in words separated by dots, hyphens or underscores."),
)


class LegalParameter(models.Model):
    """One legal number (a term, a lead time, a cycle, a limit) in force from a day."""

    key = models.CharField(_("key"), max_length=100, db_index=True, validators=[KEY_VALIDATOR])
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=32)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    in_force_from = models.DateField(_("in force from"))
    confidence = models.CharField(_("confidence"), max_length=64, blank=True)
    note = models.TextField(_("sources and notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["key", "-in_force_from"]
        constraints = [
            models.UniqueConstraint(fields=["key", "in_force_from"], name="legal_parameter_unique_day"),
        ]

    def __str__(self) -> str:
        return f"{self.key} = {self.value} {self.unit} ({self.legal_basis}, {self.in_force_from})"

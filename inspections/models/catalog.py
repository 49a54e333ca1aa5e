"""The legal catalogue of sanctions: violation types (act, fine range, remedies, in force from/to) and the
aggravating and mitigating circumstances of the Law (domain/catalogs.md §3, inspections.md §2-§3).

Each row carries its legal basis, its confidence and its source: a value the sources leave unconfirmed is null,
data an officer fills in the admin (with history), never a number in the code. An amendment of a decree is a new
row of the same code from the day it takes force.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models import LegalParameter


class Confidence(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    PARTIAL = "partial", _("Partly confirmed")
    UNCONFIRMED = "unconfirmed", _("Unconfirmed")


def _text_list_errors(value, field: str) -> dict:
    """A JSON list of non-empty texts (remedial measures, additional penalties), or the error naming the field."""
    if isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value):
        return {}
    return {field: _("Enter a list of texts, one measure each.")}


class ViolationType(models.Model):
    """One sanctioned act under one decree's point, clause and article, in force over a period.

    Fines are an individual's, in whole VND (the decree's figures); an organisation's are the multiplier times
    those (inspections.law.fine_range). A null amount is unconfirmed: the type cannot be used in a decision until
    an officer enters it. The limitation group names the sanctioning-limitation parameter that applies
    (`penalty-sanction-limitation-<group>`: 1 year by default, 2 for atomic energy and trading in goods).
    """

    code = models.SlugField(_("code"), max_length=64)
    decree = models.CharField(_("decree"), max_length=64, help_text=_("e.g. 119/2017/NĐ-CP"))
    amended_by = models.CharField(_("amended by"), max_length=128, blank=True, help_text=_("e.g. 126/2021/NĐ-CP"))
    article = models.PositiveSmallIntegerField(_("article"), null=True, blank=True)
    clause = models.PositiveSmallIntegerField(_("clause"), null=True, blank=True)
    point = models.CharField(_("point"), max_length=2, blank=True)
    description = models.TextField(_("description (as the record prints it)"))
    description_en = models.TextField(_("English description"), blank=True)
    fine_min_individual = models.PositiveBigIntegerField(_("individual's minimum fine (VND)"), null=True, blank=True)
    fine_max_individual = models.PositiveBigIntegerField(_("individual's maximum fine (VND)"), null=True, blank=True)
    organization_multiplier = models.DecimalField(_("organisation's multiplier"), max_digits=4, decimal_places=2,
                                                  null=True, blank=True)
    warning_allowed = models.BooleanField(_("a warning may be given instead of a fine"), default=False)
    additional_penalties = models.JSONField(_("additional penalties"), default=list, blank=True)
    remedial_measures = models.JSONField(_("remedial measures"), default=list, blank=True)
    limitation_group = models.SlugField(_("limitation group"), max_length=32, default="default")
    in_force_from = models.DateField(_("in force from"))
    in_force_to = models.DateField(_("in force until"), null=True, blank=True,
                                   help_text=_("The first day on which it no longer applies."))
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    confidence = models.CharField(_("confidence"), max_length=16, choices=Confidence.choices)
    source = models.CharField(_("source"), max_length=128, blank=True)
    note = models.TextField(_("sources and notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decree", "article", "clause", "point", "code", "-in_force_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "in_force_from"], name="violation_type_unique_day"),
            models.CheckConstraint(
                condition=Q(fine_min_individual__isnull=True) | Q(fine_max_individual__isnull=True)
                | Q(fine_min_individual__lte=models.F("fine_max_individual")), name="violation_type_min_le_max"),
            models.CheckConstraint(condition=Q(organization_multiplier__isnull=True)
                                   | Q(organization_multiplier__gte=1), name="violation_type_multiplier_ge_1"),
            models.CheckConstraint(condition=Q(in_force_to__isnull=True) | Q(in_force_to__gt=models.F("in_force_from")),
                                   name="violation_type_in_force_to_after_from"),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.provision})"

    @property
    def provision(self) -> str:
        """Where the act is sanctioned, as a record writes it: "điểm a khoản 1 Điều 10 Nghị định số 119/2017/NĐ-CP,
        được sửa đổi, bổ sung bởi Nghị định số 126/2021/NĐ-CP"."""
        parts = [f"điểm {self.point}" if self.point else "", f"khoản {self.clause}" if self.clause else "",
                 f"Điều {self.article}" if self.article else "", f"Nghị định số {self.decree}"]
        text = " ".join(part for part in parts if part)
        return f"{text}, được sửa đổi, bổ sung bởi Nghị định số {self.amended_by}" if self.amended_by else text

    @property
    def fine_confirmed(self) -> bool:
        """Whether the catalogue holds the whole range (and multiplier): a decision may use it."""
        return None not in (self.fine_min_individual, self.fine_max_individual, self.organization_multiplier)

    def clean(self):
        """The invariants of a row, named field by field for the officer editing it."""
        errors = {}
        low, high = self.fine_min_individual, self.fine_max_individual
        if low is not None and high is not None and low > high:
            errors["fine_max_individual"] = _("The maximum fine must not be below the minimum.")
        if low == 0:
            errors["fine_min_individual"] = _("A fine is at least 1 VND; leave it empty while unconfirmed.")
        if self.organization_multiplier is not None and self.organization_multiplier < 1:
            errors["organization_multiplier"] = _("The organisation's multiplier is at least 1.")
        if self.in_force_to and self.in_force_from and self.in_force_to <= self.in_force_from:
            errors["in_force_to"] = _("The end of force must come after its start.")
        errors |= _text_list_errors(self.remedial_measures, "remedial_measures")
        errors |= _text_list_errors(self.additional_penalties, "additional_penalties")
        errors |= self._limitation_group_errors()
        if errors:
            raise ValidationError(errors)

    def _limitation_group_errors(self) -> dict:
        key = f"penalty-sanction-limitation-{self.limitation_group}"
        if self.limitation_group and not LegalParameter.objects.filter(key=key).exists():
            return {"limitation_group": _("No sanctioning limitation is in the catalogue for this group (legal "
                                          "parameter %(key)s).") % {"key": key}}
        return {}


class CircumstanceKind(models.TextChoices):
    AGGRAVATING = "aggravating", _("Aggravating")
    MITIGATING = "mitigating", _("Mitigating")


class Circumstance(models.Model):
    """An aggravating (Law Art. 10.1, by point letter) or mitigating (Law Art. 9, by clause) circumstance: reference
    data a violation names; the count of each kind chooses the fine (inspections.law.fine_rule)."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=CircumstanceKind.choices)
    article = models.PositiveSmallIntegerField(_("article"))
    clause = models.PositiveSmallIntegerField(_("clause"))
    point = models.CharField(_("point"), max_length=2, blank=True)
    description = models.TextField(_("description (as the decision prints it)"))
    description_en = models.TextField(_("English description"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    confidence = models.CharField(_("confidence"), max_length=16, choices=Confidence.choices)
    source = models.CharField(_("source"), max_length=128, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "article", "clause", "point"]
        constraints = [
            models.UniqueConstraint(fields=["article", "clause", "point"], name="circumstance_unique_provision"),
        ]

    def __str__(self) -> str:
        return f"{self.provision}: {self.description}"

    @property
    def provision(self) -> str:
        """ "điểm b khoản 1 Điều 10" or "khoản 2 Điều 9", as the decision cites it."""
        point = f"điểm {self.point} " if self.point else ""
        return f"{point}khoản {self.clause} Điều {self.article}"

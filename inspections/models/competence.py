"""Who may sign a penalty decision, and up to how much (domain/inspections.md §6; Decree 189/2025/NĐ-CP, in force
01/07/2025): the fields' maximum fines, the sanctioning titles with their caps, and the powers people hold.

A title's cap is a percentage of the maximum fine of the field the act belongs to (Law on Handling Administrative
Violations Art. 24), for an individual; an organisation's is double (Law Art. 24, 52, P). A cap the sources leave
unconfirmed is null: no decision can fine under that title until an officer enters it (with its confidence). The
field maxima are data too (Decree 119/2017 Art. 3.1 for metrology and standards and quality). A power is a person's:
who holds which title at which organisation, from when to when, and, for a deputy acting by delegation (giao quyền,
form MQĐ34), the delegation decision the penalty decision then cites. Officers edit all of it in the admin, with
history; nothing here is in the code.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from inspections.models.catalog import Confidence
from registry.models import STATE_AGENCY_KINDS, Organization, Role

__all__ = ["SanctionField", "SanctioningPower", "SanctioningTitle"]


class SanctionField(models.Model):
    """A field of state management (metrology; standards and quality; atomic energy) as the sanction decrees split
    it: the articles of a decree that sanction its acts, and its maximum fines (Law Art. 24), whole VND.

    `article_from`..`article_to` (inclusive) pick the violation types of the decree that belong to it; none: the whole
    decree. A null maximum is unconfirmed: no title's cap can be computed in the field until an officer enters it.
    """

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=255, help_text=_("e.g. Đo lường"))
    decree = models.CharField(_("decree"), max_length=64, help_text=_("As the violation types name it: 119/2017/NĐ-CP"))
    article_from = models.PositiveSmallIntegerField(_("from article"), null=True, blank=True)
    article_to = models.PositiveSmallIntegerField(_("to article"), null=True, blank=True)
    fine_max_individual = models.PositiveBigIntegerField(_("individual's maximum fine (VND)"), null=True, blank=True)
    fine_max_organization = models.PositiveBigIntegerField(_("organisation's maximum fine (VND)"), null=True,
                                                           blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    confidence = models.CharField(_("confidence"), max_length=16, choices=Confidence.choices)
    source = models.CharField(_("source"), max_length=128, blank=True)
    note = models.TextField(_("sources and notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decree", "article_from", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(article_from__isnull=True, article_to__isnull=True)
                                   | Q(article_from__isnull=False, article_to__isnull=False,
                                       article_from__lte=models.F("article_to")),
                                   name="sanction_field_article_range"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.articles})"

    @property
    def articles(self) -> str:
        if self.article_from is None:
            return self.decree
        return f"{self.decree} Điều {self.article_from}–{self.article_to}"

    def fine_max(self, *, organization: bool) -> int | None:
        return self.fine_max_organization if organization else self.fine_max_individual

    def clean(self):
        """A range of articles is whole and in order, and does not overlap another field's in the same decree: one
        act belongs to one field."""
        errors = {}
        if (self.article_from is None) != (self.article_to is None):
            errors["article_to"] = _("Give both ends of the range of articles, or neither (the whole decree).")
        elif self.article_from is not None and self.article_from > self.article_to:
            errors["article_to"] = _("The last article must not come before the first.")
        elif self.decree and self._overlapping().exists():
            errors["article_from"] = _("Another field of this decree already covers these articles: %(field)s.") % {
                "field": self._overlapping().first()}
        if errors:
            raise ValidationError(errors)

    def _overlapping(self):
        others = SanctionField.objects.filter(decree=self.decree).exclude(pk=self.pk)
        if self.article_from is None:
            return others.filter(article_from__isnull=True)
        return others.filter(article_from__isnull=False, article_from__lte=self.article_to,
                             article_to__gte=self.article_from)


class SanctioningTitle(models.Model):
    """A title the law gives the power to sanction (Giám đốc Sở, Chủ tịch UBND cấp tỉnh, ...), with its cap on a fine
    as a percentage of the field's maximum (Decree 189/2025) and the other penalties it may impose.

    `position` is how the title signs and heads the decision ("Giám đốc": "GIÁM ĐỐC" over the signature, "GIÁM ĐỐC
    SỞ KHOA HỌC VÀ CÔNG NGHỆ ..." as the authority). A null cap is unconfirmed: the title cannot sign a fine until an
    officer enters it. A title limited to the cases its holder leads is a team leader's (Decree 118/2021 Art. 11 as
    amended by Decree 190/2025: within the scope and period of the inspection or check).
    """

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("title (as the law names it)"), max_length=255,
                            help_text=_("e.g. Giám đốc Sở Khoa học và Công nghệ"))
    position = models.CharField(_("position (as it signs)"), max_length=64, help_text=_("e.g. Giám đốc"))
    fine_cap_percent = models.DecimalField(
        _("fine cap (percent of the field's maximum)"), max_digits=5, decimal_places=2, null=True, blank=True,
        help_text=_("Empty while unconfirmed: the title cannot sign a fine until it is entered."))
    may_warn = models.BooleanField(_("may give a warning"), default=False)
    may_withdraw_license = models.BooleanField(_("may withdraw a licence or suspend an activity"), default=False)
    may_confiscate = models.BooleanField(_("may confiscate exhibits and means"), default=False)
    may_apply_remedies = models.BooleanField(_("may impose remedial measures (Law Art. 28.1)"), default=False)
    case_leader_only = models.BooleanField(_("only in the cases its holder leads"), default=False)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    confidence = models.CharField(_("confidence"), max_length=16, choices=Confidence.choices)
    source = models.CharField(_("source"), max_length=128, blank=True)
    note = models.TextField(_("sources and notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fine_cap_percent", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(fine_cap_percent__isnull=True)
                                   | Q(fine_cap_percent__gte=0, fine_cap_percent__lte=100),
                                   name="sanctioning_title_cap_percent"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.fine_cap_percent is not None and not 0 <= self.fine_cap_percent <= 100:
            raise ValidationError({"fine_cap_percent": _("A cap is a percentage from 0 to 100.")})


class SanctioningPower(models.Model):
    """A person's power to sanction: `user` holds `title` at `organization` from `valid_from` to `valid_until`
    (inclusive; open when empty). A deputy acting by delegation (giao quyền, MQĐ34; Law Art. 54) holds the title
    delegated from, with the delegation decision's number and date, and signs as "KT. <title>" over their own
    `position` ("Phó Giám đốc"); the decision cites the delegation in a "Căn cứ" line."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT,
                             related_name="sanctioning_powers")
    title = models.ForeignKey(SanctioningTitle, verbose_name=_("sanctioning title"), on_delete=models.PROTECT,
                              related_name="powers")
    organization = models.ForeignKey(Organization, verbose_name=_("organisation"), on_delete=models.PROTECT,
                                     related_name="+", help_text=_("The department whose cases the power decides."))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True,
                                   help_text=_("The last day the power may be used; empty while it lasts."))
    position = models.CharField(_("holder's own position (delegation)"), max_length=64, blank=True,
                                help_text=_("For a deputy by delegation: e.g. Phó Giám đốc."))
    delegation_number = models.CharField(_("delegation decision number"), max_length=64, blank=True,
                                         help_text=_("e.g. 15/QĐ-GQXP; empty for the title's own holder."))
    delegation_date = models.DateField(_("delegation decision date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["user_id", "-valid_from", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                                   name="sanctioning_power_until_after_from"),
            models.CheckConstraint(condition=Q(delegation_number="", delegation_date__isnull=True)
                                   | (~Q(delegation_number="") & Q(delegation_date__isnull=False) & ~Q(position="")),
                                   name="sanctioning_power_delegation_whole"),
        ]
        indexes = [models.Index(fields=["user", "valid_from"])]

    def __str__(self) -> str:
        holder = getattr(self.user, "display_name", None) or str(self.user)
        delegated = f" (KT., {self.delegation_number})" if self.delegated else ""
        return f"{holder}: {self.title}{delegated}"

    @property
    def delegated(self) -> bool:
        return bool(self.delegation_number)

    @property
    def signing_position(self) -> str:
        """The position printed under the signature: the deputy's own, or the title's."""
        return self.position if self.delegated else self.title.position

    def clean(self):
        """The holder is an officer or an inspector, the organisation a state agency; a delegation is whole (number,
        date, the deputy's position) and not dated after the power starts."""
        errors = {}
        if self.user_id and self.user.role not in (Role.OFFICER, Role.INSPECTOR):
            errors["user"] = _("Only an officer or an inspector may hold a sanctioning power.")
        if self.organization_id and self.organization.kind not in STATE_AGENCY_KINDS:
            errors["organization"] = _(
                "A sanctioning power is held at a state agency: the department or the provincial inspectorate.")
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The last day cannot come before the first.")
        errors |= self._delegation_errors()
        if errors:
            raise ValidationError(errors)

    def _delegation_errors(self) -> dict:
        number, day = self.delegation_number.strip(), self.delegation_date
        if not number and day is None:
            return {}
        if not number:
            return {"delegation_number": _("Enter the number of the delegation decision, or no date.")}
        if day is None:
            return {"delegation_date": _("Enter the date of the delegation decision.")}
        errors = {}
        if not self.position.strip():
            errors["position"] = _("Enter the deputy's own position (e.g. Phó Giám đốc): the decision is signed "
                                   "\"KT.\" over it.")
        if self.valid_from and day > self.valid_from:
            errors["delegation_date"] = _("The power cannot start before the delegation decision.")
        return errors

"""Who may sign a penalty decision, and whether its fines are within the signer's competence (domain/inspections.md
§6; Decree 189/2025/NĐ-CP, in force 01/07/2025).

The signer is the one who issues the decision, under the power they hold on its day at the department whose case it
is (models/competence.py): none is a 403, as any other "you may not"; the reason says which day and where. Each
act's fine must be within the title's cap: a percentage of the field's maximum fine (Law Art. 24), double for an
organisation (Law Art. 52.3, P). Competence is judged on the maximum of the act's range, not on the amount chosen
(Law Art. 52.2: "thẩm quyền xử phạt được căn cứ vào mức tối đa của khung tiền phạt quy định đối với từng hành vi",
from memory, P), so an act whose range passes the cap goes to a higher title whatever the circumstances. A cap or a
maximum still unconfirmed (null) refuses the fine with a 400 naming it, until an officer enters it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from inspections import law
from inspections.models import Inspection, PenaltyItem, Remedy, SanctionField, SanctioningPower
from inspections.selectors.competence import (
    sanction_field_of,
    sanctioning_power_for_case,
    sanctioning_powers_in_force,
)
from registry.models import User

__all__ = [
    "SignerFields", "competence_remedies_check", "fine_cap", "fines_within_cap", "sanctioning_power_require",
    "signer_fields",
]


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def sanctioning_power_require(*, actor: User, on: date, inspection: Inspection | None = None) -> SanctioningPower:
    """The power the actor signs under on a day (for a case: held at its inspecting body, a team leader's only in a
    case they lead); a 403 naming the day, and the department for a case, when there is none."""
    if inspection is None:
        power = sanctioning_powers_in_force(actor=actor, on=on).first()
        if power is None:
            raise PermissionDenied(_(
                "You hold no power to sanction in force on %(day)s. Officers record who holds which sanctioning "
                "title, and from when to when, in the admin.") % {"day": _day(on)})
        return power
    power = sanctioning_power_for_case(actor=actor, inspection=inspection, on=on)
    if power is None:
        raise PermissionDenied(_(
            "None of your powers to sanction in force on %(day)s is held at %(organization)s, whose case this is "
            "(a team leader's only in a case they lead).") % {"day": _day(on),
                                                               "organization": inspection.inspecting_body.name})
    return power


def fine_cap(power: SanctioningPower, field: SanctionField, *, organization: bool) -> int:
    """The largest fine the power's title may impose for one act of the field, whole VND (rounded down); a 400
    naming the title or the field when its percentage or maximum is not confirmed yet."""
    title = power.title
    if title.fine_cap_percent is None:
        raise ValidationError({"fines": _(
            "The fine cap of the title %(title)s is not confirmed in the catalogue yet: an officer must enter it "
            "before this title can sign a fine.") % {"title": title.name}})
    maximum = field.fine_max(organization=organization)
    if maximum is None:
        raise ValidationError({"fines": _(
            "The maximum fine of the field %(field)s is not confirmed in the catalogue yet: an officer must enter "
            "it before a title's cap can be applied.") % {"field": field.name}})
    cap = Decimal(maximum) * title.fine_cap_percent / 100
    return int(cap.to_integral_value(rounding=ROUND_FLOOR))


def fines_within_cap(power: SanctioningPower, items: list[PenaltyItem], *, organization: bool) -> None:
    """Each act within the title's cap in its field, judged on the maximum of its range (Law Art. 52.2); a 400 on
    `fines` naming the title, its cap and the act otherwise."""
    for item in items:
        violation_type = item.violation.violation_type
        field = sanction_field_of(violation_type)
        if field is None:
            raise ValidationError({"fines": _(
                "The catalogue does not say which field violation type %(code)s belongs to, so no title's cap can be "
                "applied to it: an officer must add its decree to the sanction fields.") % {
                "code": violation_type.code}})
        cap = fine_cap(power, field, organization=organization)
        reach = max(law.violation_fine_range(violation_type, organization=organization, field="fines").maximum,
                    item.fine)
        if reach > cap:
            raise ValidationError({"fines": _(
                "%(title)s may fine up to %(cap)s VND for %(violator)s in the field %(field)s (%(percent)s%% of its "
                "maximum, Decree 189/2025); the fine range of violation type %(code)s reaches %(reach)s VND, and "
                "competence is judged on the range's maximum (Law Art. 52): a holder of a higher title decides "
                "it.") % {"title": power.title.name, "cap": law.format_vnd(cap), "field": field.name,
                          "violator": _("an organisation") if organization else _("an individual"),
                          "percent": f"{power.title.fine_cap_percent.normalize():f}", "code": violation_type.code,
                          "reach": law.format_vnd(reach)}})


def competence_remedies_check(power: SanctioningPower, remedies: list[Remedy]) -> None:
    """Remedial measures only from a title that may impose them (Law Art. 28.1, per Decree 189/2025)."""
    if remedies and not power.title.may_apply_remedies:
        raise ValidationError({"remedies": _("The title %(title)s may not impose remedial measures.") % {
            "title": power.title.name}})


@dataclass(frozen=True)
class SignerFields:
    """What a decision records of its signer: their name and own position, the authority it speaks as, and for a
    deputy by delegation the title signed for and the delegation decision."""

    signer_name: str
    signer_title: str
    signer_authority: str
    signed_for: str
    delegation_number: str
    delegation_date: date | None


def signer_fields(power: SanctioningPower) -> SignerFields:
    """The power as the decision prints it: "Giám đốc" heading "Giám đốc Sở Khoa học và Công nghệ ...", or for a
    deputy "Phó Giám đốc" signing for ("KT.") the "Giám đốc" under delegation decision number/date."""
    title = power.title
    return SignerFields(
        signer_name=power.user.display_name, signer_title=power.signing_position,
        signer_authority=f"{title.position} {power.organization.name}",
        signed_for=title.position if power.delegated else "", delegation_number=power.delegation_number,
        delegation_date=power.delegation_date)

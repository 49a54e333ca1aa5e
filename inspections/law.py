"""The arithmetic of the Law on Handling Administrative Violations: fine ranges, the fine rule, amounts in words and
the deadlines of a penalty decision (domain/inspections.md §2-§5, facts.md §4.3).

Pure functions: every legal number (a period, a multiplier, an amount) comes in as an argument, read by the caller
from the catalogue (inspections.selectors.catalog), so that an officer who corrects a value in the admin changes the
answer without a code change. The calendar is registry.dates' (Vietnamese holidays and swapped Saturdays).
Amounts are whole VND (int).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from registry.dates import add_months, add_working_days, is_working_day

# --- money --------------------------------------------------------------------------------------------------------


def format_vnd(amount: int) -> str:
    """1500000 -> "1.500.000": dots between thousands, as Vietnamese documents write money."""
    return f"{amount:,}".replace(",", ".")


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUP_UNITS = ("", "nghìn", "triệu")


def _unit(index: int) -> str:
    """The word of the index-th group of three digits: nghìn, triệu, tỷ, nghìn tỷ, triệu tỷ, tỷ tỷ ..."""
    return " ".join(word for word in (_GROUP_UNITS[index % 3], *["tỷ"] * (index // 3)) if word)


def _group_words(number: int, *, inner: bool, zero_tens: str) -> list[str]:
    """Words of 0 < number < 1000. An inner group says its hundreds even when zero (1.050.000: "không trăm năm
    mươi"); "lẻ"/"linh" stands for zero tens before a unit; mốt after twenty and above, lăm after any tens word."""
    hundreds, tens, ones = number // 100, number // 10 % 10, number % 10
    words = [_DIGITS[hundreds], "trăm"] if hundreds or inner else []
    if tens == 0 and ones == 0:
        return words
    if tens == 0:  # "lẻ năm" after hundreds, a bare "năm" standing alone
        return [*words, zero_tens, _DIGITS[ones]] if words else [_DIGITS[ones]]
    words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if ones == 5:
        words.append("lăm")
    elif ones == 1 and tens > 1:
        words.append("mốt")
    elif ones:
        words.append(_DIGITS[ones])  # "bốn", never "tư": the safer word in a legal document
    return words


def amount_in_words(amount: int, *, zero_tens: str = "lẻ") -> str:
    """The amount in Vietnamese words, capitalised and ending in "đồng" (1500000 -> "Một triệu năm trăm nghìn
    đồng"). Groups of three digits; an all-zero group is skipped (2.000.500: "Hai triệu năm trăm đồng").
    `zero_tens` is "lẻ" (southern, the default) or "linh" (northern): one per deployment (inspections.md §4)."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValueError(f"an amount in words is a whole non-negative number of VND, not {amount!r}")
    if amount == 0:
        return "Không đồng"
    groups = []
    while amount:
        amount, group = divmod(amount, 1000)
        groups.append(group)
    words = []
    for index in range(len(groups) - 1, -1, -1):
        if groups[index]:
            inner = index < len(groups) - 1
            words += _group_words(groups[index], inner=inner, zero_tens=zero_tens)
            words += [_unit(index)] if index else []
    text = " ".join(word for word in words if word)
    return f"{text[0].upper()}{text[1:]} đồng"


# --- fine ranges and the fine rule --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FineRange:
    """The fine range for one act and one kind of violator, in whole VND. `organization` says which kind (None:
    not said) and `multiplier` the factor an organisation's range was scaled by; neither counts in equality."""

    minimum: int
    maximum: int
    organization: bool | None = field(default=None, compare=False)
    multiplier: Decimal | None = field(default=None, compare=False)

    @property
    def average(self) -> int:
        """The middle of the range (rounded down to the đồng, in the violator's favour)."""
        return (self.minimum + self.maximum) // 2

    def text(self) -> str:
        """ "từ 1.000.000 đến 2.000.000 đồng" in Vietnamese."""
        return _("from %(minimum)s to %(maximum)s VND") % {
            "minimum": format_vnd(self.minimum), "maximum": format_vnd(self.maximum)}

    def described(self) -> str:
        """The range with whose it is and why, as the refusals name it: an organisation's is the individual's
        × the multiplier; a household business or a person is fined at the individual's (Decree 119/2017 Art. 3;
        Law on Handling Administrative Violations Art. 23-24)."""
        if self.organization is None:
            return self.text()
        if self.organization:
            return _("%(range)s for an organization (tổ chức): the individual's range × %(multiplier)s (Decree "
                     "119/2017 Art. 3)") % {"range": self.text(), "multiplier": _multiplier_text(self.multiplier)}
        return _("%(range)s for an individual (cá nhân): a household business or a person is fined at the "
                 "individual's range, without the organization's multiplier") % {"range": self.text()}


def _multiplier_text(multiplier: Decimal | None) -> str:
    """2 -> "2", 1.5 -> "1,5": a Vietnamese decimal comma."""
    return format(Decimal(multiplier or 1).normalize(), "f").replace(".", ",")


def fine_range(individual_minimum: int, individual_maximum: int, multiplier: Decimal | int, *,
               organization: bool) -> FineRange:
    """An individual's range as the decree writes it; an organisation's is the individual's × the multiplier
    (2 under Law Art. 23 as amended and Decree 119/2017 Art. 3, P), rounded down to the đồng."""
    if not organization:
        return FineRange(int(individual_minimum), int(individual_maximum), organization=False)
    factor = Decimal(multiplier)

    def scaled(amount: int) -> int:
        return int((Decimal(amount) * factor).to_integral_value(rounding=ROUND_FLOOR))

    return FineRange(scaled(individual_minimum), scaled(individual_maximum), organization=True, multiplier=factor)


def violation_fine_range(violation_type, *, organization: bool, field: str = "violation_type") -> FineRange:
    """The range of a catalogue row (a ViolationType, read as passed in). A row whose amounts or multiplier are
    still unconfirmed (null) cannot be used in a decision until an officer fills them in: a 400 naming the code."""
    amounts = (violation_type.fine_min_individual, violation_type.fine_max_individual)
    if None in amounts or (organization and violation_type.organization_multiplier is None):
        raise ValidationError({field: _(
            "The fine of violation type %(code)s is not confirmed in the catalogue yet: an officer must enter its "
            "range before it can be used in a decision.") % {"code": violation_type.code}})
    return fine_range(*amounts, violation_type.organization_multiplier or 1, organization=organization)


AVERAGE, MINIMUM, MAXIMUM = "average", "minimum", "maximum"
BELOW_AVERAGE, ABOVE_AVERAGE = "below_average", "above_average"


@dataclass(frozen=True)
class FineRule:
    """What Decree 118/2021 Art. 9 (as amended by Decree 68/2025) allows for one act: a fixed amount, or an open
    interval (lower, upper) the officer must choose strictly inside."""

    range: FineRange
    basis: str  # AVERAGE, MINIMUM, MAXIMUM (fixed) or BELOW_AVERAGE, ABOVE_AVERAGE (open)
    lower: int
    upper: int

    @property
    def fixed(self) -> int | None:
        return self.lower if self.lower == self.upper else None

    def allows(self, amount: int) -> bool:
        if self.fixed is not None:
            return amount == self.fixed
        return self.lower < amount < self.upper


def fine_rule(fine: FineRange, *, aggravating: int = 0, mitigating: int = 0) -> FineRule:
    """The fine rule (inspections.md §3, P): circumstances offset one against one; none left: the average; one
    mitigating: above the minimum and below the average; two or more: the minimum; one aggravating: above the
    average and below the maximum; two or more: the maximum. A sector decree's own rule would prevail (none seen
    for Decree 119/2017). A range of one amount (minimum = maximum) fixes it whatever the circumstances."""
    if aggravating < 0 or mitigating < 0:
        raise ValueError("circumstances are counted, never negative")
    net = aggravating - mitigating
    low, middle, high = fine.minimum, fine.average, fine.maximum
    if net == 0 or low == high:
        return FineRule(fine, AVERAGE, middle, middle)
    if net <= -2:
        return FineRule(fine, MINIMUM, low, low)
    if net >= 2:
        return FineRule(fine, MAXIMUM, high, high)
    return FineRule(fine, BELOW_AVERAGE, low, middle) if net == -1 else FineRule(fine, ABOVE_AVERAGE, middle, high)


def _rule_message(rule: FineRule) -> str:
    values = {"amount": format_vnd(rule.lower), "lower": format_vnd(rule.lower), "upper": format_vnd(rule.upper),
              "range": rule.range.described()}
    messages = {
        AVERAGE: _("The fine must be %(amount)s VND: the average of the range %(range)s, as no aggravating or "
                   "mitigating circumstance remains once they are offset (Decree 118/2021 Art. 9)."),
        MINIMUM: _("The fine must be %(amount)s VND: the minimum of the range %(range)s, as two or more mitigating "
                   "circumstances remain (Decree 118/2021 Art. 9)."),
        MAXIMUM: _("The fine must be %(amount)s VND: the maximum of the range %(range)s, as two or more aggravating "
                   "circumstances remain (Decree 118/2021 Art. 9)."),
        BELOW_AVERAGE: _("The fine must be above %(lower)s VND and below %(upper)s VND: one mitigating circumstance "
                         "puts it between the minimum and the average of the range %(range)s (Decree 118/2021 "
                         "Art. 9)."),
        ABOVE_AVERAGE: _("The fine must be above %(lower)s VND and below %(upper)s VND: one aggravating circumstance "
                         "puts it between the average and the maximum of the range %(range)s (Decree 118/2021 "
                         "Art. 9)."),
    }
    return messages[rule.basis] % values


def fine_amount_check(amount, rule: FineRule, *, field: str = "amount") -> int:
    """The amount if the rule allows it; otherwise a 400 on `field` naming the range and what the rule allows."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError({field: _("A fine is a whole number of VND.")})
    if not rule.range.minimum <= amount <= rule.range.maximum:
        raise ValidationError({field: _("The fine of %(amount)s VND is outside the range %(range)s.") % {
            "amount": format_vnd(amount), "range": rule.range.described()}})
    if not rule.allows(amount):
        raise ValidationError({field: _rule_message(rule)})
    return amount


# --- deadlines ----------------------------------------------------------------------------------------------------

WORKING_DAYS, DAYS, MONTHS = "working_days", "days", "months"


@dataclass(frozen=True)
class Period:
    """A legal period: an amount of working days, calendar days or months (a LegalParameter's value and unit)."""

    amount: int
    unit: str


def on_or_after_working_day(day: date) -> date:
    """Civil Code 2015 Art. 148 (P, from memory), applied by Law Art. 8.1: a period whose last day is a weekend or
    holiday ends on the next working day."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def period_end(start: date, period: Period) -> date:
    """The last day of a period counted from `start`, the start day itself not counted (Civil Code Art. 147).
    Working days skip weekends and holidays; days and months are calendar ones (Law Art. 8.1), a month landing on a
    shorter month's end clamps to it (Art. 148), and either rolls forward past a non-working last day."""
    if period.unit == WORKING_DAYS:
        return add_working_days(start, period.amount)
    if period.unit == DAYS:
        return on_or_after_working_day(start + timedelta(days=period.amount))
    if period.unit == MONTHS:
        return on_or_after_working_day(add_months(start, period.amount))
    raise ValueError(f"unknown unit of a legal period: {period.unit!r}")


DECISION_CASES = ("default", "transfer", "explanation", "complex")


def decision_due(record_date: date, case: str = "default", *, periods: Mapping[str, Period]) -> date:
    """The last day to issue the penalty decision after the violation record (Law Art. 66.1 as amended 2020):
    7 working days; 10 when the file is transferred; 1 month when the violator explains or facts are checked;
    2 months for serious or complex cases. `periods` maps each case to its period, as the catalogue holds them."""
    if case not in DECISION_CASES:
        raise ValueError(f"unknown case of a decision deadline: {case!r}")
    return period_end(record_date, periods[case])


def payment_due(received_on: date, *, days: int) -> date:
    """The last day to pay the fine: `days` calendar days (10 under Law Art. 73.1) after the day the violator
    received the decision, rolled forward past a non-working last day."""
    return period_end(received_on, Period(days, DAYS))


@dataclass(frozen=True)
class Limitation:
    """When sanctioning an act is barred (Law Art. 6): the last day a decision may be made, and whether it is past."""

    ends_on: date
    barred: bool


def sanction_barred(act_date: date, decision_date: date, *, period: Period) -> Limitation:
    """The sanctioning limitation of an act: `period` (1 year, or 2 for the fields Law Art. 6.1.a lists, such as
    atomic energy and trading in goods) from the end of a finished act, or from the day an ongoing one was found;
    the caller passes that day as `act_date`. A decision after the end is barred."""
    ends_on = period_end(act_date, period)
    return Limitation(ends_on=ends_on, barred=decision_date > ends_on)


def sanction_limitation_check(limitation: Limitation, *, field: str = "decided_on") -> None:
    """A 400 naming the end of the limitation period when a decision comes after it."""
    if limitation.barred:
        raise ValidationError({field: _(
            "Sanctioning is barred: the limitation period for this violation ended on %(day)s (Law on Handling "
            "Administrative Violations Art. 6).") % {"day": limitation.ends_on.strftime("%d/%m/%Y")}})

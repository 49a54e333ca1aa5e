"""Reads of the legal catalogue of sanctions, and the legal numbers of the procedure in force on a day.

The catalogue is public law: every signed-in role reads all of it; the caller is taken only to be called as every
selector is. The deadlines here read their periods from the catalogue (registry.legal, so officers can amend them)
and pass them to the pure arithmetic of inspections.law.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from inspections import law
from inspections.models import Circumstance, InspectionKind, ViolationType
from registry.legal import legal_parameter, legal_value
from registry.models import OrganizationKind

__all__ = [
    "circumstance_list",
    "decision_deadline",
    "legal_period",
    "payment_deadline",
    "sanction_limitation",
    "violation_type_in_force",
    "violation_type_list",
    "violation_types_in_force",
    "violation_types_in_force_q",
]


def violation_type_list(*, actor=None) -> QuerySet[ViolationType]:
    """Every violation type, every version (the in_force_on filter picks the versions of a day)."""
    return ViolationType.objects.all()


def circumstance_list(*, actor=None) -> QuerySet[Circumstance]:
    return Circumstance.objects.all()


def violation_types_in_force_q(on: date) -> Q:
    """Versions in force on a day: from their first day, until (not including) the day they ceased."""
    return Q(in_force_from__lte=on) & (Q(in_force_to__isnull=True) | Q(in_force_to__gt=on))


def violation_types_in_force(*, on: date, actor=None) -> QuerySet[ViolationType]:
    """The versions in force on a day (the choices for an act of that day), by decree and provision."""
    return ViolationType.objects.filter(violation_types_in_force_q(on)).order_by(
        "decree", "article", "clause", "point", "code")


def violation_type_in_force(key: str | int, *, on: date, field: str = "violation_type") -> ViolationType:
    """The version of a violation type in force on the day of the act. `key` is its code, or the id of any of its
    versions (what a client picked from the list): the version applied is the one of the act's day, whichever was
    picked. None in force that day is a 400 on `field`."""
    code = key
    if isinstance(key, int):
        code = ViolationType.objects.filter(pk=key).values_list("code", flat=True).first()
        if code is None:
            raise ValidationError({field: _("Unknown violation type.")})
    found = (ViolationType.objects.filter(violation_types_in_force_q(on), code=code)
             .order_by("-in_force_from").first())
    if found is None:
        raise ValidationError({field: _("No version of violation type %(code)s was in force on %(day)s.")
                               % {"code": code, "day": on.strftime("%d/%m/%Y")}})
    return found


def legal_period(key: str, *, on: date, field: str | None = None) -> law.Period:
    """A legal period of the catalogue in force on a day (its value and unit)."""
    parameter = legal_parameter(key, on=on, field=field)
    return law.Period(int(parameter.value), parameter.unit)


def decision_deadline(record_date: date, case: str = "default", *, field: str = "record_date") -> date:
    """The last day to issue the penalty decision (Law Art. 66.1), with the periods in force on the record's day."""
    periods = {name: legal_period(f"penalty-decision-deadline-{name}", on=record_date, field=field)
               for name in law.DECISION_CASES}
    return law.decision_due(record_date, case, periods=periods)


def payment_deadline(received_on: date, *, field: str = "received_on") -> date:
    """The last day to pay the fine (Law Art. 73.1), counted from the day the decision was received."""
    period = legal_period("penalty-payment-deadline", on=received_on, field=field)
    return law.payment_due(received_on, days=period.amount)


def sanction_limitation(act_date: date, decision_date: date, *, limitation_group: str = "default",
                        field: str = "act_date") -> law.Limitation:
    """Whether sanctioning an act ended (or found) on `act_date` is barred on `decision_date` (Law Art. 6), under
    the limitation of the type's group in force on the act's day."""
    period = legal_period(f"penalty-sanction-limitation-{limitation_group}", on=act_date, field=field)
    return law.sanction_barred(act_date, decision_date, period=period)


def inspecting_body_kind(kind: str, *, on: date, field: str = "decision_date") -> str:
    """Which state agency carries out a case of `kind` decided on a day: a check (kiểm tra, Circular 28/2013) is the
    department's; an inspection (thanh tra) is the department's inspectorate's until the catalogue's
    inspection-by-provincial-inspectorate turns 1 (Law on Inspection 84/2025/QH15, from 2025-07-01), the
    provincial inspectorate's from then on."""
    if kind == InspectionKind.INSPECTION and legal_value("inspection-by-provincial-inspectorate", on=on, field=field):
        return OrganizationKind.INSPECTORATE
    return OrganizationKind.DEPARTMENT

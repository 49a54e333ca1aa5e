"""Legal numbers in force on a day (licence terms, lead times, cycles, dose limits), read from LegalParameter.

Every register asks here; the rows themselves are models/legal.py's, edited by officers in the admin.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from registry.models import LegalParameter


def legal_parameter(key: str, *, on: date, field: str | None = None) -> LegalParameter:
    """The row of a legal number in force on a day; a missing one is a configuration error worth a clear 400.

    `field` names the input date that chose the day: when the catalogue has the number but only from a later day,
    the date is what is wrong, and the answer names that field (issue 7, defect 9)."""
    parameter = LegalParameter.objects.filter(key=key, in_force_from__lte=on).order_by("-in_force_from").first()
    first = LegalParameter.objects.filter(key=key).order_by("in_force_from").first() if parameter is None else None
    if parameter is None and field and first is not None:
        raise ValidationError({field: _("The rules for this date are not in the catalogue, which starts on "
                                        "%(first)s: enter a date on or after it.") % {"first": first.in_force_from}})
    if parameter is None:
        raise ValidationError(_("The legal parameter %(key)s has no value in force on %(day)s; an officer must "
                                "load it.") % {"key": key, "day": on.isoformat()})
    return parameter


def legal_value(key: str, *, on: date, field: str | None = None) -> Decimal:
    return legal_parameter(key, on=on, field=field).value

"""Validators of Vietnamese identifiers."""

import re
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.vn import mst

# From 2025-07-01 the 12-digit personal identification number replaces the tax code of individuals and
# household businesses (Circular 86/2024/TT-BTC Art. 38.2).
_PERSONAL_ID = re.compile(r"^\d{12}$")


def normalize_tax_code(value: str) -> str:
    """Return the canonical form: 10 digits, 10 digits '-' 3 for a dependent unit, or 12 digits."""
    compact = re.sub(r"[\s.]", "", value or "")
    if _PERSONAL_ID.match(compact):
        return compact
    try:
        digits = mst.validate(compact)
    except StdnumError as exc:
        raise ValidationError(
            _("Enter a valid tax code: 10 digits with a correct check digit, 10 digits-3 digits for a branch, "
              "or the 12-digit personal identification number of a household business."),
            code="invalid_tax_code",
        ) from exc
    return digits if len(digits) == 10 else f"{digits[:10]}-{digits[10:]}"


def validate_tax_code(value: str) -> None:
    if normalize_tax_code(value) != value:
        raise ValidationError(_("Write the tax code in its canonical form: %(canonical)s."),
                              code="tax_code_not_canonical", params={"canonical": normalize_tax_code(value)})


def normalize_serial(value: str) -> str:
    """The one form of a serial number, for instruments and X-ray devices alike (issue 7, defect 9).

    NFC, so that a precomposed and a combining "Ô" are one serial; control and format characters removed
    (zero-width spaces and joiners, the byte-order mark, left-to-right and right-to-left marks, embeddings and
    overrides), since they print as nothing or reorder what is printed, and a serial is read off a plate;
    runs of whitespace become one space, trimmed. A value that normalises to "" is no serial: callers refuse it.
    """
    composed = unicodedata.normalize("NFC", value or "")
    visible = "".join(char for char in composed if char.isspace() or unicodedata.category(char) not in _INVISIBLE)
    return " ".join(visible.split())


# Control, format (Cf: U+200B-U+200F, U+202A-U+202E, U+2066-U+2069, U+FEFF, ...), surrogate, private-use and
# unassigned code points: none of them is a character printed on a device's plate.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


class DateBounds:
    """Refuse a date outside what the domain allows, with the bound in the message.

    `earliest` is a date; `latest` a callable giving the last allowed date (today, or today minus an age)."""

    def __init__(self, *, earliest: date | None = None, latest=None, reason: str = ""):
        self.earliest, self.latest, self.reason = earliest, latest, reason

    def __call__(self, value: date) -> None:
        if self.earliest is not None and value < self.earliest:
            raise ValidationError(_("Enter a date on or after %(day)s.") % {"day": self.earliest.isoformat()}
                                  + (f" ({self.reason})" if self.reason else ""), code="date_too_early")
        latest = self.latest() if self.latest is not None else None
        if latest is not None and value > latest:
            raise ValidationError(_("Enter a date on or before %(day)s.") % {"day": latest.isoformat()}
                                  + (f" ({self.reason})" if self.reason else ""), code="date_too_late")


def today() -> date:
    return timezone.localdate()


def years_ago(years: int):
    """A callable: the local date `years` years before today (29 February falls back to 28)."""
    def bound() -> date:
        now = timezone.localdate()
        try:
            return now.replace(year=now.year - years)
        except ValueError:
            return now.replace(year=now.year - years, day=28)
    return bound


# The Ordinance on Radiation Safety and Control (No. 50/L-CTN) took effect on 1 July 1996: no Vietnamese
# radiation worker certificate, personal dose record or X-ray verification is older than that.
RADIATION_RECORDS_FROM = date(1996, 7, 1)
# Nobody on a register was born before 1900; radiation work is forbidden to minors (Labour Code 2019 Art. 147),
# so a radiation worker is at least 18 today.
BIRTH_DATE_FROM = date(1900, 1, 1)
RADIATION_WORKER_MIN_AGE = 18

"""Validators of Vietnamese identifiers."""

import re

from django.core.exceptions import ValidationError
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

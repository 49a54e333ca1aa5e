"""Input fields shared by the registry's serializers: ids, serial numbers and bounded dates."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from registry.validators import normalize_serial

# A reference to another record: a positive bigint. -1 or 10**30 is a 400 on the field, never a silent miss.
ID_BOUNDS = {"min_value": 1, "max_value": 2**63 - 1}


def IdField(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(**ID_BOUNDS, **kwargs)


class SerialNumberField(serializers.CharField):
    """A serial number in its one normalised form (registry.validators.normalize_serial); one made only of
    invisible characters (zero-width spaces, a byte-order mark, a right-to-left override) is refused."""

    default_error_messages = {"invisible": _("A serial number needs at least one visible character.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty):
        value = super().run_validation(data)  # CharField's own checks first: NUL, lone surrogates, length
        if value in ("", None):
            return value
        value = normalize_serial(value)
        if not value:
            self.fail("invisible")
        return value

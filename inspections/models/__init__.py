"""The inspections' models, one module per part (a plain list of imports, one line per module); import them
from here."""

from inspections.models.catalog import Circumstance, CircumstanceKind, Confidence, ViolationType  # noqa: F401

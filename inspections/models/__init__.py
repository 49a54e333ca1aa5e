"""The inspections' models, one module per part; import them from here."""

from inspections.models.cases import *  # noqa: F403
from inspections.models.catalog import Circumstance, CircumstanceKind, Confidence, ViolationType  # noqa: F401
from inspections.models.competence import SanctionField, SanctioningPower, SanctioningTitle  # noqa: F401
from inspections.models.penalties import *  # noqa: F403

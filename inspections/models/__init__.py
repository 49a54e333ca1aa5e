"""The inspections app's models, one module per part; import them from here."""

from inspections.models.cases import *  # noqa: F403

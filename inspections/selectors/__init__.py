"""Every non-trivial read of the inspections, scoped to the caller; one module per part (catalog.py, cases.py)."""

from inspections.selectors.catalog import *  # noqa: F403

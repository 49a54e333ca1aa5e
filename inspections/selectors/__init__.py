"""Every non-trivial read of the inspections, one module per part (a plain list of imports, one line per module)."""

from inspections.selectors.catalog import *  # noqa: F403

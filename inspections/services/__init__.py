"""Every write of the inspections, one module per part (a plain list of imports, one line per module)."""

from inspections.services.catalog import inspection_catalog_load  # noqa: F401

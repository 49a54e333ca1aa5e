"""Every write of the inspections, one function per use case; one module per part (catalog.py, cases.py)."""

from inspections.services.catalog import inspection_catalog_load  # noqa: F401

"""Every read of inspections, scoped to the caller; one module per part (cases.py, ...)."""

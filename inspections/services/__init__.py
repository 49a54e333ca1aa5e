"""Every write of inspections, one function per use case; one module per part (cases.py, ...)."""

"""Inspection cases, violations and penalty decisions: built in a later issue."""

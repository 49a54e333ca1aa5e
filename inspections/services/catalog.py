"""Loading the legal catalogue of sanctions from inspections/catalog/*.json (violation types, circumstances, the
procedure's legal numbers, the latter as rows of registry's LegalParameter table, read through registry.legal, and
the sanctioning competence: the fields' maximum fines and the sanctioning titles with their caps)."""

from django.db import transaction

from inspections.models import Circumstance, SanctionField, SanctioningTitle, ViolationType
from registry.models import LegalParameter

# What each key of a catalogue file holds: the model and the fields that name one row. Other keys of the folder's
# files (the topics and checklists of the cases) are loaded by their own part of the command.
# Parameters first: a violation type's limitation group must name a limitation the catalogue holds.
CATALOG_KEYS = {
    "parameters": (LegalParameter, ("key", "in_force_from")),
    "violation_types": (ViolationType, ("code", "in_force_from")),
    "circumstances": (Circumstance, ("code",)),
    "sanction_fields": (SanctionField, ("code",)),
    "sanctioning_titles": (SanctioningTitle, ("code",)),
}


@transaction.atomic
def inspection_catalog_load(*, data: dict[str, list], update: bool = False) -> dict[str, int]:
    """Write the catalogue's rows (each key's rows from every file) and count them per key. Idempotent: a row
    already there is left as officers may have edited it (unconfirmed amounts are theirs to fill) unless `update`
    overwrites it with the file. Each row is checked as the admin checks it (full_clean) before it is written."""
    written = {}
    for key, (model, identity) in CATALOG_KEYS.items():
        written[key] = sum(_upsert(model, entry, identity, update) for entry in data.get(key, []))
    return written


def _upsert(model, entry: dict, identity: tuple[str, ...], update: bool) -> int:
    lookup = {name: entry[name] for name in identity}
    fields = {name: value for name, value in entry.items() if name not in identity}
    row = model.objects.filter(**lookup).first()
    if row is not None and not update:
        return 0
    row = row or model(**lookup)
    for name, value in fields.items():
        setattr(row, name, value)
    row.full_clean(validate_unique=False)
    row.save()
    return 1

"""Load the catalogues (registry/catalog/*.json) idempotently: instrument types with their legal revisions,
legal parameters (terms, lead times, cycles, limits), licence-file checklists and expiry-notice stages.

Rows already in the database are left as officers may have edited them (unconfirmed values are theirs to set);
`--update` overwrites them with the files. An amendment of the law is loaded as new rows whose legal basis and
in-force date say which text they come from: no code changes.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from certificates.notices.services import notice_stages_load
from registry.models import ChecklistItem, InstrumentType, InstrumentTypeRevision, LegalParameter

CATALOG_DIR = Path(__file__).resolve().parents[2] / "catalog"


class Command(BaseCommand):
    help = "Load the instrument-type catalogue, legal parameters and checklists."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="Overwrite existing rows from the files.")

    @transaction.atomic
    def handle(self, *args, update: bool = False, **options):
        written = {"types": 0, "revisions": 0, "parameters": 0, "checklists": 0, "notice stages": 0}
        for path in sorted(CATALOG_DIR.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            for entry in data.get("types", []):
                self._load_type(entry, update, written)
            for entry in data.get("parameters", []):
                written["parameters"] += _upsert(LegalParameter, entry, ("key", "in_force_from"), update)
            for entry in data.get("checklists", []):
                written["checklists"] += _upsert(ChecklistItem, entry, ("application_kind", "code"), update)
            # The stages of the registry's notice sources (registry.notice_sources), kept by the notice engine.
            written["notice stages"] += notice_stages_load(stages=data.get("stages", []), update=update)
        summary = ", ".join(f"{count} {name}" for name, count in written.items())
        self.stdout.write(f"catalogue: written {summary} ({InstrumentType.objects.count()} instrument types in all)")

    def _load_type(self, entry: dict, update: bool, written: dict) -> None:
        instrument_type, created = InstrumentType.objects.update_or_create(
            code=entry["code"], defaults={key: entry[key] for key in ("item", "name", "name_en", "quantity")},
        )
        written["types"] += created
        for revision in entry["revisions"]:
            written["revisions"] += _upsert(
                InstrumentTypeRevision, {**revision, "instrument_type": instrument_type},
                ("instrument_type", "in_force_from"), update,
            )


def _upsert(model, entry: dict, keys: tuple[str, ...], update: bool) -> int:
    lookup = {key: entry[key] for key in keys}
    fields = {key: value for key, value in entry.items() if key not in keys}
    if update:
        model.objects.update_or_create(**lookup, defaults=fields)
        return 1
    _row, created = model.objects.get_or_create(**lookup, defaults=fields)
    return int(created)

"""Load the instrument-type catalogue (registry/catalog/*.json), idempotently.

Existing revisions are left as officers may have edited them (unconfirmed values are theirs to set);
`--update` overwrites them with the file. An amendment of the law is loaded as a new file whose
revisions carry the new legal basis and in-force date: no code changes.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from registry.models import InstrumentType, InstrumentTypeRevision

CATALOG_DIR = Path(__file__).resolve().parents[2] / "catalog"


class Command(BaseCommand):
    help = "Load the Group 2 instrument-type catalogue and its legal revisions."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="Overwrite existing revisions from the files.")

    @transaction.atomic
    def handle(self, *args, update: bool = False, **options):
        types = revisions = 0
        for path in sorted(CATALOG_DIR.glob("*.json")):
            for entry in json.loads(path.read_text(encoding="utf-8"))["types"]:
                instrument_type, created = InstrumentType.objects.update_or_create(
                    code=entry["code"],
                    defaults={key: entry[key] for key in ("item", "name", "name_en", "quantity")},
                )
                types += created
                for revision in entry["revisions"]:
                    revisions += self._load_revision(instrument_type, revision, update=update)
        self.stdout.write(f"catalogue: {types} new types, {revisions} revisions written "
                          f"({InstrumentType.objects.count()} types in all)")

    def _load_revision(self, instrument_type, data: dict, *, update: bool) -> int:
        fields = {key: value for key, value in data.items() if key != "in_force_from"}
        lookup = {"instrument_type": instrument_type, "in_force_from": data["in_force_from"]}
        if update:
            InstrumentTypeRevision.objects.update_or_create(**lookup, defaults=fields)
            return 1
        _revision, created = InstrumentTypeRevision.objects.get_or_create(**lookup, defaults=fields)
        return int(created)

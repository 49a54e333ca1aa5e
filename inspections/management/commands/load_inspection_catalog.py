"""Load the legal catalogue of sanctions (inspections/catalog/*.json) idempotently: violation types with their fine
ranges and remedies, the Law's aggravating and mitigating circumstances, and the procedure's deadlines and
limitations (rows of registry's LegalParameter table), the sanctioning competence (the fields' maximum fines and
the titles' caps, catalog/competence.json), and the stages of the notices of overdue remedies and unpaid fines. Run
after load_catalog (`make run` does).

Rows already in the database are left as officers may have edited them (unconfirmed amounts are theirs to set);
`--update` overwrites them with the files. An amendment is loaded as new rows from its in-force day: no code change.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from certificates.notices.services import notice_stages_load
from inspections.services import inspection_catalog_load

CATALOG_DIR = Path(__file__).resolve().parents[2] / "catalog"


class Command(BaseCommand):
    help = "Load the violation types, circumstances and procedure constants of administrative sanctions."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="Overwrite existing rows from the files.")

    @transaction.atomic
    def handle(self, *args, update: bool = False, **options):
        rows: dict[str, list] = {}
        for path in sorted(CATALOG_DIR.glob("*.json")):
            for key, entries in json.loads(path.read_text(encoding="utf-8")).items():
                if isinstance(entries, list):
                    rows.setdefault(key, []).extend(entries)
        written = inspection_catalog_load(data=rows, update=update)
        # The stages of the inspections' notice sources (overdue remedies, unpaid fines), kept by the notice engine.
        written["notice_stages"] = notice_stages_load(stages=rows.get("stages", []), update=update)
        summary = ", ".join(f"{count} {key.replace('_', ' ')}" for key, count in written.items())
        self.stdout.write(f"inspection catalogue: written {summary}")

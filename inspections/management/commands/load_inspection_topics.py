"""Load the inspection topics and their checklists (inspections/catalog/topics.json) idempotently.

Rows already in the database are left as officers may have edited them; `--update` overwrites them with the file.
Nothing is deleted: a checklist item a finding names stays (it is PROTECTed), an officer retires it by hand.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from inspections.models import ChecklistItem, Topic

TOPICS_FILE = Path(__file__).resolve().parents[2] / "catalog" / "topics.json"
TOPIC_FIELDS = ("name", "legal_basis", "position")


class Command(BaseCommand):
    help = "Load the inspection topics and their checklists."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="Overwrite existing rows from the file.")

    @transaction.atomic
    def handle(self, *args, update: bool = False, **options):
        data = json.loads(TOPICS_FILE.read_text(encoding="utf-8"))
        written = {"topics": 0, "checklist items": 0}
        for entry in data["topics"]:
            topic, created = _upsert(Topic, {"code": entry["code"]},
                                     {key: entry[key] for key in TOPIC_FIELDS if key in entry}, update)
            written["topics"] += created
            for item in entry.get("checklist", []):
                fields = {key: value for key, value in item.items() if key != "code"}
                _row, created = _upsert(ChecklistItem, {"topic": topic, "code": item["code"]}, fields, update)
                written["checklist items"] += created
        summary = ", ".join(f"{count} {name}" for name, count in written.items())
        self.stdout.write(f"inspection topics: written {summary} ({Topic.objects.count()} topics in all)")


def _upsert(model, lookup: dict, fields: dict, update: bool):
    """The row, and whether it was written (created, or overwritten under --update)."""
    if update:
        row, _created = model.objects.update_or_create(**lookup, defaults=fields)
        return row, True
    return model.objects.get_or_create(**lookup, defaults=fields)

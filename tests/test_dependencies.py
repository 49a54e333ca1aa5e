"""The dependency rules of DESIGN.md §2 that a grep can keep: arrows point one way."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _importers_of(app: str, target: str) -> list[str]:
    pattern = re.compile(rf"^\s*(from|import) {target}\b", re.MULTILINE)
    return [str(path.relative_to(ROOT)) for path in (ROOT / app).rglob("*.py")
            if "migrations" not in path.parts and pattern.search(path.read_text())]


@pytest.mark.parametrize("app, target", [
    ("registry", "inspections"),  # inspections listen to the registry's signals, never the other way
    ("registry", "workers"), ("certificates", "workers"), ("inspections", "workers"),  # apps ask by writing rows
    ("registry", "celery"), ("certificates", "celery"), ("inspections", "celery"),
    # the pages read and write through the apps; nothing imports the pages (DESIGN.md §2)
    ("registry", "web"), ("certificates", "web"), ("inspections", "web"), ("workers", "web"),
])
def test_no_app_imports_what_depends_on_it(app, target):
    assert _importers_of(app, target) == []


def test_the_rule_sees_an_import_when_there_is_one():
    assert _importers_of("workers", "registry") != []  # workers do import the apps: the check is not blind

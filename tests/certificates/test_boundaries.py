"""`certificates` knows documents, not the people of one register or another (DESIGN.md §2, issue 8): the
project's access policy answers who may read, download and manage; no flag lets a caller skip it."""

import ast
import re
import sys
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from certificates.permissions import document_access
from certificates.services import document_revoke, document_suspend
from tests.factories import OrganizationFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2] / "certificates"
NOTICES = ROOT / "notices"
ROLE_WORDS = re.compile(r"\b(officer|inspector|technician|business)\b|\bRole\b|authorized\s*=")


def _sources():
    return [path for path in ROOT.rglob("*.py") if "migrations" not in path.parts]


def test_certificates_names_no_role_and_has_no_flag_that_skips_the_check():
    found = [f"{path.relative_to(ROOT.parent)}:{number}: {line.strip()}"
             for path in _sources() for number, line in enumerate(path.read_text().splitlines(), start=1)
             if ROLE_WORDS.search(line)]

    assert found == []


def test_certificates_imports_no_app():
    found = [str(path) for path in _sources()
             if re.search(r"^\s*(from|import) (registry|inspections)\b", path.read_text(), re.MULTILINE)]

    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("role, kind", [("technician", "verification_body"), ("inspector", "department"),
                                        ("business", "business")])
def test_only_those_the_policy_lets_manage_may_revoke_or_suspend(role, kind):
    actor = UserFactory(role=role, organization=OrganizationFactory(kind=kind))

    assert document_access().may_manage(actor) is False
    with pytest.raises(PermissionDenied):
        document_revoke(actor=actor, document_id=1, reason="—")
    with pytest.raises(PermissionDenied):
        document_suspend(actor=actor, document_id=1, reason="—")


def test_document_kinds_are_registered_by_the_apps_not_listed_in_certificates():
    """Only the notice engine's own kind (the daily digest) is named, and only inside the engine."""
    from certificates.kinds import kind_choices
    from certificates.notices.digest.kind import EXPIRY_NOTICE

    kinds = [kind for kind, _label in kind_choices()]
    found = [f"{path.name}: {kind}" for path in _sources() for kind in kinds if kind in path.read_text()
             and not (kind == EXPIRY_NOTICE.kind and NOTICES in path.parents)]

    assert len(kinds) >= 3  # the registry's certificate and licence, and the engine's digest
    assert found == []


def test_notice_kinds_are_registered_by_the_apps_not_listed_in_certificates():
    from certificates.notices.sources import notice_kind_choices

    kinds = [kind for kind, _label in notice_kind_choices()]
    found = [f"{path.name}: {kind}" for path in _sources() for kind in kinds if kind in path.read_text()]

    assert len(kinds) >= 3  # the registry's instruments, X-ray devices and licences
    assert found == []


# The libraries Django's layers here are written with (the API, filters, schema, history, PDF): no app of ours.
FRAMEWORK = {"rest_framework", "django_filters", "drf_spectacular", "simple_history", "reportlab"}


def test_the_notice_engine_imports_only_django_its_libraries_the_standard_library_and_certificates():
    allowed = {"django", "certificates", *FRAMEWORK, *sys.stdlib_module_names}
    found = []
    for path in NOTICES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            found += [f"{path.relative_to(ROOT.parent)}: {name}" for name in names
                      if name.split(".")[0] not in allowed]

    assert found == []

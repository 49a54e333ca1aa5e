"""`certificates` knows documents, not the people of one register or another (DESIGN.md §2, issue 8): the
project's access policy answers who may read, download and manage; no flag lets a caller skip it."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied

from certificates.permissions import document_access
from certificates.services import document_revoke, document_suspend
from tests.factories import OrganizationFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2] / "certificates"
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
    from certificates.kinds import kind_choices

    kinds = [kind for kind, _label in kind_choices()]
    found = [f"{path.name}: {kind}" for path in _sources() for kind in kinds if kind in path.read_text()]

    assert len(kinds) >= 3  # the registry's certificate, licence and notice
    assert found == []

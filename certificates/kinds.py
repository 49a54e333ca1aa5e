"""The registry of document kinds: each app registers how its documents are described and rendered.

`certificates` knows documents, not instruments or licences (DESIGN.md §2): a kind supplies
`describe` (the facts copied onto the document when it is requested), `build_context` (reads what the
renderer needs; queries allowed) and `render` (pure: context in, PDF bytes out).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q, QuerySet

# The service's own series, the year in the number: "KĐ-2026/000123" (certificates, licences, notices).
REGISTER_NUMBER = "{prefix}-{year}/{sequence:06d}"
# An administrative document's number as the law's forms print it after "Số:": "01/QĐ-XPHC", "285/QĐ-XPHC"
# (domain/inspections.md §1.1). Decree 30/2020/NĐ-CP: Arabic figures, a leading 0 below 10, then the form's code;
# no year (the date line carries it), and the series restarts each year per issuer (the DocumentCounter's key).
ADMINISTRATIVE_NUMBER = "{sequence:02d}/{prefix}"


@dataclass(frozen=True)
class DocumentFacts:
    """What a document states about its subject, fixed when it is requested."""

    issuer_id: int
    owner_id: int
    subject_label: str
    valid_until: date | None
    # The day the document bears, when it is not the day it is requested (a decision dated at its signing, a demo
    # year, a transcription): its number is taken in that year's series, as the register book of that year would.
    dated: date | None = None
    # What the document is about, as its signed statement names it (SIGNING_DESIGN.md): the instrument's serial
    # number, the licensee, the violator, the inspected organisation, the notice's recipient. Printed on the PDF.
    subject_key: str = ""


@dataclass(frozen=True)
class KindSpec:
    kind: str  # the value stored on each document of the kind
    label: str  # what people read (a lazy translation)
    number_prefix: str  # the type code the number carries ("KĐ", "QĐ-XPHC"), wherever the format puts it
    describe: Callable[[models.Model], DocumentFacts]
    build_context: Callable[[Any], Any]
    render: Callable[[Any], bytes]
    # How a number is written, a str.format over prefix, year and sequence (REGISTER_NUMBER or
    # ADMINISTRATIVE_NUMBER). The sequence is unique per kind, issuer and year; the number need not be.
    number_format: str = REGISTER_NUMBER
    # Which documents of the kind the caller sees, on top of the access policy: a condition on Document given the
    # caller (maybe anonymous), usually "its subject is one the caller sees" from the subject's own selector. None:
    # the policy alone. A kind whose subjects their app scopes more narrowly than the policy (a case's records, seen
    # by the case's team only) names it, so /documents/ tells no more than the subject's own route.
    scope: Callable[[Any], Q] | None = None

    def number(self, *, sequence: int, year: int) -> str:
        return self.number_format.format(prefix=self.number_prefix, year=year, sequence=sequence)

    @property
    def number_has_year(self) -> bool:
        """Whether the number itself tells the year (a file name adds it when it does not)."""
        return "{year" in self.number_format


_KINDS: dict[str, KindSpec] = {}


def register_kind(spec: KindSpec) -> None:
    """Register a kind; a number format that fails or does not tell one sequence from the next stops startup."""
    try:
        first, second = spec.number(sequence=1, year=2000), spec.number(sequence=2, year=2000)
    except (KeyError, IndexError, ValueError) as error:
        raise ImproperlyConfigured(f"Kind {spec.kind!r}: bad number_format {spec.number_format!r}: {error}") from None
    if first == second:
        raise ImproperlyConfigured(f"Kind {spec.kind!r}: number_format {spec.number_format!r} omits the sequence")
    from certificates.models import Document  # registered from apps' ready(): the models are loaded

    if len(spec.number(sequence=4_294_967_295, year=32_767)) > Document._meta.get_field("number").max_length:
        raise ImproperlyConfigured(f"Kind {spec.kind!r}: its numbers may not fit Document.number")
    _KINDS[spec.kind] = spec


def kind_spec(kind: str) -> KindSpec:
    try:
        return _KINDS[kind]
    except KeyError:
        raise LookupError(f"No renderer is registered for document kind {kind!r}") from None


def kinds_scope(actor, documents: QuerySet) -> QuerySet:
    """`documents` less those of a kind whose `scope` hides them from the caller."""
    scoped = [(spec.kind, spec.scope(actor)) for spec in _KINDS.values() if spec.scope is not None]
    if not scoped:
        return documents
    condition = ~Q(kind__in=[kind for kind, _condition in scoped])
    for kind, narrowed in scoped:
        condition |= Q(kind=kind) & narrowed
    return documents.filter(condition)


def kind_label(kind: str) -> str:
    spec = _KINDS.get(kind)
    return str(spec.label) if spec else kind


def kind_choices() -> list[tuple[str, str]]:
    """The registered kinds as (value, label) choices, for filters and forms (a callable: apps register late)."""
    return [(spec.kind, spec.label) for spec in _KINDS.values()]


class RegisteredChoices:
    """Choices read from a registry each time they are iterated: a filter built at import time (before the apps
    register) still validates against every registered value, and the OpenAPI schema, generated after, lists
    them as an enum (drf-spectacular does not call a callable's choices)."""

    def __init__(self, choices: Callable[[], list[tuple[str, str]]]):
        self._choices = choices

    def __iter__(self):
        return iter(self._choices())

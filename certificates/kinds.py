"""The registry of document kinds: each app registers how its documents are described and rendered.

`certificates` knows documents, not instruments or licences (DESIGN.md §2): a kind supplies
`describe` (the facts copied onto the document when it is requested), `build_context` (reads what the
renderer needs; queries allowed) and `render` (pure: context in, PDF bytes out).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models


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


@dataclass(frozen=True)
class KindSpec:
    kind: str  # the value stored on each document of the kind
    label: str  # what people read (a lazy translation)
    number_prefix: str
    describe: Callable[[models.Model], DocumentFacts]
    build_context: Callable[[Any], Any]
    render: Callable[[Any], bytes]


_KINDS: dict[str, KindSpec] = {}


def register_kind(spec: KindSpec) -> None:
    _KINDS[spec.kind] = spec


def kind_spec(kind: str) -> KindSpec:
    try:
        return _KINDS[kind]
    except KeyError:
        raise LookupError(f"No renderer is registered for document kind {kind!r}") from None


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

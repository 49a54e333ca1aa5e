"""What an app registers so that the engine walks its register: a notice source, one per kind of notice.

The source knows its tables and its law; the engine knows stages, the ledger and digests. A notice's `kind` is
the key of the source that produced it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Candidate:
    """A subject with a due date; `action_deadline` is an earlier day by which its owner must act (the last day
    to file a licence renewal), the anchor of the stages that count from it."""

    subject_id: int
    organization_id: int
    due_date: date
    action_deadline: date | None
    label: str
    serial_number: str
    location: str


def _no_reach(as_of: date) -> int:
    return 0


@dataclass(frozen=True)
class NoticeSource:
    """One kind of notice: its candidates as of a day, and how one of their rows becomes a Candidate."""

    key: str  # stored on each notice and stage as its `kind`
    label: str  # what people read in filters and the admin (a lazy translation)
    digest_label: str  # the kind's name in the digest's table (Vietnamese, as the document is)
    digest_topic: str  # what the digest's subject line names ("phương tiện đo")
    legal_reminder: str  # the closing paragraph of a digest that lists this kind: what the law requires
    model: type[Model]
    rows: Callable[[date, int], QuerySet]  # (as_of, horizon days) -> subjects due by as_of + horizon
    fields: tuple[str, ...]  # the values read of each row ("id" first); `rows` may annotate some
    candidate: Callable[[dict], Candidate]
    # How many days before the due date the action deadline lies, in force on a day (0: no such deadline).
    reach: Callable[[date], int] = _no_reach
    due_field: str = "valid_until"  # the row's field the candidate's due date comes from


_SOURCES: dict[str, NoticeSource] = {}


def register_notice_source(source: NoticeSource) -> None:
    """Called by the app that owns the register (its AppConfig.ready); a key registered again is replaced."""
    _SOURCES[source.key] = source


def unregister_notice_source(key: str) -> None:
    _SOURCES.pop(key, None)


def notice_sources() -> list[NoticeSource]:
    return list(_SOURCES.values())


def notice_source(key: str) -> NoticeSource | None:
    return _SOURCES.get(key)


def notice_kind_choices() -> list[tuple[str, str]]:
    """The registered kinds as (value, label) choices (a callable: apps register after this module loads)."""
    return [(source.key, source.label) for source in _SOURCES.values()]

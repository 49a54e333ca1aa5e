"""Who issues a digest, who receives it and who may see or confirm a notice: answered by the project's
registered policy, never by role names inside the engine (as `certificates.permissions` does for documents)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str


@dataclass(frozen=True)
class NoticeParties:
    """The answers the engine asks of the project; `actor` is the caller (maybe anonymous)."""

    visible: Callable[[object, QuerySet], QuerySet]  # the notices the caller may read
    may_mark: Callable[[object], bool]  # may confirm reading or acknowledge a notice it sees
    issuer_id: Callable[[int], int]  # organisation id -> the organisation that issues its digests
    recipients: Callable[[int], list[Recipient]]  # organisation id -> whom its digest is e-mailed to


_PARTIES: list[NoticeParties] = []


def register_notice_parties(parties: NoticeParties) -> None:
    """Called once, by the app that knows the roles (registry's AppConfig.ready)."""
    _PARTIES[:] = [parties]


def notice_parties() -> NoticeParties:
    if not _PARTIES:
        raise ImproperlyConfigured("No notice parties are registered (register_notice_parties).")
    return _PARTIES[0]

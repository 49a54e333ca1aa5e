"""The audit chain's canonical form and hash (issue 11, point 5): pure functions, no database.

An auditor can recompute every hash by hand from a dump of the table (or from `manage.py verify_audit`'s source).

Each entry's hash is the SHA-256, written as 64 lowercase hexadecimal digits, of the UTF-8 bytes of this JSON
object, with exactly these ten keys::

    {"action": "create" | "update" | "delete",
     "actor_id": <integer> | null,             # the user's id; null for the system (a worker, a command)
     "actor_username": <string> | null,        # the username at the time, copied as text
     "after": <object> | null,                 # the row's fields after the write; null for a delete
     "at": "YYYY-MM-DDTHH:MM:SS.ffffffZ",      # when, in UTC, always six digits of microseconds
     "before": <object> | null,                # the row's fields before the write; null for a create
     "model": "<app_label>.<ModelName>",       # e.g. "registry.Instrument"
     "object_pk": "<the row's primary key as a string>",
     "prev_hash": "<the previous entry's hash>",  # 64 zeros ("000…0") for entry 1
     "sequence": <integer>}                    # 1, 2, 3, … with no gap

serialised as Python's `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` does:

- keys sorted by their code points, at every depth (the `before` and `after` objects too);
- no whitespace at all: `,` between members, `:` between a key and its value;
- non-ASCII characters as themselves in UTF-8 (Vietnamese is not escaped); only `"` and `\\` and the control
  characters are escaped: `\\"`, `\\\\`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t`, and any other below U+0020 as `\\u00xx`
  (lowercase hex);
- integers in decimal, `true`, `false`, `null`.

`before` and `after` hold the model's fields by their column name (`organization_id` for a foreign key) and, for
a many-to-many field the history tracks, its name and the sorted list of the related ids. Their values are only
strings, integers, booleans, null, lists and objects: decimals, floats, dates, times, datetimes (ISO 8601, UTC for a
datetime), UUIDs and files (their stored name) are strings, so that no value changes on its way through the
database's JSON type.

An example, entry 1 (one line in reality)::

    {"action":"create","actor_id":7,"actor_username":"technician","after":{"id":3,"serial_number":"X-1"},
     "at":"2026-12-01T06:40:00.123456Z","before":null,"model":"registry.Instrument","object_pk":"3",
     "prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","sequence":1}
"""

import datetime
import decimal
import hashlib
import json
import uuid
from dataclasses import dataclass

GENESIS_HASH = "0" * 64
FIELDS = ("action", "actor_id", "actor_username", "after", "at", "before", "model", "object_pk", "prev_hash",
          "sequence")


def plain(value):
    """A value as the chain stores it: JSON's strings, integers, booleans, null, lists and objects only."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, datetime.datetime):
        return format_at(value) if value.tzinfo else value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value.total_seconds())
    if isinstance(value, (decimal.Decimal, float, uuid.UUID)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or ""
    return str(value)


def format_at(moment: datetime.datetime) -> str:
    """An aware datetime in UTC with six digits of microseconds and a Z."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(fields: dict) -> bytes:
    """The exact bytes the hash covers (see the module's docstring)."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(fields: dict) -> str:
    missing = set(FIELDS) ^ set(fields)
    if missing:
        raise ValueError(f"an audit entry has exactly the fields {FIELDS}; not {sorted(missing)}")
    return hashlib.sha256(canonical(fields)).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first entry where the chain does not hold: its sequence and what is wrong with it."""

    sequence: int
    kind: str  # "changed", "removed", "out_of_order", "published_head"
    detail: str


def check_link(*, expected_sequence: int, prev_hash: str, fields: dict, stored_hash: str) -> Break | None:
    """One step of the walk: the entry that comes where `expected_sequence` should, after an entry whose hash is
    `prev_hash`. A gap is a removal; a wrong back-link is a removal or an entry moved; a wrong hash is a change."""
    sequence = fields["sequence"]
    if sequence != expected_sequence:
        return Break(expected_sequence, "removed",
                     f"entry #{expected_sequence} is missing: the entry after #{expected_sequence - 1} is "
                     f"#{sequence}")
    if fields["prev_hash"] != prev_hash:
        return Break(sequence, "out_of_order",
                     f"entry #{sequence} does not follow #{sequence - 1}: its prev_hash {fields['prev_hash']} is not "
                     f"#{sequence - 1}'s hash {prev_hash} (an entry removed, inserted or moved)")
    recomputed = entry_hash(fields)
    if recomputed != stored_hash:
        return Break(sequence, "changed",
                     f"entry #{sequence} was changed: its fields hash to {recomputed}, it says {stored_hash}")
    return None

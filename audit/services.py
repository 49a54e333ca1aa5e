"""Appending to the audit chain, and publishing each day's head.

Order: an append takes the chain's lock (on PostgreSQL a transaction-level advisory lock, held to the end of the
writer's transaction), reads the last entry, and inserts the next one (on PostgreSQL all three in one call of the
function `audit_entry_append`, migration 0003, which completes the hash; on SQLite here). Holding the lock to commit
is what makes the sequence gapless and the sequence order the chain's order: a rollback takes the entry with it and
the next writer takes the same number. READ COMMITTED (Django's default) matters: the read after the lock is a
statement of its own, so it sees the entry the previous holder committed. SQLite (`make run`) serialises writing
transactions by itself, and the writer already holds its write lock when it appends (its own write came first).

A service that takes a hot row lock (a document counter) after some writes and before others takes the chain's lock
first (`audit_lock`), so that every transaction takes the two in the same order and none waits on the other.
"""

import json
from datetime import date, datetime, time, timedelta

from django.db import connections, models, transaction
from django.utils import timezone

from audit.chain import GENESIS_HASH, canonical, entry_hash, plain
from audit.models import AuditAction, AuditDailyHead, AuditEntry

# pg_advisory_xact_lock's key for the chain: int.from_bytes(b"auditlog") >> 1, kept as a literal so it never moves.
CHAIN_LOCK_KEY = 3_511_314_799_020_881_843

HISTORY_ACTIONS = {"+": AuditAction.CREATE, "~": AuditAction.UPDATE, "-": AuditAction.DELETE}


def audit_lock(*, using: str = "default") -> None:
    """Take the chain's lock until the caller's transaction ends (PostgreSQL; SQLite serialises writers anyway)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])


# PostgreSQL: one round trip, to the function of migration 0003 (lock, head, hash, insert); it runs on every write.
_APPEND = "SELECT o_sequence, o_hash FROM audit_entry_append(%s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s::jsonb)"


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def audit_append(*, actor, action: str, model: str, object_pk, before: dict | None, after: dict | None,
                 using: str = "default") -> tuple[int, str]:
    """Append one entry to the chain, in the caller's transaction (a rollback removes it); its sequence and hash.

    `actor` is a user or None for the system; its username is copied, so the entry outlives a renamed account."""
    connection = connections[using]
    actor_id = getattr(actor, "pk", None)
    entry = AuditEntry(at=timezone.now(), actor_id=actor_id,
                       actor_username=actor.get_username() if actor_id is not None else None, action=action,
                       model=model, object_pk=str(object_pk), before=plain(before), after=plain(after))
    with transaction.atomic(using=using, savepoint=False):
        if connection.vendor == "postgresql":
            fields = entry.chained_fields()
            del fields["prev_hash"], fields["sequence"]
            head = canonical(fields).decode("utf-8")[:-1] + ","  # the function adds prev_hash and sequence
            with connection.cursor() as cursor:
                cursor.execute(_APPEND, [head, entry.at, entry.actor_id, entry.actor_username, entry.action,
                                         entry.model, entry.object_pk, _json(entry.before), _json(entry.after)])
                return cursor.fetchone()
        last = AuditEntry.objects.using(using).order_by("-sequence").values_list("sequence", "hash").first()
        entry.sequence, entry.prev_hash = last or (0, GENESIS_HASH)
        entry.sequence += 1
        entry.hash = entry_hash(entry.chained_fields())
        entry.save(using=using, force_insert=True)
    return entry.sequence, entry.hash


# --- what a row looks like in the chain --------------------------------------------------------------------------


def _history_state(record) -> dict:
    """A historical record's tracked fields (and its many-to-many ids) by column name."""
    state = {field.attname: getattr(record, field.attname) for field in record.tracked_fields}
    for field in getattr(record, "_history_m2m_fields", ()):
        target = field.m2m_reverse_field_name()
        state[field.name] = sorted(getattr(record, field.name).values_list(target, flat=True))
    return state


def instance_state(instance: models.Model) -> dict:
    """A row's concrete fields by column name, as stored (a foreign key as its id)."""
    return {field.attname: field.value_from_object(instance) for field in instance._meta.concrete_fields}


def audit_record_history(*, instance, history_instance, history_user, using: str = "default") -> None:
    """The entry for one of django-simple-history's records: `+` create, `~` update, `-` delete. The history's
    previous record gives `before` (a delete's own record is the state it removed); an update that changed none
    of the fields the history tracks appends nothing."""
    action = HISTORY_ACTIONS[history_instance.history_type]
    state = _history_state(history_instance)
    if action == AuditAction.CREATE:
        before, after = None, state
    elif action == AuditAction.DELETE:
        before, after = state, None
    else:
        previous = history_instance.prev_record
        before, after = (_history_state(previous) if previous else None), state
        if before == after:
            return  # a save that changed no tracked field (a sign-in's last_login, which history excludes)
    audit_append(actor=history_user, action=action, model=instance._meta.label, object_pk=instance.pk,
                 before=before, after=after, using=using)


def audit_record_created(*, actor, instances) -> None:
    """Entries for rows written by `bulk_create`, which sends no signal (their primary keys must be set)."""
    for instance in instances:
        audit_append(actor=actor, action=AuditAction.CREATE, model=instance._meta.label, object_pk=instance.pk,
                     before=None, after=instance_state(instance))


# --- each day's head -------------------------------------------------------------------------------------------------


def audit_head_as_of(*, moment: datetime) -> tuple[int, str]:
    """The chain's last entry written before `moment`: (0, 64 zeros) while there is none."""
    last = AuditEntry.objects.filter(at__lt=moment).order_by("-sequence").values_list("sequence", "hash").first()
    return last or (0, GENESIS_HASH)


@transaction.atomic
def audit_publish_daily_head(*, day: date | None = None) -> AuditDailyHead:
    """Record the chain's head at the end of a day (yesterday by default, the day the morning run closes); once a
    day: running it again returns the recorded head unchanged."""
    day = day or timezone.localdate() - timedelta(days=1)
    existing = AuditDailyHead.objects.filter(day=day).first()
    if existing:
        return existing
    end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    sequence, hash_ = audit_head_as_of(moment=end)
    head, _created = AuditDailyHead.objects.get_or_create(day=day, defaults={"sequence": sequence, "hash": hash_})
    return head

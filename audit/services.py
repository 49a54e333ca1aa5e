"""Appending to the audit chain, and publishing each day's head.

On PostgreSQL an append inserts the entry into `audit_pending`, in the writer's transaction and without any lock;
at the commit a deferred trigger takes the chain's lock (a transaction-level advisory lock), reads the last entry
and chains the transaction's pending entries after it, in the order they were written (migration 0004). So the
chain's order is the order of the commits, the sequence has no gap (a rollback takes the pending entries with it),
and the lock is held only for the moment of a commit: no writer waits for another's render or row lock, and the
services take their row locks in whatever order they need. SQLite (`make run`) serialises writing transactions by
itself: there the append chains the entry at once (the writer already holds its write lock: its own write came
first).

Tests run in a transaction that is rolled back, never committed: `audit_chain_now()` makes the chain take a
transaction's entries at each statement instead (tests/conftest.py says it for them).
"""

import json
from datetime import date, datetime, time, timedelta

from django.db import connections, models, transaction
from django.utils import timezone

from audit.chain import GENESIS_HASH, canonical, entry_hash, plain
from audit.models import AuditAction, AuditDailyHead, AuditEntry

# pg_advisory_xact_lock's key for the chain, which the trigger of migration 0004 takes at each commit:
# int.from_bytes(b"auditlog") >> 1, kept as a literal so it never moves.
CHAIN_LOCK_KEY = 3_511_314_799_020_881_843

HISTORY_ACTIONS = {"+": AuditAction.CREATE, "~": AuditAction.UPDATE, "-": AuditAction.DELETE}


def audit_chain_now(*, using: str = "default") -> None:
    """Chain this transaction's entries at the end of each statement, not at its commit (PostgreSQL), and hold the
    chain's lock to the transaction's end: for a transaction that will be rolled back, as a test's is, and must
    see its entries in the chain."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS audit_pending_chain IMMEDIATE")


# PostgreSQL: one round trip; the trigger of migration 0004 chains it at the commit.
_PEND = ("INSERT INTO audit_pending (head, at, actor_id, actor_username, action, model, object_pk, before, after) "
         "VALUES (%s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s::jsonb)")


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def audit_append(*, actor, action: str, model: str, object_pk, before: dict | None, after: dict | None,
                 using: str = "default") -> None:
    """Append one entry to the chain, in the caller's transaction (a rollback removes it; on PostgreSQL it is
    chained at the commit).

    `actor` is a user or None for the system; its username is copied, so the entry outlives a renamed account."""
    connection = connections[using]
    actor_id = getattr(actor, "pk", None)
    entry = AuditEntry(at=timezone.now(), actor_id=actor_id,
                       actor_username=actor.get_username() if actor_id is not None else None, action=action,
                       model=model, object_pk=str(object_pk), before=plain(before), after=plain(after))
    if connection.vendor == "postgresql":
        fields = entry.chained_fields()
        del fields["prev_hash"], fields["sequence"]
        head = canonical(fields).decode("utf-8")[:-1] + ","  # the trigger adds prev_hash and sequence
        with connection.cursor() as cursor:
            cursor.execute(_PEND, [head, entry.at, entry.actor_id, entry.actor_username, entry.action, entry.model,
                                   entry.object_pk, _json(entry.before), _json(entry.after)])
        return
    with transaction.atomic(using=using, savepoint=False):
        last = AuditEntry.objects.using(using).order_by("-sequence").values_list("sequence", "hash").first()
        entry.sequence, entry.prev_hash = last or (0, GENESIS_HASH)
        entry.sequence += 1
        entry.hash = entry_hash(entry.chained_fields())
        entry.save(using=using, force_insert=True)


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

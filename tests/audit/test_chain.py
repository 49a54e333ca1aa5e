"""The hash-chained audit log (issue 11, point 5): a service's write appends who, when, what, before and after;
verify_audit passes on an intact chain and names the first entry edited, removed or moved behind the service's back
(the PostgreSQL trigger disabled for the test); the trigger refuses UPDATE, DELETE and TRUNCATE; concurrent writers
on two connections still make one valid chain."""

import hashlib
import importlib
import io
import json
import threading
from contextlib import contextmanager
from datetime import UTC, timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.chain import GENESIS_HASH, canonical
from audit.models import AuditDailyHead, AuditEntry
from audit.selectors import audit_chain_check
from audit.services import CHAIN_LOCK_KEY, audit_publish_daily_head
from registry.models import Reading
from registry.services.instruments import ReadingInput, verification_record
from tests.factories import InstrumentFactory, OrganizationFactory
from workers.tasks.audit import publish_daily_head

TABLE = AuditEntry._meta.db_table


def _verify() -> tuple[bool, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except CommandError as error:
        assert error.returncode == 1
        return False, err.getvalue()
    return True, out.getvalue()


def _some_writes(count: int = 5) -> None:
    for index in range(count):
        organization = OrganizationFactory(name=f"Hợp tác xã Đông Hà {index}")
        organization.address = f"{index} Lê Duẩn, Đông Hà"
        organization.save()


@contextmanager
def _trigger_disabled():
    """Behind the service's back: the table's owner switches the append-only trigger off (rolled back with the
    test's transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER audit_entry_no_update_or_delete")
        yield cursor
        cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER audit_entry_no_update_or_delete")


# --- what an entry records ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_api_write_appends_who_when_what_before_and_after(client_for, business_user, technician):
    instrument = InstrumentFactory(owner=business_user.organization)
    before = AuditEntry.objects.count()

    answer = client_for(business_user).post(f"/api/v1/instruments/{instrument.pk}/assign/",
                                            {"assigned_body": technician.organization_id}, format="json")

    assert answer.status_code == 200
    entry = AuditEntry.objects.get(sequence=before + 1)
    assert (entry.action, entry.model, entry.object_pk) == ("update", "registry.Instrument", str(instrument.pk))
    assert (entry.actor_id, entry.actor_username) == (business_user.pk, business_user.username)
    assert entry.before["assigned_body_id"] is None and entry.after["assigned_body_id"] == technician.organization_id
    assert entry.after["serial_number"] == instrument.serial_number
    assert abs(entry.at - timezone.now()) < timedelta(minutes=1)
    assert AuditEntry.objects.count() == before + 1


@pytest.mark.django_db
def test_bulk_created_readings_and_a_worker_s_write_are_in_the_chain(technician, business_org, catalog):
    instrument = InstrumentFactory(owner=business_org, assigned_body=technician.organization)

    verification = verification_record(
        actor=technician, instrument_id=instrument.pk, kind="initial", performed_on=timezone.localdate(),
        procedure="ĐLVN 15:2009", result="pass",
        readings=[ReadingInput(reference_value=Decimal("10"), measured_value=Decimal("10.001"), unit="kg",
                               max_permissible_error=Decimal("0.01"))])

    reading = Reading.objects.get(verification=verification)
    entry = AuditEntry.objects.get(model="registry.Reading", object_pk=str(reading.pk))
    assert entry.action == "create" and entry.actor_username == technician.username and entry.before is None
    assert entry.after["verification_id"] == verification.pk and entry.after["measured_value"] == "10.001"
    # Called outside a request (as a worker or a command would), the history has no user: the system wrote it.
    created = AuditEntry.objects.get(model="registry.Verification", object_pk=str(verification.pk))
    assert created.actor_id is None and created.actor_username is None
    assert audit_chain_check().ok


@pytest.mark.django_db
def test_a_delete_keeps_what_was_removed_and_a_rollback_leaves_no_entry():
    organization = OrganizationFactory(name="Công ty TNHH Cửa Việt")
    count = AuditEntry.objects.count()

    with pytest.raises(RuntimeError), transaction.atomic():
        OrganizationFactory(name="Rolled back")
        raise RuntimeError
    pk = organization.pk
    organization.delete()

    assert AuditEntry.objects.count() == count + 1  # the rolled-back write left nothing, and no gap
    entry = AuditEntry.objects.order_by("sequence").last()
    assert (entry.action, entry.object_pk, entry.after) == ("delete", str(pk), None)
    assert entry.before["name"] == "Công ty TNHH Cửa Việt"
    assert audit_chain_check().ok


@pytest.mark.django_db
def test_a_save_that_changes_nothing_tracked_appends_nothing(officer):
    count = AuditEntry.objects.count()

    officer.last_login = timezone.now()  # a sign-in: the history leaves last_login out
    officer.save()
    officer.full_name = "Trần Thị Lan"
    officer.save()

    assert AuditEntry.objects.count() == count + 1
    entry = AuditEntry.objects.order_by("sequence").last()
    assert (entry.before["full_name"], entry.after["full_name"]) == ("Nguyễn Văn Minh", "Trần Thị Lan")
    assert "password" not in entry.after and "last_login" not in entry.after


@pytest.mark.django_db
def test_the_hash_is_the_documented_canonical_form_recomputed_by_hand():
    _some_writes(2)
    first, second = AuditEntry.objects.order_by("sequence")[:2]

    by_hand = json.dumps({
        "action": first.action, "actor_id": first.actor_id, "actor_username": first.actor_username,
        "after": first.after, "at": first.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "before": first.before, "model": first.model, "object_pk": first.object_pk, "prev_hash": "0" * 64,
        "sequence": 1}, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

    assert first.sequence == 1 and first.prev_hash == GENESIS_HASH
    assert hashlib.sha256(by_hand).hexdigest() == first.hash
    assert "Hợp tác xã".encode() in canonical(first.chained_fields())  # UTF-8, not \\u escapes
    assert second.prev_hash == first.hash


def test_the_migration_s_chaining_trigger_locks_with_the_services_key():
    migration = importlib.import_module("audit.migrations.0004_chain_at_commit")

    assert migration.CHAIN_LOCK_KEY == CHAIN_LOCK_KEY and f"pg_advisory_xact_lock({CHAIN_LOCK_KEY})" in migration.CREATE


# --- verify_audit ---------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_verify_audit_passes_on_a_fresh_database_and_prints_the_count_and_last_hash():
    _some_writes()
    last = AuditEntry.objects.order_by("sequence").last()

    ok, output = _verify()

    assert ok, output
    assert f"{AuditEntry.objects.count()} entries" in output and f"#{last.sequence} {last.hash}" in output


@pytest.mark.services
@pytest.mark.django_db
def test_verify_audit_names_an_entry_whose_after_was_edited():
    _some_writes()
    with _trigger_disabled() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET after = jsonb_set(after, '{{name}}', '\"Forged\"') WHERE sequence = 4")

    ok, output = _verify()

    assert not ok and "entry #4 (changed)" in output


@pytest.mark.services
@pytest.mark.django_db
def test_verify_audit_names_an_entry_that_was_deleted():
    _some_writes()
    with _trigger_disabled() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE sequence = 6")

    ok, output = _verify()

    assert not ok and "entry #6 (removed)" in output


@pytest.mark.services
@pytest.mark.django_db
def test_verify_audit_names_entries_whose_sequence_was_swapped():
    _some_writes()
    with _trigger_disabled() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET sequence = 1000000 WHERE sequence = 3")
        cursor.execute(f"UPDATE {TABLE} SET sequence = 3 WHERE sequence = 7")
        cursor.execute(f"UPDATE {TABLE} SET sequence = 7 WHERE sequence = 1000000")

    ok, output = _verify()

    assert not ok and "entry #3 (out_of_order)" in output


@pytest.mark.services
@pytest.mark.django_db
def test_a_chain_rewritten_with_its_hashes_recomputed_fails_against_the_published_head():
    _some_writes(3)
    head = audit_publish_daily_head(day=timezone.localdate())
    with _trigger_disabled() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
    _some_writes(3)  # a forger writes the same number of entries again, every hash valid

    ok, output = _verify()

    assert audit_chain_check().broken.sequence == head.sequence
    assert not ok and f"entry #{head.sequence} (published_head)" in output


# --- the trigger ----------------------------------------------------------------------------------------------------


@pytest.mark.services
@pytest.mark.django_db
@pytest.mark.parametrize("statement", [
    f"UPDATE {TABLE} SET actor_username = 'someone' WHERE sequence = 1",
    f"DELETE FROM {TABLE} WHERE sequence = 1",
    f"TRUNCATE {TABLE}",  # this test process may truncate (tests/conftest.py): the test takes that back first
])
def test_the_trigger_refuses_update_delete_and_truncate(statement):
    _some_writes(1)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL audit.allow_truncate = 'off'")
        cursor.execute(statement)

    assert AuditEntry.objects.filter(sequence=1).exclude(actor_username="someone").exists()


# --- concurrency ----------------------------------------------------------------------------------------------------


def _writer(start: threading.Barrier, errors: list, index: int) -> None:
    try:
        start.wait()
        for round_ in range(8):
            with transaction.atomic():
                organization = OrganizationFactory(name=f"Thread {index} round {round_}")
                organization.address = "Đông Hà"
                organization.save()
    except Exception as error:
        errors.append(error)
    finally:
        connection.close()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_on_their_own_connections_make_one_valid_chain():
    start, errors = threading.Barrier(3), []
    threads = [threading.Thread(target=_writer, args=(start, errors, index)) for index in range(3)]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    sequences = list(AuditEntry.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, 3 * 8 * 2 + 1))
    assert audit_chain_check().ok


def _pending_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM audit_pending")
        return cursor.fetchone()[0]


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_an_open_transaction_does_not_hold_the_chain_and_entries_join_it_in_commit_order():
    """A worker's issuing transaction writes, then renders and seals for a while before it commits: the other
    writers of the register must not wait for it. Entries join the chain at the commit, in the commits' order."""
    wrote, release, errors = threading.Event(), threading.Event(), []

    def slow_writer():
        try:
            with transaction.atomic():
                OrganizationFactory(name="Slow writer")
                wrote.set()
                release.wait(timeout=30)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert wrote.wait(timeout=30)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '3s'")  # before: waited here for the slow writer's commit
            OrganizationFactory(name="Quick writer")
        chained_meanwhile = list(AuditEntry.objects.values_list("after__name", flat=True))
    finally:
        release.set()
        thread.join()

    assert errors == []
    assert chained_meanwhile == ["Quick writer"]  # the open transaction's entry is not in the chain yet
    names = list(AuditEntry.objects.order_by("sequence").values_list("after__name", flat=True))
    assert names == ["Quick writer", "Slow writer"]
    assert audit_chain_check().ok and _pending_count() == 0


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_committed_transaction_leaves_nothing_pending_and_a_rolled_back_one_leaves_no_gap():
    with transaction.atomic():
        _some_writes(2)
    with pytest.raises(RuntimeError), transaction.atomic():
        OrganizationFactory(name="Rolled back")
        raise RuntimeError
    OrganizationFactory(name="Autocommit")  # no transaction of its own: chained as its statement commits

    assert list(AuditEntry.objects.order_by("sequence").values_list("sequence", flat=True)) == list(range(1, 6))
    # Within a transaction, in the order written: each organisation's create, then its change.
    first_four = AuditEntry.objects.order_by("sequence")[:4]
    assert [(entry.action, entry.after["name"]) for entry in first_four] == [
        ("create", "Hợp tác xã Đông Hà 0"), ("update", "Hợp tác xã Đông Hà 0"),
        ("create", "Hợp tác xã Đông Hà 1"), ("update", "Hợp tác xã Đông Hà 1")]
    assert first_four[1].after["address"] == "0 Lê Duẩn, Đông Hà"
    assert AuditEntry.objects.order_by("sequence").last().after["name"] == "Autocommit"
    assert audit_chain_check().ok and _pending_count() == 0


# --- the daily head -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_daily_task_logs_and_records_yesterday_s_head_once(caplog):
    _some_writes(2)
    last = AuditEntry.objects.order_by("sequence").last()
    yesterday = timezone.localdate() - timedelta(days=1)
    AuditDailyHead.objects.all().delete()

    with caplog.at_level("INFO", logger="workers.tasks.audit"):
        first = publish_daily_head()
        publish_daily_head(day=timezone.localdate().isoformat())
    publish_daily_head()

    assert first == {"day": yesterday.isoformat(), "sequence": 0, "hash": GENESIS_HASH}  # nothing before today
    today = AuditDailyHead.objects.get(day=timezone.localdate())
    assert (today.sequence, today.hash) == (last.sequence, last.hash)
    assert f"audit chain head {timezone.localdate().isoformat()}: #{last.sequence} {last.hash}" in caplog.text
    assert AuditDailyHead.objects.count() == 2

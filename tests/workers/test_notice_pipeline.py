"""Expiry notices on real parts: the scan task on a worker, digests rendered and e-mailed by workers,
a worker killed in the middle of a scan (its message redelivered by the broker), and two scans at once."""

import email
import os
import signal
import socket
import threading
import time
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from certificates.notices.models import Notice, NoticeDigest
from certificates.notices.services import notices_scan
from registry.models import Instrument
from tests.conftest import WORKER_MAIL_DIR, running_workers, wait_until
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory
from workers.tasks.notices import scan_expiries

# reset_sequences: the flush between tests recreates content types; with sequences reset they keep their ids,
# which the long-lived worker processes have cached.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, reset_sequences=True)]


def _due(days: int, owner) -> Instrument:
    instrument = InstrumentFactory(owner=owner)
    Instrument.objects.filter(pk=instrument.pk).update(
        last_result="pass", valid_until=timezone.localdate() + timedelta(days=days))
    return instrument


def _mails() -> list[email.message.Message]:
    messages = []
    for path in WORKER_MAIL_DIR.glob("*.log"):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip()))
    return messages


def test_daily_scan_on_a_worker_sends_one_digest_per_organisation_and_one_email_per_user(celery_workers, catalog):
    for path in WORKER_MAIL_DIR.glob("*"):
        path.unlink()
    owners = [OrganizationFactory(name=f"Cơ sở {i}") for i in range(3)]
    users = [UserFactory(role="business", organization=o, email=f"u{o.pk}-{k}@example.vn") for o in owners
             for k in range(2)]
    instruments = [_due(days, owners[i % 3]) for i, days in enumerate([60, 30, 7, 0, -5])]

    scan_expiries.apply_async(kwargs={"as_of": timezone.localdate().isoformat()})
    wait_until(lambda: NoticeDigest.objects.filter(emailed_at__isnull=False).count() == 3, timeout=90,
               message="three digests e-mailed")

    assert Notice.objects.count() == 5
    assert sorted(Notice.objects.values_list("stage", flat=True)) == ["d0", "d30", "d60", "d7", "overdue"]
    recipients = sorted(m["To"] for m in _mails())
    assert recipients == sorted(u.email for u in users)
    assert all(m.get_content_type() == "multipart/mixed" for m in _mails())
    for instrument in instruments:
        assert Notice.objects.get(subject_id=instrument.pk).digest.documents.get().status == "issued"

    # The scan again, the same day, once one more organisation has an instrument due: that organisation's
    # digest e-mailed is the sign that the second run has finished; it must add nothing for the first three.
    late = OrganizationFactory(name="Cơ sở muộn")
    late_user = UserFactory(role="business", organization=late, email=f"late{late.pk}@example.vn")
    _due(30, late)
    scan_expiries.apply_async(kwargs={"as_of": timezone.localdate().isoformat()})
    wait_until(lambda: NoticeDigest.objects.filter(organization=late, emailed_at__isnull=False).exists(),
               timeout=90, message="the second scan's digest e-mailed")

    assert Notice.objects.count() == 6 and NoticeDigest.objects.count() == 4
    assert sorted(m["To"] for m in _mails()) == sorted([*(u.email for u in users), late_user.email])


def _active_scan(queue_workers: list[str]) -> dict | None:
    """The scan task a worker is running now, as its worker reports it (with the pool process's pid)."""
    from workers.celery import app

    active = app.control.inspect(destination=queue_workers, timeout=1).active() or {}
    return next((task for tasks in active.values() for task in tasks if task["name"] == "notices.scan"), None)


def test_a_worker_killed_mid_scan_has_its_message_redelivered_by_the_broker_and_each_notice_once(
        celery_workers, catalog):
    owner = OrganizationFactory()
    instruments = [_due(7, owner) for _ in range(300)]
    slow = {"NOTICE_SCAN_PAUSE_SECONDS": "0.3"}
    # A queue of its own, so that no other worker takes the scan; two workers on it, one to be killed.
    queue = f"doomed-{uuid.uuid4().hex[:12]}"
    with running_workers(broker_url=settings.CELERY_BROKER_URL, count=2, name="doomed", extra_env=slow,
                         queues=queue):
        names = [f"doomed{i}@{socket.gethostname()}" for i in range(2)]
        scan_expiries.apply_async(kwargs={"as_of": timezone.localdate().isoformat(), "chunk_size": 20},
                                  queue=queue)
        first = wait_until(lambda: Notice.objects.exists() and _active_scan(names), timeout=60,
                           message="the scan to start")
        # SIGKILL the process running the task: acks_late keeps its message unacknowledged, and
        # task_reject_on_worker_lost hands it back to the broker, which delivers it again.
        os.kill(first["worker_pid"], signal.SIGKILL)
        partial = Notice.objects.count()
        again = wait_until(lambda: (task := _active_scan(names)) and task["worker_pid"] != first["worker_pid"]
                           and task, timeout=60, message="the scan's message delivered again")
        wait_until(lambda: NoticeDigest.objects.filter(documents__status="issued").exists(), timeout=120,
                   message="the redelivered scan to finish and its digest to be issued")

    assert 0 < partial < 300
    assert again["id"] == first["id"] and again["delivery_info"]["redelivered"] is True
    assert Notice.objects.count() == 300
    assert sorted(Notice.objects.values_list("subject_id", flat=True)) == sorted(i.pk for i in instruments)
    digest = NoticeDigest.objects.get()
    assert digest.documents.count() == 1 and digest.documents.get().status == "issued"


def _scan_in_thread(barrier: threading.Barrier, spans: list, errors: list) -> None:
    try:
        barrier.wait()  # both scans start together
        started = time.monotonic()
        notices_scan(as_of=timezone.localdate(), chunk_size=25, pause_seconds=0.05)
        spans.append((started, time.monotonic()))
    except Exception as exc:
        errors.append(exc)
    finally:
        connection.close()


def test_two_scans_at_once_write_each_notice_and_digest_once(catalog):
    owners = [OrganizationFactory() for _ in range(4)]
    for i in range(200):
        _due(30 - i % 40, owners[i % 4])
    barrier, spans, errors = threading.Barrier(2), [], []

    threads = [threading.Thread(target=_scan_in_thread, args=(barrier, spans, errors)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert max(start for start, _end in spans) < min(end for _start, end in spans)  # they did overlap
    assert Notice.objects.count() == 200
    assert NoticeDigest.objects.count() == 4
    assert all(d.documents.count() == 1 for d in NoticeDigest.objects.all())

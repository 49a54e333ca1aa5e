"""Expiry notices on real parts: the scan task on a worker, digests rendered and e-mailed by workers,
a worker killed in the middle of a scan, and two scans at once."""

import email
import os
import signal
import threading
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from registry.models import Instrument, Notice, NoticeDigest
from registry.services.notices import notices_scan
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

    scan_expiries.apply_async(kwargs={"as_of": timezone.localdate().isoformat()})
    wait_until(lambda: True, timeout=1)
    notices_scan(as_of=timezone.localdate())  # and once more in-process, to be sure the run has happened
    assert Notice.objects.count() == 5 and NoticeDigest.objects.count() == 3
    assert len(_mails()) == len(users)


def test_a_worker_killed_mid_scan_then_the_scan_again_leaves_every_notice_once(catalog):
    owner = OrganizationFactory()
    instruments = [_due(7, owner) for _ in range(300)]
    slow = {"NOTICE_SCAN_PAUSE_SECONDS": "0.3"}

    # A queue of its own (and of this run: the killed worker leaves its message unacknowledged, to be
    # restored later), so that no other worker takes the scan.
    queue = f"doomed-{uuid.uuid4().hex[:12]}"
    with running_workers(broker_url=settings.CELERY_BROKER_URL, count=1, name="doomed", extra_env=slow,
                         queues=queue) as procs:
        scan_expiries.apply_async(kwargs={"as_of": timezone.localdate().isoformat(), "chunk_size": 20},
                                  queue=queue)
        wait_until(lambda: Notice.objects.exists(), timeout=60, message="the scan to start")
        os.killpg(procs[0].pid, signal.SIGKILL)
    partial = Notice.objects.count()

    notices_scan(as_of=timezone.localdate(), chunk_size=20)

    assert 0 < partial < 300
    assert Notice.objects.count() == 300
    assert sorted(Notice.objects.values_list("subject_id", flat=True)) == sorted(i.pk for i in instruments)
    assert NoticeDigest.objects.count() == 1


def _scan_in_thread(errors: list) -> None:
    try:
        notices_scan(as_of=timezone.localdate(), chunk_size=25)
    except Exception as exc:
        errors.append(exc)
    finally:
        connection.close()


def test_two_scans_at_once_write_each_notice_and_digest_once(catalog):
    owners = [OrganizationFactory() for _ in range(4)]
    for i in range(200):
        _due(30 - i % 40, owners[i % 4])
    errors = []

    threads = [threading.Thread(target=_scan_in_thread, args=(errors,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Notice.objects.count() == 200
    assert NoticeDigest.objects.count() == 4
    assert all(d.documents.count() == 1 for d in NoticeDigest.objects.all())

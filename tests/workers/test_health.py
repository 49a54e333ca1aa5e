"""/healthz tells a dead worker and a stuck document from a healthy pipeline (issue 7, defect 11)."""

import os
import signal
import time
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.models import Document
from registry.services import verification_record
from tests.conftest import running_workers, wait_until
from tests.factories import InstrumentFactory
from workers.heartbeat import heartbeat_record


def _health(client, status: int):
    response = client.get("/healthz")
    return response.json() if response.status_code == status else None


@pytest.mark.services
@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_healthz_is_ok_with_a_live_worker_and_503_once_its_killed_worker_heartbeat_ages_out(client, settings):
    settings.WORKER_HEARTBEAT_STALE_SECONDS = 3
    queue = f"health-{uuid.uuid4().hex[:12]}"  # a queue of its own: this worker takes no one else's task

    with running_workers(broker_url=settings.CELERY_BROKER_URL, count=1, name="health", queues=queue,
                         extra_env={"WORKER_HEARTBEAT_SECONDS": "0.5"}) as processes:
        healthy = wait_until(lambda: _health(client, 200), timeout=30, message="healthz to be ok")
        os.killpg(processes[0].pid, signal.SIGKILL)
        killed = time.monotonic()
        degraded = wait_until(lambda: _health(client, 503), timeout=20, message="healthz to be 503")
        aged = time.monotonic() - killed

    assert healthy["workers"]["fresh"] == 1 and healthy["reasons"] == []
    assert degraded["status"] == "degraded" and degraded["workers"]["fresh"] == 0
    assert degraded["reasons"] == ["no worker heartbeat in the last 3 s"]
    assert degraded["workers"]["newest_age_seconds"] >= 3
    assert aged >= 2  # it is the heartbeat's age that turned it, not the kill itself


@pytest.mark.django_db
def test_healthz_reports_the_oldest_pending_document_and_answers_503_past_the_limit(client, settings, technician):
    settings.HEALTHZ_PENDING_MAX_MINUTES = 10
    heartbeat_record(hostname="celery@elsewhere", pid=1)  # a live worker, on another host
    instrument = InstrumentFactory(assigned_body=technician.organization)
    verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                        performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")
    Document.objects.update(created_at=timezone.now() - timedelta(minutes=4))

    waiting = client.get("/healthz")
    Document.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    stuck = client.get("/healthz")

    assert waiting.status_code == 200 and 240 <= waiting.json()["oldest_pending_document_age_seconds"] < 250
    assert stuck.status_code == 503
    age = stuck.json()["oldest_pending_document_age_seconds"]
    assert 660 <= age < 670 and stuck.json()["reasons"] == [f"a document has been pending for {age:g} s (limit 600 s)"]


@pytest.mark.django_db
def test_healthz_without_any_worker_heartbeat_is_503(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert "no worker heartbeat in the last 60 s" in response.json()["reasons"]

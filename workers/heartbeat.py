"""Worker heartbeats: each worker's main process records one every WORKER_HEARTBEAT_SECONDS (issue 7, defect 11).

The heartbeat runs on the worker's own timer (the event loop's, with Redis), so it stops when the main process
dies or its loop stops serving, which is what /healthz must notice.
"""

import logging
import os
from datetime import timedelta

from celery import bootsteps
from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from workers.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

# Rows of workers gone for this long are deleted by the living ones: renamed hosts do not pile up.
FORGET_AFTER = timedelta(days=1)


def heartbeat_record(*, hostname: str, pid: int) -> None:
    """Record that a worker is alive now."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(hostname=hostname, defaults={"pid": pid, "seen_at": now})
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()


def heartbeat_summary() -> dict:
    """How many workers have a fresh heartbeat, and the age of the newest one (None when there is none)."""
    now = timezone.now()
    newest = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    fresh = WorkerHeartbeat.objects.filter(
        seen_at__gte=now - timedelta(seconds=settings.WORKER_HEARTBEAT_STALE_SECONDS)).count()
    return {"fresh": fresh, "newest_age_seconds": None if newest is None else round((now - newest).total_seconds(), 1)}


def _beat(hostname: str) -> None:
    close_old_connections()  # a connection broken by a database restart is replaced, not reused
    try:
        heartbeat_record(hostname=hostname, pid=os.getpid())
    except Exception:  # the database is down: /healthz says so; the next beat tries again
        logger.warning("worker heartbeat not recorded", exc_info=True)


class Heartbeat(bootsteps.StartStopStep):
    """A worker step: a heartbeat now and then every WORKER_HEARTBEAT_SECONDS (0 turns it off)."""

    requires = {"celery.worker.components:Timer"}

    def __init__(self, worker, **kwargs):
        super().__init__(worker, **kwargs)
        self.tref = None

    def start(self, worker):
        interval = settings.WORKER_HEARTBEAT_SECONDS
        if interval <= 0:
            return
        _beat(worker.hostname)
        self.tref = worker.timer.call_repeatedly(interval, _beat, (worker.hostname,))

    def stop(self, worker):
        if self.tref is not None:
            self.tref.cancel()
            self.tref = None

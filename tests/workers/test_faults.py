"""Faults (issue 7): 1,000 certificates through real worker processes on a Redis server of the test's own, while
worker pool processes and a worker's main process are SIGKILLed mid-render (and replaced, as a supervisor
would) and that Redis restarts once, losing every message in flight. The outbox sweeper recovers them.

Checked: 0 lost, 0 duplicated, 0 gaps in the numbers (1..1000 for the year), every issued PDF's SHA-256 recorded
and matching the stored file, all within TIME_BOUND_SECONDS from the first record.
"""

import contextlib
import hashlib
import os
import signal
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
from django.db import connection

from bench.certificates import create_fixtures, reading_inputs, record_verifications
from certificates.models import Document, DocumentStatus
from tests.conftest import producer_broker, running_workers, start_redis
from workers.tasks.documents import sweep_documents

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, reset_sequences=True)]

COUNT = 1000
# From the first record to the last certificate issued, faults and recovery included, on a busy 2-core machine.
TIME_BOUND_SECONDS = 240
# As beat would run the sweeper, only more often, with a short requeue delay: the test has minutes, not hours.
SWEEP_EVERY_SECONDS = 2.0
REQUEUE_AFTER_MINUTES = 0.25


def _pool_children(worker_pid: int) -> list[int]:
    try:
        return [int(pid) for pid in Path(f"/proc/{worker_pid}/task/{worker_pid}/children").read_text().split()]
    except OSError:
        return []


def _in_thread(target, *args) -> threading.Thread:
    """Run `target` in a thread with its own database connection, closed at the end; errors are kept."""
    def run():
        try:
            target(*args)
        except BaseException as exc:
            thread.error = exc
            raise
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.error = None
    thread.start()
    return thread


def _sweep_until(stop: threading.Event, requeued: list[int]) -> None:
    while not stop.wait(SWEEP_EVERY_SECONDS):
        with contextlib.suppress(Exception):  # the broker is restarting: the next sweep tries again
            requeued.append(sweep_documents())


def _issued() -> int:
    return Document.objects.filter(status=DocumentStatus.ISSUED).count()


class Faults:
    """The faults, each injected once when the given number of certificates has been issued."""

    def __init__(self, stack: ExitStack, broker: str, port: int, workers: list):
        self.stack, self.broker, self.port, self.workers = stack, broker, port, workers
        self.redis = None
        self.done: list[tuple[str, int]] = []
        self.schedule = [(int(COUNT * 0.15), self.kill_pool_process), (int(COUNT * 0.30), self.kill_main_process),
                         (int(COUNT * 0.50), self.restart_redis), (int(COUNT * 0.70), self.kill_pool_process)]

    def step(self, issued: int) -> None:
        while self.schedule and issued >= self.schedule[0][0]:
            _threshold, fault = self.schedule.pop(0)
            fault()
            self.done.append((fault.__name__, issued))

    def kill_pool_process(self) -> None:
        """SIGKILL the pool process rendering in the first living worker; its main process forks another."""
        worker = next(w for w in self.workers if w.poll() is None)
        for child in _pool_children(worker.pid):
            os.kill(child, signal.SIGKILL)

    def kill_main_process(self) -> None:
        """SIGKILL a worker's main process (its message stays unacknowledged), then start a replacement."""
        victim = next(w for w in self.workers if w.poll() is None)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        self.workers.extend(self.stack.enter_context(
            running_workers(broker_url=self.broker, count=1, name=f"faults-replacement{len(self.workers)}")))

    def restart_redis(self) -> None:
        """Stop the broker hard and start it again, empty: every queued and unacknowledged message is gone."""
        self.redis.kill()
        self.redis.wait()
        self.redis = start_redis(self.port)


def test_1000_certificates_survive_killed_workers_and_a_broker_restart(settings, free_port):
    settings.DOCUMENT_SWEEP_AFTER_SECONDS = 3
    settings.DOCUMENT_REQUEUE_AFTER_MINUTES = REQUEUE_AFTER_MINUTES
    technician, instrument_ids = create_fixtures(COUNT)
    broker = f"redis://127.0.0.1:{free_port}/0"
    stop, requeued = threading.Event(), []

    with ExitStack() as stack:
        redis = start_redis(free_port)
        faults = None
        try:
            stack.enter_context(producer_broker(broker))
            workers = list(stack.enter_context(running_workers(broker_url=broker, count=2, name="faults")))
            faults = Faults(stack, broker, free_port, workers)
            faults.redis = redis
            started = time.monotonic()
            recorder = _in_thread(record_verifications, technician, instrument_ids, reading_inputs(1))
            sweeper = _in_thread(_sweep_until, stop, requeued)
            issued = 0
            while issued < COUNT and time.monotonic() - started < TIME_BOUND_SECONDS and recorder.error is None:
                faults.step(issued)
                time.sleep(0.2)
                issued = _issued()
            elapsed = time.monotonic() - started
        finally:
            stop.set()
            stack.close()  # workers stopped (the living ones)
            for worker in faults.workers if faults else []:
                with contextlib.suppress(ProcessLookupError):  # orphaned pool processes of a killed main process
                    os.killpg(worker.pid, signal.SIGKILL)
            (faults.redis if faults else redis).kill()
    recorder.join(timeout=10)
    sweeper.join(timeout=10)

    print(f"faults: {faults.done}; sweeper requeued {sum(requeued)}; {issued} issued in {elapsed:.0f} s")
    assert recorder.error is None, recorder.error
    assert [name for name, _issued in faults.done] == [
        "kill_pool_process", "kill_main_process", "restart_redis", "kill_pool_process"]
    assert all(at < COUNT for _name, at in faults.done), faults.done  # mid-run, not after
    assert sum(requeued) > 0  # the sweeper recovered the lost messages
    assert elapsed < TIME_BOUND_SECONDS, f"{issued} of {COUNT} issued after {elapsed:.0f} s"
    documents = list(Document.objects.order_by("sequence"))
    assert len(documents) == COUNT and {d.status for d in documents} == {DocumentStatus.ISSUED}  # 0 lost
    assert len({(d.subject_type_id, d.subject_id) for d in documents}) == COUNT  # one certificate a verification
    assert [d.sequence for d in documents] == list(range(1, COUNT + 1))  # 0 gaps
    assert len({d.number for d in documents}) == COUNT and len({d.year for d in documents}) == 1  # 0 duplicates
    for document in documents:
        with document.file.open("rb") as stored:
            content = stored.read()
        assert document.sha256 and hashlib.sha256(content).hexdigest() == document.sha256, document.number
        assert document.size == len(content)

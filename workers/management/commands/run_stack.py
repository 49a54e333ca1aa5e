"""`make run`: the web server, a Celery worker and beat on this machine, each restarted when it dies, all
stopped together (issue 7, defects 11 and 12).

Each child runs in a session of its own, so that stopping it reaches its own children too (the worker's pool
processes) and a Ctrl-C in the terminal reaches only this supervisor, which then stops everything in order:
SIGTERM to every child's process group, SIGKILL to what is still there after a grace period. A child that
dies is started again after a backoff that doubles while it keeps dying (1 s up to a minute), and resets once
it has run for a minute. Pid files under DATA_DIR/run name the current processes.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

POLL_SECONDS = 0.5
FIRST_BACKOFF_SECONDS = 1.0
MAX_BACKOFF_SECONDS = 60.0
# A child that ran this long before dying was healthy: its next restart waits the first backoff again.
STABLE_AFTER_SECONDS = 60.0
STOP_GRACE_SECONDS = 20.0


@dataclass
class Child:
    """One supervised program: how to start it, where its output goes, and its current process."""

    name: str
    argv: list[str]
    log: Path | None = None
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    backoff: float = FIRST_BACKOFF_SECONDS
    restart_at: float | None = None
    groups: set[int] = field(default_factory=set)  # process groups it started, until they are empty


def group_alive(pgid: int) -> bool:
    """Whether any process of the group is still running (zombies waiting for their parent do not count)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()  # state, ppid, pgrp, ...
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def _signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


class Supervisor:
    """Start the children, restart those that die, stop them all on request."""

    def __init__(self, children: list[Child], pid_dir: Path, say):
        self.children = children
        self.pid_dir = pid_dir
        self.say = say
        self.stopping = False

    def request_stop(self, signum, frame) -> None:
        self.stopping = True

    def start(self, child: Child) -> None:
        output = open(child.log, "a") if child.log else None  # noqa: SIM115 - the child writes it until it ends
        try:
            child.process = subprocess.Popen(child.argv, cwd=settings.BASE_DIR, stdout=output,
                                             stderr=subprocess.STDOUT if output else None, start_new_session=True)
        finally:
            if output:
                output.close()  # the child keeps its own descriptor
        child.groups.add(child.process.pid)
        child.started_at = time.monotonic()
        child.restart_at = None
        (self.pid_dir / f"{child.name}.pid").write_text(f"{child.process.pid}\n")

    def run(self) -> None:
        for child in self.children:
            self.start(child)
        while not self.stopping:
            for child in self.children:
                self._watch(child)
            time.sleep(POLL_SECONDS)
        self.stop()

    def _watch(self, child: Child) -> None:
        now = time.monotonic()
        if child.restart_at is not None:
            if now >= child.restart_at and not self.stopping:
                self.say(f"{child.name}: starting again")
                self.start(child)
            return
        code = child.process.poll()
        if code is None:
            return
        # Its pool processes may outlive it (a SIGKILLed worker): they go with it, or they would keep a task.
        _signal_group(child.process.pid, signal.SIGKILL)
        child.backoff = FIRST_BACKOFF_SECONDS if now - child.started_at >= STABLE_AFTER_SECONDS else min(
            child.backoff * 2, MAX_BACKOFF_SECONDS)
        child.restart_at = now + child.backoff
        self.say(f"{child.name}: exited with {code}; restarting in {child.backoff:g} s")

    def stop(self) -> None:
        """SIGTERM every child's process group, wait for them, then SIGKILL whatever is left."""
        groups = {pgid for child in self.children for pgid in child.groups}
        for pgid in groups:
            _signal_group(pgid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        while time.monotonic() < deadline:
            for child in self.children:
                if child.process is not None:
                    child.process.poll()  # reap it, so that it does not count as alive
            if not any(group_alive(pgid) for pgid in groups):
                break
            time.sleep(0.2)
        for pgid in groups:
            if group_alive(pgid):
                self.say(f"process group {pgid} did not stop in {STOP_GRACE_SECONDS:g} s: killed")
                _signal_group(pgid, signal.SIGKILL)
        for child in self.children:
            if child.process is not None:
                child.process.wait()
            (self.pid_dir / f"{child.name}.pid").unlink(missing_ok=True)


def data_folders() -> dict[str, Path]:
    """The folders `make run` writes to, made in every mode: a fresh clone has none (issue 7, defect 12)."""
    folders = {"data": settings.DATA_DIR, "log": settings.DATA_DIR / "log", "run": settings.DATA_DIR / "run",
               "broker": settings.CELERY_BROKER_DATA_DIR, "media": Path(settings.MEDIA_ROOT),
               # Empty without collectstatic (WhiteNoise serves the apps' files through its finders), but
               # WhiteNoise warns on every start when it is missing.
               "static": Path(settings.STATIC_ROOT)}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    return folders


class Command(BaseCommand):
    help = "Run the web server, a Celery worker and beat on this machine, restarting any that dies."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"),
                            help="address to listen on; 0.0.0.0 for the network (add its name to ALLOWED_HOSTS)")

    def handle(self, *args, port: int, host: str, **options):
        folders = data_folders()
        celery = [sys.executable, "-m", "celery", "-A", "workers.celery:app"]
        children = [
            # A production server (gunicorn), not runserver: `make run` may be shown on a network.
            Child("web", [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind", f"{host}:{port}",
                          "--workers", "2", "--threads", "4", "--access-logfile", "-", "--log-level", "warning"]),
            Child("worker", [*celery, "worker", "-Q", "documents,notices,default", "--concurrency", "2",
                             "--loglevel", "INFO", "-n", "worker@%h", "--without-mingle", "--without-gossip"],
                  log=folders["log"] / "worker.log"),
            Child("beat", [*celery, "beat", "--loglevel", "INFO",
                           "--schedule", str(folders["data"] / "celerybeat-schedule")],
                  log=folders["log"] / "beat.log"),
        ]
        supervisor = Supervisor(children, folders["run"], say=lambda text: self.stdout.write(text, ending="\n"))
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, supervisor.request_stop)
        base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
        self.stdout.write(self.style.SUCCESS(
            f"\nRegistry running at {base}/  (API {base}/api/v1/, docs {base}/api/docs/, admin {base}/admin/)\n"
            f"Celery worker and beat: logs in {folders['log']}, restarted if they die; Ctrl-C stops everything\n"))
        supervisor.run()
        self.stdout.write("stopped: web server, worker and beat")

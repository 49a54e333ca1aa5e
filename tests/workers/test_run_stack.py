"""`make run`'s stack (run_stack) on a fresh data folder with DATABASE_URL set: it starts, restarts a worker
or beat that dies, and stops every process it started on Ctrl-C or SIGTERM (issue 7, defects 11 and 12).

run_stack runs as a subprocess in a session of its own, on the test database and a filesystem broker in a
temporary DATA_DIR that does not exist yet, as on a fresh clone.
"""

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT, _worker_env, wait_until

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, reset_sequences=True)]


def _processes() -> dict[int, tuple[int, int, str]]:
    """Every process on this machine: pid -> (parent pid, process group, state)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rfind(")") + 2:].split()
            table[int(entry.name)] = (int(fields[1]), int(fields[2]), fields[0])
    return table


def _descendants(pid: int) -> set[int]:
    table = _processes()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, (parent, _group, state) in table.items()
                    if parent in frontier and state != "Z"} - found
        found |= frontier
    return found


def _alive(pids: set[int], groups: set[int]) -> list[int]:
    """The processes, living (not zombies), that are one of `pids` or belong to one of `groups`."""
    return sorted(pid for pid, (_parent, group, state) in _processes().items()
                  if state != "Z" and (pid in pids or group in groups))


def _healthz(port: int) -> int | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def _pid(data: Path, name: str) -> int | None:
    try:
        return int((data / "run" / f"{name}.pid").read_text())
    except (OSError, ValueError):
        return None


@contextmanager
def _stack(tmp_path: Path, port: int):
    data = tmp_path / "clone" / "data"  # not there yet
    env = _worker_env(broker_url="filesystem://localhost/", extra={"DATA_DIR": str(data),
                                                                    "WORKER_HEARTBEAT_SECONDS": "1"})
    output = tmp_path / "run_stack.out"
    with open(output, "w") as out:
        stack = subprocess.Popen([sys.executable, "manage.py", "run_stack", "--port", str(port)], cwd=ROOT, env=env,
                                 stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        # healthz is 200 once the web server answers and the worker's heartbeat is in the database.
        wait_until(lambda: _healthz(port) == 200 or stack.poll() is not None, timeout=90,
                   message="run_stack to serve /healthz")
        assert stack.poll() is None, output.read_text()
        yield stack, data, output
    finally:
        if stack.poll() is None:
            stack.send_signal(signal.SIGTERM)
            stack.wait(timeout=60)


def test_run_stack_on_a_fresh_data_dir_restarts_a_killed_worker_and_beat(tmp_path, free_port):
    with _stack(tmp_path, free_port) as (_stack_process, data, output):
        with urllib.request.urlopen(f"http://127.0.0.1:{free_port}/healthz", timeout=5) as response:
            assert response.headers["Server"].startswith("gunicorn")  # a production server, not runserver
        # The pages and their static files (WhiteNoise), by the same server with DEBUG off.
        with urllib.request.urlopen(f"http://127.0.0.1:{free_port}/", timeout=5) as response:
            assert response.headers["Server"].startswith("gunicorn") and "Tra cứu" in response.read().decode()
        with urllib.request.urlopen(f"http://127.0.0.1:{free_port}/static/web/site.css", timeout=5) as response:
            assert response.headers["Content-Type"].startswith("text/css") and b"--brand" in response.read()
        worker, beat = _pid(data, "worker"), _pid(data, "beat")
        os.kill(worker, signal.SIGKILL)
        os.kill(beat, signal.SIGKILL)
        new_worker = wait_until(lambda: _pid(data, "worker") not in (None, worker) and _pid(data, "worker"),
                                timeout=30, message="a new worker")
        new_beat = wait_until(lambda: _pid(data, "beat") not in (None, beat) and _pid(data, "beat"),
                              timeout=30, message="a new beat")

        assert new_worker in _descendants(_stack_process.pid) and new_beat in _descendants(_stack_process.pid)
        assert _alive({worker, beat}, set()) == []
        assert (data / "log" / "worker.log").stat().st_size > 0
        assert "worker: exited with -9; restarting in" in output.read_text()


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_stopping_run_stack_stops_every_process_it_started(tmp_path, free_port, how):
    with _stack(tmp_path, free_port) as (stack, _data, output):
        # web server, worker, its two pool processes, beat
        started = wait_until(lambda: len(found := _descendants(stack.pid)) >= 5 and found, timeout=30,
                             message="every process of the stack")
        groups = {_processes()[pid][1] for pid in started}

        if how == "ctrl-c":  # the terminal sends SIGINT to the foreground process group
            os.killpg(stack.pid, signal.SIGINT)
        else:
            stack.send_signal(signal.SIGTERM)
        code = stack.wait(timeout=60)

        assert code == 0, output.read_text()
        assert _alive(started, groups) == []
        assert _healthz(free_port) is None

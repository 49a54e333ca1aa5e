"""Shared fixtures: API clients per role, the catalogue, and the real services (PostgreSQL, Redis, workers).

Tests marked `services` need PostgreSQL, Redis and real Celery worker processes. Where those are absent
they are skipped with a notice; in CI (CI=true) their absence fails the run instead, so CI never skips.
"""

import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.backends.signals import connection_created
from django.test.utils import override_settings
from knox.models import AuthToken
from rest_framework.test import APIClient

from audit.chain import GENESIS_HASH
from audit.models import AuditEntry
from audit.selectors import audit_current_head
from audit.services import audit_append, audit_chain_now
from tests.factories import OrganizationFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent
# Where worker processes write e-mails (Django's file backend); tests read them back.
WORKER_MAIL_DIR = Path(tempfile.mkdtemp(prefix="registry-test-mail-"))
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _redis_reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def services_missing() -> str | None:
    """Why the real services cannot be used here, or None when they can."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return "DATABASE_URL does not name PostgreSQL"
    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        return "CELERY_BROKER_URL does not name Redis"
    if not _redis_reachable(settings.CELERY_BROKER_URL):
        return f"Redis at {settings.CELERY_BROKER_URL} does not answer"
    return None


# Browser tests (tests/web/) drive Debian's Chromium with Playwright; axe-core comes from the npm registry.
CHROMIUM = Path("/usr/bin/chromium")


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (make install)"
    if shutil.which("npm") is None:
        return "npm is missing, to fetch axe-core"
    return None


def _skip_or_fail(items, marker: str, reason: str | None, notice: str) -> None:
    """Skip the tests with this marker, with a notice, when their tools are missing; in CI, fail the run instead."""
    marked = [item for item in items if marker in item.keywords]
    if reason is None or not marked:
        return
    if IN_CI:
        raise pytest.UsageError(f"CI must run every test, but the {marker} tests cannot run: {reason}")
    for item in marked:
        item.add_marker(pytest.mark.skip(reason=notice.format(reason=reason)))


def pytest_collection_modifyitems(config, items):
    _skip_or_fail(items, "services", services_missing(),
                  "needs PostgreSQL, Redis and a Celery worker ({reason}); run .ci/run to include it")
    _skip_or_fail(items, "browser", browser_missing(), "needs a browser ({reason}); run .ci/run to include it")


def _allow_the_test_runner_to_truncate(sender, connection, **kwargs):
    """Transactional tests end with one TRUNCATE of every table; the audit chain's trigger refuses TRUNCATE unless
    the session says `audit.allow_truncate` (audit/migrations/0002). Only this process's connections say it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET audit.allow_truncate = 'on'")


connection_created.connect(_allow_the_test_runner_to_truncate, dispatch_uid="tests.audit_allow_truncate")


def pytest_configure(config):
    # WhiteNoise warns on every request when the collected static folder is missing, as on a fresh clone.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


def pytest_report_header(config):
    lines = []
    reason = services_missing()
    if reason:
        lines.append(f"NOTICE: tests marked 'services' are SKIPPED here: {reason}. .ci/run runs them.")
    else:
        lines.append("real services: PostgreSQL and Redis found; worker tests run against real Celery worker processes")
    reason = browser_missing()
    if reason:
        lines.append(f"NOTICE: tests marked 'browser' are SKIPPED here: {reason}. .ci/run runs them.")
    else:
        lines.append(f"browser: the page tests drive {CHROMIUM} with Playwright")
    return lines


@pytest.fixture(autouse=True)
def _fast_password_hashes(settings):
    """Every fixture user's password is hashed, and tests log in hundreds of times: PBKDF2's million rounds cost
    about a second each here, most of the suite's time. The hasher is not what the tests test (production keeps
    Django's default; tests/security/test_auth.py checks it), so all of them hash with MD5, set before any user
    exists."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _audit_chain_now(request, _django_db_marker):
    """A test that uses the database runs in a transaction rolled back at its end, never committed; on PostgreSQL
    the audit chain takes a transaction's entries at its commit (audit/migrations/0004). Such a test has them
    chained at each statement instead, so that it finds them there. Transactional tests commit as production does."""
    if "_django_db_helper" not in request.fixturenames:
        return
    request.getfixturevalue("_django_db_helper")
    if connection.in_atomic_block:
        audit_chain_now()


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """PDFs go to a throw-away folder, shared with the worker processes."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(media)):
        yield media


# The issuers' signing keys of the whole run (issue 11): demo keys under a throw-away folder, shared with the
# worker processes (their environment names it), so that every document the suite renders can be signed.
SIGNING_PASSPHRASE = "test-only-signing-passphrase"


@pytest.fixture(scope="session", autouse=True)
def _signing_keys(tmp_path_factory):
    """Demo keys on, in a folder of the session's: the demo root is made once (P-256 keys cost milliseconds)."""
    keys = tmp_path_factory.mktemp("signing")
    signing = {"KEYS_DIR": keys, "ROOT_CERT": keys / "demo-root.pem", "TSA_URL": None, "DEMO_KEYS": True,
               "PASSPHRASE": SIGNING_PASSPHRASE, "PKCS11_MODULE": None, "PKCS11_PIN": ""}
    with override_settings(DOCUMENT_SIGNING=signing):
        yield signing


# The two catalogues. Loading one costs ~1.5 s (thousands of rows, each with its history and audit entry), which
# hundreds of tests paid. On PostgreSQL each is loaded once a session into the fresh test database, its rows (with
# their history and audit entries) copied into a schema of their own, and the tables emptied again; a test that asks
# for a catalogue gets those rows back, inside its own transaction, in a few statements. Tests that do not ask see
# tables as empty as before, and the audit chain the copy brings is the one the loader wrote, hashes and all.
CATALOGUES = ("load_catalog", "load_inspection_catalog")


AUDIT_TABLE = AuditEntry._meta.db_table


@dataclass
class Snapshot:
    """A catalogue's rows: the schema that holds them, its tables with their numbered columns' sequences, and its
    audit entries after those of the catalogue before it, with that one's head."""

    schema: str
    tables: list[tuple[str, list[tuple[str, str]]]]
    entries: list[dict]
    after: tuple[int, str]


_snapshots: dict[str, Snapshot] = {}


def _row_counts(cursor) -> dict[str, int]:
    """Every table's number of rows, for the tables that have any."""
    counts = {}
    for table in sorted(connection.introspection.django_table_names(only_existing=True, include_views=False)):
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        if count := cursor.fetchone()[0]:
            counts[table] = count
    return counts


def _sequences(cursor, table: str) -> list[tuple[str, str]]:
    """The table's columns numbered by a sequence (`id`, a history table's `history_id`), with their sequences."""
    cursor.execute("SELECT column_name, pg_get_serial_sequence(%s, column_name) FROM information_schema.columns "
                   "WHERE table_schema = current_schema() AND table_name = %s", [f'"{table}"', table])
    return [(column, sequence) for column, sequence in cursor.fetchall() if sequence]


def _chain_head() -> tuple[int, str]:
    head = audit_current_head()
    return (head.sequence, head.hash) if head else (0, GENESIS_HASH)


def _snapshot_catalogues() -> None:
    """Load the catalogues in turn, keep each one's state (the second's includes the first's), empty the tables.
    Only tables empty before: one the migrations filled (content types) and a loader added to would not be
    emptied again whole, so that stops the run."""
    with connection.cursor() as cursor:
        filled_before = _row_counts(cursor)
        for command in CATALOGUES:
            head = _chain_head()
            call_command(command, stdout=io.StringIO())
            schema = f"test_snapshot_{command}"
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE; CREATE SCHEMA "{schema}"')
            tables = [table for table in _row_counts(cursor) if table not in filled_before]
            for table in tables:
                cursor.execute(f'CREATE TABLE "{schema}"."{table}" AS TABLE "{table}"')
            entries = list(AuditEntry.objects.filter(sequence__gt=head[0]).order_by("sequence").values(
                "actor_id", "action", "model", "object_pk", "before", "after"))
            assert all(entry.pop("actor_id") is None for entry in entries), "a catalogue is loaded by the system"
            _snapshots[command] = Snapshot(schema, [(table, _sequences(cursor, table)) for table in tables],
                                           entries, head)
        changed = {table for table, count in _row_counts(cursor).items() if filled_before.get(table, count) != count}
        assert not changed, f"loading the catalogues wrote to tables the migrations filled: {sorted(changed)}"
        names = ", ".join(f'"{table}"' for table, _columns in _snapshots[CATALOGUES[-1]].tables)
        cursor.execute(f"TRUNCATE {names} CASCADE")  # audit.allow_truncate is on (above)
        assert _row_counts(cursor) == filled_before, "emptying the catalogues' tables emptied others"


def _restore_catalogue(command: str) -> None:
    """Copy a catalogue's rows back, in the caller's transaction, unless they are there, and move each table's id
    sequence past them (tests that reset sequences start at 1). Its audit entries are copied too when the chain is
    where the loader found it; after another fixture's writes they are appended again, as the loader would."""
    snapshot = _snapshots[command]
    copy_entries = _chain_head() == snapshot.after
    with connection.cursor() as cursor:
        for table, sequences in snapshot.tables:
            if table == AUDIT_TABLE and not copy_entries:
                continue
            cursor.execute(f'INSERT INTO "{table}" SELECT * FROM "{snapshot.schema}"."{table}" ON CONFLICT DO NOTHING')
            for column, sequence in sequences:
                cursor.execute(f'SELECT setval(%s, GREATEST((SELECT max("{column}") FROM "{table}"), '
                               f"(SELECT last_value FROM {sequence})))", [sequence])
    if not copy_entries:
        for entry in snapshot.entries:
            audit_append(actor=None, **entry)


def _load_catalogue(command: str) -> None:
    if command in _snapshots:
        _restore_catalogue(command)
    else:  # SQLite, on a laptop without the services: the loader itself
        call_command(command, stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            _snapshot_catalogues()


@pytest.fixture
def catalog(db):
    """The real Group 2 catalogue, as `make run` loads it."""
    _load_catalogue("load_catalog")


@pytest.fixture
def inspection_catalog(catalog):
    """The real catalogue of sanctions (violation types, circumstances, procedure constants), as `make run` loads
    it after the registry's."""
    _load_catalogue("load_inspection_catalog")


def _client_for(user) -> APIClient:
    client = APIClient()
    _, token = AuthToken.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def client_for():
    return _client_for


@pytest.fixture
def department(db):
    return OrganizationFactory(kind="department", name="Sở Khoa học và Công nghệ Lào Cai")


@pytest.fixture
def officer(department):
    return UserFactory(role="officer", organization=department, full_name="Nguyễn Văn Minh")


@pytest.fixture
def verification_body(db):
    return OrganizationFactory(kind="verification_body", name="Trung tâm Kỹ thuật Đo lường Lào Cai",
                               parent_name="Sở Khoa học và Công nghệ Lào Cai", province="Lào Cai")


@pytest.fixture
def technician(verification_body):
    return UserFactory(role="technician", organization=verification_body, full_name="Lê Quang Huy")


@pytest.fixture
def business_org(db):
    return OrganizationFactory(kind="business", name="Công ty TNHH Xăng dầu Sông Hồng")


@pytest.fixture
def business_user(business_org):
    return UserFactory(role="business", organization=business_org)


@pytest.fixture
def inspector(department):
    return UserFactory(role="inspector", organization=department)


# --- the real worker processes -------------------------------------------------------------------------


def _worker_env(*, broker_url: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    from django.db import connection

    database = settings.DATABASES["default"]
    url = (f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST'] or '127.0.0.1'}:"
           f"{database['PORT'] or 5432}/{connection.settings_dict['NAME']}")
    return {**os.environ, "DATABASE_URL": url, "CELERY_BROKER_URL": broker_url,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT), "DJANGO_SETTINGS_MODULE": "config.settings",
            "DOCUMENT_SIGNING_KEYS_DIR": str(settings.DOCUMENT_SIGNING["KEYS_DIR"]),
            "DOCUMENT_SIGNING_ROOT_CERT": str(settings.DOCUMENT_SIGNING["ROOT_CERT"]),
            "DOCUMENT_SIGNING_PASSPHRASE": settings.DOCUMENT_SIGNING["PASSPHRASE"],
            "DOCUMENT_SIGNING_DEMO_KEYS": "true",
            "PYTHONUNBUFFERED": "1", "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(WORKER_MAIL_DIR), **(extra or {})}


@contextmanager
def running_workers(*, broker_url: str, count: int = 2, name: str = "test", extra_env: dict | None = None,
                    queues: str = "documents,notices,default"):
    """Start `count` Celery worker processes (one task at a time each) and stop them afterwards."""
    from workers.celery import app

    log_dir = Path(tempfile.mkdtemp(prefix="celery-test-"))
    processes = []
    for index in range(count):
        log = open(log_dir / f"worker{index}.log", "w")  # noqa: SIM115 - the worker writes it until stopped
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "workers.celery:app", "worker", "-Q", queues,
             "--concurrency", "1", "--pool", "prefork", "--loglevel", "INFO", "-n", f"{name}{index}@%h",
             "--without-mingle", "--without-gossip"],
            cwd=ROOT, env=_worker_env(broker_url=broker_url, extra=extra_env), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        ))
    try:
        with app.connection_for_write(broker_url) as conn:
            _wait_for_workers(app, conn, count, processes, log_dir)
        yield processes
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_for_workers(app, conn, count, processes, log_dir, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(process.poll() is not None for process in processes):
            break
        replies = app.control.ping(timeout=0.5, connection=conn)
        if len(replies) >= count:
            return
    logs = "\n".join(path.read_text()[-3000:] for path in sorted(log_dir.glob("*.log")))
    raise RuntimeError(f"Celery workers did not start:\n{logs}")


_SESSION_WORKERS: list = []


@pytest.fixture(scope="session")
def celery_workers(django_db_setup, django_db_blocker):
    """Two real worker processes on the real broker, reading the test database (session-wide)."""
    from workers.celery import app

    with django_db_blocker.unblock():
        app.control.purge()
        # No heartbeats from these long-lived workers: tests of /healthz start and kill workers of their own.
        with running_workers(broker_url=settings.CELERY_BROKER_URL, count=2,
                             extra_env={"WORKER_HEARTBEAT_SECONDS": "0"}) as processes:
            _SESSION_WORKERS.extend(processes)
            yield processes
            _SESSION_WORKERS.clear()


def settle_workers(timeout: float = 60) -> None:
    """Wait until the session's workers have no document to render and no digest to e-mail."""
    from certificates.models import Document, DocumentStatus
    from certificates.notices.models import NoticeDigest

    if not _SESSION_WORKERS:
        return

    def idle() -> bool:
        # Pending documents never enqueued (a test that disconnected publishing) are not in flight.
        pending = Document.objects.filter(status=DocumentStatus.PENDING, enqueued_at__isnull=False).exists()
        unsent = NoticeDigest.objects.filter(emailed_at__isnull=True, documents__status="issued").exists()
        return not pending and not unsent

    wait_until(idle, timeout=timeout, message="the workers to finish")
    time.sleep(0.3)  # the last task's commit and acknowledgement


@pytest.fixture
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port: int) -> subprocess.Popen:
    """A Redis server of a test's own on `port`, keeping nothing on disk: a restart loses every message."""
    process = subprocess.Popen([shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    wait_until(lambda: _redis_reachable(f"redis://127.0.0.1:{port}/0"), timeout=10, message="redis to start")
    return process


@contextmanager
def producer_broker(url: str):
    """Point this process's task publishing at another broker for the duration."""
    from workers.celery import app

    def _reset():
        from kombu import pools

        pools.reset()  # kombu's global producer pools are keyed by broker; drop them with the app's own
        app._pool = None
        app.amqp._producer_pool = None

    old = app.conf.broker_url, app.conf.broker_write_url
    _reset()
    app.conf.broker_url = app.conf.broker_write_url = url
    try:
        yield
    finally:
        _reset()
        app.conf.broker_url, app.conf.broker_write_url = old


@contextmanager
def nothing_enqueued_on_commit():
    """Requested documents stay pending, unpublished: for tests that commit but run no worker."""
    from certificates.signals import document_requested
    from workers.publishing import enqueue_requested_document

    document_requested.disconnect(dispatch_uid="workers.enqueue_document")
    try:
        yield
    finally:
        document_requested.connect(enqueue_requested_document, dispatch_uid="workers.enqueue_document")


def wait_until(predicate, *, timeout: float = 60, interval: float = 0.1, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")

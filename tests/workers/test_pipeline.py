"""The document pipeline on real parts: PostgreSQL, Redis and Celery worker processes.

Rows must be committed for the workers to see them, hence transactional tests.
"""

import io
import os
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from certificates.models import Document, DocumentStatus
from certificates.services import document_render
from registry.models import Instrument, InstrumentType, User
from registry.services import ReadingInput, verification_record
from tests.conftest import (
    nothing_enqueued_on_commit,
    producer_broker,
    running_workers,
    settle_workers,
    start_redis,
    wait_until,
)
from tests.factories import InstrumentFactory, _tax_code
from tests.pdf_helpers import qr_texts as _qr_texts
from tests.pdf_helpers import seal_path
from workers.beat import BEAT_SCHEDULE
from workers.tasks.documents import render_document, sweep_documents

# reset_sequences: the flush between tests recreates content types; with sequences reset they keep their ids,
# which the long-lived worker processes have cached.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, reset_sequences=True)]


def _issued(document_id: int, timeout: float = 60) -> Document:
    return wait_until(
        lambda: Document.objects.filter(pk=document_id, status=DocumentStatus.ISSUED).first(),
        timeout=timeout, message=f"document {document_id} to be issued",
    )


def _post(client, url, payload):
    response = client.post(url, payload, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def _login(api_client, username, password):
    from rest_framework.test import APIClient

    token = api_client.post("/api/v1/auth/token/", {"username": username, "password": password}).json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_certificate_end_to_end(celery_workers, api_client, catalog, officer):
    admin = _login(api_client, officer.username, "correct-horse-battery")
    body = _post(admin, "/api/v1/organizations/", {"name": "Trung tâm Kiểm định Đo lường Lào Cai",
                                                  "tax_code": _tax_code(9001), "address": "Lào Cai",
                                                  "province": "Lào Cai", "kind": "verification_body"})
    business_a = _post(admin, "/api/v1/organizations/", {"name": "Công ty TNHH Xăng dầu Sông Hồng",
                                                        "tax_code": _tax_code(9002), "address": "Lào Cai",
                                                        "province": "Lào Cai", "kind": "business"})
    business_b = _post(admin, "/api/v1/organizations/", {"name": "Công ty CP Cân Việt", "tax_code": _tax_code(9003),
                                                        "address": "Lào Cai", "province": "Lào Cai",
                                                        "kind": "business"})
    for username, role, organization in [("kdv", "technician", body), ("a", "business", business_a),
                                         ("b", "business", business_b)]:
        _post(admin, "/api/v1/users/", {"username": username, "password": "pass-word-2026",
                                        "full_name": f"Ông {username}", "role": role,
                                        "organization": organization["id"]})
    technician, user_a, user_b = (_login(api_client, name, "pass-word-2026") for name in ("kdv", "a", "b"))

    instrument = _post(technician, "/api/v1/instruments/", {
        "instrument_type": InstrumentType.objects.get(code="FUEL_DISPENSER").pk, "serial_number": "TK-2291-07",
        "manufacturer": "Tatsuno", "model": "SUNNY-2", "owner": business_a["id"], "location": "Cửa hàng số 7"})
    verification = _post(technician, "/api/v1/verifications/", {
        "instrument": instrument["id"], "kind": "periodic", "performed_on": timezone.localdate().isoformat(),
        "procedure": "ĐLVN 10:2017", "result": "pass", "stamp_number": "A-000123",
        "readings": [{"reference_value": "20", "measured_value": "20.04", "unit": "L",
                      "max_permissible_error": "0.1"}]})
    document = _issued(verification["document"]["id"])

    detail = user_a.get(f"/api/v1/documents/{document.pk}/").json()
    assert detail["status"] == "issued" and detail["sha256"] == document.sha256
    download = user_a.get(f"/api/v1/documents/{document.pk}/pdf")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    pdf = b"".join(download.streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (document.number, "TK-2291-07", "Công ty TNHH Xăng dầu Sông Hồng", "Giấy chứng nhận kiểm định",
                     "Đạt yêu cầu kỹ thuật đo lường"):
        assert expected in text
    # The QR code is the seal (its signed statement, as a link); the seal's page is the document's public page.
    assert _qr_texts(pdf) == [document.seal]
    assert "Còn hiệu lực" in api_client.get(seal_path(document.seal)).content.decode()
    verify_path = detail["verify_url"].split("://", 1)[1].split("/", 1)[1]
    assert api_client.get(f"/api/v1/{verify_path}").json()["status"] == "valid"
    assert "Còn hiệu lực" in api_client.get(f"/{verify_path}").content.decode()

    assert user_b.get(f"/api/v1/instruments/{instrument['id']}/").status_code == 404
    assert user_b.get(f"/api/v1/documents/{document.pk}/").status_code == 404
    assert user_b.get(f"/api/v1/documents/{document.pk}/pdf").status_code == 404
    assert api_client.get(f"/api/v1/documents/{document.pk}/pdf").status_code == 401


def _record_many(technician: User, instruments: list[Instrument]) -> None:
    try:
        for instrument in instruments:
            verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass",
                                readings=[ReadingInput(10, 10, "kg", 1)])
    finally:
        connection.close()


def _scales(technician: User, count: int) -> list[Instrument]:
    """`count` scales of a 12-month cycle, assigned to the technician's body."""
    scale = InstrumentType.objects.create(code="SCALE", item=8, name="Cân bàn", name_en="Platform scale")
    scale.revisions.create(legal_basis="test", in_force_from="2020-01-01", verification_cycle_months=12)
    return [InstrumentFactory(instrument_type=scale, assigned_body=technician.organization) for _ in range(count)]


def test_two_workers_issue_200_certificates_with_distinct_gapless_numbers(celery_workers, technician):
    instruments = _scales(technician, 200)

    threads = [threading.Thread(target=_record_many, args=(technician, instruments[i::4])) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    wait_until(lambda: Document.objects.filter(status=DocumentStatus.ISSUED).count() == 200, timeout=180,
               message="200 issued certificates")
    documents = list(Document.objects.all())
    assert sorted(d.sequence for d in documents) == list(range(1, 201))
    assert len({d.number for d in documents}) == 200
    assert len({d.file.name for d in documents}) == 200
    assert all(d.attempts == 1 for d in documents)


def _database_sessions() -> int:
    """How many sessions PostgreSQL has opened on the test database so far (its statistics, refreshed)."""
    time.sleep(1.5)  # a backend reports its statistics at most every second, and when it exits
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")
        return cursor.fetchone()[0]


def test_the_workers_keep_their_database_connection_from_one_document_to_the_next(celery_workers, technician):
    """Celery's Django fix-up would close the connection around every task: a new PostgreSQL backend (a fork, an
    authentication, cold caches) for every document, a tenth of a certificate's CPU (workers/celeryconfig.py)."""
    instruments = _scales(technician, 40)
    settle_workers()
    before = _database_sessions()

    recording = threading.Thread(target=_record_many, args=(technician, instruments))  # on a connection of its own
    recording.start()
    recording.join()
    wait_until(lambda: Document.objects.filter(status=DocumentStatus.ISSUED).count() == 40, timeout=120,
               message="40 issued certificates")

    # 40 documents, two workers: a handful of sessions at most (one a worker, one a reconnect), never one a task.
    assert _database_sessions() - before < 10


def _render_messages_left(document_id: int) -> int:
    """Render messages for a document still in the broker: queued, or delivered and not yet acknowledged
    (acks_late: a message is acknowledged once its task has finished)."""
    from workers.celery import app

    marker = f"{{'document_id': {document_id}}}".encode()
    with app.connection_for_write() as conn:
        client = conn.default_channel.client
        raw = client.lrange("documents", 0, -1) + client.hvals("unacked")
    return sum(1 for message in raw if b'"documents.render"' in message and marker in message)


def test_redelivered_render_leaves_one_document_and_one_number(celery_workers, technician):
    instrument = InstrumentFactory(assigned_body=technician.organization)
    with nothing_enqueued_on_commit():
        verification = verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                                           performed_on=timezone.localdate(), procedure="ĐLVN 15:2009",
                                           result="pass")
    document = Document.objects.get()

    for _ in range(3):  # the same message delivered three times, to two workers at once
        render_document.apply_async(kwargs={"document_id": document.pk})
    issued = _issued(document.pk)
    wait_until(lambda: _render_messages_left(document.pk) == 0, message="the other deliveries to finish")
    render_document.apply_async(kwargs={"document_id": document.pk})
    wait_until(lambda: _render_messages_left(document.pk) == 0, message="the late delivery to finish")

    issued.refresh_from_db()
    assert Document.objects.count() == 1
    assert verification.documents.get().number == issued.number
    assert issued.attempts == 1
    folder = issued.file.storage.path(issued.file.name).rsplit("/", 1)[0]
    assert [name for name in os.listdir(folder) if name.startswith(f"{issued.pk}-{issued.token[:16]}")] == [
        issued.file.name.rsplit("/", 1)[1]]


def test_broker_down_still_records_and_the_sweeper_issues_later(client_for, technician, free_port):
    broker = f"redis://127.0.0.1:{free_port}/0"
    instrument = InstrumentFactory(assigned_body=technician.organization)

    with producer_broker(broker):
        started = time.monotonic()
        response = client_for(technician).post("/api/v1/verifications/", {
            "instrument": instrument.pk, "kind": "initial", "performed_on": timezone.localdate().isoformat(),
            "procedure": "ĐLVN 15:2009", "result": "pass"}, format="json")
        elapsed = time.monotonic() - started
        assert response.status_code == 201
        assert elapsed < 10
        document = Document.objects.get(pk=response.json()["document"]["id"])
        assert document.status == DocumentStatus.PENDING and document.enqueued_at is None

        redis = start_redis(free_port)
        try:
            with running_workers(broker_url=broker, count=1, name="sweeper-test"):
                # As beat sends it (its schedule's options), run by the worker.
                entry = BEAT_SCHEDULE["documents-sweep"]
                sweep_documents.apply_async(kwargs={"older_than_seconds": 0}, **entry["options"])
                issued = _issued(document.pk)
        finally:
            redis.terminate()
            redis.wait(timeout=10)
    assert issued.number == document.number
    assert issued.sha256


def test_sweeper_leaves_fresh_and_recently_enqueued_documents_alone(technician):
    instrument = InstrumentFactory(assigned_body=technician.organization)
    with nothing_enqueued_on_commit():
        verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                            performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")
    document = Document.objects.get()
    Document.objects.filter(pk=document.pk).update(enqueued_at=timezone.now() - timedelta(seconds=30))

    assert sweep_documents(older_than_seconds=3600) == 0
    assert sweep_documents(older_than_seconds=0) == 0  # enqueued 30 s ago: its message is still on its way
    document_render(document_id=document.pk)  # its message was never sent: leave nothing in flight

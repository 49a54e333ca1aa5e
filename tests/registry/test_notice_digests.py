"""The day's digest: dated the scan day it reports, linked from each notice, e-mailed with no row lock held
during the SMTP conversation (issue 8, point 2's named bugs)."""

import io
import threading
from datetime import date, timedelta

import pytest
from django.core.mail.backends import locmem
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from certificates.services import document_render
from registry.models import Instrument, NoticeDigest
from registry.services.notices import notice_digest_email, notices_scan
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory

SCAN_DAY = date(2026, 6, 15)


@pytest.fixture
def digest(catalog):
    owner = OrganizationFactory(name="Công ty Cân Đông Hà")
    UserFactory(role="business", organization=owner, email="ketoan@candongha.vn")
    instrument = InstrumentFactory(owner=owner)
    Instrument.objects.filter(pk=instrument.pk).update(last_result="pass", valid_until=SCAN_DAY + timedelta(days=7),
                                                       last_verified_on=SCAN_DAY - timedelta(days=300))
    notices_scan(as_of=SCAN_DAY)
    return NoticeDigest.objects.get(organization=owner)


@pytest.mark.django_db
def test_a_digest_rendered_later_is_dated_the_scan_day_it_reports(digest):
    document = document_render(document_id=digest.documents.get().pk)

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.file.open("rb").read())).pages)

    assert timezone.localdate() != SCAN_DAY
    assert "ngày 15 tháng 6 năm 2026" in text


@pytest.mark.django_db
def test_each_notice_links_to_its_digest_document_and_its_pdf(digest, client_for):
    client = client_for(digest.organization.users.get())
    pending = client.get("/api/v1/notices/").json()["results"][0]["digest_document"]
    document = document_render(document_id=digest.documents.get().pk)

    issued = client.get("/api/v1/notices/").json()["results"][0]["digest_document"]

    assert pending == {"id": document.pk, "number": document.number, "status": "pending", "pdf_url": None}
    assert issued["status"] == "issued"
    assert issued["pdf_url"].endswith(f"/api/v1/documents/{document.pk}/pdf")
    assert client.get(issued["pdf_url"]).status_code == 200


LOCKED_BY_OTHER: list[bool] = []


def _lock_from_another_connection(digest_id: int) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("SELECT id FROM registry_noticedigest WHERE id = %s FOR UPDATE NOWAIT", [digest_id])
            LOCKED_BY_OTHER.append(True)
            cursor.execute("ROLLBACK")
    finally:
        connection.close()


class LockProbeBackend(locmem.EmailBackend):
    """A mail server that answers only after another connection has locked the digest row (NOWAIT)."""

    digest_id = 0

    def send_messages(self, messages):
        thread = threading.Thread(target=_lock_from_another_connection, args=(LockProbeBackend.digest_id,))
        thread.start()
        thread.join()
        return super().send_messages(messages)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_no_row_lock_is_held_while_the_mail_server_talks(digest, settings):
    """Were the e-mail sent under the digest row's lock, the other connection's NOWAIT lock would fail."""
    document_render(document_id=digest.documents.get().pk)
    LOCKED_BY_OTHER.clear()
    LockProbeBackend.digest_id = digest.pk
    settings.EMAIL_BACKEND = f"{__name__}.LockProbeBackend"

    assert notice_digest_email(digest_id=digest.pk) == 1

    assert LOCKED_BY_OTHER == [True]
    digest.refresh_from_db()
    assert digest.emailed_at is not None and digest.recipients == ["ketoan@candongha.vn"]
    assert notice_digest_email(digest_id=digest.pk) == 0  # once


@pytest.mark.django_db
def test_a_claim_left_by_a_dead_worker_is_taken_again_after_it_ages(digest, settings):
    document_render(document_id=digest.documents.get().pk)
    settings.DIGEST_EMAIL_CLAIM_MINUTES = 15
    NoticeDigest.objects.filter(pk=digest.pk).update(email_claimed_at=timezone.now() - timedelta(minutes=5))

    assert notice_digest_email(digest_id=digest.pk) == 0  # another worker may be sending it now
    NoticeDigest.objects.filter(pk=digest.pk).update(email_claimed_at=timezone.now() - timedelta(minutes=20))
    assert notice_digest_email(digest_id=digest.pk) == 1


@pytest.mark.django_db
def test_the_task_that_claimed_the_email_and_died_takes_it_again_when_redelivered(digest):
    document_render(document_id=digest.documents.get().pk)
    NoticeDigest.objects.filter(pk=digest.pk).update(email_claimed_at=timezone.now(), email_claim="task-41")

    assert notice_digest_email(digest_id=digest.pk, claim="task-99") == 0
    assert notice_digest_email(digest_id=digest.pk, claim="task-41") == 1

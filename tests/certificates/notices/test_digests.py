"""The day's digest: one per organisation, dated the scan day it reports, e-mailed once to each recipient with no
row lock held during the SMTP conversation (issue 8, point 2's named bugs)."""

import io
import threading
import time
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import OperationalError, connection
from django.utils import timezone
from pypdf import PdfReader

from certificates.notices.models import Notice, NoticeDigest
from certificates.notices.services import notice_digest_email, notices_scan
from certificates.services import document_render
from registry.models import Instrument
from tests.certificates.notices.helpers import TODAY
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory

SCAN_DAY = date(2026, 6, 15)


def _pdf_text(document) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.file.open("rb").read())).pages)


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
def test_one_digest_per_organisation_lists_its_serials_and_emails_each_user_once(three_owners):
    owners, _instruments = three_owners

    notices_scan(as_of=TODAY)

    digests = list(NoticeDigest.objects.order_by("organization_id"))
    assert [d.organization_id for d in digests] == [o.pk for o in owners]
    for digest in digests:
        document = document_render(document_id=digest.documents.get().pk)
        text = _pdf_text(document)
        serials = set(digest.notices.values_list("serial_number", flat=True))
        assert serials and all(serial in text for serial in serials)
        assert notice_digest_email(digest_id=digest.pk) == 2
    assert sorted(len(m.to) for m in mail.outbox) == [1] * 6
    assert len({m.to[0] for m in mail.outbox}) == 6
    assert all(m.attachments[0][2] == "application/pdf" for m in mail.outbox)


@pytest.mark.django_db
def test_a_second_run_the_same_day_sends_nothing(three_owners):
    notices_scan(as_of=TODAY)
    for digest in NoticeDigest.objects.all():
        document_render(document_id=digest.documents.get().pk)
        notice_digest_email(digest_id=digest.pk)
    sent = len(mail.outbox)

    again = notices_scan(as_of=TODAY)
    for digest in NoticeDigest.objects.all():
        notice_digest_email(digest_id=digest.pk)

    assert (again.notices, again.digests) == (0, 0)
    assert len(mail.outbox) == sent
    assert Notice.objects.count() == 5


@pytest.mark.django_db
def test_a_digest_rendered_later_is_dated_the_scan_day_it_reports(digest):
    document = document_render(document_id=digest.documents.get().pk)

    text = _pdf_text(document)

    assert timezone.localdate() != SCAN_DAY
    assert "ngày 15 tháng 6 năm 2026" in text


@pytest.mark.django_db
def test_the_digest_names_what_it_lists_and_the_law_in_its_sources_words(digest):
    document = document_render(document_id=digest.documents.get().pk)

    text = " ".join(_pdf_text(document).split())

    assert "Về việc kiểm định phương tiện đo đã hoặc sắp hết hạn" in text
    assert "Luật Đo lường 2011, Điều 21" in text
    assert "X-quang" not in text  # no X-ray unit is listed, so the notice does not speak of them


@pytest.mark.django_db
def test_the_email_names_what_the_digest_lists_and_attaches_an_ascii_file_name(digest):
    document = document_render(document_id=digest.documents.get().pk)

    notice_digest_email(digest_id=digest.pk)

    message = mail.outbox[0]
    assert message.subject == (f"Thông báo số {document.number} ngày 15/06/2026: kiểm định phương tiện đo "
                               "đã hoặc sắp hết hạn")
    assert "1 mục (kiểm định phương tiện đo)" in message.body
    assert message.attachments[0][0] == document.number.replace("/", "-") + ".pdf"
    assert message.attachments[0][0].isascii()


LOCKED_BY_OTHER: list[bool] = []


def _lock_from_another_connection(digest_id: int) -> None:
    """NOWAIT, tried for a second: the sender waits for this probe, so a lock it held during the SMTP call would
    fail every try; a test worker's short claim of a digest of the same id (left by an earlier test) passes."""
    try:
        for _attempt in range(20):
            with connection.cursor() as cursor:
                cursor.execute("BEGIN")
                try:
                    cursor.execute(f"SELECT id FROM {NoticeDigest._meta.db_table} WHERE id = %s FOR UPDATE NOWAIT",
                                   [digest_id])
                except OperationalError:
                    cursor.execute("ROLLBACK")
                    time.sleep(0.05)
                    continue
                LOCKED_BY_OTHER.append(True)
                cursor.execute("ROLLBACK")
                return
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


@pytest.mark.django_db
def test_a_digest_whose_document_is_not_issued_yet_is_not_emailed(digest):
    assert notice_digest_email(digest_id=digest.pk) == 0
    assert mail.outbox == []

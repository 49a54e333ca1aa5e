"""Document services: numbering, rendering, failure, retry, correction and revocation."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from certificates.models import Document, DocumentCounter, DocumentStatus
from certificates.services import (
    document_mark_failed,
    document_render,
    document_request,
    document_retry,
    document_revoke,
    document_supersede,
)
from registry.services import verification_record
from tests.factories import InstrumentFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _verified(technician, **instrument):
    instrument = InstrumentFactory(**{"assigned_body": technician.organization, **instrument})
    return verification_record(actor=technician, instrument_id=instrument.pk, kind="initial",
                               performed_on=timezone.localdate(), procedure="ĐLVN 15:2009", result="pass")


def test_numbers_are_a_series_per_issuer_and_year(technician):
    other_body = OrganizationFactory(kind="verification_body")
    other_technician = UserFactory(role="technician", organization=other_body)

    _verified(technician), _verified(technician), _verified(other_technician)

    year = timezone.localdate().year
    numbers = {(d.issuer_id, d.number) for d in Document.objects.all()}
    assert numbers == {(technician.organization_id, f"KĐ-{year}/000001"),
                       (technician.organization_id, f"KĐ-{year}/000002"),
                       (other_body.pk, f"KĐ-{year}/000001")}


def test_a_rolled_back_request_gives_its_number_back(technician):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        _verified(technician)
        raise Abort

    _verified(technician)

    assert list(Document.objects.values_list("sequence", flat=True)) == [1]
    assert DocumentCounter.objects.get().last_value == 1


@pytest.mark.django_db(transaction=True)
def test_request_outside_a_transaction_is_refused(technician):
    verification = _verified(technician)

    with pytest.raises(RuntimeError):
        document_request(kind="verification_certificate", subject=verification)


def test_render_stores_the_pdf_and_its_sha256(technician):
    document = Document.objects.get(subject_id=_verified(technician).pk)

    issued = document_render(document_id=document.pk)

    content = issued.file.open("rb").read()
    assert content.startswith(b"%PDF")
    assert issued.status == DocumentStatus.ISSUED
    assert issued.sha256 == hashlib.sha256(content).hexdigest()
    assert issued.size == len(content) and issued.issued_at is not None


def test_rendering_an_issued_document_again_changes_nothing(technician):
    document = document_render(document_id=Document.objects.get(subject_id=_verified(technician).pk).pk)

    again = document_render(document_id=document.pk)

    assert (again.sha256, again.file.name, again.attempts) == (document.sha256, document.file.name, 1)


def test_storage_failure_after_the_last_retry_marks_failed_and_an_officer_renders_again(technician, officer,
                                                                                         tmp_path):
    from workers.tasks.documents import render_document

    document = Document.objects.get(subject_id=_verified(technician).pk)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")

    with override_settings(MEDIA_ROOT=str(blocker)):
        render_document.apply(kwargs={"document_id": document.pk})  # eager: every retry runs at once
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "NotADirectoryError" in document.failure_reason or "FileExistsError" in document.failure_reason

    document_retry(actor=officer, document_id=document.pk)
    issued = document_render(document_id=document.pk)
    assert issued.status == DocumentStatus.ISSUED
    assert issued.number == document.number


def test_mark_failed_leaves_an_issued_document_alone(technician):
    document = document_render(document_id=Document.objects.get(subject_id=_verified(technician).pk).pk)

    document_mark_failed(document_id=document.pk, reason="late duplicate")

    document.refresh_from_db()
    assert document.status == DocumentStatus.ISSUED


def test_only_officers_revoke_and_a_reason_is_required(technician, officer):
    document = document_render(document_id=Document.objects.get(subject_id=_verified(technician).pk).pk)

    with pytest.raises(PermissionDenied):
        document_revoke(actor=technician, document_id=document.pk, reason="x")
    with pytest.raises(ValidationError):
        document_revoke(actor=officer, document_id=document.pk, reason="  ")
    revoked = document_revoke(actor=officer, document_id=document.pk, reason="Tem kiểm định bị mất")

    assert revoked.status == DocumentStatus.REVOKED
    assert (revoked.revoked_by, revoked.revocation_reason) == (officer, "Tem kiểm định bị mất")


def test_supersede_issues_a_new_number_and_retires_the_old_one_when_issued(technician, officer):
    old = document_render(document_id=Document.objects.get(subject_id=_verified(technician).pk).pk)

    new = document_supersede(actor=officer, document_id=old.pk, reason="Sai tên cơ sở sử dụng")
    old.refresh_from_db()
    assert old.status == DocumentStatus.ISSUED  # still valid until its replacement exists
    document_render(document_id=new.pk)

    old.refresh_from_db()
    assert old.status == DocumentStatus.SUPERSEDED
    assert new.number != old.number and new.supersedes == old
    with pytest.raises(ValidationError):
        document_supersede(actor=officer, document_id=old.pk, reason="again")

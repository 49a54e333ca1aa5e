"""Every write on documents: request (numbering), render, fail, retry, supersede, revoke."""

import hashlib
import secrets
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.kinds import kind_spec
from certificates.models import Document, DocumentCounter, DocumentStatus, IdempotencyRecord
from certificates.permissions import document_access, require_manager
from certificates.sealing import document_seal
from certificates.selectors import document_get_for_update
from certificates.signals import document_issued, document_requested
from certificates.signing.models import SigningKey
from certificates.twin import context_details_json
from docseal.seal import Sealed

# Statuses from which a document can still be replaced by a correction or withdrawn.
_LIVE_STATUSES = (DocumentStatus.PENDING, DocumentStatus.ISSUED, DocumentStatus.FAILED)


def may_manage_documents(actor) -> bool:
    """Revoke, correct, re-render, suspend and reinstate documents: as the project's access policy answers."""
    return document_access().may_manage(actor)


def _next_sequence(*, kind: str, issuer_id: int, year: int) -> int:
    """Take the next number; the counter row stays locked until the caller's transaction ends.

    Holding the lock to the end is what makes numbering gapless: a rollback gives the number back.
    Callers request documents last in their transaction so the lock is short; rendering never takes it.
    """
    counter, _created = DocumentCounter.objects.select_for_update(no_key=True).get_or_create(
        kind=kind, issuer_id=issuer_id, year=year
    )
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return counter.last_value


def _announce(document: Document) -> None:
    transaction.on_commit(partial(document_requested.send, sender=Document, document_id=document.pk))


def document_request(
    *, kind: str, subject: models.Model, requested_by=None, supersedes: Document | None = None,
    supersession_reason: str = "",
) -> Document:
    """Write a pending, numbered document in the caller's transaction; it is rendered after commit."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("document_request must run inside the transaction of the fact it documents")
    spec = kind_spec(kind)
    facts = spec.describe(subject)
    year = (facts.dated or timezone.localdate()).year
    sequence = _next_sequence(kind=kind, issuer_id=facts.issuer_id, year=year)
    document = Document(
        kind=kind, issuer_id=facts.issuer_id, owner_id=facts.owner_id, year=year, sequence=sequence,
        number=spec.number(sequence=sequence, year=year), token=secrets.token_urlsafe(32),
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk,
        subject_label=facts.subject_label, subject_key=facts.subject_key, valid_until=facts.valid_until,
        dated=facts.dated, requested_by=requested_by,
        supersedes=supersedes, supersession_reason=supersession_reason,
        # Counted as enqueued from the start: publishing after commit clears it only if the broker refuses,
        # which saves an UPDATE per document; the sweeper re-sends what is still pending later.
        enqueued_at=timezone.now(),
    )
    document.save()
    _announce(document)
    return document


def document_render(*, document_id: int) -> Document:
    """Render and store a pending document; a no-op for any other status, so redelivery is harmless."""
    document = Document.objects.select_related("issuer", "owner").get(pk=document_id)
    if document.status != DocumentStatus.PENDING:
        return document
    spec = kind_spec(document.kind)
    # Rendered outside any lock: parallel workers never wait on each other or on numbering.
    context = spec.build_context(document)
    # Sealed and signed in the same task, before anything is stored: a key that cannot sign (SigningKeyError)
    # fails the task, and the document ends failed, never issued unsigned (certificates.sealing).
    sealed, kid = document_seal(document, spec.render(context))
    return _document_store(document_id=document_id, sealed=sealed, kid=kid, details=context_details_json(context))


@transaction.atomic
def _document_store(*, document_id: int, sealed: Sealed, kid: str, details: str) -> Document:
    document = Document.objects.select_for_update(no_key=True).get(pk=document_id)
    if document.status != DocumentStatus.PENDING:
        return document  # another delivery of the same task finished first
    name = f"documents/{document.year}/{document.kind}/{document.pk}-{document.token[:16]}.pdf"
    if default_storage.exists(name):  # left by an attempt whose commit failed: same content, same name
        default_storage.delete(name)
    pdf = sealed.pdf
    document.file.name = default_storage.save(name, ContentFile(pdf))
    document.sha256 = hashlib.sha256(pdf).hexdigest()
    document.size = len(pdf)
    document.content_sha256 = sealed.content_sha256
    document.seal = sealed.seal_text
    document.signing_key = SigningKey.objects.get(kid=kid)
    document.details = details
    document.status = DocumentStatus.ISSUED
    document.issued_at = timezone.now()
    document.attempts += 1
    document.failure_reason = ""
    document.save(update_fields=["file", "sha256", "size", "content_sha256", "seal", "signing_key", "details",
                                 "status", "issued_at", "attempts", "failure_reason"])
    if document.supersedes_id:
        _mark_superseded(document_id=document.supersedes_id)
    transaction.on_commit(partial(document_issued.send, sender=Document, document_id=document.pk,
                                  kind=document.kind))
    return document


def _mark_superseded(*, document_id: int) -> None:
    old = Document.objects.select_for_update(no_key=True).get(pk=document_id)
    if old.status in _LIVE_STATUSES:
        old.status = DocumentStatus.SUPERSEDED
        old.save(update_fields=["status"])


@transaction.atomic
def document_mark_failed(*, document_id: int, reason: str) -> Document | None:
    """After the last retry: keep the number, record why, and wait for a manager to send it again."""
    document = Document.objects.select_for_update(no_key=True).filter(pk=document_id).first()
    if document is not None and document.status == DocumentStatus.PENDING:
        document.status = DocumentStatus.FAILED
        document.failure_reason = reason[:2000]
        document.attempts += 1
        document.save(update_fields=["status", "failure_reason", "attempts"])
    return document


@transaction.atomic
def document_retry(*, actor, document_id: int) -> Document:
    """A manager sends a failed document to render again, under the same number."""
    require_manager(actor)
    document = document_get_for_update(actor=actor, pk=document_id)
    if document.status != DocumentStatus.FAILED:
        raise ValidationError({"status": _("Only a failed document can be rendered again.")})
    document.status = DocumentStatus.PENDING
    document.enqueued_at = timezone.now()
    document.save(update_fields=["status", "enqueued_at"])
    _announce(document)
    return document


def document_mark_enqueued(*, document_ids: list[int]) -> None:
    Document.objects.filter(pk__in=document_ids, status=DocumentStatus.PENDING).update(enqueued_at=timezone.now())


def document_mark_not_enqueued(*, document_id: int) -> None:
    """The broker refused the message: the sweeper sends it after DOCUMENT_SWEEP_AFTER_SECONDS."""
    Document.objects.filter(pk=document_id, status=DocumentStatus.PENDING).update(enqueued_at=None)


@transaction.atomic
def document_revoke(*, actor, document_id: int, reason: str) -> Document:
    """A manager revokes a document, recording who, when and why."""
    require_manager(actor)
    document = document_get_for_update(actor=actor, pk=document_id)
    return document_withdraw(document_id=document.pk, recorded_by=actor, reason=reason)


@transaction.atomic
def document_withdraw(*, document_id: int, recorded_by, reason: str) -> Document:
    """A document whose subject no longer bears it (the instrument failed its next verification) ends as
    revoked. The subject's own service decides it, having checked the actor's right over the subject; the
    actor is recorded as who revoked it."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("A revocation needs a reason.")})
    document = Document.objects.select_for_update(no_key=True).get(pk=document_id)
    if document.status not in _LIVE_STATUSES:
        raise ValidationError({"status": _("This document is already %(status)s.") % {"status": document.status}})
    document.status = DocumentStatus.REVOKED
    document.revoked_at = timezone.now()
    document.revoked_by = recorded_by
    document.revocation_reason = reason.strip()
    document.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
    return document


@transaction.atomic
def document_supersede(*, actor, document_id: int, reason: str) -> Document:
    """Issue a correction: a new document (new number) for the same subject that replaces this one."""
    require_manager(actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("A correction needs a reason.")})
    old = document_get_for_update(actor=actor, pk=document_id)
    if old.status not in (DocumentStatus.ISSUED, DocumentStatus.FAILED):
        raise ValidationError({"status": _("Only an issued or failed document can be corrected.")})
    if Document.objects.filter(supersedes=old).exists():
        raise ValidationError({"status": _("A correction of this document was already requested.")})
    return document_request(kind=old.kind, subject=old.subject, requested_by=actor, supersedes=old,
                            supersession_reason=reason.strip())


@transaction.atomic
def document_suspend(*, actor, document_id: int, reason: str) -> Document:
    """Suspend an issued document for now (a licence suspended); the public page says so."""
    require_manager(actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("A suspension needs a reason.")})
    document = document_get_for_update(actor=actor, pk=document_id)
    document.suspended_at = timezone.now()
    document.suspension_reason = reason.strip()
    document.save(update_fields=["suspended_at", "suspension_reason"])
    return document


@transaction.atomic
def document_reinstate(*, actor, document_id: int) -> Document:
    """Lift a suspension."""
    require_manager(actor)
    document = document_get_for_update(actor=actor, pk=document_id)
    document.suspended_at = None
    document.suspension_reason = ""
    document.save(update_fields=["suspended_at", "suspension_reason"])
    return document


def idempotency_records_prune() -> int:
    """Forget Idempotency-Key answers older than IDEMPOTENCY_KEY_HOURS: clients retry within minutes."""
    cutoff = timezone.now() - timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS)
    deleted, _counts = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted

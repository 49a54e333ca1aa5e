"""Reads of documents, scoped to the caller."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from certificates.kinds import kinds_scope
from certificates.models import Document, DocumentStatus, PublicStatus
from certificates.permissions import document_access

# Pending and failed documents are not yet documents for the public: their token answers 404.
_PUBLISHED = (DocumentStatus.ISSUED, DocumentStatus.SUPERSEDED, DocumentStatus.REVOKED)


def _visible(actor, documents: QuerySet[Document]) -> QuerySet[Document]:
    """What the registered access policy lets the caller see, narrowed by each kind's own scope."""
    return kinds_scope(actor, document_access().visible(actor, documents))


def document_list(*, actor) -> QuerySet[Document]:
    """Documents the caller may see, as the registered access policy and the kinds' scopes answer."""
    documents = Document.objects.select_related("issuer", "owner", "superseded_by", "supersedes")
    return _visible(actor, documents)


def document_get(*, actor, pk: int) -> Document:
    return get_object_or_404(document_list(actor=actor), pk=pk)


def document_get_for_update(*, actor, pk: int) -> Document:
    """Lock a document the caller may see (404 otherwise); whether it may change it is the service's rule."""
    return get_object_or_404(_visible(actor, Document.objects.select_for_update(no_key=True)), pk=pk)


def document_get_public(*, token: str) -> Document:
    documents = Document.objects.select_related("issuer", "owner", "superseded_by", "signing_key")
    return get_object_or_404(documents, token=token, status__in=_PUBLISHED)


def document_get_by_seal(*, encoded: str) -> Document:
    """The published document a QR seal names (the part after "/V/"), once its signature checks out against the
    issuer key it names; 404 for a seal that does not read, is not signed by a key of ours, or names no document
    of ours with the same first-revision hash. The seal is as good a proof of holding the paper as the token."""
    from cryptography import x509

    from certificates.signing.models import SigningKey
    from docseal import cose, qr
    from docseal.claims import Claims

    try:
        kid, payload, to_be_signed, signature = cose.open1(qr.parse_seal_text(qr.SEPARATOR + encoded))
        claims = Claims.from_cbor(payload)
    except ValueError:
        raise Http404 from None
    key = SigningKey.objects.filter(kid=kid.hex()).first()
    if key is None:
        raise Http404
    public_key = x509.load_pem_x509_certificate(key.certificate_pem.encode()).public_key()
    if not cose.verify_es256(public_key, to_be_signed, signature):
        raise Http404
    documents = Document.objects.select_related("issuer", "owner", "superseded_by", "signing_key")
    return get_object_or_404(documents, issuer_id=key.issuer_id, kind=claims.kind, year=claims.year,
                             number=claims.number, content_sha256=claims.content_sha256.hex(),
                             status__in=_PUBLISHED)


# A number names one document per kind, issuer and year: a few at most share it.
PUBLIC_NUMBER_LOOKUP_LIMIT = 20


def document_list_public_by_number(*, number: str) -> QuerySet[Document]:
    """Published documents bearing a number (case aside), for the public search by number (issue 10). Numbers
    follow each other, so anyone can try them: a page shows of these only the public facts that do not name the
    owner or the subject (kind, number, issuer, dates, status). The owner's name needs the token of the QR code."""
    return (Document.objects.filter(number__iexact=number.strip(), status__in=_PUBLISHED)
            .select_related("issuer").order_by("-year", "-id")[:PUBLIC_NUMBER_LOOKUP_LIMIT])


def document_public_status(document: Document) -> str:
    """valid, expired, suspended, superseded or revoked, as of today's local date."""
    if document.status == DocumentStatus.REVOKED:
        return PublicStatus.REVOKED
    if document.status == DocumentStatus.SUPERSEDED:
        return PublicStatus.SUPERSEDED
    if document.suspended_at is not None:
        return PublicStatus.SUSPENDED
    if document.valid_until is not None and document.valid_until < timezone.localdate():
        return PublicStatus.EXPIRED
    return PublicStatus.VALID


def documents_awaiting_enqueue(*, older_than, requeue_before, limit: int = 500) -> list[int]:
    """Pending documents the sweeper should enqueue again: requested before `older_than` and not
    enqueued since `requeue_before`."""
    return list(
        Document.objects.filter(status=DocumentStatus.PENDING, created_at__lt=older_than)
        .filter(Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=requeue_before))
        .order_by("id").values_list("id", flat=True)[:limit]
    )


def document_oldest_pending_created_at():
    """When the longest-waiting pending document was requested, or None (for /healthz)."""
    return (Document.objects.filter(status=DocumentStatus.PENDING).order_by("created_at")
            .values_list("created_at", flat=True).first())


def document_get_downloadable(*, actor, pk: int) -> Document:
    """A document whose PDF the caller may download, as the access policy answers; anyone else gets 404."""
    downloadable = document_access().downloadable(actor, Document.objects.select_related("issuer", "owner"))
    return get_object_or_404(kinds_scope(actor, downloadable), pk=pk)


def _of_subject_type(model: type[Model]) -> QuerySet[Document]:
    return Document.objects.filter(subject_type=ContentType.objects.get_for_model(model))


def document_newest_number(model: type[Model]) -> Subquery:
    """An expression for the number of the newest document about each row of `model` (None when it has none),
    for a subject's own queryset to annotate: `.annotate(document_number=document_newest_number(Licence))`."""
    return Subquery(_of_subject_type(model).filter(subject_id=OuterRef("pk")).order_by("-id").values("number")[:1])


def document_newest_rendered(*, subject: Model) -> Document | None:
    """The newest document about a subject that has its PDF (issued, or since superseded or revoked), or None."""
    return (_of_subject_type(type(subject)).filter(subject_id=subject.pk).exclude(sha256="")
            .order_by("-id").first())

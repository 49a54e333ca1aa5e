"""The expiry scan, the notice ledger, the daily digests and their e-mail, over the registered sources.

The scan walks each source in primary-key chunks over its indexed columns (valid-until), so its memory does not
grow with the register; each chunk commits on its own, and the ledger's unique constraint makes a re-run, a
crash half-way or two scans at once harmless. A missed day is caught up once, with the latest stage only.
"""

import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from certificates.filenames import document_filename
from certificates.notices.digest.kind import EXPIRY_NOTICE, digest_topics
from certificates.notices.models import Notice, NoticeDigest, NoticeStage, StageAnchor
from certificates.notices.parties import Recipient, notice_parties
from certificates.notices.selectors import notice_get
from certificates.notices.sources import Candidate, NoticeSource, notice_sources
from certificates.selectors import document_newest_rendered
from certificates.services import document_request


@dataclass
class ScanResult:
    as_of: date
    notices: int = 0
    digests: int = 0


def _trigger(stage: NoticeStage, candidate: Candidate) -> date | None:
    anchor = candidate.due_date if stage.anchor == StageAnchor.DUE_DATE else candidate.action_deadline
    return None if anchor is None else anchor + timedelta(days=stage.offset_days)


def latest_stage(stages: list[NoticeStage], candidate: Candidate, as_of: date) -> NoticeStage | None:
    """The last stage the subject has reached by `as_of`; earlier stages a missed scan skipped stay unsent."""
    reached = [(trigger, stage) for stage in stages if (trigger := _trigger(stage, candidate)) and trigger <= as_of]
    return max(reached, key=lambda pair: (pair[0], pair[1].offset_days))[1] if reached else None


def _horizon(stages: list[NoticeStage], reach: int) -> int:
    """How many days ahead of `as_of` a due date can be and still have reached a stage; `reach` is how far the
    source's action deadline lies before its due date."""
    return max((-s.offset_days + (reach if s.anchor == StageAnchor.ACTION_DEADLINE else 0) for s in stages),
               default=0)


def _final_stage(stages: list[NoticeStage]) -> str | None:
    """The stage after which a subject needs no more notices for that due date (pruned in SQL)."""
    due_anchored = [s for s in stages if s.anchor == StageAnchor.DUE_DATE]
    return max(due_anchored, key=lambda s: s.offset_days).code if due_anchored else None


def _not_finished(queryset: QuerySet, source: NoticeSource, final: str | None) -> QuerySet:
    if final is None:
        return queryset
    done = Notice.objects.filter(subject_type=ContentType.objects.get_for_model(source.model), kind=source.key,
                                 subject_id=OuterRef("pk"), due_date=OuterRef(source.due_field), stage=final)
    return queryset.exclude(Exists(done))


def _chunks(queryset: QuerySet, fields: tuple[str, ...], size: int) -> Iterator[list[dict]]:
    """Keyset pagination on the primary key: each chunk is one indexed range read, never an OFFSET."""
    last = 0
    while rows := list(queryset.filter(pk__gt=last).order_by("pk").values(*fields)[:size]):
        last = rows[-1]["id"]
        yield rows


def notices_scan(*, as_of: date | None = None, chunk_size: int = 2000, pause_seconds: float = 0) -> ScanResult:
    """Record every notice that is due as of a day, then issue one digest per organisation for that day."""
    as_of = as_of or timezone.localdate()
    result = ScanResult(as_of=as_of)
    for source in notice_sources():
        stages = list(NoticeStage.objects.filter(kind=source.key, active=True))
        if not stages:
            continue
        rows = _not_finished(source.rows(as_of, _horizon(stages, source.reach(as_of))), source,
                             _final_stage(stages))
        for chunk in _chunks(rows, source.fields, chunk_size):
            result.notices += _record_chunk(source, stages, [source.candidate(row) for row in chunk], as_of)
            if pause_seconds:
                time.sleep(pause_seconds)  # spare the database at busy hours; each chunk is committed already
    result.digests = notice_digests_issue(as_of=as_of)
    return result


@transaction.atomic
def _record_chunk(source: NoticeSource, stages: list[NoticeStage], candidates: list[Candidate], as_of: date) -> int:
    content_type = ContentType.objects.get_for_model(source.model)
    sent = defaultdict(set)
    for subject_id, due_date, stage in Notice.objects.filter(
            subject_type=content_type, kind=source.key, subject_id__in=[c.subject_id for c in candidates],
    ).values_list("subject_id", "due_date", "stage"):
        sent[(subject_id, due_date)].add(stage)
    by_code = {stage.code: stage for stage in stages}
    new = []
    for candidate in candidates:
        stage = latest_stage(stages, candidate, as_of)
        if stage is None or _already_covered(stage, sent[(candidate.subject_id, candidate.due_date)], by_code,
                                             candidate):
            continue
        new.append(Notice(
            organization_id=candidate.organization_id, kind=source.key, subject_type=content_type,
            subject_id=candidate.subject_id, due_date=candidate.due_date, stage=stage.code,
            stage_date=_trigger(stage, candidate), subject_label=candidate.label,
            serial_number=candidate.serial_number, location=candidate.location, legal_basis=stage.legal_basis,
        ))
    return len(Notice.objects.bulk_create(new, ignore_conflicts=True))


def _already_covered(stage: NoticeStage, sent_codes: set[str], by_code: dict, candidate: Candidate) -> bool:
    """A notice of this stage, or of a later one, was already sent for this due date."""
    target = _trigger(stage, candidate)
    return any(code in by_code and _trigger(by_code[code], candidate) >= target for code in sent_codes)


def notice_digests_issue(*, as_of: date) -> int:
    """One digest a day per organisation with notices not yet digested; notices found later that day wait
    for the next day's digest (an issued document is never edited)."""
    organization_ids = (Notice.objects.filter(digest__isnull=True).order_by()
                        .values_list("organization_id", flat=True).distinct())
    return sum(_digest_for(organization_id, as_of) for organization_id in list(organization_ids))


@transaction.atomic
def _digest_for(organization_id: int, as_of: date) -> int:
    digest, created = NoticeDigest.objects.get_or_create(organization_id=organization_id, digest_date=as_of)
    if not created:
        return 0
    Notice.objects.filter(organization_id=organization_id, digest__isnull=True).update(digest=digest)
    document_request(kind=EXPIRY_NOTICE.kind, subject=digest)
    return 1


def notice_digest_email(*, digest_id: int, claim: str = "") -> int:
    """E-mail the issued digest to its organisation's recipients, once; returns how many were sent.

    The digest is claimed in a short transaction and the SMTP conversation happens after its commit, with no
    row lock held (a slow mail server must not block the scan or the sweeper). A worker that dies between the
    claim and the record leaves its claim: the same `claim` (its task, redelivered) takes it again at once,
    anyone else once it is DIGEST_EMAIL_CLAIM_MINUTES old; so the e-mail goes at least once."""
    claimed = _digest_email_claim(digest_id=digest_id, claim=claim)
    if claimed is None:
        return 0
    digest, document = claimed
    recipients = notice_parties().recipients(digest.organization_id)
    content = document.file.open("rb").read()
    messages = [_digest_message(digest, document, recipient, content) for recipient in recipients]
    try:
        get_connection().send_messages(messages)
    except Exception:
        NoticeDigest.objects.filter(pk=digest.pk, emailed_at__isnull=True).update(email_claimed_at=None)
        raise
    NoticeDigest.objects.filter(pk=digest.pk).update(emailed_at=timezone.now(),
                                                     recipients=[recipient.email for recipient in recipients])
    return len(messages)


@transaction.atomic
def _digest_email_claim(*, digest_id: int, claim: str):
    """Take the digest's e-mail, or None when it was sent, is being sent, or has no issued document yet."""
    # No chain lock first (audit/services.py's order): the claim writes no audited row, and this engine imports
    # only certificates (tests/certificates/test_boundaries.py).
    digest = NoticeDigest.objects.select_for_update(no_key=True).select_related("organization").get(pk=digest_id)
    document = document_newest_rendered(subject=digest)
    stale = timezone.now() - timedelta(minutes=settings.DIGEST_EMAIL_CLAIM_MINUTES)
    held_by_another = digest.email_claimed_at is not None and digest.email_claimed_at > stale and not (
        claim and digest.email_claim == claim)
    if digest.emailed_at is not None or document is None or held_by_another:
        return None
    digest.email_claimed_at, digest.email_claim = timezone.now(), claim
    digest.save(update_fields=["email_claimed_at", "email_claim"])
    return digest, document


def _digest_message(digest: NoticeDigest, document, recipient: Recipient, content: bytes) -> EmailMessage:
    """The e-mail names what the digest lists by the sources' own words (phương tiện đo, thiết bị X-quang...)."""
    day = digest.digest_date.strftime("%d/%m/%Y")
    topics = digest_topics(digest)
    message = EmailMessage(
        subject=f"Thông báo số {document.number} ngày {day}: {topics} đã hoặc sắp hết hạn",
        body=(f"Kính gửi {recipient.name} ({digest.organization.name}),\n\n"
              f"Sở Khoa học và Công nghệ gửi kèm Thông báo số {document.number} ngày {day} liệt kê "
              f"{digest.notices.count()} mục ({topics}) đã hoặc sắp hết hạn kiểm định hoặc hiệu lực.\n"
              "Xem và xác nhận đã nhận tại mục Thông báo của hệ thống.\n"),
        to=[recipient.email],
    )
    message.attach(document_filename(document), content, "application/pdf")
    return message


def may_mark_notices(actor) -> bool:
    """Whether the caller's role may confirm notices it sees (the registered parties answer)."""
    return notice_parties().may_mark(actor)


def notice_mark(*, actor, notice: Notice | int, acknowledge: bool) -> Notice:
    """Mark a notice read, or acknowledged (which also marks it read). It is fetched through the caller's scope
    (a notice the caller may not see is a 404); one it sees but may not confirm is refused."""
    notice = notice_get(actor=actor, pk=notice.pk if isinstance(notice, Notice) else notice)
    if not may_mark_notices(actor):
        raise PermissionDenied  # only the organisation's own users confirm they got it
    now = timezone.now()
    notice.read_at = notice.read_at or now
    if acknowledge and notice.acknowledged_at is None:
        notice.acknowledged_at, notice.acknowledged_by = now, actor
    notice.save(update_fields=["read_at", "acknowledged_at", "acknowledged_by"])
    return notice


@transaction.atomic
def notice_stages_load(*, stages: list[dict], update: bool = False) -> int:
    """Load stage data (an app's catalogue of its sources' stages); rows officers edited stay unless `update`.
    Returns how many were written."""
    written = 0
    for entry in stages:
        lookup = {"kind": entry["kind"], "code": entry["code"]}
        fields = {key: value for key, value in entry.items() if key not in lookup}
        if update:
            NoticeStage.objects.update_or_create(**lookup, defaults=fields)
            written += 1
        else:
            written += NoticeStage.objects.get_or_create(**lookup, defaults=fields)[1]
    return written

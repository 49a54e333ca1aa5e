"""The expiry scan, the notice ledger and the daily digests.

The scan walks each register in primary-key chunks over indexed columns (valid-until), so its memory does not
grow with the register; each chunk commits on its own, and the ledger's unique constraint makes a re-run, a
crash half-way or two scans at once harmless. A missed day is caught up once, with the latest stage only.
"""

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

from certificates.models import Document
from certificates.services import document_request
from registry.legal import legal_value
from registry.models import (
    Instrument,
    LicenseApplicationKind,
    Notice,
    NoticeDigest,
    NoticeKind,
    NoticeStage,
    RadiationLicense,
    RadiationLicenseStatus,
    User,
    VerificationResult,
    XrayDevice,
    XrayDeviceStatus,
)
from registry.notice_kind import EXPIRY_NOTICE

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """A subject with a due date, and the day each anchor of its stages falls on."""

    subject_id: int
    organization_id: int
    due_date: date
    renewal_deadline: date | None
    label: str
    serial_number: str
    location: str


@dataclass(frozen=True)
class Source:
    """Where one kind of notice comes from: its candidates as of a day, and how a row becomes a Candidate."""

    kind: str
    model: type
    rows: Callable[[date, int], QuerySet]
    fields: tuple[str, ...]
    candidate: Callable[[dict, int], Candidate]  # (row, renewal lead days in force)


@dataclass
class ScanResult:
    as_of: date
    notices: int = 0
    digests: int = 0


def _trigger(stage: NoticeStage, candidate: Candidate) -> date | None:
    anchor = candidate.due_date if stage.anchor == "due_date" else candidate.renewal_deadline
    return None if anchor is None else anchor + timedelta(days=stage.offset_days)


def latest_stage(stages: list[NoticeStage], candidate: Candidate, as_of: date) -> NoticeStage | None:
    """The last stage the subject has reached by `as_of`; earlier stages a missed scan skipped stay unsent."""
    reached = [(trigger, stage) for stage in stages if (trigger := _trigger(stage, candidate)) and trigger <= as_of]
    return max(reached, key=lambda pair: (pair[0], pair[1].offset_days))[1] if reached else None


def _horizon(stages: list[NoticeStage], lead_days: int) -> int:
    """How many days ahead of `as_of` a due date can be and still have reached a stage."""
    return max((-s.offset_days + (lead_days if s.anchor == "renewal_deadline" else 0) for s in stages), default=0)


def _final_stage(stages: list[NoticeStage]) -> str | None:
    """The stage after which a subject needs no more notices for that due date (pruned in SQL)."""
    due_anchored = [s for s in stages if s.anchor == "due_date"]
    return max(due_anchored, key=lambda s: s.offset_days).code if due_anchored else None


def _not_finished(queryset: QuerySet, kind: str, final: str | None, due_field: str) -> QuerySet:
    if final is None:
        return queryset
    done = Notice.objects.filter(subject_type=ContentType.objects.get_for_model(queryset.model), kind=kind,
                                 subject_id=OuterRef("pk"), due_date=OuterRef(due_field), stage=final)
    return queryset.exclude(Exists(done))


def _instrument_rows(as_of: date, horizon: int) -> QuerySet:
    return Instrument.objects.filter(last_result=VerificationResult.PASS, valid_until__isnull=False,
                                     valid_until__lte=as_of + timedelta(days=horizon))


def _instrument_candidate(row: dict, lead_days: int) -> Candidate:
    label = ", ".join(filter(None, [row["instrument_type__name"], row["model"] and f"kiểu {row['model']}"]))
    return Candidate(row["id"], row["owner_id"], row["valid_until"], None, label, row["serial_number"],
                     row["location"])


def _device_rows(as_of: date, horizon: int) -> QuerySet:
    return XrayDevice.objects.filter(last_result=VerificationResult.PASS, valid_until__isnull=False,
                                     valid_until__lte=as_of + timedelta(days=horizon)).exclude(
        status=XrayDeviceStatus.DISPOSED)


def _device_candidate(row: dict, lead_days: int) -> Candidate:
    return Candidate(row["id"], row["facility_id"], row["valid_until"], None, f"{row['model']} ({row['kind']})",
                     row["serial_number"], row["room"])


def _license_rows(as_of: date, horizon: int) -> QuerySet:
    renewed = RadiationLicense.objects.filter(previous_id=OuterRef("pk"), kind=LicenseApplicationKind.RENEWAL)
    number = Document.objects.filter(subject_type=ContentType.objects.get_for_model(RadiationLicense),
                                     subject_id=OuterRef("pk")).order_by("-id").values("number")[:1]
    return RadiationLicense.objects.filter(
        status=RadiationLicenseStatus.ACTIVE, valid_until__lte=as_of + timedelta(days=horizon),
    ).exclude(Exists(renewed)).annotate(document_number=Subquery(number))


def _license_candidate(row: dict, lead_days: int) -> Candidate:
    renewal_deadline = row["valid_until"] - timedelta(days=lead_days)
    return Candidate(row["id"], row["facility_id"], row["valid_until"], renewal_deadline,
                     "Giấy phép tiến hành công việc bức xạ", row["document_number"] or "", "")


SOURCES = (
    Source(NoticeKind.INSTRUMENT_VERIFICATION, Instrument, _instrument_rows,
           ("id", "owner_id", "valid_until", "serial_number", "location", "model", "instrument_type__name"),
           _instrument_candidate),
    Source(NoticeKind.XRAY_VERIFICATION, XrayDevice, _device_rows,
           ("id", "facility_id", "valid_until", "serial_number", "room", "model", "kind"), _device_candidate),
    Source(NoticeKind.LICENSE_EXPIRY, RadiationLicense, _license_rows,
           ("id", "facility_id", "valid_until", "document_number"), _license_candidate),
)


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
    # The renewal lead time in force on the scan day (Decree 142/2020 Art. 30.1: 45 days).
    lead = int(legal_value("license.renewal_lead_days", on=as_of))
    for source in SOURCES:
        stages = list(NoticeStage.objects.filter(kind=source.kind, active=True))
        if not stages:
            continue
        rows = _not_finished(source.rows(as_of, _horizon(stages, lead)), source.kind, _final_stage(stages),
                             "valid_until")
        for chunk in _chunks(rows, source.fields, chunk_size):
            result.notices += _record_chunk(source, stages, [source.candidate(r, lead) for r in chunk], as_of)
            if pause_seconds:
                time.sleep(pause_seconds)  # spare the database at busy hours; each chunk is committed already
    result.digests = notice_digests_issue(as_of=as_of)
    return result


@transaction.atomic
def _record_chunk(source: Source, stages: list[NoticeStage], candidates: list[Candidate], as_of: date) -> int:
    content_type = ContentType.objects.get_for_model(source.model)
    sent = defaultdict(set)
    for subject_id, due_date, stage in Notice.objects.filter(
            subject_type=content_type, kind=source.kind, subject_id__in=[c.subject_id for c in candidates],
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
            organization_id=candidate.organization_id, kind=source.kind, subject_type=content_type,
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
    """E-mail the issued digest to every active user of the organisation, once; returns how many were sent.

    The digest is claimed in a short transaction and the SMTP conversation happens after its commit, with no
    row lock held (a slow mail server must not block the scan or the sweeper). A worker that dies between the
    claim and the record leaves its claim: the same `claim` (its task, redelivered) takes it again at once,
    anyone else once it is DIGEST_EMAIL_CLAIM_MINUTES old; so the e-mail goes at least once."""
    claimed = _digest_email_claim(digest_id=digest_id, claim=claim)
    if claimed is None:
        return 0
    digest, document = claimed
    users = list(User.objects.filter(organization_id=digest.organization_id, is_active=True).exclude(email=""))
    content = document.file.open("rb").read()
    messages = [_digest_message(digest, document, user, content) for user in users]
    try:
        get_connection().send_messages(messages)
    except Exception:
        NoticeDigest.objects.filter(pk=digest.pk, emailed_at__isnull=True).update(email_claimed_at=None)
        raise
    NoticeDigest.objects.filter(pk=digest.pk).update(emailed_at=timezone.now(),
                                                     recipients=[user.email for user in users])
    return len(messages)


@transaction.atomic
def _digest_email_claim(*, digest_id: int, claim: str):
    """Take the digest's e-mail, or None when it was sent, is being sent, or has no issued document yet."""
    digest = NoticeDigest.objects.select_for_update().select_related("organization").get(pk=digest_id)
    document = digest.documents.filter(sha256__gt="").order_by("-id").first()
    stale = timezone.now() - timedelta(minutes=settings.DIGEST_EMAIL_CLAIM_MINUTES)
    held_by_another = digest.email_claimed_at is not None and digest.email_claimed_at > stale and not (
        claim and digest.email_claim == claim)
    if digest.emailed_at is not None or document is None or held_by_another:
        return None
    digest.email_claimed_at, digest.email_claim = timezone.now(), claim
    digest.save(update_fields=["email_claimed_at", "email_claim"])
    return digest, document


def _digest_message(digest, document, user, content: bytes) -> EmailMessage:
    day = digest.digest_date.strftime("%d/%m/%Y")
    message = EmailMessage(
        subject=f"Thông báo số {document.number} ngày {day}: phương tiện đo, thiết bị, giấy phép sắp hết hạn",
        body=(f"Kính gửi {user.display_name} ({digest.organization.name}),\n\n"
              f"Sở Khoa học và Công nghệ gửi kèm Thông báo số {document.number} ngày {day} liệt kê "
              f"{digest.notices.count()} mục đã hoặc sắp hết hạn kiểm định hoặc hiệu lực.\n"
              "Xem và xác nhận đã nhận tại mục Thông báo của hệ thống.\n"),
        to=[user.email],
    )
    message.attach(f"{document.number.replace('/', '-').replace('Đ', 'D')}.pdf", content, "application/pdf")
    return message


def notice_mark(*, actor: User, notice_id: int, acknowledge: bool) -> Notice:
    """Mark a notice read, or acknowledged (which also marks it read)."""
    notice = Notice.objects.get(pk=notice_id)
    now = timezone.now()
    notice.read_at = notice.read_at or now
    if acknowledge and notice.acknowledged_at is None:
        notice.acknowledged_at, notice.acknowledged_by = now, actor
    notice.save(update_fields=["read_at", "acknowledged_at", "acknowledged_by"])
    return notice

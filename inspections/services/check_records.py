"""The check record (biên bản kiểm tra, form 5.BBKT) of a subject: the team writes down the day's facts and the
record is requested as a numbered document with its QR code, in the same transaction (issue 9 point 3).

Once per subject: a second request is a 409. A correction would be a new document superseding the first
(certificates' `document_request(supersedes=...)`, DESIGN.md §2.5); it is not built yet.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.services import document_request
from config.exceptions import Conflict
from inspections.models import InspectionStatus, Subject
from inspections.selectors.cases import CHECK_RECORD_KIND, inspection_get_for_update, is_team_member, subject_list
from inspections.services.cases import may_work_cases
from registry.models import User
from registry.permissions import require

__all__ = ["CHECK_RECORD_KIND", "WitnessInput", "check_record_issue", "may_issue_check_records"]

# The record is drawn up while the team works the case, or once its leader declared the findings recorded.
RECORD_STATUSES = (InspectionStatus.OPEN, InspectionStatus.FINDINGS_RECORDED)


@dataclass(frozen=True)
class WitnessInput:
    name: str
    title: str = ""
    organization: str = ""  # where they work, or where they live


def may_issue_check_records(actor: User) -> bool:
    """Inspectors of the case's team draw up its records (the case's scope and team say which)."""
    return may_work_cases(actor)


def _check_times(subject: Subject, held_at: datetime, ended_at: datetime) -> None:
    """Held on one day (the form says "kết thúc ... cùng ngày"), not before the decision, not in the future."""
    if ended_at < held_at:
        raise ValidationError({"ended_at": _("The check cannot end before it started.")})
    if timezone.localtime(held_at).date() != timezone.localtime(ended_at).date():
        raise ValidationError({"ended_at": _("A check record covers one day: it ends on the day it started.")})
    if ended_at > timezone.now():
        raise ValidationError({"ended_at": _("A check record cannot be dated in the future.")})
    if timezone.localtime(held_at).date() < subject.inspection.decision_date:
        raise ValidationError({"held_at": _("A check record cannot be dated before the case's decision.")})


def _check_refusal(refused_to_sign: bool, witnesses: list[WitnessInput]) -> None:
    """A refusal to sign is written down before witnesses (Circular 28/2013 Art. 21.2.b)."""
    if refused_to_sign and not witnesses:
        raise ValidationError({"witnesses": _("Name the witnesses of the representative's refusal to sign.")})
    if any(not witness.name.strip() for witness in witnesses):
        raise ValidationError({"witnesses": _("Every witness needs a name.")})


def _check_remedies(remedies: str, remedy_deadline: date | None, held_on: date) -> None:
    if remedy_deadline is not None and not remedies.strip():
        raise ValidationError({"remedy_deadline": _("A deadline needs the remedial measures it is for.")})
    if remedy_deadline is not None and remedy_deadline < held_on:
        raise ValidationError({"remedy_deadline": _("A remedy's deadline cannot be before the check.")})


def _subject_for_record(actor: User, inspection_id: int, subject_id: int) -> Subject:
    """The subject, locked, of a case the caller's team works and that is open or has its findings recorded."""
    inspection = inspection_get_for_update(actor=actor, pk=inspection_id)
    require(may_issue_check_records(actor) and is_team_member(actor, inspection))
    subject = subject_list(actor=actor, inspection=inspection).filter(pk=subject_id).select_for_update(
        no_key=True, of=("self",)).first()
    if subject is None:
        raise Http404
    if inspection.status not in RECORD_STATUSES:
        raise Conflict({"status": _("A check record is drawn up only while the case is open or its findings are "
                                    "recorded.")})
    if subject.record_issued_at is not None:
        raise Conflict({"subject": _("This subject's check record was already issued; a correction would supersede "
                                     "it.")})
    return subject


@transaction.atomic
def check_record_issue(*, actor: User, inspection_id: int, subject_id: int, representative_name: str,
                       held_at: datetime, ended_at: datetime, place: str, representative_title: str = "",
                       refused_to_sign: bool = False, refusal_reason: str = "",
                       witnesses: list[WitnessInput] = (), opinion: str = "", remedies: str = "",
                       remedy_deadline: date | None = None) -> Subject:
    """Write down a subject's check record and request its document (numbered now, rendered by a worker). The
    findings recorded so far are what it states; the facts of the day are kept on the subject."""
    subject = _subject_for_record(actor, inspection_id, subject_id)
    witnesses = list(witnesses)
    _check_times(subject, held_at, ended_at)
    _check_refusal(refused_to_sign, witnesses)
    _check_remedies(remedies, remedy_deadline, timezone.localtime(held_at).date())
    if not representative_name.strip():
        raise ValidationError({"representative_name": _("This field is required.")})
    if not place.strip():
        raise ValidationError({"place": _("This field is required.")})
    subject.record_held_at, subject.record_ended_at, subject.record_place = held_at, ended_at, place.strip()
    subject.representative_name = representative_name.strip()
    subject.representative_title = representative_title.strip()
    subject.refused_to_sign = refused_to_sign
    subject.refusal_reason = refusal_reason.strip() if refused_to_sign else ""
    subject.witnesses = [{"name": w.name.strip(), "title": w.title.strip(), "organization": w.organization.strip()}
                         for w in witnesses]
    subject.establishment_opinion = opinion.strip()
    subject.remedies, subject.remedy_deadline = remedies.strip(), remedy_deadline
    subject.record_issued_by, subject.record_issued_at = actor, timezone.now()
    subject.full_clean(exclude=["inspection", "organization", "added_by", "record_issued_by"],
                       validate_constraints=False)
    subject.save()
    document_request(kind=CHECK_RECORD_KIND, subject=subject, requested_by=actor)
    return subject

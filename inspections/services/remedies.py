"""The sweep behind the registry's announcement: remedies the listener should have closed and did not.

`verification_recorded` is sent after the verification's commit; if the listener then fails (the database was
unreachable a moment, the process died between the commit and the receiver), the verification stands and the remedy
stays open, and the daily digest would tell the business its remedy is overdue when it is not. This sweep, run by
beat every hour, closes every open "have the instrument verified" remedy whose instrument has since passed, naming
the first passing verification on or after the decision's day: what the listener would have done.
"""

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from inspections.models import Remedy, RemedyKind, RemedyStatus
from registry.models import Verification, VerificationResult


@transaction.atomic
def remedies_reconcile() -> int:
    """Close the open remedies a passing verification already answers; returns how many. Safe to run at any
    time and as often as wanted: it locks what it closes and leaves the rest (SKIP LOCKED: a listener at work on
    the same remedy finishes it)."""
    first_pass = (Verification.objects
                  .filter(instrument_id=OuterRef("instrument_id"), result=VerificationResult.PASS,
                          performed_on__gte=OuterRef("decision__decided_on"))
                  .order_by("performed_on", "id").values("id")[:1])
    remedies = list(Remedy.objects.select_for_update(no_key=True, skip_locked=True, of=("self",))
                    .filter(kind=RemedyKind.VERIFY_INSTRUMENT, status=RemedyStatus.OPEN)
                    .annotate(passed_by=Subquery(first_pass)).filter(passed_by__isnull=False))
    now = timezone.now()
    for remedy in remedies:
        remedy.status, remedy.closed_by_verification_id, remedy.closed_at = RemedyStatus.CLOSED, remedy.passed_by, now
        remedy.save(update_fields=["status", "closed_by_verification", "closed_at"])
    return len(remedies)

"""Every periodic task, in one place. Each entry's `expires` is no longer than its interval."""

from celery.schedules import crontab
from django.conf import settings

_scan_hour, _scan_minute = (int(part) for part in settings.NOTICE_SCAN_AT.split(":"))

BEAT_SCHEDULE = {
    # Every minute: enqueue documents still pending a minute after they were requested
    # (the broker was down at commit time, or their message was lost).
    "documents-sweep": {
        "task": "documents.sweep",
        "schedule": 60.0,
        "options": {"expires": 60},
    },
    # Every day at NOTICE_SCAN_AT, local time (the app's timezone is Asia/Ho_Chi_Minh): the expiry scan.
    # A scan that could not start within 6 hours is dropped; the next day's catches up with the latest stage.
    "notices-daily-scan": {
        "task": "notices.scan",
        "schedule": crontab(hour=_scan_hour, minute=_scan_minute),
        "options": {"expires": 6 * 3600},
    },
    # Every day at NOTICE_SCAN_AT, beside the expiry scan: the audit chain's head at the end of yesterday, logged
    # ("audit chain head <day>: #<sequence> <hash>") and recorded for the officers' page. Expires like the scan.
    "audit-daily-head": {
        "task": "audit.publish_daily_head",
        "schedule": crontab(hour=_scan_hour, minute=_scan_minute),
        "options": {"expires": 6 * 3600},
    },
    # Every hour: forget Idempotency-Key answers older than IDEMPOTENCY_KEY_HOURS, delete expired API tokens.
    "maintenance-prune": {
        "task": "maintenance.prune_expired",
        "schedule": 3600.0,
        "options": {"expires": 3600},
    },
    # Every hour: close the remedies a passing verification answers if its announcement did not (a listener that
    # failed after the verification's commit), so the daily digest does not call such a remedy overdue.
    "inspections-reconcile-remedies": {
        "task": "inspections.reconcile_remedies",
        "schedule": 3600.0,
        "options": {"expires": 3600},
    },
    # Every 10 minutes: e-mail digests whose e-mail did not go out after their document was issued.
    "notices-email-sweep": {
        "task": "notices.email_sweep",
        "schedule": 600.0,
        "options": {"expires": 600},
    },
}

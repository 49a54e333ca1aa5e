"""GET /healthz: the database and the broker answer, a worker is alive, and no document waits too long.

503 with the reasons when anything is wrong (issue 7, defect 11): a load balancer or a supervisor acts on it,
and a person reads why. Nothing here names a host or a path: the page is public.
"""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

from certificates.selectors import document_oldest_pending_created_at
from workers.celery import app
from workers.heartbeat import heartbeat_summary


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:
        return f"error: {type(exc).__name__}"


def _broker() -> str:
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception as exc:
        return f"error: {type(exc).__name__}"


def _pipeline(reasons: list[str]) -> dict:
    """The workers' heartbeats and the oldest pending document, appending what is wrong to `reasons`."""
    workers = heartbeat_summary()
    if not workers["fresh"]:
        reasons.append(f"no worker heartbeat in the last {settings.WORKER_HEARTBEAT_STALE_SECONDS:g} s")
    oldest = document_oldest_pending_created_at()
    age = None if oldest is None else round((timezone.now() - oldest).total_seconds(), 1)
    limit = settings.HEALTHZ_PENDING_MAX_MINUTES * 60
    if age is not None and age > limit:
        reasons.append(f"a document has been pending for {age:g} s (limit {limit:g} s)")
    return {"workers": workers, "oldest_pending_document_age_seconds": age}


def healthz(request):
    checks = {"database": _database(), "broker": _broker()}
    reasons = [f"{name}: {value}" for name, value in checks.items() if value != "ok"]
    body = {**checks}
    if checks["database"] == "ok":
        body.update(_pipeline(reasons))
    healthy = not reasons
    return JsonResponse({"status": "ok" if healthy else "degraded", **body, "reasons": reasons},
                        status=200 if healthy else 503)

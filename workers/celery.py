"""The Celery application: with workers/tasks, the only code that knows Celery.

Queues: `documents` (rendering), `notices` (scans and notices), `default`. Tasks ack late with a
prefetch of one, so a worker that dies mid-task leaves its message for another (DESIGN.md §2).
"""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("registry")
app.config_from_object("workers.celeryconfig")
app.autodiscover_tasks(["workers"], related_name="tasks")
# Each worker records a heartbeat that /healthz reads (issue 7, defect 11); imported lazily, it needs Django.
app.steps["worker"].add("workers.heartbeat:Heartbeat")


@signals.task_prerun.connect
@signals.task_postrun.connect
def _close_old_database_connections(task, **kwargs) -> None:
    """Around every task a worker runs, as Django around every request: close a connection past CONN_MAX_AGE or
    left unusable by an error, keep the others (celeryconfig.CELERY_DB_REUSE_MAX). Not around a task applied in the
    caller's process (`apply()`), whose connection and open transaction are the caller's, as Celery's fix-up does."""
    if task.request.is_eager:
        return
    from django.db import close_old_connections

    close_old_connections()

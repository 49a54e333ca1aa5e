"""The Celery application: with workers/tasks, the only code that knows Celery.

Queues: `documents` (rendering), `notices` (scans and notices), `default`. Tasks ack late with a
prefetch of one, so a worker that dies mid-task leaves its message for another (DESIGN.md §2).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("registry")
app.config_from_object("workers.celeryconfig")
app.autodiscover_tasks(["workers"], related_name="tasks")
# Each worker records a heartbeat that /healthz reads (issue 7, defect 11); imported lazily, it needs Django.
app.steps["worker"].add("workers.heartbeat:Heartbeat")

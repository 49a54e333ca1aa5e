"""What the workers tell the web processes about themselves."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """The last time a Celery worker's main process said it was alive; /healthz reads it (issue 7, defect 11).

    In the database, so that a web process on any host reads every worker's heartbeat without a broadcast to
    the workers (Celery's inspect waits for replies that a dead worker never sends).
    """

    hostname = models.CharField(max_length=255, unique=True)
    pid = models.PositiveIntegerField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.hostname} ({self.seen_at:%Y-%m-%d %H:%M:%S})"

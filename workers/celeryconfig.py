"""Celery settings, derived from Django's settings (read lazily, when the app first needs them)."""

from django.conf import settings
from kombu import Queue

from workers.beat import BEAT_SCHEDULE

broker_url = settings.CELERY_BROKER_URL
task_ignore_result = True
task_acks_late = True
task_reject_on_worker_lost = True
worker_prefetch_multiplier = 1
task_default_queue = "default"
# Declared, so that purges and monitoring know every queue, not only those a process happened to use.
task_queues = [Queue("documents"), Queue("notices"), Queue("default")]
task_routes = {"documents.*": {"queue": "documents"}, "notices.*": {"queue": "notices"}}
task_time_limit = 120
task_soft_time_limit = 100
timezone = settings.TIME_ZONE
beat_schedule = BEAT_SCHEDULE
worker_hijack_root_logger = False
broker_connection_retry_on_startup = True
broker_connection_timeout = settings.CELERY_PUBLISH_TIMEOUT_SECONDS
# Give up publishing quickly when the broker is down: the outbox sweeper enqueues the document later.
task_publish_retry_policy = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}

if broker_url.startswith("redis"):
    broker_transport_options = {
        "visibility_timeout": 3600,
        "socket_connect_timeout": settings.CELERY_PUBLISH_TIMEOUT_SECONDS,
        "socket_timeout": 10,
    }
elif broker_url.startswith("filesystem"):
    _folder = settings.CELERY_BROKER_DATA_DIR
    for _sub in ("queue", "processed", "control"):
        (_folder / _sub).mkdir(parents=True, exist_ok=True)
    broker_transport_options = {
        "data_folder_in": str(_folder / "queue"),
        "data_folder_out": str(_folder / "queue"),
        "processed_folder": str(_folder / "processed"),
        "control_folder": str(_folder / "control"),  # else kombu writes "control/" into the working directory
        "store_processed": False,
    }
    # The filesystem transport has no fan-out: no remote control, no gossip, no mingle.
    worker_enable_remote_control = False

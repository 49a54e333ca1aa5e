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
# Celery's Django fix-up closes every database connection before and after each task unless this says how many
# tasks a connection may serve: a new PostgreSQL backend for every document (a fork, authentication, cold catalogue
# caches), about a tenth of a certificate's CPU in bench/certificates.py. The fix-up now closes one every 1,000
# tasks; in between, workers/celery.py closes it as Django does after a request: past CONN_MAX_AGE, or unusable
# after an error (on SQLite, CONN_MAX_AGE is 0: closed after every task, as before).
CELERY_DB_REUSE_MAX = 1000
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

"""`make run`: a Celery worker with beat beside Django's development server, stopped together."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server, a Celery worker and beat on this machine (development)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))

    def handle(self, *args, port: int, **options):
        log_path = settings.DATA_DIR / "worker.log"
        log = open(log_path, "a")  # noqa: SIM115 - the worker writes it until it stops
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "workers.celery:app", "worker", "--beat",
             "-Q", "documents,notices,default", "--concurrency", "2", "--loglevel", "INFO",
             "--schedule", str(settings.DATA_DIR / "celerybeat-schedule"), "--without-mingle", "--without-gossip"],
            stdout=log, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        self.stdout.write(self.style.SUCCESS(
            f"\nRegistry running at {base}/  (API {base}/api/v1/, docs {base}/api/docs/, admin {base}/admin/)\n"
            f"Celery worker and beat: pid {worker.pid}, log {log_path}\n"))
        try:
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)

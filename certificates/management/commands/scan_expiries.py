"""`manage.py scan_expiries --as-of YYYY-MM-DD`: the daily expiry scan for any day, run here and now."""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from certificates.notices.services import notices_scan


class Command(BaseCommand):
    help = "Record the expiry notices due as of a day and issue that day's digests (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="The scan day, YYYY-MM-DD (default: today, Asia/Ho_Chi_Minh).")
        parser.add_argument("--chunk-size", type=int, default=settings.NOTICE_SCAN_CHUNK)

    def handle(self, *args, as_of: str | None = None, chunk_size: int = 2000, **options):
        try:
            day = date.fromisoformat(as_of) if as_of else None
        except ValueError as exc:
            raise CommandError(f"--as-of: {exc}; write YYYY-MM-DD") from exc
        result = notices_scan(as_of=day, chunk_size=chunk_size)
        self.stdout.write(f"as of {result.as_of}: {result.notices} new notices, {result.digests} digests")

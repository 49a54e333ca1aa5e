"""`manage.py verify_audit`: walk the audit chain and name the first entry that does not hold."""

from django.core.management.base import BaseCommand, CommandError

from audit.selectors import audit_chain_check


class Command(BaseCommand):
    help = ("Walk the audit chain in sequence order, recompute every hash and name the first entry changed, "
            "removed or inserted out of order (exit status 1); on success print the count and the last hash.")

    def handle(self, *args, **options):
        result = audit_chain_check()
        if not result.ok:
            self.stderr.write(f"audit chain BROKEN at entry #{result.broken.sequence} ({result.broken.kind}): "
                              f"{result.broken.detail}")
            self.stderr.write(f"{result.count} entries hold before it (up to #{result.last_sequence}).")
            raise CommandError(f"audit chain broken at entry #{result.broken.sequence}", returncode=1)
        self.stdout.write(f"audit chain OK: {result.count} entries, last #{result.last_sequence} {result.last_hash}")

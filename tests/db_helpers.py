"""Data a whole module's tests share, built once in a transaction that is never committed."""

import io
from contextlib import contextmanager

from django.core.management import call_command
from django.db import transaction

from audit.services import audit_chain_now


@contextmanager
def module_data(django_db_blocker, *commands: str):
    """Open a transaction for a module-scoped fixture, run the management `commands` in it, and roll it all back
    when the module ends; each test's own transaction is a savepoint inside it. The transaction never commits, so
    the audit chain takes its entries at each statement (audit_chain_now), as it does for a test's own."""
    with django_db_blocker.unblock(), transaction.atomic():
        audit_chain_now()
        for command in commands:
            call_command(command, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)

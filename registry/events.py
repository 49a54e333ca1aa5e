"""What the registry announces to the apps built on it, which it never imports (DESIGN.md §2: inspections listens,
the registry does not know it). Each signal is sent after the transaction of its fact commits, so a listener sees
the fact committed and a rollback announces nothing. Kept apart from signals.py (the registry's own receivers,
which import its services) so that the services can send them without an import cycle."""

from django.dispatch import Signal

# Sent with `verification` (a registry Verification, pass or fail) once its recording committed.
verification_recorded = Signal()

"""Receivers of what the registry announces (registry.events), connected in InspectionsConfig.ready()."""

from django.dispatch import receiver

from inspections.services.penalties import remedies_close_by_verification
from registry.events import verification_recorded


@receiver(verification_recorded, dispatch_uid="inspections.close_remedies_on_verification")
def close_remedies_on_verification(sender, verification, **kwargs) -> None:
    """A passing verification closes the open "have the instrument verified" remedies of its instrument."""
    remedies_close_by_verification(verification=verification)

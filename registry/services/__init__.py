"""Every write on the registry: one function per use case, each owning its transaction."""

from registry.services.instruments import (
    ReadingInput,
    instrument_assign,
    instrument_refresh_status,
    instrument_register,
    valid_until_for,
    verification_record,
)
from registry.services.organizations import organization_create, organization_update, user_create, user_update

__all__ = [
    "ReadingInput", "instrument_assign", "instrument_refresh_status", "instrument_register", "organization_create",
    "organization_update", "user_create", "user_update", "valid_until_for", "verification_record",
]

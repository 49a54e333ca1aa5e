"""One exception handler: Django's ValidationError and PermissionDenied from services become DRF's shapes."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


class Conflict(DjangoValidationError):
    """A write that repeats one already committed (the same verification twice, an Idempotency-Key reused
    for another request): HTTP 409, with the same field-keyed body as a validation error."""


class ConflictError(exceptions.ValidationError):
    status_code = 409
    default_code = "conflict"


def _as_drf(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in exc.message_dict.items()
        }
    else:
        detail = {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    return (ConflictError if isinstance(exc, Conflict) else exceptions.ValidationError)(detail)


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = _as_drf(exc)
    return drf_exception_handler(exc, context)

"""One exception handler: Django's ValidationError and PermissionDenied from services become DRF's shapes,
and a body over the size limit is a JSON 413 instead of Django's HTML 400."""

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is larger than this service accepts.")
    default_code = "request_too_large"


def _as_drf(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in exc.message_dict.items()
        }
    else:
        detail = {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    return exceptions.ValidationError(detail)


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = _as_drf(exc)
    elif isinstance(exc, RequestDataTooBig):  # Django's own limit on form bodies (DATA_UPLOAD_MAX_MEMORY_SIZE)
        exc = RequestTooLarge()
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        exc = exceptions.ParseError(str(exc))
    elif isinstance(exc, exceptions.ValidationError) and not isinstance(exc.detail, dict):
        # A bare list (DRF's search filter refusing a NUL) becomes the documented shape: an object.
        exc = exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: exc.detail})
    return drf_exception_handler(exc, context)

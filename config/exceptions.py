"""One exception handler: Django's ValidationError and PermissionDenied from services become DRF's shapes, a
body over the size limit a JSON 413 instead of Django's HTML 400, and an unexpected exception a JSON 500
without details (issue 7, defect 8), logged with its traceback."""

import logging

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from config.errors import server_error_detail
from config.parsers import RequestTooLarge

logger = logging.getLogger("django.request")


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


def _server_error(exc: Exception, context) -> Response:
    """A defect, not the caller's fault: log it as Django would, answer JSON with nothing about the code."""
    request = getattr(context.get("request"), "_request", None)
    logger.error("Internal Server Error: %s", getattr(request, "path", "?"),
                 exc_info=(type(exc), exc, exc.__traceback__), extra={"status_code": 500, "request": request})
    # As Django's own handler does: error reporters (and the test client) hear of the exception.
    got_request_exception.send(sender=None, request=request)
    set_rollback()
    response = Response({"detail": server_error_detail()}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    response._has_been_logged = True  # Django would log the 500 again, without its traceback
    return response


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = _as_drf(exc)
    elif isinstance(exc, PermissionDenied) and exc.args and exc.args[0]:
        # A service's reason for a 403 (no sanctioning power on that day) is kept; DRF's own drops it.
        exc = exceptions.PermissionDenied(exc.args[0])
    elif isinstance(exc, RequestDataTooBig):  # Django's own limit on form bodies (DATA_UPLOAD_MAX_MEMORY_SIZE)
        exc = RequestTooLarge()
    elif isinstance(exc, Http404):
        # get_object_or_404 says "No Instrument matches the given query.": a class name, in English (issue 8).
        # Our selectors' field-keyed 404s ({"instrument": [...]}, already translated) are kept as they are.
        keyed = exc.args[0] if exc.args and isinstance(exc.args[0], dict) else None
        exc = exceptions.NotFound(keyed) if keyed else exceptions.NotFound()
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):  # Django's message is English, naming a setting
        exc = exceptions.ParseError(_("The request has more fields or files than this service accepts."))
    elif isinstance(exc, exceptions.ValidationError) and not isinstance(exc.detail, dict):
        # A bare list (DRF's search filter refusing a NUL) becomes the documented shape: an object.
        exc = exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: exc.detail})
    response = drf_exception_handler(exc, context)
    if response is None:
        response = _server_error(exc, context)
    return response

"""The JSON parser every endpoint uses: bounded nesting, and text that the database and the renderer can hold.

Issue 7 defect 7: 100,000 nested brackets made the standard parser raise RecursionError (a 500), and a lone
surrogate ("\\ud800") in a choice field was echoed into an error message that could not be encoded (a 500).
Both are refused here, once, for every field of every endpoint, with the field named.
"""

import io
import json

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.settings import api_settings


class RequestTooLarge(APIException):
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE (or UPLOAD_MAX_BYTES for files): a JSON 413."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is larger than this service accepts.")
    default_code = "request_too_large"


# No request body of this API nests deeper than 4 levels (a licence application's attachments); 32 leaves room.
MAX_JSON_DEPTH = 32


def text_problem(value: str) -> str | None:
    """Why a string cannot be stored as text (PostgreSQL refuses NUL; UTF-8 cannot encode a lone surrogate)."""
    if "\x00" in value:
        return _("Text may not contain the NUL character.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _("Text may not contain unpaired surrogate characters.")
    return None


def _field_of(path: tuple) -> str:
    return str(path[0]) if path and isinstance(path[0], str) else api_settings.NON_FIELD_ERRORS_KEY


def check_json_value(data) -> None:
    """Walk the parsed body without recursion: refuse deep nesting, and NUL or lone surrogates in any string."""
    stack = [(data, (), 1)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            message = _("JSON nested deeper than %(max)d levels.") % {"max": MAX_JSON_DEPTH}
            raise ValidationError({_field_of(path): [message]}) if path else ParseError(message)
        if isinstance(value, dict):
            for key, item in value.items():
                problem = text_problem(key)
                if problem:
                    raise ValidationError({_field_of(path): [problem]})
                stack.append((item, (*path, key), depth + 1))
        elif isinstance(value, list):
            stack.extend((item, (*path, index), depth + 1) for index, item in enumerate(value))
        elif isinstance(value, str):
            problem = text_problem(value)
            if problem:
                raise ValidationError({_field_of(path): [problem]})


def _not_json(error) -> ParseError:
    """DRF says "JSON parse error - " and Python's English reason: say where, in the caller's language."""
    if isinstance(error, json.JSONDecodeError):
        return ParseError(_("The body is not valid JSON (line %(line)s, column %(column)s).")
                          % {"line": error.lineno, "column": error.colno})
    return ParseError(_("The body is not valid JSON text in UTF-8."))


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser with a bound on nesting, a bound on size, and the text check above."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and stream is not None:
            body = stream.read(limit + 1)
            if len(body) > limit:
                raise RequestTooLarge
            stream = io.BytesIO(body)
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(_("JSON nested deeper than %(max)d levels.") % {"max": MAX_JSON_DEPTH}) from exc
        except ParseError as exc:
            raise _not_json(exc.__context__) from exc
        check_json_value(data)
        return data

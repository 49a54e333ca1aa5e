"""`Idempotency-Key` on every POST of the API: a retried request gets the first answer, not a second record.

A client that may retry (a tablet on a petrol station's forecourt, a script) sends a key of its choosing
with each POST. The first request with that key runs; its key is written in the same transaction as the
records it creates, with the answer. A later request with the same key from the same user gets that answer
again (`Idempotent-Replayed: true`), and one sent while the first is still running waits for it (the
unique key's index holds it) and then gets the same. The same key with another method, path or body is a
409. A request that failed (4xx/5xx) keeps nothing: retrying it runs it again. The one exception is an answer
marked `keeps_writes` (a licence application refused by its prerequisite checks is a 400 that records the
refused application): it is kept, with its key, and replayed like a success.
"""

import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from certificates.models import IdempotencyRecord
from config.exceptions import ConflictError

HEADER = "Idempotency-Key"
_KEY_CHARACTERS = frozenset(chr(code) for code in range(0x21, 0x7F))  # visible ASCII, as HTTP tokens are


class IdempotentPostMixin:
    """Put first among a viewset's bases: every POST it serves honours `Idempotency-Key`."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authenticates and checks permissions first
        key = request.headers.get(HEADER)
        if request.method == "POST" and key is not None and request.user.is_authenticated:
            _check_key(key)
            # DRF looks the handler up after initial(): wrap it so that it runs once per key.
            self.post = _once(self.post, key=key)


def _check_key(key: str) -> None:
    if not 1 <= len(key) <= 255 or not set(key) <= _KEY_CHARACTERS:
        raise ValidationError({HEADER: [_("An idempotency key is 1 to 255 visible ASCII characters.")]})


def _once(handler, *, key: str):
    def run(request, *args, **kwargs):
        fingerprint = _fingerprint(request)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = IdempotencyRecord.objects.create(user=request.user, key=key, fingerprint=fingerprint)
            except IntegrityError:  # the key was used: the first request has committed (we waited for it)
                return _replay(user=request.user, key=key, fingerprint=fingerprint)
            response = handler(request, *args, **kwargs)
            if not status.is_success(response.status_code) and not getattr(response, "keeps_writes", False):
                transaction.set_rollback(True)  # nothing is kept of a failed request, not even its key
                return response
            record.status_code = response.status_code
            record.response = json.loads(JSONRenderer().render(response.data) or b"null")
            record.save(update_fields=["status_code", "response"])
            return response
    return run


def _replay(*, user, key: str, fingerprint: str) -> Response:
    record = IdempotencyRecord.objects.get(user=user, key=key)
    if record.fingerprint != fingerprint:
        raise ConflictError({HEADER: [_("This idempotency key was already used for another request.")]})
    return Response(record.response, status=record.status_code, headers={"Idempotent-Replayed": "true"})


def _fingerprint(request) -> str:
    """SHA-256 of the method, path and body (files by their content), independent of key order."""
    data = request.data
    if hasattr(data, "lists"):  # a form or multipart body: values as lists, files by content
        data = {name: [_file_digest(value) if hasattr(value, "chunks") else value for value in values]
                for name, values in data.lists()}
    body = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode("utf-8", "surrogatepass")).hexdigest()


def _file_digest(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return f"{upload.name}:{digest.hexdigest()}"


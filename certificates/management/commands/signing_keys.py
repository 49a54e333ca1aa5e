"""`manage.py signing_keys list | rotate | revoke | demo`: the issuers' signing keys (issue 11)."""

import os

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from certificates.signing.keys import SigningKeyError, demo_root
from certificates.signing.models import SigningKey
from certificates.signing.services import signing_key_revoke, signing_key_rotate, signing_keys_demo


def _organizations():
    return apps.get_model(settings.ORGANIZATION_MODEL).objects


def _issuer(reference: str):
    """An organisation by id or tax code."""
    query = Q(tax_code=reference)
    if reference.isdigit():
        query |= Q(pk=int(reference))
    matches = list(_organizations().filter(query)[:2])
    if len(matches) != 1:
        raise CommandError(f"--issuer {reference}: no organisation has this id or tax code" if not matches
                           else f"--issuer {reference}: matches an id and a tax code; give the other")
    return matches[0]


def _message(exc: ValidationError) -> str:
    return "; ".join(f"{field}: {' '.join(errors)}" for field, errors in exc.message_dict.items()) \
        if hasattr(exc, "error_dict") else " ".join(exc.messages)


class Command(BaseCommand):
    help = "List, rotate, revoke the issuers' signing keys; `demo` gives every issuer without one a demo key."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="Every key: kid, issuer, status, dates, where it lives.")
        rotate = sub.add_parser("rotate", help="Retire the issuer's active key and make a new one active.")
        rotate.add_argument("--issuer", required=True, help="The organisation's id or tax code.")
        rotate.add_argument("--pkcs12", help="Import this PKCS#12 file (production); without it, a new demo key.")
        rotate.add_argument("--passphrase-env", help="The environment variable holding the file's passphrase "
                                                     "(default: DOCUMENT_SIGNING_PASSPHRASE's value).")
        rotate.add_argument("--pkcs11", help="A key on a PKCS#11 token: pkcs11:token=<label>;object=<key label>.")
        rotate.add_argument("--certificate", help="With --pkcs11: the PEM file of its certificate, then its chain "
                                                  "up to the root.")
        revoke = sub.add_parser("revoke", help="Revoke a key: its documents then say so.")
        revoke.add_argument("kid")
        revoke.add_argument("--reason", required=True)
        sub.add_parser("demo", help="Create the demo root and a demo key for every issuer that has no active key.")

    def handle(self, *args, action: str, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except ValidationError as exc:
            raise CommandError(_message(exc)) from exc
        except SigningKeyError as exc:
            raise CommandError(str(exc)) from exc

    def _list(self, **options):
        for key in SigningKey.objects.select_related("issuer").order_by("issuer__name", "active_from"):
            until = f"{key.active_until:%Y-%m-%d %H:%M}" if key.active_until else "-"
            self.stdout.write(f"{key.kid}  {key.status:8}  {key.active_from:%Y-%m-%d %H:%M} .. {until}  "
                              f"{key.issuer.name} [{key.issuer.pk}]  {key.source}"
                              + (f"  revoked: {key.revocation_reason}" if key.revocation_reason else ""))

    def _rotate(self, *, issuer: str, pkcs12: str | None, passphrase_env: str | None, pkcs11: str | None,
                certificate: str | None, **options):
        passphrase = None
        if passphrase_env:
            if passphrase_env not in os.environ:
                raise CommandError(f"--passphrase-env: {passphrase_env} is not set")
            passphrase = os.environ[passphrase_env].encode()
        for option, path in (("--pkcs12", pkcs12), ("--certificate", certificate)):
            if path and not os.path.isfile(path):
                raise CommandError(f"{option}: no file {path}")
        if pkcs12 and pkcs11:
            raise CommandError("--pkcs12 or --pkcs11, not both")
        key = signing_key_rotate(issuer=_issuer(issuer), pkcs12_file=pkcs12, passphrase=passphrase,
                                 pkcs11_uri=pkcs11, certificates_file=certificate)
        self.stdout.write(f"{key.issuer.name}: key {key.kid} is active ({key.source})")

    def _revoke(self, *, kid: str, reason: str, **options):
        key = signing_key_revoke(kid=kid, reason=reason)
        self.stdout.write(f"{key.kid} of {key.issuer.name} revoked: {key.revocation_reason}")

    def _demo(self, **options):
        demo_root()
        issuers = _organizations().filter(Q(kind__in=settings.DOCUMENT_ISSUER_KINDS)
                                          | Q(issued_documents__isnull=False)).distinct().order_by("pk")
        created = signing_keys_demo(issuers=issuers)
        for key in created:
            self.stdout.write(f"{key.issuer.name}: demo key {key.kid}")
        self.stdout.write(f"{len(created)} demo key(s) created; root at {settings.DOCUMENT_SIGNING['ROOT_CERT']}")

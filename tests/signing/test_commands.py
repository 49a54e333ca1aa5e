"""`manage.py signing_keys`: demo keys for the issuers, list, rotate, revoke."""

import io

import pytest
from django.core.management import CommandError, call_command

from certificates.signing.models import SigningKey, SigningKeyStatus
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("signing_keys", *args, stdout=out)
    return out.getvalue()


def test_demo_gives_each_issuing_organisation_one_key_and_none_to_businesses(verification_body, department,
                                                                             business_org):
    inspectorate = OrganizationFactory(kind="inspectorate", tax_code=None)

    output = _run("demo")
    again = _run("demo")

    assert {key.issuer for key in SigningKey.objects.all()} == {verification_body, department, inspectorate}
    assert "3 demo key(s) created" in output and "0 demo key(s) created" in again


def test_rotate_by_tax_code_then_revoke_by_kid_and_list_shows_both(verification_body):
    _run("demo")
    old = SigningKey.objects.get(issuer=verification_body)

    _run("rotate", "--issuer", verification_body.tax_code)
    _run("revoke", old.kid, "--reason", "Rotated after a leak")

    old.refresh_from_db()
    new = SigningKey.objects.get(issuer=verification_body, status=SigningKeyStatus.ACTIVE)
    assert old.status == SigningKeyStatus.REVOKED and old.revocation_reason == "Rotated after a leak"
    listing = _run("list")
    assert f"{old.kid}  revoked" in listing and f"{new.kid}  active" in listing


def test_rotate_without_a_file_when_demo_keys_are_off_is_refused(verification_body, settings):
    settings.DOCUMENT_SIGNING = {**settings.DOCUMENT_SIGNING, "DEMO_KEYS": False}

    with pytest.raises(CommandError, match="--pkcs12"):
        _run("rotate", "--issuer", str(verification_body.pk))

    assert not SigningKey.objects.exists()


def test_an_unknown_issuer_or_key_is_named(verification_body):
    with pytest.raises(CommandError, match="--issuer 999999"):
        _run("rotate", "--issuer", "999999")
    with pytest.raises(CommandError, match="No signing key 0123456789abcdef"):
        _run("revoke", "0123456789abcdef", "--reason", "x")

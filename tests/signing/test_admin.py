"""Signing keys in the admin: officers read them and their history; nobody adds, changes or deletes one there."""

import pytest

from certificates.signing.keys import issuer_key
from certificates.signing.models import SigningKey
from certificates.signing.services import signing_key_rotate

pytestmark = pytest.mark.django_db


def test_officers_read_the_keys_and_their_history_but_cannot_change_them(client, officer, verification_body):
    issuer_key(verification_body)
    signing_key_rotate(issuer=verification_body)
    retired = SigningKey.objects.get(issuer=verification_body, status="retired")
    client.force_login(officer)

    listing = client.get("/admin/certificates/signingkey/")
    history = client.get(f"/admin/certificates/signingkey/{retired.pk}/history/")

    assert listing.status_code == 200 and retired.kid in listing.content.decode()
    assert history.status_code == 200
    assert [row.status for row in retired.history.order_by("history_date")] == ["active", "retired"]
    assert client.get("/admin/certificates/signingkey/add/").status_code == 403
    assert client.post(f"/admin/certificates/signingkey/{retired.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/certificates/signingkey/{retired.pk}/change/", {"status": "active"}).status_code == 403
    assert SigningKey.objects.get(pk=retired.pk).status == "retired"

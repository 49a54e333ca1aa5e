"""The published keys file: its shape, keys that decode to the certificates' and chains that verify to the root;
served to anyone, read only, cacheable."""

import base64

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from certificates.signing.keys import issuer_key
from certificates.signing.published import keys_file
from certificates.signing.services import signing_key_revoke, signing_key_rotate

pytestmark = pytest.mark.django_db

KEY_FIELDS = {"kid", "kty", "crv", "alg", "x", "y", "x5c", "issuer", "not_before", "not_after", "active_from",
              "active_until", "status", "revoked_at", "revocation_reason"}
URLS = ["/.well-known/document-keys.json", "/api/v1/signing-keys"]


def _b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _certificate(b64: str) -> x509.Certificate:
    return x509.load_der_x509_certificate(base64.b64decode(b64))


def test_the_keys_file_lists_each_key_with_its_public_key_and_a_chain_to_the_root(verification_body, department):
    issuer_key(verification_body)
    issuer_key(department)

    published = keys_file()

    assert set(published) == {"version", "generated_at", "roots", "keys"} and published["version"] == 1
    [root_entry] = published["roots"]
    root = _certificate(root_entry["x5c"][0])
    assert "DEMO" in root_entry["subject"] and root_entry["subject"] == root.subject.rfc4514_string()
    assert [key["issuer"] for key in published["keys"]] == [
        {"name": verification_body.name, "tax_code": verification_body.tax_code},
        {"name": department.name, "tax_code": department.tax_code or ""}]
    for entry in published["keys"]:
        assert set(entry) == KEY_FIELDS
        assert (entry["kty"], entry["crv"], entry["alg"], entry["status"]) == ("EC", "P-256", "ES256", "active")
        certificate, chain_root = (_certificate(item) for item in entry["x5c"])
        assert chain_root == root
        certificate.verify_directly_issued_by(chain_root)
        public = ec.EllipticCurvePublicNumbers(int.from_bytes(_b64url(entry["x"])),
                                               int.from_bytes(_b64url(entry["y"])), ec.SECP256R1())
        assert public.public_key() == certificate.public_key()
        assert len(_b64url(entry["x"])) == len(_b64url(entry["y"])) == 32
        assert entry["kid"] == issuer_key(verification_body if entry["issuer"]["name"] == verification_body.name
                                          else department).kid.hex()
        assert entry["not_after"] == certificate.not_valid_after_utc.isoformat()
        assert entry["active_until"] is entry["revoked_at"] is None and entry["revocation_reason"] == ""


def test_rotated_and_revoked_keys_stay_published_with_their_status(verification_body):
    first = issuer_key(verification_body).kid.hex()
    second = signing_key_rotate(issuer=verification_body).kid
    signing_key_revoke(kid=second, reason="Compromised")
    third = signing_key_rotate(issuer=verification_body).kid

    published = {entry["kid"]: entry for entry in keys_file()["keys"]}

    assert [published[kid]["status"] for kid in (first, second, third)] == ["retired", "revoked", "active"]
    assert published[first]["active_until"] is not None and published[first]["revoked_at"] is None
    assert published[second]["revocation_reason"] == "Compromised" and published[second]["revoked_at"]
    assert published[third]["active_until"] is None


@pytest.mark.parametrize("url", URLS)
def test_anyone_reads_the_keys_and_may_cache_them_for_five_minutes(api_client, verification_body, url):
    kid = issuer_key(verification_body).kid.hex()

    response = api_client.get(url)

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "max-age=300" in response["Cache-Control"] and response["Access-Control-Allow-Origin"] == "*"
    assert [entry["kid"] for entry in response.json()["keys"]] == [kid]


def test_both_addresses_give_the_same_keys(api_client, verification_body):
    issuer_key(verification_body)

    first, second = (api_client.get(url).json() for url in URLS)

    assert {**first, "generated_at": None} == {**second, "generated_at": None}


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_keys_cannot_be_written(api_client, client_for, officer, url, method):
    for client in (api_client, client_for(officer)):
        response = getattr(client, method)(url, {}, format="json")

        assert response.status_code == 405


def test_the_schema_documents_the_published_keys(api_client):
    schema = api_client.get("/api/schema/?format=json").json()

    operation = schema["paths"]["/api/v1/signing-keys"]["get"]
    assert operation["security"] == [{}] or not operation.get("security")
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][reference]["properties"]) == {"version", "generated_at", "roots",
                                                                             "keys"}
    assert "/.well-known/document-keys.json" not in schema["paths"]


def test_the_keys_file_costs_one_query_however_many_keys(verification_body, department, django_assert_num_queries):
    issuer_key(verification_body)
    with django_assert_num_queries(1):
        keys_file()
    signing_key_rotate(issuer=verification_body)
    issuer_key(department)

    with django_assert_num_queries(1):
        assert len(keys_file()["keys"]) == 3

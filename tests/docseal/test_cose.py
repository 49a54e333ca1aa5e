"""The signed statement: claims in CBOR, COSE_Sign1 with ES256, and one changed fact failing the signature."""

import dataclasses
import hashlib
from datetime import date

import pytest

from docseal import cbor, cose
from docseal.claims import Claims, ClaimsError
from tests.docseal.conftest import CLAIMS

HASHED = CLAIMS.with_hash(hashlib.sha256(b"rendered pdf").digest())


def test_claims_round_trip_and_wire_format():
    encoded = HASHED.to_cbor()
    assert Claims.from_cbor(encoded) == HASHED
    item = cbor.loads(encoded)
    assert list(item) == list(range(1, 10))
    assert item[7] == 20260301 and item[8] == 20270228 and item[9] == HASHED.content_sha256
    assert item[3] == "KĐ-2026/000123"
    no_expiry = dataclasses.replace(HASHED, valid_until=None)
    assert cbor.loads(no_expiry.to_cbor())[8] is None
    assert Claims.from_cbor(no_expiry.to_cbor()).valid_until is None


def test_claims_json_is_readable():
    assert HASHED.to_json(kid=bytes.fromhex("0011223344556677")) == {
        "version": 1, "kind": "verification_certificates", "number": "KĐ-2026/000123", "year": 2026,
        "subject": "SN-2026-ABCDEFGH-123", "owner_tax_code": "0312345678001", "issued_on": "2026-03-01",
        "valid_until": "2027-02-28", "content_sha256": HASHED.content_sha256.hex(), "kid": "0011223344556677",
    }


def test_claims_reject_malformed():
    with pytest.raises(ClaimsError):
        CLAIMS.to_cbor()  # no hash yet
    with pytest.raises(ClaimsError):
        Claims.from_cbor(cbor.dumps({1: 1, 2: "x"}))
    bad_date = cbor.loads(HASHED.to_cbor()) | {7: 20261301}
    with pytest.raises(ClaimsError):
        Claims.from_cbor(cbor.dumps(bad_date))


def test_sign1_round_trip(demo):
    signer = demo.key_a
    data = cose.sign1(HASHED.to_cbor(), kid=signer.kid, sign=signer.sign_es256)
    tag = cbor.loads(data)
    assert tag.number == 18 and tag.value[1] == {} and len(tag.value[3]) == 64
    assert cbor.loads(tag.value[0]) == {1: -7, 4: signer.kid}
    kid, payload, to_be_signed, signature = cose.open1(data)
    assert kid == signer.kid and len(kid) == 8
    assert to_be_signed == cbor.dumps(["Signature1", tag.value[0], b"", payload])
    assert cose.verify_es256(signer.certificate.public_key(), to_be_signed, signature)
    assert Claims.from_cbor(payload) == HASHED
    # another key does not verify it
    assert not cose.verify_es256(demo.key_b.certificate.public_key(), to_be_signed, signature)


@pytest.mark.parametrize("change", [
    {"number": "KĐ-2026/000124"}, {"subject": "SN-2026-ABCDEFGH-124"}, {"owner_tax_code": "0312345678002"},
    {"valid_until": date(2028, 2, 28)}, {"content_sha256": bytes(32)},
])
def test_one_changed_fact_fails(demo, change):
    signer = demo.key_a
    data = cose.sign1(HASHED.to_cbor(), kid=signer.kid, sign=signer.sign_es256)
    tag = cbor.loads(data)
    forged_payload = dataclasses.replace(HASHED, **change).to_cbor()
    forged = cbor.dumps(cbor.Tag(18, [tag.value[0], {}, forged_payload, tag.value[3]]))
    _kid, payload, to_be_signed, signature = cose.open1(forged)
    assert Claims.from_cbor(payload) != HASHED
    assert not cose.verify_es256(signer.certificate.public_key(), to_be_signed, signature)


def test_open1_rejects_other_structures():
    with pytest.raises(cose.COSEError):
        cose.open1(cbor.dumps(cbor.Tag(98, [b"", {}, b"", b""])))
    with pytest.raises(cose.COSEError):
        cose.open1(cbor.dumps([cbor.dumps({1: -8, 4: b"12345678"}), {}, b"x", bytes(64)]))
    with pytest.raises(cose.COSEError):
        cose.open1(b"\xff")

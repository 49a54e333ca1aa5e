"""docseal.cbor against RFC 8949 Appendix A, and its deterministic (§4.2.1) encoding."""

import pytest

from docseal.cbor import CBORError, Tag, dumps, loads

# (value, hex) from RFC 8949 Appendix A: every vector in the subset docseal.cbor supports.
VECTORS = [
    (0, "00"), (1, "01"), (10, "0a"), (23, "17"), (24, "1818"), (25, "1819"), (100, "1864"), (1000, "1903e8"),
    (1000000, "1a000f4240"), (1000000000000, "1b000000e8d4a51000"),
    (18446744073709551615, "1bffffffffffffffff"), (-18446744073709551616, "3bffffffffffffffff"),
    (-1, "20"), (-10, "29"), (-100, "3863"), (-1000, "3903e7"),
    (False, "f4"), (True, "f5"), (None, "f6"),
    (Tag(2, bytes.fromhex("010000000000000000")), "c249010000000000000000"),
    (Tag(0, "2013-03-21T20:04:00Z"), "c074323031332d30332d32315432303a30343a30305a"),
    (Tag(1, 1363896240), "c11a514b67b0"),
    (Tag(23, bytes.fromhex("01020304")), "d74401020304"),
    (Tag(24, bytes.fromhex("6449455446")), "d818456449455446"),
    (Tag(32, "http://www.example.com"), "d82076687474703a2f2f7777772e6578616d706c652e636f6d"),
    (b"", "40"), (bytes.fromhex("01020304"), "4401020304"),
    ("", "60"), ("a", "6161"), ("IETF", "6449455446"), ('"\\', "62225c"), ("\u00fc", "62c3bc"),
    ("\u6c34", "63e6b0b4"), ("\U00010151", "64f0908591"),
    ([], "80"), ([1, 2, 3], "83010203"), ([1, [2, 3], [4, 5]], "8301820203820405"),
    (list(range(1, 26)), "98190102030405060708090a0b0c0d0e0f101112131415161718181819"),
    ({}, "a0"), ({1: 2, 3: 4}, "a201020304"), ({"a": 1, "b": [2, 3]}, "a26161016162820203"),
    (["a", {"b": "c"}], "826161a161626163"),
    ({"a": "A", "b": "B", "c": "C", "d": "D", "e": "E"}, "a56161614161626142616361436164614461656145"),
]


@pytest.mark.parametrize(("value", "encoded"), VECTORS, ids=[v[1][:24] for v in VECTORS])
def test_rfc8949_appendix_a(value, encoded):
    assert dumps(value).hex() == encoded
    assert loads(bytes.fromhex(encoded)) == value


def test_map_keys_sorted_by_their_encoding():
    # §4.2.1: 10 (0x0a) < 100 (0x1864) < -1 (0x20) < "z" (0x617a) < "aa" (0x626161)
    assert dumps({"aa": 1, "z": 2, -1: 3, 100: 4, 10: 5}).hex() == "a50a051864042003617a02626161" + "01"


def test_non_shortest_integer_decodes_but_encodes_shortest():
    assert loads(bytes.fromhex("1b0000000000000001")) == 1
    assert dumps(1) == b"\x01"


@pytest.mark.parametrize("encoded", [
    "0001",  # trailing byte
    "5f42010243030405ff",  # indefinite-length byte string
    "f90000",  # half float
    "fb3ff199999999999a",  # double
    "f7",  # undefined
    "a201020103",  # duplicate map key
    "62c3",  # truncated text
    "62c328",  # invalid UTF-8
])
def test_rejects(encoded):
    with pytest.raises(CBORError):
        loads(bytes.fromhex(encoded))


def test_rejects_integers_beyond_64_bits():
    with pytest.raises(CBORError):
        dumps(2**64)
    with pytest.raises(CBORError):
        dumps(1.5)

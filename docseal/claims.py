"""The signed statement of a document's essential facts (the payload of the QR code's COSE_Sign1).

Wire format: a deterministic CBOR map (docseal.cbor) with integer keys 1..9, all present, nothing else:

    1  version         uint, 1
    2  kind            tstr, the document kind's code (e.g. "verification_certificate")
    3  number          tstr, the document's number as printed (e.g. "KĐ-2026/000123")
    4  year            uint, the numbering year
    5  subject         tstr, the instrument's serial number, or the licensee's / violator's name
    6  owner_tax_code  tstr, the owner's tax code, "" when there is none
    7  issued_on       uint, the issue date as the decimal number YYYYMMDD (2026-03-01 -> 20260301)
    8  valid_until     uint YYYYMMDD, or null when the document does not expire
    9  content_sha256  bstr (32 bytes), SHA-256 of the PDF's first revision (the renderer's bytes, before sealing)

The map is sorted by key and every integer is in its shortest form, so the same facts always give the same bytes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from docseal import cbor

__all__ = ["Claims", "ClaimsError"]

VERSION = 1


class ClaimsError(ValueError):
    """The CBOR is not a version-1 statement."""


def _date_to_int(value: date) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def _int_to_date(value) -> date:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ClaimsError("a date must be an unsigned integer YYYYMMDD")
    try:
        return date(value // 10000, value // 100 % 100, value % 100)
    except ValueError as error:
        raise ClaimsError(f"{value} is not a date YYYYMMDD") from error


@dataclass(frozen=True)
class Claims:
    """The facts a document's seal signs. `content_sha256` is b"" until the sealer fills it in."""

    kind: str
    number: str
    year: int
    subject: str
    owner_tax_code: str
    issued_on: date
    valid_until: date | None
    content_sha256: bytes = b""
    version: int = VERSION

    def with_hash(self, content_sha256: bytes) -> Claims:
        return dataclasses.replace(self, content_sha256=content_sha256)

    def to_cbor(self) -> bytes:
        if len(self.content_sha256) != 32:
            raise ClaimsError("content_sha256 must be 32 bytes")
        return cbor.dumps({
            1: self.version,
            2: self.kind,
            3: self.number,
            4: self.year,
            5: self.subject,
            6: self.owner_tax_code,
            7: _date_to_int(self.issued_on),
            8: _date_to_int(self.valid_until) if self.valid_until else None,
            9: self.content_sha256,
        })

    @classmethod
    def from_cbor(cls, data: bytes) -> Claims:
        try:
            item = cbor.loads(data)
        except cbor.CBORError as error:
            raise ClaimsError(f"the statement is not CBOR: {error}") from error
        if not isinstance(item, dict) or set(item) != set(range(1, 10)):
            raise ClaimsError("the statement must be a CBOR map with the keys 1..9")
        if item[1] != VERSION:
            raise ClaimsError(f"unknown statement version {item[1]!r}")
        texts = {key: item[key] for key in (2, 3, 5, 6)}
        if not all(isinstance(value, str) for value in texts.values()):
            raise ClaimsError("kind, number, subject and owner_tax_code must be text")
        if not isinstance(item[4], int) or isinstance(item[4], bool) or item[4] < 0:
            raise ClaimsError("year must be an unsigned integer")
        if not isinstance(item[9], bytes) or len(item[9]) != 32:
            raise ClaimsError("content_sha256 must be 32 bytes")
        return cls(
            version=item[1], kind=item[2], number=item[3], year=item[4], subject=item[5],
            owner_tax_code=item[6], issued_on=_int_to_date(item[7]),
            valid_until=None if item[8] is None else _int_to_date(item[8]), content_sha256=item[9],
        )

    def to_json(self, kid: bytes | None = None) -> dict:
        """The readable form: ISO dates, the hash in lowercase hex, and the signing key's id when given."""
        result = {
            "version": self.version,
            "kind": self.kind,
            "number": self.number,
            "year": self.year,
            "subject": self.subject,
            "owner_tax_code": self.owner_tax_code,
            "issued_on": self.issued_on.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "content_sha256": self.content_sha256.hex(),
        }
        if kid is not None:
            result["kid"] = kid.hex()
        return result

"""Minimal deterministic CBOR (RFC 8949), enough for the signed statement in a document's QR code.

Encoding follows RFC 8949 §4.2.1 (core deterministic encoding): every integer, length and tag in its shortest
form, definite lengths only, and map keys sorted by the bytewise order of their encodings. Supported items:

- unsigned integers (major type 0) and negative integers (major type 1) in -2**64 .. 2**64 - 1;
- byte strings (major type 2) as `bytes`, text strings (major type 3, UTF-8) as `str`;
- arrays (major type 4) as `list` (tuples encode as arrays too), maps (major type 5) as `dict`;
- false / true / null (simple values 20, 21, 22) as `False` / `True` / `None`;
- tags (major type 6) as `Tag(number, value)`; COSE_Sign1 uses tag 18.

The decoder accepts exactly what the encoder writes, plus non-shortest integer forms and unsorted maps as
RFC 8949's Appendix A shows them; it rejects indefinite lengths, floats, other simple values, trailing bytes
and duplicate map keys with `CBORError`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

__all__ = ["CBORError", "Tag", "dumps", "loads"]


class CBORError(ValueError):
    """The bytes are not CBOR this module understands, or the value cannot be encoded."""


@dataclass(frozen=True)
class Tag:
    """A tagged data item: tag `number` applied to `value`."""

    number: int
    value: Any


def _head(major: int, argument: int) -> bytes:
    """The initial byte(s) of a data item: major type in the top 3 bits, argument in its shortest form."""
    if argument < 24:
        return bytes([major << 5 | argument])
    if argument < 0x100:
        return bytes([major << 5 | 24, argument])
    if argument < 0x10000:
        return bytes([major << 5 | 25]) + struct.pack(">H", argument)
    if argument < 0x100000000:
        return bytes([major << 5 | 26]) + struct.pack(">I", argument)
    if argument < 0x10000000000000000:
        return bytes([major << 5 | 27]) + struct.pack(">Q", argument)
    raise CBORError(f"integer {argument} does not fit in 64 bits")


def _encode(value: Any, out: list[bytes]) -> None:
    if value is False:
        out.append(b"\xf4")
    elif value is True:
        out.append(b"\xf5")
    elif value is None:
        out.append(b"\xf6")
    elif isinstance(value, int):
        out.append(_head(0, value) if value >= 0 else _head(1, -1 - value))
    elif isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        out.append(_head(2, len(data)))
        out.append(data)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        out.append(_head(3, len(data)))
        out.append(data)
    elif isinstance(value, list | tuple):
        out.append(_head(4, len(value)))
        for item in value:
            _encode(item, out)
    elif isinstance(value, dict):
        pairs = sorted((dumps(key), dumps(item)) for key, item in value.items())
        out.append(_head(5, len(pairs)))
        for key, item in pairs:
            out.append(key)
            out.append(item)
    elif isinstance(value, Tag):
        out.append(_head(6, value.number))
        _encode(value.value, out)
    else:
        raise CBORError(f"cannot encode {type(value).__name__}")


def dumps(value: Any) -> bytes:
    """Encode value as deterministic CBOR (RFC 8949 §4.2.1)."""
    out: list[bytes] = []
    _encode(value, out)
    return b"".join(out)


class _Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def take(self, count: int) -> bytes:
        end = self.pos + count
        if end > len(self.data):
            raise CBORError("truncated CBOR")
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk

    def argument(self, info: int) -> int:
        if info < 24:
            return info
        if info == 24:
            return self.take(1)[0]
        if info == 25:
            return struct.unpack(">H", self.take(2))[0]
        if info == 26:
            return struct.unpack(">I", self.take(4))[0]
        if info == 27:
            return struct.unpack(">Q", self.take(8))[0]
        raise CBORError("indefinite lengths and reserved additional information are not supported")

    def item(self, depth: int = 0) -> Any:
        if depth > 32:
            raise CBORError("CBOR nested too deeply")
        initial = self.take(1)[0]
        major, info = initial >> 5, initial & 0x1F
        if major == 7:
            simple = {20: False, 21: True, 22: None}
            if info in simple:
                return simple[info]
            raise CBORError(f"unsupported simple value or float (0x{initial:02x})")
        argument = self.argument(info)
        if major == 0:
            return argument
        if major == 1:
            return -1 - argument
        if major == 2:
            return self.take(argument)
        if major == 3:
            try:
                return self.take(argument).decode("utf-8")
            except UnicodeDecodeError as error:
                raise CBORError("text string is not UTF-8") from error
        if major == 4:
            return [self.item(depth + 1) for _ in range(argument)]
        if major == 5:
            result: dict = {}
            for _ in range(argument):
                key = self.item(depth + 1)
                if isinstance(key, list | dict):
                    raise CBORError("map keys must be integers or strings")
                if key in result:
                    raise CBORError(f"duplicate map key {key!r}")
                result[key] = self.item(depth + 1)
            return result
        return Tag(argument, self.item(depth + 1))  # major == 6


def loads(data: bytes) -> Any:
    """Decode exactly one CBOR data item; trailing bytes are an error."""
    reader = _Reader(bytes(data))
    value = reader.item()
    if reader.pos != len(reader.data):
        raise CBORError("trailing bytes after the CBOR item")
    return value

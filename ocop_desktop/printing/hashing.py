"""Content hash of the data a form was printed from.

The QR code on every page carries the first 16 hex digits of this hash, so a signed paper copy
can be matched to the exact record state it was printed from: recompute the hash from the
record and compare. Canonical form: {"type": <DTO class name>, "data": <fields>} serialised as
JSON with keys sorted, no spaces, UTF-8, non-ASCII as itself; dates as ISO 8601, enums as
their values, tuples as arrays, strings NFC.

A field marked `NOT_HASHED` is left out. Only a field added to a DTO after its form was first printed
may be, and only when the record the QR code names (id and revision) fixes its value anyway: leaving
it out keeps the hash of every paper printed before the field existed (see docs/printing.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import unicodedata
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from ocop_desktop.domain.rules.model import Sheet

SHORT_HASH_LEN = 16
NOT_HASHED: Mapping[str, bool] = MappingProxyType({"hashed": False})  # `dataclasses.field(metadata=...)`


def _plain(value: Any) -> Any:
    if isinstance(value, Sheet):
        # A sheet is pinned by its rule set's content hash; hashing its whole tree again would
        # cost time and say nothing more.
        return {"ruleset": value.ruleset_id, "ruleset_hash": value.ruleset_hash, "set": value.number}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.metadata.get("hashed", True)
        }
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 3.0 and 3 print the same, so they must hash the same
    return value


def canonical_json(dto: Any) -> bytes:
    document = {"type": type(dto).__name__, "data": _plain(dto)}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(dto: Any) -> str:
    """SHA-256 (lower-case hex) of the canonical JSON of a DTO."""
    return hashlib.sha256(canonical_json(dto)).hexdigest()

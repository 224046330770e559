"""Canonical JSON and the content hash of a rule set.

The hash pins every score to the exact rules it was computed with, so it must not depend on
how the file happens to be formatted. Canonical form: the document without its
``content_hash`` member, serialised with keys sorted, no insignificant white space, non-ASCII
characters written as themselves, UTF-8. For the values a rule file may hold (NFC strings,
integers, booleans, null, arrays, objects with ASCII keys) this equals RFC 8785 (JCS), so
other tools can recompute it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

HASH_FIELD = "content_hash"


def canonical_bytes(document: dict[str, Any]) -> bytes:
    content = {k: v for k, v in document.items() if k != HASH_FIELD}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(document: dict[str, Any]) -> str:
    """SHA-256 (lower-case hex) of the canonical form of the document."""
    return hashlib.sha256(canonical_bytes(document)).hexdigest()


def dumps(document: dict[str, Any]) -> str:
    """The on-disk layout of a rule file: readable, stable, key order as built, UTF-8 text."""
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"

"""Canonical JSON and the content hashes of a rule set.

The hash pins every score to the exact rules it was computed with, so it must not depend on
how the file happens to be formatted. Canonical form: the document without its
``content_hash`` member, serialised with keys sorted, no insignificant white space, non-ASCII
characters written as themselves, UTF-8. For the values a rule file may hold (NFC strings,
integers, booleans, null, arrays, objects with ASCII keys) this equals RFC 8785 (JCS), so
other tools can recompute it.

The ``procedure`` section (format 2) is left out of the document's hash and carries a hash of its
own, computed the same way over the section. Why: every dossier and score sheet made by earlier
releases pins the hash of the document as it was before the section existed; leaving the section
out keeps those records, and the packages that name them, valid. A change of procedure is a new
rule-set id (resources/rulesets/README.md), so the id a record pins still tells which procedure
it followed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

HASH_FIELD = "content_hash"
PROCEDURE_FIELD = "procedure"


def canonical_bytes(document: dict[str, Any], *, leave_out: frozenset[str] = frozenset()) -> bytes:
    content = {k: v for k, v in document.items() if k != HASH_FIELD and k not in leave_out}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(document: dict[str, Any]) -> str:
    """SHA-256 (lower-case hex) of the canonical form of the document, without its procedure."""
    return hashlib.sha256(canonical_bytes(document, leave_out=frozenset({PROCEDURE_FIELD}))).hexdigest()


def procedure_hash(procedure: dict[str, Any]) -> str:
    """SHA-256 (lower-case hex) of the canonical form of a procedure section."""
    return hashlib.sha256(canonical_bytes(procedure)).hexdigest()


def dumps(document: dict[str, Any]) -> str:
    """The on-disk layout of a rule file: readable, stable, key order as built, UTF-8 text."""
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"

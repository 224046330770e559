"""The legal bases of certificates (`resources/legal_bases.json`), read once and kept."""

from __future__ import annotations

import json
from functools import lru_cache

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.register.legal_bases import LegalBases, parse_legal_bases
from ocop_desktop.paths import resource


@lru_cache(maxsize=1)
def legal_bases() -> LegalBases:
    path = resource("legal_bases.json")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"Không đọc được tệp căn cứ pháp lý {path.name} ({exc}).") from exc
    return parse_legal_bases(doc)

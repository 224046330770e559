"""The legal bases of certificates (`resources/legal_bases.json`), the bodies that issued them by period
(`issuing_bodies.json`) and the re-evaluation rules (`reevaluation.json`), read once and kept."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.issuing_bodies import IssuingBodies, parse_issuing_bodies
from ocop_desktop.domain.reevaluation import ReevaluationRules, parse_reevaluation_rules
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


@lru_cache(maxsize=1)
def issuing_bodies() -> IssuingBodies:
    """Who recognised at each level, and when (`resources/issuing_bodies.json`)."""
    return parse_issuing_bodies(_read("issuing_bodies.json"))


@lru_cache(maxsize=1)
def reevaluation_rules_by_ruleset() -> dict[str, ReevaluationRules]:
    return parse_reevaluation_rules(_read("reevaluation.json"))


def reevaluation_rules(ruleset_id: str) -> ReevaluationRules:
    """The grace and completion limit of re-evaluations under `ruleset_id` (`resources/reevaluation.json`);
    for an id the file does not name (an erratum's new id), those of its latest entry."""
    rules = reevaluation_rules_by_ruleset()
    return rules.get(ruleset_id) or list(rules.values())[-1]


def _read(name: str) -> dict[str, Any]:
    path = resource(name)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"Không đọc được tệp dữ liệu {path.name} ({exc}).") from exc
    if not isinstance(doc, dict):
        raise UserError(f"Tệp dữ liệu {path.name} không đúng định dạng.")
    return doc

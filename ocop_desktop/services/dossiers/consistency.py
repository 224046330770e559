"""One producer, one set of facts, seen from a dossier: what in its Mẫu 02 and self-assessment the
producer's record contradicts (`domain.producer_facts.contradictions`, warnings with the field named),
and which of the producer's own facts the officer changed here — offered back to the record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select

from ocop_desktop.domain.errors import NotFoundError, UserError
from ocop_desktop.domain.producer_facts import (
    ConsistencyRules,
    Contradiction,
    contradictions,
    field_label,
    parse_rules,
    profile_changes,
    profile_from_forms,
)
from ocop_desktop.paths import resource
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.registry.profile import registry_facts, store_facts
from ocop_desktop.store.models import Dossier, Producer, ProducerProfile, Product, ScoreSheet

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class FactChange:
    key: str
    label: str
    recorded: Any  # on the producer's record (None: not recorded yet)
    here: Any  # in this dossier's Mẫu 02


@dataclass(frozen=True)
class ConsistencyView:
    producer_id: str
    contradictions: tuple[Contradiction, ...]
    changes: tuple[FactChange, ...]


@lru_cache(maxsize=1)
def _rules_file() -> dict[str, Any]:
    path = resource("producer_consistency.json")
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"Không đọc được tệp {path.name} ({exc}).") from exc
    return data


def consistency_rules(ruleset_id: str) -> ConsistencyRules:
    """The rules of `ruleset_id`; an id the file does not name (an erratum's) takes its latest entry."""
    data = _rules_file()
    named = data.get("rulesets", {})
    if ruleset_id not in named and named:
        ruleset_id = list(named)[-1]
    return parse_rules(data, ruleset_id)


def read_consistency(s: Session, d: Dossier) -> ConsistencyView:
    # the producer, its kept facts and the self-assessment in one statement: on a server desk every
    # statement is a round trip, and the dossier window asks this each time it opens
    found = s.execute(
        select(Producer, ProducerProfile, ScoreSheet)
        .join(Product, Product.producer_id == Producer.id)
        .outerjoin(ProducerProfile, ProducerProfile.producer_id == Producer.id)
        .outerjoin(ScoreSheet, and_(ScoreSheet.dossier_id == d.id, ScoreSheet.kind == "self"))
        .where(Product.id == d.product_id)
    ).first()
    if found is None:
        raise NotFoundError("Không tìm thấy chủ thể của hồ sơ.")
    producer, profile, sheet = found
    answers = dict(sheet.answers) if sheet else {}
    rules = consistency_rules(d.ruleset_id)
    found_now = contradictions(registry_facts(producer), d.forms, answers, rules, _labels(d, rules))
    changes = profile_changes(dict(profile.facts) if profile else {}, d.forms)
    return ConsistencyView(
        producer.id,
        tuple(found_now),
        tuple(FactChange(k, field_label(k), old, new) for k, (old, new) in changes.items()),
    )


def _labels(d: Dossier, rules: ConsistencyRules) -> tuple[str, ...]:
    """The options of the organisation-type criterion on the dossier's own sheet (none if unknown)."""
    try:
        sheet = RuleService().sheet(d.product_set, d.ruleset_id)
        if not rules.kind_criterion or not sheet.has_criterion(rules.kind_criterion):
            return ()
        return tuple(o.label for o in sheet.criterion(rules.kind_criterion).options)
    except UserError:  # a rule set this machine does not hold: the option is named by its number
        return ()


class ConsistencyService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def check(self, dossier_id: str) -> ConsistencyView:
        with self._ctx.read() as s:
            return read_consistency(s, _dossier(s, dossier_id))

    def take_back(self, dossier_id: str, keys: list[str] | None = None) -> ConsistencyView:
        """Write this dossier's producer facts (all of them, or `keys`) to the producer's record."""
        with self._ctx.unit_of_work() as s:
            d = _dossier(s, dossier_id)
            facts = profile_from_forms(d.forms)
            chosen = facts if keys is None else {k: v for k, v in facts.items() if k in keys}
            view = read_consistency(s, d)
            store_facts(s, view.producer_id, chosen, self._ctx.officer_id)
        return self.check(dossier_id)


def _dossier(s: Session, dossier_id: str) -> Dossier:
    d = s.get(Dossier, dossier_id)
    if d is None:
        raise NotFoundError("Không tìm thấy hồ sơ.")
    return d

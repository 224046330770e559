"""Properties of validation before writing (issue 19).

- The record validator, fed a real record with any value of any JSON type put anywhere (or a key
  removed, or any JSON at all), either returns a record the store can take — every row through
  `records.json_values` gives values of its columns' Python types — or raises `PackageRefused`.
- Well-signed packages from the trusted commune carrying such records are either imported or
  refused with the province's database, blob store and data folder unchanged.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String

from helpers.record_surgery import Surgeon, make_surgeon, snapshot
from helpers.sync import Pair
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.format import canonical_json
from ocop_desktop.ocoppkg.limits import INT_LIMIT
from ocop_desktop.services.sync.incoming import valid_record
from ocop_desktop.services.sync.records import json_values, part_hash
from ocop_desktop.services.sync.schema import RuleCatalog
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.base import Base
from ocop_desktop.store.models import (
    Attachment,
    ChecklistItem,
    Dossier,
    DossierEvent,
    Producer,
    Product,
    ScoreSheet,
)

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(1 << 70), 1 << 70)
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.sampled_from(["2026-11-20", "2026-02-30", "2026-11-20T10:00:00", "qd26-2026", "sent", "self", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
_cache: dict[str, Any] = {}


def paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in a record, containers and leaves."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += paths(v, (*prefix, i))
    return out


def like(value: Any) -> st.SearchStrategy[Any]:
    """Values of the same JSON type as `value` (so that many mutations stay plausible)."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(-(1 << 64), 1 << 64) | st.integers(-3, 30)
    if isinstance(value, float):
        return st.floats(allow_nan=False)
    if isinstance(value, str):
        return st.text(max_size=300) | st.sampled_from(["", "x" * 255, value[:-1], value.upper()])
    return JSON_VALUES


@st.composite
def mutations(draw: st.DrawFn, record: dict[str, Any]) -> dict[str, Any]:
    """The record with one to three changes: a value replaced by one of its type or by any JSON, a
    key removed, an unknown key added."""
    rec = json.loads(json.dumps(record))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(rec)[1:]))
        *parents, last = where
        node: Any = rec
        try:
            for step in parents:
                node = node[step]
            action = draw(st.sampled_from(["like", "like", "like", "any", "drop", "add"]))
            if action == "drop" and isinstance(node, dict):
                del node[last]
            elif action == "add" and isinstance(node, dict):
                node[draw(st.text(min_size=1, max_size=6))] = draw(JSON_VALUES)
            else:
                node[last] = draw(like(node[last]) if action == "like" else JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced that place
    if draw(st.integers(0, 4)):  # mostly an honest hash: reach the checks after it
        try:
            rec["hash"] = part_hash(rec["part"], rec["data"])
        except Exception:  # noqa: BLE001 - the data no longer hashes: keep the old hash
            pass
    return rec


ROWS: list[tuple[type[Base], Any]] = [
    (Dossier, lambda d: [d["dossier"]]),
    (Producer, lambda d: [d["producer"]]),
    (Product, lambda d: [d["product"]]),
    (ChecklistItem, lambda d: d["checklist"]),
    (Attachment, lambda d: d["attachments"]),
    (ScoreSheet, lambda d: [d["self_assessment"]] if d["self_assessment"] else []),
]
PYTHON_TYPES = [(Boolean, bool), (Integer, int), (Float, (int, float)), (DateTime, datetime), (Date, date)]


def assert_writable(rec: dict[str, Any]) -> None:
    """What the importer does with an accepted record works, with values the columns can hold."""
    canonical_json(rec).decode("utf-8")
    part_hash(rec["part"], rec["data"])
    rows = [(model, r) for model, pick in ROWS for r in pick(rec["data"])]
    rows += [(DossierEvent, e) for e in rec["events"]]
    for model, r in rows:
        for key, value in json_values(model, r).items():
            column = model.__table__.columns[key]
            if value is None:
                assert column.nullable, (model, key)
            elif isinstance(column.type, String):
                assert type(value) is str and len(value) <= (column.type.length or INT_LIMIT), (model, key)
            elif isinstance(column.type, JSON):
                json.dumps(value)
            else:
                expected = next(t for kind, t in PYTHON_TYPES if isinstance(column.type, kind))
                assert isinstance(value, expected) and (type(value) is not bool or expected is bool), (
                    model,
                    key,
                )
                if type(value) is int:
                    assert -INT_LIMIT < value < INT_LIMIT


@pytest.fixture
def surgeon(pair: Pair, tmp_path: Path) -> Surgeon:
    return make_surgeon(pair, tmp_path / "scans")


@pytest.fixture
def record(surgeon: Surgeon) -> dict[str, Any]:
    return surgeon.record()


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_record_validator_returns_a_writable_record_or_refuses(
    record: dict[str, Any], data: st.DataObject
) -> None:
    catalog = _cache.setdefault("catalog", RuleCatalog.here())
    rec = data.draw(JSON_VALUES if data.draw(st.integers(0, 9)) == 0 else mutations(record))
    try:
        valid = valid_record("records/x.json", rec, record["dossier_id"], "commune", catalog)
    except PackageRefused as exc:
        assert exc.code in ("malformed", "future_version")
        assert "records/x.json" in exc.message
    else:
        assert_writable(valid)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_well_signed_packages_with_any_record_are_imported_or_change_nothing(
    surgeon: Surgeon, data: st.DataObject
) -> None:
    rec = data.draw(mutations(surgeon.record()))
    if type(rec.get("version")) is int and data.draw(st.integers(0, 3)):
        # mostly a newer version than any before, so that the dossier is written, not only compared
        _cache["version"] = rec["version"] = _cache.get("version", 1) + 1
    target = surgeon.write(
        surgeon.with_record_bytes(json.dumps(rec).encode(), new_id=True), "mutated.ocoppkg"
    )
    before = snapshot(surgeon.pair.province)
    try:
        result = PackageService(surgeon.pair.province).import_package(target)
    except PackageRefused as exc:
        assert exc.message.endswith("Không có gì thay đổi trên máy này.")
        assert snapshot(surgeon.pair.province) == before
    else:
        assert result.applied or result.preview.already_imported

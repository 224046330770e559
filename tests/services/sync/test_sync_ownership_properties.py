"""The property of docs/sync-package.md §6: whatever a trusted commune puts in its records, a package
it signs is either imported changing only that commune's own rows, or refused with the database, the
blob store and the data folder exactly as they were. Hypothesis draws the edits of a real export
(units, reused ids, statuses, the province's part, authorship, history steps); each is signed again
with commune A's real key under a new package id, and imported at the province in turn."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from helpers.ownership import A_UNIT, B_UNIT, ELSEWHERE, Three, make_three, move_record, snapshot
from helpers.package_surgery import edit_records
from helpers.sync import Pair
from ocop_desktop.domain.dossiers import Action
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.sync.records import PROVINCE_STATUSES, row_json
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import (
    Attachment,
    Certificate,
    ChecklistItem,
    Dossier,
    DossierEvent,
    Producer,
    Product,
    ScoreSheet,
)

VERSIONS = itertools.count(2)  # each edit is a newer version of A's part: applied, not "conflicting"
COMMUNE_STEPS = ("mark_complete", "reopen", "receive", "commune_check", "send")
# dimension -> (what A may send, what it may not): an example takes up to two dimensions hostile
OPTIONS: dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]] = {
    "producer_unit": ((A_UNIT,), (B_UNIT, ELSEWHERE)),
    "product_unit": ((A_UNIT,), (B_UNIT, ELSEWHERE)),
    "producer_id": (("own", "fresh"), ("b",)),
    "product_id": (("own", "fresh"), ("b",)),
    "dossier_id": (("own", "fresh"), ("b",)),
    "status": (("draft", "complete", "received", "commune_checked", "sent"), tuple(PROVINCE_STATUSES)),
    "province_part": ((None,), ("status", "return_reasons", "certificates")),
    "writer": (("keep", "a", "province", None), ("b",)),
    "event": (
        (None, *(("a", a) for a in COMMUNE_STEPS)),
        (
            *(("a", a.value) for a in Action if a.value not in COMMUNE_STEPS),
            ("b", "send"),
            ("province", "send"),
        ),
    ),
}


@pytest.fixture
def three(pair: Pair, tmp_path: Path, _template_dir: Path) -> Iterator[Three]:
    made = make_three(pair, tmp_path, _template_dir)
    yield made
    made.a.close()


@st.composite
def edits(draw: st.DrawFn) -> dict[str, Any]:
    hostile = draw(st.sets(st.sampled_from(sorted(OPTIONS)), max_size=2))
    chosen = {k: draw(st.sampled_from(bad if k in hostile else good)) for k, (good, bad) in OPTIONS.items()}
    fresh = [str(draw(st.uuids(version=4))) for _ in range(3)]
    return {**chosen, "fresh": fresh, "revision": draw(st.sampled_from((1, 99)))}


def _apply(t: Three, e: dict[str, Any], rec: dict[str, Any]) -> None:
    data = rec["data"]
    b_product, b_producer = t.b_row(Product), t.b_row(Producer)
    offices = {"a": t.a.office().id, "b": t.pair.commune.office().id, "province": t.province.office().id}
    pick = {
        "producer": {"b": b_producer.id, "fresh": e["fresh"][0]},
        "product": {"b": b_product.id, "fresh": e["fresh"][1]},
        "dossier": {"b": t.b_dossier, "fresh": e["fresh"][2]},
    }
    data["producer"]["commune_code"], data["product"]["commune_code"] = e["producer_unit"], e["product_unit"]
    if e["producer_id"] != "own":
        data["producer"]["id"] = data["product"]["producer_id"] = pick["producer"][e["producer_id"]]
    if e["product_id"] != "own":
        data["product"]["id"] = data["dossier"]["product_id"] = pick["product"][e["product_id"]]
        if e["product_id"] == "fresh":
            data["product"]["code"] = None  # a new product has no code yet (codes are unique)
    if e["dossier_id"] != "own":
        move_record(rec, pick["dossier"][e["dossier_id"]], renumber=e["dossier_id"] == "fresh")
    for row in (data["producer"], data["product"]):
        row["revision"] = e["revision"]
        if e["writer"] != "keep":
            row["updated_by_office_id"] = offices.get(e["writer"] or "")
    rec["status"], rec["version"] = e["status"], next(VERSIONS)
    if e["province_part"] == "certificates":
        data["certificates"] = []
    elif e["province_part"]:
        data["dossier"][e["province_part"]] = "accepted" if e["province_part"] == "status" else "Đã bổ sung."
    if e["event"]:
        who, action = e["event"]
        rec["events"].append(_event(rec["dossier_id"], offices[who], action))


def _event(dossier_id: str, office_id: str, action: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "dossier_id": dossier_id,
        "action": action,
        "from_status": "commune_checked",
        "to_status": "sent",
        "at": "2026-10-15T08:00:00",
        "office_id": office_id,
        "officer_id": None,
        "note": "",
    }


def _b_rows(t: Three) -> list[dict[str, Any]]:
    """Everything of commune B at the province: its producer, product, dossier and the dossier's rows."""
    rows: list[Any] = [t.b_row(Producer), t.b_row(Product), t.b_row(Dossier)]
    with t.province.read() as s:
        for model in (ChecklistItem, Attachment, ScoreSheet, DossierEvent, Certificate):
            rows += s.scalars(select(model).where(model.dossier_id == t.b_dossier))  # type: ignore[attr-defined]
        return [row_json(r) for r in rows]


def _only_communes_own(t: Three) -> None:
    """After an import: nothing of the province's side or of another province appeared."""
    with t.province.read() as s:
        assert not s.scalars(select(Certificate)).first()
        assert {p.commune_code for p in s.scalars(select(Product))} <= {A_UNIT, B_UNIT}
        assert {p.commune_code for p in s.scalars(select(Producer))} <= {A_UNIT, B_UNIT}
        assert not [
            d for d in s.scalars(select(Dossier)) if d.status in PROVINCE_STATUSES or d.return_reasons
        ]
        events = s.scalars(select(DossierEvent.action))
        assert not {Action.ACCEPT.value, Action.RETURN.value, Action.DECIDE.value} & set(events)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(e=edits())
def test_an_edited_package_changes_only_the_senders_own_rows_or_nothing(
    three: Three, e: dict[str, Any]
) -> None:
    t = three
    recipient = KeyStore(t.province.paths.keys_dir).encryption_key()
    signer = KeyStore(t.a.paths.keys_dir).signing_key()
    path = t.pair.send("edited.ocoppkg")
    path.write_bytes(edit_records(t.a_package, signer, recipient, lambda rec: _apply(t, e, rec), new_id=True))
    b_before, before = _b_rows(t), snapshot(t.province)
    try:
        PackageService(t.province).preview(path)
        PackageService(t.province).import_package(path)
    except PackageRefused as refusal:
        assert refusal.code != "inconsistent", refusal.message  # refused by a check, not the database
        assert snapshot(t.province) == before, refusal.code
    else:
        _only_communes_own(t)
    assert _b_rows(t) == b_before

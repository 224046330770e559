"""Validation before writing (issue 19), payloads: receipts, enrollment and reference packs,
evaluator assignments and scores, well signed (and encrypted where the kind is), whose payload or
reference file breaks its schema or the parser's limits: refused by the dry run and the import with
the field named, and nothing changes on the machine that refuses them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from helpers.evaluator import Offices, enroll, score_assigned
from helpers.package_surgery import entries, resign
from helpers.record_surgery import Surgeon, make_surgeon, snapshot, with_payload
from helpers.sync import Pair
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService

DEEP = 50_000


@pytest.fixture
def surgeon(pair: Pair, tmp_path: Path) -> Surgeon:
    return make_surgeon(pair, tmp_path / "scans")


def test_a_bad_receipt_is_refused_at_the_commune(surgeon: Surgeon) -> None:
    pair = surgeon.pair
    imported = PackageService(pair.province).import_package(surgeon.write(surgeon.good))
    assert imported.receipt_path is not None
    receipt = imported.receipt_path.read_bytes()
    province_key = KeyStore(pair.province.paths.keys_dir).signing_key()
    for change, words in (
        (lambda p: p["outcomes"][0].update(version=-1), ("outcomes[0].version",)),
        (lambda p: p["outcomes"][0].update(version="1"), ("outcomes[0].version",)),
        (lambda p: p["outcomes"][0].update(outcome="lost"), ("outcomes[0].outcome",)),
        (lambda p: p["blobs_held"].append(12), ("blobs_held[",)),
        (lambda p: p.pop("outcomes"), ("outcomes", "thiếu")),
    ):
        payload = json.loads(dict(entries(receipt))["payload.json"])
        change(payload)
        raw = json.dumps(payload).encode()
        bad = resign(
            receipt,
            province_key,
            files=lambda items, raw=raw: [(n, raw if n == "payload.json" else b) for n, b in items],
            relist=True,
        )
        target = pair.send("receipt.ocoppkg")
        target.write_bytes(bad)
        before = snapshot(pair.commune)
        for call in (PackageService(pair.commune).verify, PackageService(pair.commune).import_package):
            with pytest.raises(PackageRefused) as info:
                call(target)
            assert info.value.code == "malformed" and all(w in info.value.message for w in words), info.value
        assert snapshot(pair.commune) == before


def test_a_bad_enrollment_is_refused(surgeon: Surgeon, tmp_path: Path) -> None:
    pair = surgeon.pair
    enroll = PackageService(pair.commune).export_enrollment(tmp_path / "e.ocoppkg").path.read_bytes()
    for change, words in (
        (lambda p: p["office"].update(name=7), ("office.name",)),
        (lambda p: p["office"].update(role="king"), ("office.role",)),
        (lambda p: p["keys"].append(p["keys"][0]), ("keys",)),
        (lambda p: p["keys"][0].update(fingerprint=None), ("keys[0].fingerprint",)),
    ):
        payload = json.loads(dict(entries(enroll))["payload.json"])
        change(payload)
        raw = json.dumps(payload).encode()
        bad = resign(
            enroll,
            surgeon.key,
            files=lambda items, raw=raw: [(n, raw if n == "payload.json" else b) for n, b in items],
            relist=True,
        )
        target = pair.send("enroll-bad.ocoppkg")
        target.write_bytes(bad)
        before = snapshot(pair.province)
        with pytest.raises(PackageRefused) as info:
            PackageService(pair.province).verify(target)
        assert info.value.code == "malformed" and all(w in info.value.message for w in words), info.value
        assert snapshot(pair.province) == before


def test_bad_evaluator_payloads_are_refused_on_both_sides(offices: Offices) -> None:
    """An assignment (at the laptop) and scores (at the province), well signed and encrypted, whose
    payload breaks its schema: refused by the dry run and the import, nothing changed."""
    o = offices
    enroll(o, "TV1")
    province_key = KeyStore(o.province.paths.keys_dir).signing_key()
    out = ProvinceEvaluatorPackages(o.province).export_assignment(o.round_id, "TV1", o.folder / "a.ocoppkg")
    laptop = EvaluatorPackages(o.evaluator)
    confirm = PackageService(o.province).own_keys().signing.readable
    target = o.folder / "a-bad.ocoppkg"
    for change, words in (
        (lambda p: p["assignment"]["dossiers"][0].update(product_set=27), ("product_set", "27")),
        (lambda p: p["assignment"]["dossiers"][0].update(revision=-1), ("dossiers[0].revision",)),
        (lambda p: p["assignment"].update(schema=0), ("assignment.schema",)),
        (lambda p: p.update(schema=0), ("schema",)),
        (lambda p: p["assignment"]["dossiers"][0].update(product_name=["x"]), ("product_name",)),
        (lambda p: p["assignment"]["dossiers"][0]["evidence"][0].pop("sha256"), ("evidence[0].sha256",)),
        (lambda p: p["assignment"]["dossiers"].append(p["assignment"]["dossiers"][0]), ("hồ sơ lặp",)),
    ):
        target.write_bytes(with_payload(out.path, o.evaluator, province_key, change))
        before = snapshot(o.evaluator)
        for call in (laptop.preview_assignment, laptop.import_assignment):
            with pytest.raises(PackageRefused) as info:
                call(target, confirm_fingerprint=confirm)
            assert info.value.code == "malformed" and all(w in info.value.message for w in words), info.value
        assert snapshot(o.evaluator) == before
    laptop.import_assignment(out.path, confirm_fingerprint=confirm)
    score_assigned(o, [95, 75])
    scores = laptop.export_scores(o.folder / "s.ocoppkg")
    laptop_key = KeyStore(o.evaluator.paths.keys_dir).signing_key()
    province = ProvinceEvaluatorPackages(o.province)
    for change, words in (
        (lambda p: p.update(schema=0), ("schema",)),
        (lambda p: p["sheets"][0]["answers"].update({"1.1": "2"}), ("sheets[0].answers.1.1",)),
        (lambda p: p["sheets"][0].update(knockouts="K1"), ("sheets[0].knockouts",)),
        (lambda p: p.update(sheets=[]), ("sheets",)),
    ):
        target.write_bytes(with_payload(scores.path, o.province, laptop_key, change))
        before = snapshot(o.province)
        for call in (province.preview_scores, province.import_scores):
            with pytest.raises(PackageRefused) as info:
                call(target)
            assert info.value.code == "malformed" and all(w in info.value.message for w in words), info.value
        assert snapshot(o.province) == before
    assert province.import_scores(scores.path).applied


def test_a_reference_file_nested_too_deep_is_refused(surgeon: Surgeon, tmp_path: Path) -> None:
    pair = surgeon.pair
    ref = PackageService(pair.province).export_reference(tmp_path / "ref.ocoppkg").path
    deep = b"[" * DEEP + b"]" * DEEP
    province_key = KeyStore(pair.province.paths.keys_dir).signing_key()

    def files(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [(n, deep if n.startswith("reference/calendar/") else b) for n, b in items]

    def payload(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        doc = json.loads(dict(items)["payload.json"])
        for f in doc["files"]:
            if f["name"].startswith("reference/calendar/"):
                f["sha256"] = hashlib.sha256(deep).hexdigest()
        return [(n, json.dumps(doc).encode() if n == "payload.json" else b) for n, b in files(items)]

    target = tmp_path / "ref-bad.ocoppkg"
    target.write_bytes(resign(ref.read_bytes(), province_key, files=payload, relist=True))
    before = snapshot(pair.commune)
    with pytest.raises(PackageRefused) as info:
        PackageService(pair.commune).verify(target)
    assert info.value.code == "malformed" and "lồng nhau quá 64 tầng" in info.value.message
    assert snapshot(pair.commune) == before

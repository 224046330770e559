"""Validation before writing (issue 19): well-signed packages from the trusted commune whose records,
manifest or payload break the schema are refused by `verify`, `inspect`, the dry run and the import
alike — a `PackageRefused` naming the record and the field, never a traceback — and the province's
database, blob store and data folder stay byte-identical. Unknown fields of any type are imported.

The hostile packages are made as a sender could: the record decrypted, changed, encrypted again
with the package's content key, the manifest relisted and signed again with the commune's real key
(`package_surgery.resign`), so every check before the schema passes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from helpers.package_surgery import build, entries, manifest_of
from helpers.record_surgery import Change, Surgeon, make_surgeon, snapshot
from helpers.sync import Pair
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.sync.records import part_hash
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Dossier, Producer

DEEP = 50_000


@pytest.fixture
def surgeon(pair: Pair, tmp_path: Path) -> Surgeon:
    return make_surgeon(pair, tmp_path / "scans")


def refused_everywhere(pair: Pair, data: bytes, *words: str, code: str = "malformed") -> str:
    """`verify`, the dry run and the import all refuse `data` with `code` and a message containing
    `words`; `inspect` refuses it or answers, never crashes; nothing changes. Returns the message."""
    target = pair.send("hostile.ocoppkg")
    target.write_bytes(data)
    service = PackageService(pair.province)
    before, usb = snapshot(pair.province), sorted(p.name for p in pair.folder.iterdir())
    try:
        service.inspect(target)
    except PackageRefused:
        pass
    messages = []
    for call in (service.verify, service.preview, service.import_package):
        with pytest.raises(PackageRefused) as info:
            call(target)
        assert info.value.code == code, info.value.message
        messages.append(info.value.message)
    assert len(set(messages)) == 1, messages  # the same checks, the same words
    for word in words:
        assert word in messages[0], messages[0]
    assert messages[0].endswith("Không có gì thay đổi trên máy này.")
    assert snapshot(pair.province) == before
    assert sorted(p.name for p in pair.folder.iterdir()) == usb  # no receipt
    return messages[0]


def every_case(
    run: Callable[[Any, tuple[str, ...]], None], cases: dict[str, tuple[Any, tuple[str, ...]]]
) -> None:
    """Run every case and report all that fail, not only the first (one installation for all)."""
    failures = {}
    for name, (change, words) in cases.items():
        try:
            run(change, words)
        except (Exception, pytest.fail.Exception) as exc:  # noqa: BLE001 - each case is reported
            failures[name] = f"{type(exc).__name__}: {exc}"[:400]
    assert not failures, "\n".join(f"{name}: {why}" for name, why in failures.items())


def _set(path: str, value: Any) -> Change:
    """A change that sets `value` at a dotted path ("data.dossier.product_set", "events.0.at")."""

    def change(rec: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = rec
        for step in parents:
            node = node[int(step)] if isinstance(node, list) else node[step]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _drop(path: str) -> Change:
    def change(rec: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = rec
        for step in parents:
            node = node[int(step)] if isinstance(node, list) else node[step]
        del node[last]

    return change


def _raw(path: str, token: str) -> Change:
    """The record's text with `token` written at `path` (numbers `json.dumps` would not write)."""
    marker = "__marker__"

    def change(rec: dict[str, Any]) -> bytes:
        _set(path, marker)(rec)
        text = json.dumps(rec, ensure_ascii=False).replace(f'"{marker}"', token)
        try:  # the hash an honest sender would write over that value, where Python can compute one
            rec["hash"] = part_hash(rec["part"], json.loads(text)["data"])
        except (RecursionError, ValueError):
            pass
        return json.dumps(rec, ensure_ascii=False).replace(f'"{marker}"', token).encode()

    return change


# case -> (change, words the refusal must contain)
RECORD_CASES: dict[str, tuple[Change, tuple[str, ...]]] = {
    "integer for a string": (_set("data.producer.name", 12345), ("data.producer.name", "phải là chuỗi")),
    "integer for a date": (_set("data.dossier.received_on", 20261120), ("data.dossier.received_on",)),
    "string for an integer": (_set("data.product.product_set", "13"), ("data.product.product_set",)),
    "string for the version": (_set("version", "2"), ("version", "số nguyên")),
    "boolean for an integer": (_set("data.dossier.product_set", True), ("data.dossier.product_set",)),
    "object for a string": (_set("data.producer.address", {"x": 1}), ("data.producer.address",)),
    "list for an object": (_set("data.product", [1, 2]), ("data.product", "đối tượng")),
    "negative revision": (_set("data.product.revision", -3), ("data.product.revision", "từ 1")),
    "zero revision of a checklist item": (
        _set("data.checklist.0.revision", 0),
        ("data.checklist[0].revision",),
    ),
    "negative version": (_set("version", -1), ("version",)),
    "negative seen version": (_set("seen_version", -1), ("seen_version",)),
    "product set 27": (_set("data.dossier.product_set", 27), ("data.dossier.product_set", "27")),
    "product set 27 of the product": (_set("data.product.product_set", 27), ("data.product.product_set",)),
    "product set 0": (_set("data.product.product_set", 0), ("data.product.product_set",)),
    "unknown rule set": (
        _set("data.dossier.ruleset_id", "qd99-2099"),
        ("qd99-2099", "không có trên máy này"),
    ),
    "unknown rule set of the sheet": (
        _set("data.self_assessment.ruleset_id", "qd99-2099"),
        ("data.self_assessment.ruleset_id",),
    ),
    "schema 0": (_set("schema", 0), ("schema",)),
    "schema as text": (_set("schema", "1"), ("schema",)),
    "30 February": (_set("data.dossier.received_on", "2026-02-30"), ("received_on", "không có thật")),
    "a date written by hand": (_set("data.dossier.deadline", "11/12/2026"), ("deadline", "YYYY-MM-DD")),
    "a time that is not one": (_set("events.0.at", "hôm qua"), ("events[0].at",)),
    "year 0": (_set("data.checklist.0.created_at", "0000-01-01T00:00:00"), ("data.checklist[0].created_at",)),
    "2^63": (_raw("data.dossier.receipt_seq", "9223372036854775808"), ("2^63",)),
    "-2^63": (_raw("data.product.seq", "-9223372036854775808"), ("2^63",)),
    "10^400": (_raw("data.product.seq", "1" + "0" * 400), ("2^63",)),
    "infinite total": (_raw("data.self_assessment.total", "1e999"), ("quá lớn",)),
    "NaN": (_raw("data.self_assessment.total", "NaN"), ("NaN",)),
    "missing version": (_drop("version"), ("version", "thiếu")),
    "missing producer name": (_drop("data.producer.name"), ("data.producer.name", "thiếu")),
    "missing attachments": (_drop("data.attachments"), ("data.attachments", "thiếu")),
    "missing forms": (_drop("data.dossier.forms"), ("data.dossier.forms", "thiếu")),
    "missing event time": (_drop("events.0.at"), ("events[0].at", "thiếu")),
    "missing checklist status": (_drop("data.checklist.0.status"), ("data.checklist[0].status",)),
    "name longer than its column": (_set("data.producer.name", "x" * 251), ("tối đa 250 ký tự",)),
    "empty product name": (_set("data.product.name", ""), ("data.product.name", "không rỗng")),
    "unknown producer kind": (_set("data.producer.kind", "alien"), ("data.producer.kind", "một trong")),
    "unknown checklist status": (_set("data.checklist.0.status", "lost"), ("data.checklist[0].status",)),
    "unknown event action": (_set("events.0.action", "hack"), ("events[0].action",)),
    "unknown record status": (_set("status", "approved"), ("status",)),
    "an unknown sheet kind": (_set("data.self_assessment.kind", "boss"), ("kind",)),
    "answer out of range": (
        lambda rec: rec["data"]["self_assessment"]["answers"].update({"1.1": 1000}),
        ("data.self_assessment.answers.1.1", "từ 0 đến 99"),
    ),
    "attachment id not a UUID": (_set("data.attachments.0.id", "x"), ("data.attachments[0].id", "UUID")),
    "negative attachment size": (_set("data.attachments.0.size", -1), ("data.attachments[0].size",)),
    "two checklist items with one id": (
        lambda rec: rec["data"]["checklist"].__setitem__(
            1, {**rec["data"]["checklist"][1], "id": rec["data"]["checklist"][0]["id"]}
        ),
        ("mục danh mục",),
    ),
    "nested 50 000 deep": (_raw("data.dossier.forms", "[" * DEEP + "]" * DEEP), ("lồng nhau quá 64 tầng",)),
    "a million values": (_set("data.extra", [0] * 1_000_001), ("hơn 1000000 giá trị",)),
    "a lone surrogate": (_raw("data.producer.name", '"\\ud800"'), ("lẻ cặp",)),
    "not JSON": (lambda rec: b'{"schema": 1,', ("không phải JSON",)),
    "not UTF-8": (lambda rec: b'{"schema": "\xff"}', ("UTF-8",)),
    "a list, not a record": (lambda rec: b"[]", ("không phải một đối tượng",)),
}


def test_every_class_of_bad_record_is_refused_everywhere_and_changes_nothing(surgeon: Surgeon) -> None:
    def case(change: Change, words: tuple[str, ...]) -> None:
        message = refused_everywhere(surgeon.pair, surgeon.with_record(change), *words)
        assert f"“{surgeon.record_name}”" in message, message  # names the record

    every_case(case, RECORD_CASES)
    assert PackageService(surgeon.pair.province).import_package(surgeon.write(surgeon.good)).applied


def test_a_record_of_a_newer_schema_asks_for_an_update(surgeon: Surgeon) -> None:
    refused_everywhere(
        surgeon.pair, surgeon.with_record(_set("schema", 2)), "cập nhật", code="future_version"
    )


def test_unknown_fields_of_every_type_are_imported(surgeon: Surgeon) -> None:
    def newer(rec: dict[str, Any]) -> None:
        rec["transport"] = [[], {"a": [1]}]
        rec["data"]["tags"] = [1, "a", [2, {"b": None}], None]
        rec["data"]["labels"] = {"x": [1, 2]}
        rec["data"]["dossier"]["history"] = ["first", 2]
        rec["data"]["producer"]["aliases"] = {"old": ["HTX cũ"]}
        rec["data"]["checklist"][0]["photos"] = [{"sha": "…"}]
        rec["events"][0]["devices"] = ["PC-02"]

    imported = PackageService(surgeon.pair.province).import_package(surgeon.write(surgeon.with_record(newer)))
    assert [d.outcome for d in imported.preview.dossiers] == ["new"]
    rec = surgeon.record()
    with surgeon.pair.province.read() as s:
        producer = s.get(Producer, rec["data"]["producer"]["id"])
        assert producer is not None and producer.name == rec["data"]["producer"]["name"]
        assert s.get(Dossier, rec["dossier_id"]) is not None


MANIFEST_CASES: dict[str, tuple[Callable[[str], str], tuple[str, ...]]] = {
    "nested 50 000 deep": (
        lambda t: t.replace('"format":', '"padding": ' + "[" * DEEP + "]" * DEEP + ', "format":', 1),
        ("manifest.json", "lồng nhau quá 64 tầng"),
    ),
    "a million values": (
        lambda t: t.replace('"format":', '"padding": [' + "0," * 1_000_000 + '0], "format":', 1),
        ("hơn 1000000 giá trị",),
    ),
    "sequence 2^63": (lambda t: _json_field(t, "sequence", "9223372036854775808"), ("2^63",)),
    "sequence NaN": (lambda t: _json_field(t, "sequence", "NaN"), ("NaN",)),
    "sequence as text": (lambda t: _json_field(t, "sequence", '"2"'), ("sender.sequence",)),
    "negative sequence": (lambda t: _json_field(t, "sequence", "-2"), ("sender.sequence",)),
    "size 10^30": (lambda t: _json_field(t, "size", "1" + "0" * 30), ("2^63",)),
    "created at no time": (lambda t: _json_field(t, "created_at", '"hôm qua"'), ("created_at",)),
    "a sender of no known role": (lambda t: _json_field(t, "role", '"ministry"'), ("sender.role",)),
    "rule set hash as a number": (
        lambda t: _json_field(t, "content_hash", "7"),
        ("rulesets[0].content_hash",),
    ),
}


def _json_field(text: str, key: str, token: str) -> str:
    """`text` with the first value of `key` replaced by the JSON `token`."""
    head, tail = text.split(f'"{key}": ', 1)
    end = (
        tail.index('"', 1) + 1
        if tail.startswith('"')
        else min(i for i in (tail.find(","), tail.find("\n")) if i >= 0)
    )
    return f'{head}"{key}": {token}{tail[end:]}'


def test_hostile_manifests_are_refused_before_any_signature_check(surgeon: Surgeon) -> None:
    def case(change: Callable[[str], str], words: tuple[str, ...]) -> None:
        assert "manifest.json" in refused_everywhere(surgeon.pair, surgeon.with_manifest_text(change), *words)

    every_case(case, MANIFEST_CASES)


def test_inspect_refuses_a_deeply_nested_manifest_without_a_traceback(surgeon: Surgeon) -> None:
    """Before the signature check: a stranger's package is read as far as its manifest."""
    stranger = Ed25519PrivateKey.generate()
    raw = MANIFEST_CASES["nested 50 000 deep"][0](
        dict(entries(surgeon.good))["manifest.json"].decode()
    ).encode()
    rest = [(n, b) for n, b in entries(surgeon.good) if n not in ("manifest.json", "manifest.sig")]
    target = surgeon.write(build([("manifest.json", raw), ("manifest.sig", stranger.sign(raw)), *rest]))
    with pytest.raises(PackageRefused) as info:
        PackageService(surgeon.pair.province).inspect(target)
    assert info.value.code == "malformed" and "lồng nhau" in info.value.message


def test_the_corpus_package_still_imports(surgeon: Surgeon) -> None:
    """The surgery itself changes nothing: re-encrypted and re-signed as is, the package imports."""
    same = surgeon.with_record_bytes(surgeon.plain)
    assert manifest_of(same)["sender"] == manifest_of(surgeon.good)["sender"]
    assert PackageService(surgeon.pair.province).import_package(surgeon.write(same)).applied

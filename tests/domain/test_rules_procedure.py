"""The procedure section of a rule set: its numbers are today's law, it is validated (by the loader
and by the JSON Schema) and hashed on its own, and adding it left the hash that every record of an
earlier release pins unchanged. A copy of the rule file written before procedures were data still
loads; two procedures under one id are refused; a record follows its own rule set's procedure, and
one without (a format-1 erratum, a certificate under QĐ 148) the procedure in force."""

from __future__ import annotations

import copy
import json
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from ocop_desktop.domain.rules.canonical import content_hash, dumps, procedure_hash
from ocop_desktop.domain.rules.council import CouncilRules
from ocop_desktop.domain.rules.errors import RuleSetError
from ocop_desktop.domain.rules.loader import choose_copy, load_ruleset, parse_ruleset
from ocop_desktop.domain.rules.stars import band_min
from ocop_desktop.paths import resource
from ocop_desktop.services.core.rules import RuleService

RULE_FILE = resource("rulesets/qd26-2026.json")
SCHEMA_FILE = resource("rulesets/ruleset.schema.json")
RULESET = load_ruleset(RULE_FILE)
# The hash of qd26-2026 that every dossier, score sheet, draft and package of the releases before
# the procedure section carries. It must never change: those records would turn "stale".
PINNED_BY_EARLIER_RELEASES = "22b7eec3e4a5e7ef9fb4c4a71ec2f2304e1867ea9dbdd0674d7798f20263026a"


def _document() -> dict[str, Any]:
    return json.loads(RULE_FILE.read_text(encoding="utf-8"))


def _without_procedure(document: dict[str, Any]) -> dict[str, Any]:
    """The rule file as the releases before the procedure section wrote it."""
    return {k: v for k, v in document.items() if k != "procedure"}


def _with_procedure(document: dict[str, Any], change: Any) -> dict[str, Any]:
    """`document` with its procedure changed by `change(section)` and both hashes recomputed."""
    document = copy.deepcopy(document)
    change(document["procedure"])
    document["procedure"]["content_hash"] = procedure_hash(document["procedure"])
    document["content_hash"] = content_hash(document)
    return document


def _write(folder: Path, name: str, document: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(dumps(document), encoding="utf-8")
    return path


def test_the_numbers_read_from_the_rule_set_are_those_of_the_law() -> None:
    p = RULESET.procedure
    assert p is not None
    assert p.commune_working_days == 15  # QĐ 26/2026 Art. 7.2
    assert p.certificate_months == 36  # Art. 4.3
    assert (p.reevaluation_opens_days, p.reevaluation_closes_days) == (180, 120)  # Art. 7.6
    assert (p.council_max_spread, p.council_quorum, p.council_chair_required) == (10, Fraction(3, 4), True)
    assert CouncilRules.defaults(p) == CouncilRules(10, Fraction(3, 4), True, "majority")
    assert band_min(RULESET.bands, 5) == 90  # the 5★ threshold is the star band, not a constant
    assert all(sheet.procedure is p for sheet in RULESET.sheets)  # a pinned sheet reaches its procedure
    basis = RULESET.document["procedure"]["certificate"]["basis"]
    assert "Điều 4" in basis and "26/2026/QĐ-TTg" in basis


def test_the_procedure_is_hashed_on_its_own_and_the_pinned_hash_did_not_change() -> None:
    document = _document()
    assert RULESET.content_hash == PINNED_BY_EARLIER_RELEASES
    assert content_hash(_without_procedure(document)) == PINNED_BY_EARLIER_RELEASES
    assert RULESET.procedure is not None
    assert RULESET.procedure.content_hash == procedure_hash(document["procedure"])
    changed = _with_procedure(document, lambda p: p["certificate"].update(validity_months=24))
    assert changed["content_hash"] == PINNED_BY_EARLIER_RELEASES  # the criteria are what records pin…
    assert (
        changed["procedure"]["content_hash"] != RULESET.procedure.content_hash
    )  # …the procedure has its own


def test_a_file_written_before_procedures_were_data_still_loads(tmp_path: Path) -> None:
    old = load_ruleset(_write(tmp_path, "qd26-2026.json", _without_procedure(_document())))
    assert old.procedure is None and old.sheets[0].procedure is None
    assert old.content_hash == RULESET.content_hash
    assert (
        old.sheet(1).criterion("1.1").options[0].points == RULESET.sheet(1).criterion("1.1").options[0].points
    )


@pytest.mark.parametrize("old_first", [True, False])
def test_beside_an_old_copy_the_copy_with_the_procedure_is_used(tmp_path: Path, old_first: bool) -> None:
    # A reference pack installed by an earlier release left the old file beside the new one.
    _write(tmp_path, "a-old.json" if old_first else "z-old.json", _without_procedure(_document()))
    _write(tmp_path, "qd26-2026.json", _document())
    (only,) = RuleService(tmp_path).list_rulesets()
    assert only.procedure == RULESET.procedure and only.content_hash == PINNED_BY_EARLIER_RELEASES


def test_two_procedures_under_one_id_are_refused(tmp_path: Path) -> None:
    other = _with_procedure(_document(), lambda p: p["commune_review"].update(working_days=20))
    with pytest.raises(RuleSetError, match="hai quy trình khác nhau"):
        choose_copy(RULESET, parse_ruleset(json.dumps(other), source="khac.json"))
    _write(tmp_path, "qd26-2026.json", _document())
    _write(tmp_path, "qd26-2026-khac.json", other)
    with pytest.raises(RuleSetError, match="mã bộ tiêu chí mới"):
        RuleService(tmp_path).list_rulesets()


def test_a_changed_procedure_number_is_caught_by_the_procedure_hash(tmp_path: Path) -> None:
    document = _document()
    document["procedure"]["reevaluation_window"]["closes_days_before_expiry"] = 90  # no new hash
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(_write(tmp_path, "qd26-2026.json", document))
    assert "procedure.content_hash" in caught.value.message and "bị sửa" in caught.value.message


MALFORMED: list[tuple[str, Any, str]] = [
    ("missing section", lambda p: p.pop("certificate"), "thiếu trường certificate"),
    ("unknown section", lambda p: p.update(appeal={"days": 30, "basis": "x"}), "có trường lạ appeal"),
    ("missing basis", lambda p: p["commune_review"].pop("basis"), "thiếu trường basis"),
    ("text for a number", lambda p: p["commune_review"].update(working_days="15"), "working_days"),
    ("zero months", lambda p: p["certificate"].update(validity_months=0), "validity_months"),
    ("negative spread", lambda p: p["council_defaults"].update(max_spread=-1), "max_spread"),
    ("chair as text", lambda p: p["council_defaults"].update(chair_required="có"), "chair_required"),
    (
        "quorum over 1",
        lambda p: p["council_defaults"].update(quorum={"numerator": 5, "denominator": 4}),
        "quorum",
    ),
    (
        "window closing before it opens",
        lambda p: p["reevaluation_window"].update(
            opens_days_before_expiry=120, closes_days_before_expiry=180
        ),
        "ngày mở phải trước ngày đóng",
    ),
]


@pytest.mark.parametrize(("case", "change", "expected"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_malformed_procedure_is_refused(case: str, change: Any, expected: str) -> None:
    document = _with_procedure(_document(), change)  # freshly hashed: only the malformation is wrong
    with pytest.raises(RuleSetError) as caught:
        parse_ruleset(json.dumps(document, ensure_ascii=False), source="hong.json")
    assert "procedure" in caught.value.detail and expected in caught.value.detail, case


# What a JSON Schema can say (the order of the window and a quorum ≤ 1 are the validator's alone).
SCHEMA_CAN_SAY = [m for m in MALFORMED if m[0] not in ("window closing before it opens", "quorum over 1")]


def test_the_schema_accepts_the_file_with_and_without_its_procedure() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["properties"]["procedure"] == {"$ref": "#/$defs/procedure"}
    assert "procedure" not in schema["required"]  # optional: files of earlier releases have none
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(_without_procedure(_document()))) == []


@pytest.mark.parametrize(("case", "change", "_expected"), SCHEMA_CAN_SAY, ids=[m[0] for m in SCHEMA_CAN_SAY])
def test_the_schema_rejects_a_malformed_procedure(case: str, change: Any, _expected: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    defs = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    # the section against the schema's own definition (the whole 1 MB file takes seconds per case)
    validator = jsonschema.Draft202012Validator({"$defs": defs, "$ref": "#/$defs/procedure"})
    assert list(validator.iter_errors(_document()["procedure"])) == []
    assert list(validator.iter_errors(_with_procedure(_document(), change)["procedure"])), case


def _erratum(document: dict[str, Any], new_id: str, effective_from: str) -> dict[str, Any]:
    document = copy.deepcopy(document)
    document["id"], document["effective_from"] = new_id, effective_from
    document["content_hash"] = content_hash(document)
    return document


def test_a_record_follows_its_rule_set_and_falls_back_to_the_one_in_force(tmp_path: Path) -> None:
    current = _document()
    _write(tmp_path, "qd26-2026.json", current)
    # a later change of procedure is a new rule set: records pinned to qd26-2026 keep theirs
    later = _with_procedure(
        _erratum(current, "test-2027", "2027-01-01"), lambda p: p["certificate"].update(validity_months=24)
    )
    _write(tmp_path, "test-2027.json", later)
    # an erratum written by an earlier release (format 1, no procedure)
    _write(tmp_path, "test-e1.json", _without_procedure(_erratum(current, "test-e1", "2026-08-01")))
    service = RuleService(tmp_path)
    assert service.procedure("qd26-2026", date(2027, 6, 1)).certificate_months == 36
    assert service.procedure("test-2027", date(2027, 6, 1)).certificate_months == 24
    assert service.procedure(None, date(2027, 6, 1)).certificate_months == 24  # no record yet: in force
    assert service.procedure("test-e1", date(2026, 9, 1)).certificate_months == 36  # its date's procedure
    assert service.procedure("qd148-2023", date(2026, 9, 1)).certificate_months == 36  # a file not held here
    with pytest.raises(RuleSetError, match="21/05/2026"):
        service.procedure(None, date(2026, 5, 21))

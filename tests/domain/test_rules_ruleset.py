"""The shipped rule set qd26-2026: it adds up, it is exactly the conversion of the shared
transcription, it matches the JSON Schema, and it carries the knock-outs and stops the
decision prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocop_desktop.domain.rules.canonical import content_hash, dumps
from ocop_desktop.domain.rules.loader import load_ruleset
from ocop_desktop.domain.rules.transcription import convert
from ocop_desktop.paths import resource

RULE_FILE = resource("rulesets/qd26-2026.json")
SCHEMA_FILE = resource("rulesets/ruleset.schema.json")
SHARED = Path(__file__).parents[2].parent / "shared" / "ocop" / "qd26-2026-phuluc2-criteria.json"
RULESET = load_ruleset(RULE_FILE)


def test_identity_dates_and_hash() -> None:
    assert RULESET.id == "qd26-2026"
    assert RULESET.legal_reference["document"] == "26/2026/QĐ-TTg"
    assert RULESET.effective_from.isoformat() == "2026-05-22"
    assert RULESET.effective_to is None
    document = json.loads(RULE_FILE.read_text(encoding="utf-8"))
    assert RULESET.content_hash == document["content_hash"] == content_hash(document)
    assert all(s.ruleset_hash == RULESET.content_hash for s in RULESET.sheets)


def test_every_sheet_sums_to_40_25_35_100() -> None:
    assert [s.number for s in RULESET.sheets] == list(range(1, 27))
    for sheet in RULESET.sheets:
        assert {p.code: p.max for p in sheet.parts} == {"A": 40, "B": 25, "C": 35}, sheet.number
        assert sheet.max == sum(p.max for p in sheet.parts) == 100
        for part in sheet.parts:
            assert part.max == sum(g.max for g in part.groups), (sheet.number, part.code)
            for group in part.groups:
                assert group.max == sum(c.max for c in group.criteria), (sheet.number, group.code)


def test_every_criterion_maximum_is_its_best_option() -> None:
    for sheet in RULESET.sheets:
        for _, _, criterion, _ in sheet.walk():
            if criterion.children:
                assert criterion.max == sum(c.max for c in criterion.children)
                continue
            cases = range(len(criterion.cases)) if criterion.cases else [None]
            for case in cases:
                best = max(o.points for o in criterion.options if o.case == case)
                assert best == criterion.max, (sheet.number, criterion.code, case)


def test_maximum_answers_reach_100_on_every_sheet() -> None:
    for sheet in RULESET.sheets:
        leaf_best = sum(c.max for c in sheet.leaves())
        assert leaf_best == 100, sheet.number


def test_classification_6_product_groups_17_groups_26_sets() -> None:
    groups = RULESET.document["product_groups"]
    assert len(groups) == 6
    assert sum(len(g["groups"]) for g in groups) == 17
    sets = RULESET.product_sets()
    assert len(sets) == 26 and len({s.code for s in sets}) == 26
    assert (sets[0].code, sets[0].name, sets[0].group_name) == (
        "I.1.a",
        "Rau, củ, quả, hạt tươi",
        "Thực phẩm tươi sống",
    )
    assert (sets[12].code, sets[17].code, sets[25].code) == ("I.6", "III.1", "VI.1")
    assert sets[15].lead_ministries == ("Bộ Y tế",)


def _stop_sets(stop_id: str) -> dict[int, str]:
    return {s.number: st.criterion for s in RULESET.sheets for st in s.stops if st.id == stop_id}


def test_criterion_stops_follow_the_notes_of_the_decision() -> None:
    foreign = _stop_sets("foreign_matter")
    assert sorted(foreign) == [*range(1, 14), 15, 17]
    assert foreign[11] == foreign[13] == "6.1.1" and foreign[1] == "6.1"
    assert _stop_sets("imported_raw_material") == {n: "1.1" for n in [*range(7, 16), 18, 19, 20]}
    assert _stop_sets("copied_product") == {n: "2.1" for n in range(5, 15)}
    assert _stop_sets("ip_infringement") == {21: "6.2", 22: "6.2"}
    assert _stop_sets("no_product_declaration") == {19: "6", 20: "6"}
    assert _stop_sets("key_product_line") == {n: "2.1" for n in range(1, 5)}
    (water,) = RULESET.sheet(16).stops
    assert (water.id, water.trigger, water.criteria) == (
        "sensory_zero",
        "zero_points",
        ("6.1", "6.2", "6.3", "6.4"),
    )


def test_dossier_knockouts_per_set() -> None:
    ids = {s.number: [k.id for k in s.knockouts] for s in RULESET.sheets}
    for n in (1, 7, 14, 16):
        assert ids[n] == ["forged_dossier", "food_safety_certificate", "registration_dossier"]
    for n in (15, 17):
        assert "production_licence" in ids[n]
    assert ids[18] == ["forged_dossier", "gmp", "declaration_labelling_advertising", "registration_dossier"]
    assert (
        ids[19]
        == ids[20]
        == ["forged_dossier", "production_conditions", "product_declaration", "registration_dossier"]
    )
    for n in range(21, 26):
        assert ids[n] == ["forged_dossier", "registration_dossier"]
    assert ids[26] == [] and RULESET.sheet(26).knockout_clause is None
    assert RULESET.sheet(1).knockout_clause.startswith("Hồ sơ bị loại khi:")


def test_story_condition_alternative_cases_and_synthetic_options() -> None:
    for sheet in RULESET.sheets:
        condition = sheet.criterion("5.2").applies_if
        if sheet.number == 26:
            assert condition is None  # the tourism sheet prints no such note
        else:
            assert (condition.criterion, condition.min_points) == ("5.1", 1)
    tourism = RULESET.sheet(26)
    assert [c for c in ("8", "9", "15") if tourism.criterion(c).cases] == ["8", "9", "15"]
    assert [o.case for o in tourism.criterion("8").options] == [0, 0, 1, 1]
    bilingual = RULESET.sheet(1).criterion("2.4")
    assert [(o.label, o.points, o.synthetic) for o in bilingual.options] == [
        ("Không", 0, True),
        ("Có", 1, True),
    ]


def test_corrections_and_suspect_values_are_visible() -> None:
    fixed = {(c.set, c.where): (c.printed, c.used) for c in RULESET.corrections}
    assert fixed[(4, "tiêu chí 7")] == ("13", "3")
    assert fixed[(11, "tiêu chí 6.1.1")] == ("11", "1")
    assert RULESET.sheet(11).criterion("6.1.1").options[1].printed_points == "11"
    assert RULESET.sheet(1).header.count(RULESET.sheet(1).knockout_clause) == 1  # duplicated line removed
    assert {(s.set, s.where) for s in RULESET.suspect_values} >= {(7, "tiêu chí 3.1"), (23, "tiêu chí 6.2")}
    assert RULESET.sheet(7).criterion("3.1").options[1].points == 1  # suspect, kept as printed


def test_sheet_text_is_nfc_and_headers_are_kept_for_printing() -> None:
    sheet = RULESET.sheet(1)
    assert sheet.header[0] == "(Sản phẩm: Thực phẩm. Nhóm: Thực phẩm tươi sống)"
    assert any(line.startswith("Ý kiến của người đánh giá") for line in sheet.footer)
    assert sheet.parts[0].title == "SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG"
    assert sheet.parts[0].printed_title.endswith("(40 Điểm)")


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ocop transcription not present beside the repository")
def test_committed_file_is_exactly_the_conversion_of_the_shared_transcription() -> None:
    procedure = json.loads(RULE_FILE.read_text(encoding="utf-8"))["procedure"]  # hand-written data
    converted = convert(json.loads(SHARED.read_text(encoding="utf-8")), procedure)
    assert json.loads(RULE_FILE.read_text(encoding="utf-8")) == converted
    assert RULE_FILE.read_text(encoding="utf-8") == dumps(converted)


def test_file_matches_its_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(
        jsonschema.Draft202012Validator(schema).iter_errors(json.loads(RULE_FILE.read_text("utf-8")))
    )
    assert errors == []

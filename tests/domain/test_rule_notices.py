"""Corrections and suspect values placed on their sheets from the words of the rule file, and the
labels of the reasons a product is eliminated."""

from __future__ import annotations

from datetime import date

from ocop_desktop.domain.rules.notices import locate
from ocop_desktop.services.core.rules import RuleService

RULESET = RuleService().in_force(date(2026, 6, 1))


def _has(codes: set[str]):  # type: ignore[no-untyped-def]
    return lambda code: code in codes


def test_every_notice_of_qd26_lands_where_its_words_say() -> None:
    placed = {(n.set, n.kind, n.criteria, n.part) for s in RULESET.sheets for n in s.notices}
    assert placed == {
        (1, "correction", (), None),  # the sheet's header
        (4, "correction", ("7",), None),
        (11, "correction", ("6.1.1",), None),
        (7, "suspect", ("3.1",), None),
        (23, "suspect", ("6.2",), None),
        (23, "suspect", ("9",), None),
        (26, "suspect", (), "A"),
        (26, "suspect", ("8", "9", "15"), None),
    }
    assert len(placed) == len(RULESET.corrections) + len(RULESET.suspect_values)  # none lost
    sheet = RULESET.sheet(26)
    assert [n.where for n in sheet.criterion_notices("9")] == ["tiêu chí 8, 9, 15"]
    assert [n.where for n in sheet.part_notices("A")] == ["tiêu đề Phần A"] and not sheet.part_notices("B")
    assert not RULESET.sheet(2).notices


def test_locate_reads_the_words_and_falls_back_to_the_sheet() -> None:
    has = _has({"3.1", "8", "9", "15", "6.1.1"})
    assert locate("tiêu chí 3.1", has, "ABC") == (("3.1",), None)
    assert locate("Tiêu chí  8, 9 và 15", has, "ABC") == (("8", "9", "15"), None)
    assert locate("tiêu đề Phần B", has, "ABC") == ((), "B")
    assert locate("tiêu đề Phần D", has, "ABC") == ((), None)  # no such part: the sheet as a whole
    assert locate("tiêu chí 7.7", has, "ABC") == ((), None)  # no such criterion: never lost
    assert locate("tiêu đề phiếu", has, "ABC") == ((), None)


def test_reasons_of_elimination_have_their_vietnamese_labels() -> None:
    sheet = RULESET.sheet(16)
    assert sheet.reason_label("sensory_zero") == "Được 0 điểm tại một trong các chỉ tiêu cảm quan"
    assert sheet.reason_label("forged_dossier") == "Giả mạo hồ sơ"
    assert sheet.reason_label("no_such_reason") == "no_such_reason"  # shown rather than hidden

"""Loading rule files: a tampered or malformed file is refused with a Vietnamese message that
names the file and the problem; RuleService picks rule sets by id and by date."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.rules.canonical import content_hash, dumps
from ocop_desktop.domain.rules.errors import RuleSetError
from ocop_desktop.domain.rules.loader import load_ruleset, parse_ruleset
from ocop_desktop.paths import resource
from ocop_desktop.services.core.rules import RuleService

RULE_FILE = resource("rulesets/qd26-2026.json")


def _document() -> dict[str, Any]:
    return json.loads(RULE_FILE.read_text(encoding="utf-8"))


def _write(folder: Path, name: str, document: dict[str, Any], *, rehash: bool) -> Path:
    if rehash:
        document["content_hash"] = content_hash(document)
    path = folder / name
    path.write_text(dumps(document), encoding="utf-8")
    return path


def _option(document: dict[str, Any], set_index: int, criterion: int, option: int) -> dict[str, Any]:
    return document["sets"][set_index]["parts"][0]["groups"][0]["criteria"][criterion]["options"][option]


def test_rule_set_error_is_a_user_error() -> None:
    assert issubclass(RuleSetError, UserError)


def test_changed_points_that_break_a_sum_are_refused_even_with_a_fresh_hash(tmp_path: Path) -> None:
    document = _document()
    _option(document, 3, 0, 0)["points"] = 5  # set 4, criterion 1.1: beyond its maximum 3
    path = _write(tmp_path, "tampered.json", document, rehash=True)
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    assert "tampered.json" in caught.value.message
    assert "bộ 4, tiêu chí 1.1" in caught.value.message and "điểm tối đa 3" in caught.value.message


def test_changed_points_that_keep_the_sums_are_caught_by_the_hash(tmp_path: Path) -> None:
    document = _document()
    _option(document, 0, 4, 1)["points"] = 0  # set 1, criterion 1.5 option 2: 1 -> 0, maximum unchanged
    path = _write(tmp_path, "qd26-2026.json", document, rehash=False)
    with pytest.raises(RuleSetError) as caught:
        load_ruleset(path)
    assert "qd26-2026.json" in caught.value.message
    assert "content_hash" in caught.value.message and "bị sửa" in caught.value.message


def test_changed_label_is_caught_by_the_hash(tmp_path: Path) -> None:
    document = _document()
    _option(document, 0, 0, 0)["label"] += " (đã sửa)"
    with pytest.raises(RuleSetError, match="không khớp nội dung"):
        load_ruleset(_write(tmp_path, "x.json", document, rehash=False))


def test_reformatting_does_not_change_the_hash(tmp_path: Path) -> None:
    path = tmp_path / "compact.json"
    path.write_text(json.dumps(_document(), ensure_ascii=True, separators=(",", ":")), encoding="utf-8")
    assert load_ruleset(path).content_hash == load_ruleset(RULE_FILE).content_hash


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b'{"format": "ocop-ruleset", "sets": [', "không phải JSON hợp lệ (dòng 1"),
        (b"\xff\xfe{}", "không phải văn bản UTF-8"),
        (b'{"a": 1, "a": 2}', "xuất hiện hai lần"),
        (b'{"points": NaN}', "không được phép"),
        (b"[]", "phải là một đối tượng JSON"),
        (b'{"format": "other"}', "thiếu trường"),
    ],
)
def test_malformed_files_are_refused(raw: bytes, expected: str) -> None:
    with pytest.raises(RuleSetError) as caught:
        parse_ruleset(raw, source="hong.json")
    assert "hong.json" in caught.value.message
    assert expected in caught.value.message


def test_structural_problems_are_listed_with_their_place() -> None:
    document = _document()
    document["sets"][0]["parts"][0]["groups"][0]["criteria"][0]["options"][0]["star"] = 6
    document["sets"][1]["knockouts"].append("bribery")
    document["sets"][2]["number"] = 1
    with pytest.raises(RuleSetError) as caught:
        parse_ruleset(json.dumps(document), source="f.json")
    detail = caught.value.detail
    assert "dấu sao phải là 3, 4, 5" in detail
    assert "'bribery' không có trong danh mục" in detail
    assert "trùng number 1" in detail


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError, match="Không đọc được tệp bộ tiêu chí khong-co.json"):
        load_ruleset(tmp_path / "khong-co.json")


def test_service_lists_gets_and_caches() -> None:
    service = RuleService()
    (only,) = service.list_rulesets()
    assert only.id == "qd26-2026"
    assert service.get("qd26-2026") is only is RuleService().get("qd26-2026")
    assert [p.number for p in service.product_sets()] == list(range(1, 27))
    assert service.sheet("I.5.a").number == 11
    with pytest.raises(RuleSetError, match='Không có bộ tiêu chí "qd148-2023"'):
        service.get("qd148-2023")
    with pytest.raises(RuleSetError, match='Không có bộ sản phẩm "27"'):
        service.sheet(27)


def test_in_force_chooses_by_effective_dates(tmp_path: Path) -> None:
    shutil.copy(RULE_FILE, tmp_path / "qd26-2026.json")
    later = _document()
    later.update(id="test-2027", effective_from="2027-01-01")
    _write(tmp_path, "test-2027.json", later, rehash=True)
    (tmp_path / "ruleset.schema.json").write_text("not a rule file", encoding="utf-8")  # ignored by name
    service = RuleService(tmp_path)
    assert [r.id for r in service.list_rulesets()] == ["qd26-2026", "test-2027"]
    assert service.in_force(date(2026, 5, 22)).id == "qd26-2026"
    assert service.in_force(date(2026, 12, 31)).id == "qd26-2026"
    assert service.in_force(date(2027, 1, 1)).id == "test-2027"
    with pytest.raises(RuleSetError, match="21/05/2026"):
        service.in_force(date(2026, 5, 21))


def test_service_refuses_a_folder_with_a_tampered_file(tmp_path: Path) -> None:
    document = _document()
    document["title"] = "Bộ tiêu chí đã bị sửa"
    _write(tmp_path, "qd26-2026.json", document, rehash=False)
    with pytest.raises(RuleSetError, match="qd26-2026.json"):
        RuleService(tmp_path).in_force(date(2026, 6, 1))

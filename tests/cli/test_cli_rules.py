"""`ocop-desktop rules list | show | score` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ocop_desktop.main import main
from ocop_desktop.services.core.rules import RuleService

SET1_75 = {
    "1.1": 2,
    "1.2": 2,
    "1.3": 2,
    "1.4": 1,
    "1.5": 2,
    "1.6": 0,
    "1.7": 1,
    "2.1": 1,
    "2.2": 2,
    "2.3": 2,
    "2.4": 1,
    "3.1": 2,
    "3.2": 1,
    "3.3": 2,
    "3.4": 1,
    "3.5": 1,
    "4.1": 2,
    "4.2": 2,
    "4.3": 4,
    "5.1": 4,
    "5.2": 1,
    "5.3": 2,
    "6.1": 2,
    "6.2": 3,
    "6.3": 3,
    "6.4": 2,
    "7": 1,
    "8": 2,
    "9": 1,
    "10": 1,
    "11": 1,
    "12": 0,
}


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path / "data"), "rules", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _answers(tmp_path: Path, answers: Any, **extra: Any) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": answers, **extra}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(tmp_path, capsys, "list")
    assert code == 0 and "qd26-2026" in out and "22/05/2026" in out
    code, out, _ = _run(tmp_path, capsys, "list", "--json")
    (entry,) = json.loads(out)
    assert (
        entry["id"] == "qd26-2026"
        and entry["effective_from"] == "2026-05-22"
        and entry["effective_to"] is None
    )
    assert entry["hash"] == RuleService().get("qd26-2026").content_hash and entry["sets"] == 26
    assert isinstance(entry["in_force"], bool)


def test_show_reads_as_the_official_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(tmp_path, capsys, "show", "1", "--ruleset", "qd26-2026")
    assert code == 0
    for text in (
        "BỘ SẢN PHẨM 1 (I.1.a): Rau, củ, quả, hạt tươi",
        "PHẦN A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40 điểm)",
        "forged_dossier: Giả mạo hồ sơ",
        "[2] □ Đóng gói sáng tạo, bao bì đẹp — 2 điểm  *** (tối thiểu cho 3 sao)",
        "Chỉ áp dụng khi có câu chuyện sản phẩm",
        "TỔNG CỘNG: 100 điểm",
    ):
        assert text in out
    code, out, _ = _run(tmp_path, capsys, "show", "VI.1")
    assert code == 0 and "Trường hợp 2: Điểm dịch vụ du lịch" in out
    code, out, _ = _run(tmp_path, capsys, "show", "11", "--json")
    data = json.loads(out)
    assert data["sheet"]["number"] == 11 and data["ruleset"]["id"] == "qd26-2026"


def test_show_unknown_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(tmp_path, capsys, "show", "99")
    assert code == 2 and err.startswith('Lỗi: Không có bộ sản phẩm "99"')


def test_score_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        tmp_path, capsys, "score", "--set", "1", "--answers", _answers(tmp_path, SET1_75), "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["parts"] == {"A": 32, "B": 19, "C": 24}
    assert (data["total"], data["band_star"], data["star"], data["eliminated"]) == (75, 4, 3, False)
    assert data["blocking"] == [{"criterion": "2.1", "star": 4, "min_points": 3}]
    assert data["ruleset"] == {"id": "qd26-2026", "hash": RuleService().get("qd26-2026").content_hash}
    assert data["set"] == 1


def test_score_text_and_knockouts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(tmp_path, capsys, "score", "--set", "I.1.a", "--answers", _answers(tmp_path, SET1_75))
    assert code == 0 and "KẾT QUẢ: 3 sao" in out and "tiêu chí 2.1 ≥ 3 điểm" in out
    path = _answers(tmp_path, SET1_75, knockouts=["forged_dossier"], stops=["6.1"])
    code, out, _ = _run(tmp_path, capsys, "score", "--set", "1", "--answers", path, "--json")
    data = json.loads(out)
    assert code == 0 and data["eliminated"] is True and data["star"] == 0
    assert data["knockouts"] == ["forged_dossier"] and data["stops"] == ["foreign_matter"]


@pytest.mark.parametrize(
    "change, named",
    [
        ({"drop": ["3.3", "12"]}, ["3.3", "12"]),
        ({"add": {"13": 0, "6.9": 1}}, ["13", "6.9"]),
        ({"add": {"1.1": 7}}, ["1.1"]),
    ],
)
def test_score_errors_name_the_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, Any], named: list[str]
) -> None:
    answers = {k: v for k, v in SET1_75.items() if k not in change.get("drop", [])}
    answers.update(change.get("add", {}))
    code, out, err = _run(
        tmp_path, capsys, "score", "--set", "1", "--answers", _answers(tmp_path, answers), "--json"
    )
    assert code == 2 and out == "" and err.startswith("Lỗi: Phiếu bộ 1")
    for c in named:
        assert c in err


def test_score_bad_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = _run(tmp_path, capsys, "score", "--set", "1", "--answers", str(broken))
    assert code == 2 and "broken.json" in err and "JSON" in err
    code, _, err = _run(tmp_path, capsys, "score", "--set", "1", "--answers", str(tmp_path / "none.json"))
    assert code == 2 and "none.json" in err
    code, _, err = _run(tmp_path, capsys, "score", "--set", "1", "--answers", _answers(tmp_path, [1, 2]))
    assert code == 2 and '"answers"' in err
    code, _, err = _run(
        tmp_path,
        capsys,
        "score",
        "--set",
        "1",
        "--answers",
        _answers(tmp_path, SET1_75),
        "--ruleset",
        "qd148-2023",
    )
    assert code == 2 and "qd148-2023" in err


def test_score_text_names_the_reasons_of_elimination_by_their_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = RuleService().get("qd26-2026").sheet(16)
    answers = {leaf.code: len(leaf.options) - 1 for leaf in sheet.leaves()}
    answers["6.2"] = 0  # a sensory criterion at 0 points: the sheet stops by itself
    code, out, _ = _run(tmp_path, capsys, "score", "--set", "16", "--answers", _answers(tmp_path, answers))
    assert code == 0
    assert "KẾT QUẢ: SẢN PHẨM BỊ LOẠI (Được 0 điểm tại một trong các chỉ tiêu cảm quan [sensory_zero])" in out


def test_show_marks_suspect_values_and_corrections_where_they_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(tmp_path, capsys, "show", "7")
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("3.1 Loại hình"))
    following = next(line for line in lines[at:] if "⚑" in line)
    assert following.strip().startswith("⚑ Giá trị nghi vấn (tiêu chí 3.1): Phương án 2")
    assert lines.index(following) < next(i for i, x in enumerate(lines) if x.strip().startswith("3.2 "))

    _, out, _ = _run(tmp_path, capsys, "show", "26")
    assert '⚑ Giá trị nghi vấn (tiêu đề Phần A): Tiêu đề Phần A ghi "35 Điểm"' in out
    assert out.count("⚑ Giá trị nghi vấn (tiêu chí 8, 9, 15)") == 3
    assert "cả phiếu chấm theo cùng một trường hợp" in out
    _, out, _ = _run(tmp_path, capsys, "show", "1")
    assert "✎ Đã hiệu chỉnh (tiêu đề phiếu): Dòng lặp lại" in out
    _, out, _ = _run(tmp_path, capsys, "show", "23", "--json")
    notices = json.loads(out)["notices"]
    assert [(n["kind"], n["criteria"]) for n in notices] == [("suspect", ["6.2"]), ("suspect", ["9"])]
    _, out, _ = _run(tmp_path, capsys, "show", "2")
    assert "⚑" not in out and "✎" not in out


def test_suspects_lists_every_notice_for_administrators(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(tmp_path, capsys, "suspects")
    assert code == 0 and "qd26-2026: 8 điểm cần lưu ý" in out
    for expected in ("tiêu chí 3.1", "tiêu chí 6.2", "tiêu chí 9", "tiêu đề Phần A", "tiêu chí 6.1.1"):
        assert expected in out
    code, out, _ = _run(tmp_path, capsys, "suspects", "--set", "26", "--json")
    data = json.loads(out)
    assert data["ruleset"]["id"] == "qd26-2026"
    assert [(n["where"], n["part"], n["criteria"]) for n in data["notices"]] == [
        ("tiêu đề Phần A", "A", []),
        ("tiêu chí 8, 9, 15", None, ["8", "9", "15"]),
    ]
    code, _, err = _run(tmp_path, capsys, "suspects", "--set", "99")
    assert code != 0 and "Không có bộ sản phẩm" in err

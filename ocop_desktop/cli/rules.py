"""`rules list | show SET | suspects | score --set SET --answers FILE`: the rule sets and the scoring
engine from the command line. No database needed."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from ocop_desktop.cli import rule_notices
from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.cli.rule_notices import notice_json, notice_lines
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.rules.model import Criterion, Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService

STAR_MARK = {3: "***", 4: "****", 5: "*****"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("rules", help="bộ tiêu chí đánh giá, phân hạng OCOP và chấm điểm")
    rules = p.add_subparsers(dest="rules_command", metavar="LỆNH", required=True)

    ls = rules.add_parser("list", help="các bộ tiêu chí: mã, tên, hiệu lực, mã băm")
    ls.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    ls.set_defaults(handler=_list, needs_context=False)

    show = rules.add_parser("show", help="xem phiếu đánh giá của một bộ sản phẩm")
    show.add_argument("set", metavar="SET", help="số bộ sản phẩm (1–26) hoặc mã (vd. I.1.a)")
    show.add_argument("--ruleset", metavar="ID", help="mã bộ tiêu chí (mặc định: bộ đang có hiệu lực)")
    show.add_argument("--json", action="store_true", help="in phiếu dạng JSON")
    show.set_defaults(handler=_show, needs_context=False)

    rule_notices.register(rules)

    score = rules.add_parser("score", help="chấm điểm một phiếu từ tệp câu trả lời")
    score.add_argument(
        "--set", required=True, metavar="SET", help="số bộ sản phẩm (1–26) hoặc mã (vd. I.1.a)"
    )
    score.add_argument(
        "--answers",
        required=True,
        metavar="FILE",
        type=Path,
        help='tệp JSON {"answers": {"1.1": 0, ...}, "knockouts": [...], "stops": [...]}',
    )
    score.add_argument("--ruleset", metavar="ID", help="mã bộ tiêu chí (mặc định: bộ đang có hiệu lực)")
    score.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    score.set_defaults(handler=_score, needs_context=False)


def _list(args: argparse.Namespace, ctx: AppContext | None) -> int:
    today = date.today()
    rulesets = RuleService().list_rulesets()
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "legal_document": r.legal_reference.get("document"),
                    "effective_from": r.effective_from.isoformat(),
                    "effective_to": r.effective_to.isoformat() if r.effective_to else None,
                    "hash": r.content_hash,
                    "in_force": r.in_force(today),
                    "sets": len(r.sheets),
                }
                for r in rulesets
            ]
        )
        return 0
    print_table(
        ["Mã", "Tên", "Hiệu lực từ", "Đến", "Mã băm", "Đang hiệu lực"],
        [
            [
                r.id,
                r.title,
                f"{r.effective_from:%d/%m/%Y}",
                f"{r.effective_to:%d/%m/%Y}" if r.effective_to else "—",
                r.content_hash[:12],
                "có" if r.in_force(today) else "không",
            ]
            for r in rulesets
        ],
    )
    return 0


def _show(args: argparse.Namespace, ctx: AppContext | None) -> int:
    ruleset = RuleService().resolve(args.ruleset)
    sheet = ruleset.sheet(args.set)
    if args.json:
        print_json(
            {
                "ruleset": {"id": ruleset.id, "hash": ruleset.content_hash},
                "sheet": ruleset.document["sets"][ruleset.sheets.index(sheet)],
                "notices": [notice_json(n) for n in sheet.notices],
            }
        )
        return 0
    print(f"Bộ tiêu chí {ruleset.id}: {ruleset.title} (mã băm {ruleset.content_hash[:12]})")
    for line in _sheet_lines(sheet, ruleset.star_marker_rule):
        print(line)
    return 0


def _sheet_lines(sheet: Sheet, legend: str) -> list[str]:
    ps = sheet.product_set
    out = [
        f"BỘ SẢN PHẨM {ps.number} ({ps.code}): {ps.name}",
        f"Ngành: {ps.product_group_name} — Nhóm: {ps.group_name} — "
        f"Cơ quan chủ trì: {', '.join(ps.lead_ministries)}",
    ]
    if sheet.header:
        out.append(sheet.header[0])
    out += notice_lines((n for n in sheet.notices if n.on_sheet), "")
    if any(c.cases for c in sheet.leaves()):
        out.append("Các tiêu chí có hai trường hợp: cả phiếu chấm theo cùng một trường hợp.")
    if sheet.knockouts:
        out += ["", 'Hồ sơ bị loại khi (mã dùng trong tệp câu trả lời, mục "knockouts"):']
        out += [f"  - {k.id}: {k.label}" for k in sheet.knockouts]
    stops = {s.criterion: s for s in sheet.stops}
    if sheet.stops:
        out += ["", 'Điểm dừng theo tiêu chí (mục "stops"):']
        out += [f"  - {s.id} (tiêu chí {s.criterion}): {s.label}" for s in sheet.stops]
    current_group = None
    for part, group, c, depth in sheet.walk():
        if group is not current_group:
            if group is part.groups[0]:
                out += ["", f"PHẦN {part.code}: {part.title} ({part.max} điểm)"]
                out += notice_lines(sheet.part_notices(part.code), "  ")
            out.append(f"  {group.code}. {group.title} ({group.max} điểm)")
            out += [f"     {n}" for n in group.notes]
            current_group = group
        out += _criterion_lines(c, depth, stops)
        out += notice_lines(sheet.criterion_notices(c.code), "    " + "  " * depth + "  ")
    out += ["", f"TỔNG CỘNG: {sheet.max} điểm"]
    out += [
        f"{legend}.",
        "Hạng sao theo tổng điểm: " + "; ".join(_band_text(sheet, i) for i in range(len(sheet.bands))),
    ]
    return out


def _criterion_lines(c: Criterion, depth: int, stops: dict[str, Any]) -> list[str]:
    pad = "    " + "  " * depth
    out = [] if c.group_level else [f"{pad}{c.code} {c.title} (tối đa {c.max} điểm)"]
    if c.group_level:
        out.append(f"{pad}[mã tiêu chí {c.code}, tối đa {c.max} điểm]")
    out += [f"{pad}  {n}" for n in c.notes]
    case = None
    for o in c.options:
        if o.case is not None and o.case != case:
            case = o.case
            out.append(f"{pad}  Trường hợp {case + 1}: {c.cases[case]}")
        star = f"  {STAR_MARK[o.star]} (tối thiểu cho {o.star} sao)" if o.star else ""
        extra = " (không in trong văn bản, thêm để chấm có/không)" if o.synthetic else ""
        fixed = f" (văn bản in {o.printed_points}, đã sửa)" if o.printed_points else ""
        out.append(f"{pad}  [{o.index}] □ {o.label} — {o.points} điểm{fixed}{star}{extra}")
    if c.code in stops:
        out.append(f"{pad}  ⚠ Điểm dừng {stops[c.code].id}: {stops[c.code].label}")
    return out


def _band_text(sheet: Sheet, i: int) -> str:
    band = sheet.bands[i]
    upper = f"dưới {sheet.bands[i + 1].min}" if i + 1 < len(sheet.bands) else "trở lên"
    text = (
        f"{band.star} sao: từ {band.min} {'đến ' if i + 1 < len(sheet.bands) else ''}{upper}"
        if band.min
        else f"{band.star} sao: {upper}"
    )
    return text + (" (được công nhận)" if band.certified else "")


def _score(args: argparse.Namespace, ctx: AppContext | None) -> int:
    answers, knockouts, stops = read_answers(args.answers)
    result = RuleService().score(args.set, answers, knockouts, stops, ruleset_id=args.ruleset)
    if args.json:
        print_json(result.to_json())
    else:
        sheet = RuleService().resolve(args.ruleset).sheet(args.set)
        for line in _result_lines(result, sheet):
            print(line)
    return 0


def read_answers(path: Path) -> tuple[dict[str, int], list[str], list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"Không đọc được tệp câu trả lời {path}: {exc.strerror or exc}.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"Tệp câu trả lời {path.name} không phải JSON hợp lệ ({exc}).") from exc
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise UserError(f'Tệp câu trả lời {path.name} phải có dạng {{"answers": {{"1.1": 0, ...}}}}.')
    lists = {}
    for key in ("knockouts", "stops"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UserError(f'Tệp câu trả lời {path.name}: "{key}" phải là danh sách mã (chuỗi).')
        lists[key] = value
    return data["answers"], lists["knockouts"], lists["stops"]


def _result_lines(r: ScoreResult, sheet: Sheet) -> list[str]:
    out = [
        f"Bộ tiêu chí {r.ruleset_id} (mã băm {r.ruleset_hash[:12]}), "
        f"bộ sản phẩm {r.set_number} ({r.set_code})",
        "; ".join(f"Phần {p}: {v} điểm" for p, v in r.parts.items()),
        f"Tổng điểm: {r.total}/{r.max} — khung điểm: {r.band_star} sao",
    ]
    if r.eliminated:
        reasons = "; ".join(f"{sheet.reason_label(x)} [{x}]" for x in r.knockouts + r.stops)
        out.append(f"KẾT QUẢ: SẢN PHẨM BỊ LOẠI ({reasons})")
    else:
        status = "đạt chứng nhận OCOP" if r.certified else "chưa đủ điều kiện công nhận"
        out.append(f"KẾT QUẢ: {r.star} sao ({status})")
    for check in r.floors:
        if not check.met:
            out.append(f"Yêu cầu tối thiểu {check.star} sao chưa đạt ở tiêu chí: {', '.join(check.unmet)}")
    if r.next_star and not r.eliminated:
        needs = [f"thêm {r.next_star.missing_points} điểm"] if r.next_star.missing_points else []
        needs += [f"tiêu chí {f.criterion} ≥ {f.min_points} điểm" for f in r.next_star.blocking]
        out.append(f"Để đạt {r.next_star.star} sao cần: {'; '.join(needs)}")
    if r.not_applicable:
        out.append(
            f"Không áp dụng (không có câu chuyện sản phẩm), tính 0 điểm: {', '.join(r.not_applicable)}"
        )
    if r.unanswered:
        out.append(f"Chưa chấm (đã dừng đánh giá): {', '.join(r.unanswered)}")
    return out

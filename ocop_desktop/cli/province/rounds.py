"""`round create | list | show | assign | unassign | aggregate | matrix | rescore | propose |
five-star | ministry-result | decide | print`: a round of evaluation at the province, from its creation to the
recognition decision and the documents it prints (docs/province.md)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ocop_desktop.cli.framework import print_json
from ocop_desktop.cli.province.common import (
    Sub,
    command,
    day,
    dossier_id,
    entries,
    group,
    out,
    print_rounds,
    round_id,
)
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.ministry import MINISTRY_NAME, CentralResultInput, MinistryResultService
from ocop_desktop.services.province.print_data import ROUND_FORMS, print_round
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService


def register(sub: Sub) -> None:
    g = group(sub, "round", "đợt đánh giá, phân hạng cấp tỉnh")
    command(
        g,
        "create",
        _create,
        "tạo đợt (đợt 1, 2 theo mặc định QĐ 26; đợt bổ sung cần ngày)",
        [],
        [
            ("--year", {"type": int, "required": True}),
            ("--number", {"type": int}),
            ("--cutoff", {}),
            ("--finish", {}),
            ("--name", {"default": ""}),
            ("--council-name", {"default": ""}),
        ],
    )
    command(g, "list", _list, "các đợt và tiến độ", [], [("--year", {"type": int})])
    command(g, "show", _show, "chi tiết đợt: Hội đồng, hồ sơ, kết quả", ["round"])
    command(g, "assign", _assign, "phân hồ sơ đã tiếp nhận vào đợt", ["round", "dossiers+"])
    command(g, "unassign", _unassign, "rút hồ sơ khỏi đợt", ["round", "dossier"])
    command(
        g,
        "aggregate",
        _aggregate,
        "tổng hợp điểm (cả đợt, hoặc một hồ sơ)",
        ["round"],
        [("--dossier", {}), ("--knockout", {"action": "append"})],
    )
    command(g, "matrix", _matrix, "bảng điểm thành viên × tiêu chí, điểm khác biệt", ["round", "--dossier"])
    command(
        g,
        "rescore",
        _rescore,
        "yêu cầu Hội đồng chấm lại một hồ sơ",
        ["round", "--dossier"],
        [("--reason", {"required": True})],
    )
    command(g, "propose", _propose, "chốt đề nghị công nhận các hồ sơ đã tổng hợp", ["round"])
    command(
        g,
        "five-star",
        _five_star,
        "sản phẩm đề nghị Bộ công nhận 5 sao đang chờ kết quả (từ 90 điểm; yêu cầu tối thiểu đạt/chưa đạt)",
        ["round"],
    )
    command(
        g,
        "ministry-result",
        _ministry_result,
        "ghi kết quả của Bộ cho sản phẩm đề nghị 5 sao (5 sao: giấy chứng nhận của Bộ; 3, 4 sao: tỉnh "
        "công nhận bằng quyết định của tỉnh, lệnh decide)",
        ["round", "--dossier"],
        [
            ("--number", {"required": True, "help": "số quyết định hoặc văn bản của Bộ"}),
            ("--date", {"required": True}),
            (
                "--stars",
                {"required": True, "choices": ["3", "4", "5", "none"], "help": "none: không công nhận"},
            ),
            ("--points", {"required": True, "type": float, "help": "điểm của Hội đồng cấp trung ương"}),
            ("--issuer", {"default": MINISTRY_NAME}),
            ("--note", {"default": ""}),
        ],
    )
    command(
        g,
        "decide",
        _decide,
        "ghi quyết định công nhận 3, 4 sao và cấp giấy chứng nhận",
        ["round"],
        [
            ("--number", {"required": True}),
            ("--date", {"required": True}),
            ("--signer", {"required": True}),
            ("--signer-title", {"default": "Chủ tịch"}),
            ("--dossier", {"action": "append"}),
        ],
    )
    command(
        g,
        "print",
        _print,
        f"in ra thư mục: {', '.join(ROUND_FORMS)}",
        ["form", "round"],
        [("-o", {"dest": "output", "required": True, "type": Path, "metavar": "DIR"}), ("--dossier", {})],
    )


def _create(args: argparse.Namespace, ctx: AppContext) -> int:
    detail = RoundService(ctx).create(
        RoundInput(
            args.year,
            args.number,
            args.name,
            day(args.cutoff) if args.cutoff else None,
            day(args.finish) if args.finish else None,
            args.council_name,
        )
    )
    return print_rounds(args, [detail.row])


def _list(args: argparse.Namespace, ctx: AppContext) -> int:
    return print_rounds(args, RoundService(ctx).rows(args.year))


def _show(args: argparse.Namespace, ctx: AppContext) -> int:
    detail = RoundService(ctx).get(round_id(ctx, args.round))
    if args.json:
        print_json(asdict(detail))
        return 0
    r = detail.row
    print(
        f"{r.label} {r.name} — chốt hồ sơ {r.cutoff:%d/%m/%Y}, hoàn thành {r.finish:%d/%m/%Y}; "
        f"{r.council_mode_label}; "
        f"chênh lệch tối đa {r.max_spread} điểm; tối thiểu {r.quorum} thành viên"
    )
    for m in detail.members:
        print(f"  {m.label} {m.name} — {m.role_label}, {m.organisation}{'' if m.present else ' (vắng)'}")
    return entries(args, detail.entries)


def _assign(args: argparse.Namespace, ctx: AppContext) -> int:
    return entries(
        args, RoundService(ctx).assign(round_id(ctx, args.round), [dossier_id(ctx, d) for d in args.dossiers])
    )


def _unassign(args: argparse.Namespace, ctx: AppContext) -> int:
    RoundService(ctx).unassign(round_id(ctx, args.round), dossier_id(ctx, args.dossier))
    return out(args, {"ok": True}, ["Kết quả"], [["Đã rút hồ sơ khỏi đợt"]])


def _aggregate(args: argparse.Namespace, ctx: AppContext) -> int:
    service, rid = AggregationService(ctx), round_id(ctx, args.round)
    if args.dossier:
        done = [service.aggregate(rid, dossier_id(ctx, args.dossier), council_knockouts=args.knockout)]
        skipped: list[Any] = []
    else:
        outcome = service.aggregate_round(rid)
        done, skipped = list(outcome.done), list(outcome.skipped)
    data = {
        "aggregated": [
            {"dossier_id": a.entry.dossier_id, "status": a.entry.status, **a.result.to_json()} for a in done
        ],
        "skipped": [{"dossier_id": e.dossier_id, "reason": why} for e, why in skipped],
    }
    return out(
        args,
        data,
        ["Mã hồ sơ", "Sản phẩm", "Điểm TB", "Chênh lệch", "Sao", "Trạng thái", "Ghi chú"],
        [
            [
                a.entry.dossier_id[:8],
                a.entry.product_name,
                round(float(a.result.mean_total), 2),
                a.result.spread,
                a.result.star,
                a.entry.status_label,
                " ".join(a.result.problems),
            ]
            for a in done
        ]
        + [[e.dossier_id[:8], e.product_name, "", "", "", e.status_label, why] for e, why in skipped],
    )


def _matrix(args: argparse.Namespace, ctx: AppContext) -> int:
    m = AggregationService(ctx).matrix(round_id(ctx, args.round), dossier_id(ctx, args.dossier))
    heads = [x.label for x in m.members]
    rows = [
        [line.code, line.max_points, *[_cell(v, o) for v, o in zip(line.points, line.outliers, strict=True)]]
        for line in m.lines
    ]
    rows.append(["Tổng", 100, *[_cell(v, o) for v, o in zip(m.totals, m.total_outliers, strict=True)]])
    data = {
        "members": [asdict(x) for x in m.members],
        "totals": list(m.totals),
        "total_outliers": list(m.total_outliers),
        "lines": [
            {"code": x.code, "max": x.max_points, "points": list(x.points), "outliers": list(x.outliers)}
            for x in m.lines
        ],
        "result": m.result.to_json() if m.result else None,
    }
    return out(
        args,
        data,
        ["Tiêu chí", "Tối đa", *heads],
        rows,
        "! = khác trung vị ≥ 1/2 điểm tối đa tiêu chí "
        "(ở dòng Tổng: xa điểm trung bình nhất khi chênh lệch vượt mức).",
    )


def _rescore(args: argparse.Namespace, ctx: AppContext) -> int:
    e = AggregationService(ctx).request_rescore(
        round_id(ctx, args.round), dossier_id(ctx, args.dossier), args.reason
    )
    return entries(args, [e])


def _propose(args: argparse.Namespace, ctx: AppContext) -> int:
    return entries(args, ResultService(ctx).propose(round_id(ctx, args.round)))


def _five_star(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = ResultService(ctx).five_star_proposal(round_id(ctx, args.round))
    return out(
        args,
        [asdict(p) for p in rows],
        ["Mã hồ sơ", "Sản phẩm", "Chủ thể", "Điểm TB", "Sao HĐ tỉnh", "Yêu cầu tối thiểu chưa đạt"],
        [
            [
                p.entry.dossier_id[:8],
                p.entry.product_name,
                p.entry.producer_name,
                round(p.entry.mean_total or 0, 2),
                p.entry.star,
                ", ".join(p.entry.unmet_floors) or "đạt đủ",
            ]
            for p in rows
        ],
        f"{len(rows)} sản phẩm.",
    )


def _ministry_result(args: argparse.Namespace, ctx: AppContext) -> int:
    stars = 0 if args.stars == "none" else int(args.stars)
    data = CentralResultInput(args.number, day(args.date), stars, args.points, args.issuer, args.note)
    row = MinistryResultService(ctx).record(round_id(ctx, args.round), dossier_id(ctx, args.dossier), data)
    return entries(args, [row])


def _decide(args: argparse.Namespace, ctx: AppContext) -> int:
    ids = [dossier_id(ctx, d) for d in args.dossier] if args.dossier else None
    outcome = ResultService(ctx).decide(
        round_id(ctx, args.round),
        DecisionInput(args.number, day(args.date), args.signer, args.signer_title),
        ids,
    )
    return out(
        args,
        asdict(outcome),
        ["Sản phẩm", "Sao", "Số quyết định", "Hiệu lực đến"],
        [
            [e.product_name, c.stars, c.decision_number, f"{c.valid_until:%d/%m/%Y}"]
            for e, c in zip(outcome.entries, outcome.certificates, strict=False)
        ],
    )


def _print(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.form not in ROUND_FORMS:
        raise UserError(f"Mẫu “{args.form}” không in theo đợt; các mẫu: {', '.join(ROUND_FORMS)}.")
    dossier = dossier_id(ctx, args.dossier) if args.dossier else None
    paths = print_round(ctx, round_id(ctx, args.round), args.form, args.output, dossier_id=dossier)
    return out(args, [str(p) for p in paths], ["Tệp"], [[p] for p in paths])


def _cell(points: object, flagged: bool) -> str:
    """A member's points in the matrix, "!" when they stand out."""
    return "" if points is None else f"{points}{'!' if flagged else ''}"

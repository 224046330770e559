"""Province evaluation from the command line (docs/province.md):

    inbox list|accept|return             dossiers that arrived from the communes
    round create|list|show|assign|unassign|aggregate|matrix|rescore|propose|decide|print
    council configure|list|add-member|absent|present
    score enter --member M --dossier D --answers FILE   (answers file as `rules score`)
    certificates expiring|revoke

A round is named by its id, an id prefix or YEAR-NUMBER ("2026-2"); a dossier by its id, an id
prefix or its receipt number; a member by "TV3", "3" or its id."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.cli.rules import _read_answers
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.councils import CouncilService, MemberInput
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.print_data import ROUND_FORMS, print_round
from ocop_desktop.services.province.reports import ProvinceReportService
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService

Sub = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(sub: Sub) -> None:
    _inbox(_group(sub, "inbox", "hộp hồ sơ xã gửi lên tỉnh"))
    _round(_group(sub, "round", "đợt đánh giá, phân hạng cấp tỉnh"))
    _council(_group(sub, "council", "Hội đồng đánh giá của đợt"))
    score = _group(sub, "score", "phiếu chấm của thành viên Hội đồng")
    _cmd(
        score,
        "enter",
        _score_enter,
        "nhập phiếu chấm giấy của một thành viên",
        ["--member", "--dossier"],
        [
            ("--answers", {"required": True, "type": Path, "metavar": "FILE"}),
            ("--round", {}),
            ("--opinion", {}),
        ],
    )
    certs = _group(sub, "certificates", "giấy chứng nhận: sắp hết hạn, thu hồi")
    _cmd(
        certs,
        "expiring",
        _expiring,
        "giấy chứng nhận sắp hết hạn (từ khi mở cửa sổ đánh giá lại) và đã hết hạn",
        [],
        [
            (
                "--days",
                {
                    "type": int,
                    "help": "hết hạn trong vòng bấy nhiêu ngày (mặc định: số ngày trước hạn mở cửa sổ "
                    "đánh giá lại, theo bộ tiêu chí đang áp dụng)",
                },
            )
        ],
    )
    _cmd(
        certs,
        "revoke",
        _revoke,
        "thu hồi giấy chứng nhận",
        ["certificate"],
        [("--on", {"required": True}), ("--reason", {"required": True})],
    )


def _group(sub: Sub, name: str, help_text: str) -> Sub:
    return sub.add_parser(name, help=help_text).add_subparsers(
        dest=f"{name}_command", metavar="LỆNH", required=True
    )


def _cmd(
    group: Sub,
    name: str,
    handler: Any,
    help_text: str,
    positional: list[str],
    options: Sequence[tuple[str, dict[str, Any]]] = (),
) -> argparse.ArgumentParser:
    """`positional`: "round", "dossiers+" (one or more), "--dossier" (a required option)."""
    p = group.add_parser(name, help=help_text)
    for arg in positional:
        if arg.startswith("--"):
            p.add_argument(arg, required=True)
        else:
            p.add_argument(arg.rstrip("+"), nargs="+" if arg.endswith("+") else None)
    for flag, kw in options:
        p.add_argument(flag, **kw)
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=handler)
    return p


def _inbox(g: Sub) -> None:
    _cmd(
        g,
        "list",
        _inbox_list,
        "hồ sơ đã gửi, đã tiếp nhận, đã trả lại",
        [],
        [("--status", {}), ("--unassigned", {"action": "store_true"})],
    )
    _cmd(g, "accept", _inbox_accept, "tiếp nhận hồ sơ", ["dossier"], [("--note", {"default": ""})])
    _cmd(
        g, "return", _inbox_return, "trả hồ sơ để xã bổ sung", ["dossier"], [("--reason", {"required": True})]
    )


def _round(g: Sub) -> None:
    _cmd(
        g,
        "create",
        _round_create,
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
    _cmd(g, "list", _round_list, "các đợt và tiến độ", [], [("--year", {"type": int})])
    _cmd(g, "show", _round_show, "chi tiết đợt: Hội đồng, hồ sơ, kết quả", ["round"])
    _cmd(g, "assign", _round_assign, "phân hồ sơ đã tiếp nhận vào đợt", ["round", "dossiers+"])
    _cmd(g, "unassign", _round_unassign, "rút hồ sơ khỏi đợt", ["round", "dossier"])
    _cmd(
        g,
        "aggregate",
        _round_aggregate,
        "tổng hợp điểm (cả đợt, hoặc một hồ sơ)",
        ["round"],
        [("--dossier", {}), ("--knockout", {"action": "append"})],
    )
    _cmd(
        g, "matrix", _round_matrix, "bảng điểm thành viên × tiêu chí, điểm khác biệt", ["round", "--dossier"]
    )
    _cmd(
        g,
        "rescore",
        _round_rescore,
        "yêu cầu Hội đồng chấm lại một hồ sơ",
        ["round", "--dossier"],
        [("--reason", {"required": True})],
    )
    _cmd(g, "propose", _round_propose, "chốt đề nghị công nhận các hồ sơ đã tổng hợp", ["round"])
    _cmd(
        g,
        "five-star",
        _round_five_star,
        "sản phẩm đề nghị Bộ công nhận 5 sao (đủ điểm hạng 5 sao, đạt yêu cầu 5 sao)",
        ["round"],
    )
    _cmd(
        g,
        "decide",
        _round_decide,
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
    _cmd(
        g,
        "print",
        _round_print,
        f"in ra thư mục: {', '.join(ROUND_FORMS)}",
        ["form", "round"],
        [("-o", {"dest": "output", "required": True, "type": Path, "metavar": "DIR"}), ("--dossier", {})],
    )


def _council(g: Sub) -> None:
    _cmd(
        g,
        "configure",
        _council_configure,
        "tên, hình thức, quy tắc của Hội đồng",
        ["round"],
        [
            ("--name", {}),
            ("--decision", {}),
            ("--mode", {"choices": ["meeting", "written"]}),
            ("--max-spread", {"type": int}),
            ("--quorum", {}),
            ("--floor-rule", {"choices": ["majority", "all", "mean"]}),
        ],
    )
    _cmd(g, "list", _council_list, "thành viên Hội đồng", ["round"])
    _cmd(
        g,
        "add-member",
        _council_add,
        "thêm thành viên",
        ["round"],
        [
            ("--name", {"required": True}),
            ("--role", {"default": "member", "choices": ["chair", "member", "secretary"]}),
            ("--organisation", {"default": ""}),
            ("--title", {"default": ""}),
        ],
    )
    _cmd(g, "absent", _council_present, "ghi thành viên vắng mặt", ["round", "member"]).set_defaults(
        present=False
    )
    _cmd(g, "present", _council_present, "ghi thành viên có mặt", ["round", "member"]).set_defaults(
        present=True
    )


# -- handlers ---------------------------------------------------------------------------------
def _out(
    args: argparse.Namespace, data: Any, headers: list[str], rows: list[list[Any]], footer: str = ""
) -> int:
    if args.json:
        print_json(data)
    else:
        print_table(headers, [[("" if c is None else str(c)) for c in r] for r in rows])
        if footer:
            print(f"\n{footer}")
    return 0


def _entries(args: argparse.Namespace, entries: Any) -> int:
    return _out(
        args,
        [asdict(e) for e in entries],
        ["STT", "Mã hồ sơ", "Sản phẩm", "Phiếu", "Điểm TB", "Sao", "Trạng thái"],
        [
            [
                e.seq,
                e.dossier_id[:8],
                e.product_name,
                f"{e.sheets}/{e.expected}",
                None if e.mean_total is None else round(e.mean_total, 2),
                e.star,
                e.status_label,
            ]
            for e in entries
        ],
    )


def _rid(ctx: AppContext, ref: str) -> str:
    return RoundService(ctx).find(ref).id


def _did(ctx: AppContext, ref: str) -> str:
    return RoundService(ctx).find_dossier(ref)


def _date(text: str) -> Any:
    try:
        return parse_date(text)
    except ValueError:
        raise UserError(f"Ngày “{text}” không hợp lệ (dd/mm/yyyy).") from None


def _inbox_list(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = InboxService(ctx).list(args.status, unassigned_only=args.unassigned)
    return _out(
        args,
        [asdict(r) for r in rows],
        ["Mã hồ sơ", "Sản phẩm", "Xã", "Trạng thái", "Đợt", "Đợt đề xuất"],
        [
            [
                r.dossier_id[:8],
                r.product_name,
                r.commune_name,
                r.status_label,
                r.round_label,
                r.suggested_round,
            ]
            for r in rows
        ],
        f"{len(rows)} hồ sơ.",
    )


def _inbox_accept(args: argparse.Namespace, ctx: AppContext) -> int:
    d = InboxService(ctx).accept(_did(ctx, args.dossier), note=args.note)
    return _out(
        args,
        {"id": d.row.id, "status": d.row.status},
        ["Mã hồ sơ", "Trạng thái"],
        [[d.row.id, d.row.status_label]],
    )


def _inbox_return(args: argparse.Namespace, ctx: AppContext) -> int:
    d = InboxService(ctx).return_for_correction(_did(ctx, args.dossier), args.reason)
    return _out(
        args,
        {"id": d.row.id, "status": d.row.status},
        ["Mã hồ sơ", "Trạng thái"],
        [[d.row.id, d.row.status_label]],
    )


def _round_create(args: argparse.Namespace, ctx: AppContext) -> int:
    detail = RoundService(ctx).create(
        RoundInput(
            args.year,
            args.number,
            args.name,
            _date(args.cutoff) if args.cutoff else None,
            _date(args.finish) if args.finish else None,
            args.council_name,
        )
    )
    return _rounds(args, [detail.row])


def _rounds(args: argparse.Namespace, rows: Any) -> int:
    return _out(
        args,
        [asdict(r) for r in rows],
        ["Mã đợt", "Đợt", "Chốt hồ sơ", "Hoàn thành", "Hồ sơ", "Đã tổng hợp", "Đã quyết định"],
        [
            [
                r.id[:8],
                r.label,
                f"{r.cutoff:%d/%m/%Y}",
                f"{r.finish:%d/%m/%Y}",
                r.progress.assigned,
                r.progress.aggregated,
                r.progress.decided,
            ]
            for r in rows
        ],
    )


def _round_list(args: argparse.Namespace, ctx: AppContext) -> int:
    return _rounds(args, RoundService(ctx).list(args.year))


def _round_show(args: argparse.Namespace, ctx: AppContext) -> int:
    detail = RoundService(ctx).get(_rid(ctx, args.round))
    if args.json:
        print_json(asdict(detail))
        return 0
    r = detail.row
    print(
        f"{r.label} {r.name} — chốt hồ sơ {r.cutoff:%d/%m/%Y}, hoàn thành {r.finish:%d/%m/%Y}; {r.council_mode_label}; "
        f"chênh lệch tối đa {r.max_spread} điểm; tối thiểu {r.quorum} thành viên"
    )
    for m in detail.members:
        print(f"  {m.label} {m.name} — {m.role_label}, {m.organisation}{'' if m.present else ' (vắng)'}")
    return _entries(args, detail.entries)


def _round_assign(args: argparse.Namespace, ctx: AppContext) -> int:
    return _entries(
        args, RoundService(ctx).assign(_rid(ctx, args.round), [_did(ctx, d) for d in args.dossiers])
    )


def _round_unassign(args: argparse.Namespace, ctx: AppContext) -> int:
    RoundService(ctx).unassign(_rid(ctx, args.round), _did(ctx, args.dossier))
    return _out(args, {"ok": True}, ["Kết quả"], [["Đã rút hồ sơ khỏi đợt"]])


def _round_aggregate(args: argparse.Namespace, ctx: AppContext) -> int:
    service, round_id = AggregationService(ctx), _rid(ctx, args.round)
    if args.dossier:
        done = [service.aggregate(round_id, _did(ctx, args.dossier), council_knockouts=args.knockout)]
        skipped: list[Any] = []
    else:
        outcome = service.aggregate_round(round_id)
        done, skipped = list(outcome.done), list(outcome.skipped)
    data = {
        "aggregated": [
            {"dossier_id": a.entry.dossier_id, "status": a.entry.status, **a.result.to_json()} for a in done
        ],
        "skipped": [{"dossier_id": e.dossier_id, "reason": why} for e, why in skipped],
    }
    return _out(
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


def _round_matrix(args: argparse.Namespace, ctx: AppContext) -> int:
    m = AggregationService(ctx).matrix(_rid(ctx, args.round), _did(ctx, args.dossier))
    heads = [x.label for x in m.members]
    cell = lambda v, out: "" if v is None else f"{v}{'!' if out else ''}"  # noqa: E731
    rows = [
        [line.code, line.max_points, *[cell(v, o) for v, o in zip(line.points, line.outliers)]]
        for line in m.lines
    ]
    rows.append(["Tổng", 100, *[cell(v, o) for v, o in zip(m.totals, m.total_outliers)]])
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
    return _out(
        args,
        data,
        ["Tiêu chí", "Tối đa", *heads],
        rows,
        "! = khác trung vị ≥ 1/2 điểm tối đa tiêu chí "
        "(ở dòng Tổng: xa điểm trung bình nhất khi chênh lệch vượt mức).",
    )


def _round_rescore(args: argparse.Namespace, ctx: AppContext) -> int:
    e = AggregationService(ctx).request_rescore(_rid(ctx, args.round), _did(ctx, args.dossier), args.reason)
    return _entries(args, [e])


def _round_propose(args: argparse.Namespace, ctx: AppContext) -> int:
    return _entries(args, ResultService(ctx).propose(_rid(ctx, args.round)))


def _round_five_star(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = ResultService(ctx).five_star_proposal(_rid(ctx, args.round))
    return _out(
        args,
        [asdict(p) for p in rows],
        ["Mã hồ sơ", "Sản phẩm", "Chủ thể", "Điểm TB"],
        [
            [
                p.entry.dossier_id[:8],
                p.entry.product_name,
                p.entry.producer_name,
                round(p.entry.mean_total or 0, 2),
            ]
            for p in rows
        ],
        f"{len(rows)} sản phẩm.",
    )


def _round_decide(args: argparse.Namespace, ctx: AppContext) -> int:
    ids = [_did(ctx, d) for d in args.dossier] if args.dossier else None
    outcome = ResultService(ctx).decide(
        _rid(ctx, args.round),
        DecisionInput(args.number, _date(args.date), args.signer, args.signer_title),
        ids,
    )
    return _out(
        args,
        asdict(outcome),
        ["Sản phẩm", "Sao", "Số quyết định", "Hiệu lực đến"],
        [
            [e.product_name, c.stars, c.decision_number, f"{c.valid_until:%d/%m/%Y}"]
            for e, c in zip(outcome.entries, outcome.certificates)
        ],
    )


def _round_print(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.form not in ROUND_FORMS:
        raise UserError(f"Mẫu “{args.form}” không in theo đợt; các mẫu: {', '.join(ROUND_FORMS)}.")
    dossier = _did(ctx, args.dossier) if args.dossier else None
    paths = print_round(ctx, _rid(ctx, args.round), args.form, args.output, dossier_id=dossier)
    return _out(args, [str(p) for p in paths], ["Tệp"], [[p] for p in paths])


def _council_configure(args: argparse.Namespace, ctx: AppContext) -> int:
    r = CouncilService(ctx).configure(
        _rid(ctx, args.round),
        name=args.name,
        decision=args.decision,
        mode=args.mode,
        max_spread=args.max_spread,
        quorum=args.quorum,
        floor_rule=args.floor_rule,
    )
    return _rounds(args, [r])


def _members(args: argparse.Namespace, members: Any) -> int:
    return _out(
        args,
        [asdict(m) for m in members],
        ["TV", "Họ tên", "Vai trò", "Cơ quan", "Có mặt", "Mã"],
        [
            [m.label, m.name, m.role_label, m.organisation, "có" if m.present else "vắng", m.id]
            for m in members
        ],
    )


def _council_list(args: argparse.Namespace, ctx: AppContext) -> int:
    return _members(args, CouncilService(ctx).members(_rid(ctx, args.round)))


def _council_add(args: argparse.Namespace, ctx: AppContext) -> int:
    m = CouncilService(ctx).add_member(
        _rid(ctx, args.round), MemberInput(args.name, args.role, args.organisation, args.title)
    )
    return _members(args, [m])


def _council_present(args: argparse.Namespace, ctx: AppContext) -> int:
    service, round_id = CouncilService(ctx), _rid(ctx, args.round)
    return _members(args, [service.set_present(service.find_member(round_id, args.member).id, args.present)])


def _score_enter(args: argparse.Namespace, ctx: AppContext) -> int:
    answers, knockouts, stops = _read_answers(args.answers)
    dossier = _did(ctx, args.dossier)
    round_id = _rid(ctx, args.round) if args.round else RoundService(ctx).round_of(dossier).id
    member = CouncilService(ctx).find_member(round_id, args.member)
    row = MemberScoreService(ctx).enter(
        round_id, dossier, member.id, answers, knockouts=knockouts, stops=stops, opinion=args.opinion or ""
    )
    return _out(
        args,
        asdict(row),
        ["Thành viên", "Tổng điểm", "Sao", "Bị loại"],
        [[f"{row.member_label} {row.member_name}", row.total, row.star, "có" if row.eliminated else "không"]],
    )


def _expiring(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = ProvinceReportService(ctx).expiring(args.days)
    return _out(
        args,
        [asdict(r) for r in rows],
        ["Sản phẩm", "Chủ thể", "Sao", "Hiệu lực đến", "Còn (ngày)", "Mã GCN"],
        [
            [
                r.product_name,
                r.producer_name,
                r.stars,
                f"{r.valid_until:%d/%m/%Y}",
                r.days_left,
                r.certificate_id,
            ]
            for r in rows
        ],
        f"{len(rows)} giấy chứng nhận.",
    )


def _revoke(args: argparse.Namespace, ctx: AppContext) -> int:
    c = ResultService(ctx).revoke(args.certificate, on=_date(args.on), reason=args.reason)
    return _out(
        args,
        asdict(c),
        ["Mã GCN", "Trạng thái", "Thu hồi ngày"],
        [[c.id, c.state, f"{c.revoked_on:%d/%m/%Y}"]],
    )

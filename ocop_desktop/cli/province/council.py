"""`council configure | list | add-member | absent | present` and `score enter`: the council of a
round and the paper score sheets of its members (docs/province.md)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from ocop_desktop.cli.province.common import Sub, command, dossier_id, group, out, print_rounds, round_id
from ocop_desktop.cli.rules import read_answers
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.common import MemberRow
from ocop_desktop.services.province.councils import CouncilService, MemberInput
from ocop_desktop.services.province.rounds import RoundService
from ocop_desktop.services.province.scores import MemberScoreService


def register(sub: Sub) -> None:
    g = group(sub, "council", "Hội đồng đánh giá của đợt")
    command(
        g,
        "configure",
        _configure,
        "tên, hình thức, quy tắc của Hội đồng",
        ["round"],
        [
            ("--name", {}),
            ("--decision", {}),
            ("--mode", {"choices": ["meeting", "written"]}),
            ("--max-spread", {"type": int}),
            ("--quorum", {}),
            ("--floor-rule", {"choices": ["majority", "all", "mean"]}),
            (
                "--five-star-rule",
                {
                    "choices": ["points", "points_and_floors"],
                    "help": "sản phẩm đề nghị Bộ công nhận 5 sao: points = từ 90 điểm (Điều 7.3.e "
                    "QĐ 26/2026, mặc định); points_and_floors = từ 90 điểm và đủ yêu cầu tối thiểu 5 sao "
                    "(cách hiểu chặt hơn)",
                },
            ),
        ],
    )
    command(g, "list", _list, "thành viên Hội đồng", ["round"])
    command(
        g,
        "add-member",
        _add,
        "thêm thành viên",
        ["round"],
        [
            ("--name", {"required": True}),
            ("--role", {"default": "member", "choices": ["chair", "member", "secretary"]}),
            ("--organisation", {"default": ""}),
            ("--title", {"default": ""}),
        ],
    )
    command(g, "absent", _present, "ghi thành viên vắng mặt", ["round", "member"]).set_defaults(present=False)
    command(g, "present", _present, "ghi thành viên có mặt", ["round", "member"]).set_defaults(present=True)
    score = group(sub, "score", "phiếu chấm của thành viên Hội đồng")
    command(
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


def _configure(args: argparse.Namespace, ctx: AppContext) -> int:
    r = CouncilService(ctx).configure(
        round_id(ctx, args.round),
        name=args.name,
        decision=args.decision,
        mode=args.mode,
        max_spread=args.max_spread,
        quorum=args.quorum,
        floor_rule=args.floor_rule,
        five_star_rule=args.five_star_rule,
    )
    return print_rounds(args, [r])


def _members(args: argparse.Namespace, members: Sequence[MemberRow]) -> int:
    return out(
        args,
        [asdict(m) for m in members],
        ["TV", "Họ tên", "Vai trò", "Cơ quan", "Có mặt", "Mã"],
        [
            [m.label, m.name, m.role_label, m.organisation, "có" if m.present else "vắng", m.id]
            for m in members
        ],
    )


def _list(args: argparse.Namespace, ctx: AppContext) -> int:
    return _members(args, CouncilService(ctx).members(round_id(ctx, args.round)))


def _add(args: argparse.Namespace, ctx: AppContext) -> int:
    m = CouncilService(ctx).add_member(
        round_id(ctx, args.round), MemberInput(args.name, args.role, args.organisation, args.title)
    )
    return _members(args, [m])


def _present(args: argparse.Namespace, ctx: AppContext) -> int:
    service, rid = CouncilService(ctx), round_id(ctx, args.round)
    return _members(args, [service.set_present(service.find_member(rid, args.member).id, args.present)])


def _score_enter(args: argparse.Namespace, ctx: AppContext) -> int:
    answers, knockouts, stops = read_answers(args.answers)
    dossier = dossier_id(ctx, args.dossier)
    rid = round_id(ctx, args.round) if args.round else RoundService(ctx).round_of(dossier).id
    member = CouncilService(ctx).find_member(rid, args.member)
    row = MemberScoreService(ctx).enter(
        rid, dossier, member.id, answers, knockouts=knockouts, stops=stops, opinion=args.opinion or ""
    )
    return out(
        args,
        asdict(row),
        ["Thành viên", "Tổng điểm", "Sao", "Bị loại"],
        [[f"{row.member_label} {row.member_name}", row.total, row.star, "có" if row.eliminated else "không"]],
    )

"""`rules suspects`: the corrections and suspect values of a rule set, for administrators, and the
lines that mark them in `rules show`. Both read them from the rule set (`Sheet.notices`)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.domain.rules.model import Notice, RuleSet
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.rules import RuleService

MARK = {"correction": "✎ Đã hiệu chỉnh", "suspect": "⚑ Giá trị nghi vấn"}


def register(rules: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = rules.add_parser(
        "suspects", help="các giá trị đã hiệu chỉnh và giá trị nghi vấn của bản sao văn bản (mọi phiếu)"
    )
    p.add_argument("--set", metavar="SET", help="chỉ một bộ sản phẩm (số 1–26 hoặc mã, vd. I.1.a)")
    p.add_argument("--ruleset", metavar="ID", help="mã bộ tiêu chí (mặc định: bộ đang có hiệu lực)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=_suspects, needs_context=False)


def notice_lines(notices: Iterable[Notice], pad: str) -> list[str]:
    """One line per notice, as `rules show` prints it under what it is about."""
    return [f"{pad}{MARK[n.kind]} ({n.where}): {n.text}" for n in notices]


def notice_json(n: Notice) -> dict[str, object]:
    return {
        "set": n.set,
        "kind": n.kind,
        "where": n.where,
        "text": n.text,
        "criteria": list(n.criteria),
        "part": n.part,
    }


def _notices(ruleset: RuleSet, set_ref: str | None) -> list[Notice]:
    sheets = (ruleset.sheet(set_ref),) if set_ref else ruleset.sheets
    return [n for sheet in sheets for n in sheet.notices]


def _suspects(args: argparse.Namespace, ctx: AppContext | None) -> int:
    ruleset = RuleService().resolve(args.ruleset)
    notices = _notices(ruleset, args.set)
    if args.json:
        print_json(
            {
                "ruleset": {"id": ruleset.id, "hash": ruleset.content_hash},
                "notices": [notice_json(n) for n in notices],
            }
        )
        return 0
    print(
        f"Bộ tiêu chí {ruleset.id}: {len(notices)} điểm cần lưu ý so với văn bản in "
        "(xác minh lại với Công báo trước khi dùng chính thức)."
    )
    if notices:
        print_table(
            ["Bộ", "Vị trí", "Loại", "Nội dung"],
            [[str(n.set), n.where, MARK[n.kind][2:], n.text] for n in notices],
        )
    return 0

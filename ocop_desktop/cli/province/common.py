"""What the province commands share: declaring a command in one call, printing a result as a table
or as JSON (`--json` on every command), and naming a round or a dossier the way people type them."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any, TypeAlias

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.forms import parse_date
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.common import EntryRow
from ocop_desktop.services.province.rounds import RoundRow, RoundService

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # generic only to type checkers
Handler: TypeAlias = Callable[[argparse.Namespace, AppContext], int]


def group(sub: Sub, name: str, help_text: str) -> Sub:
    """`ocop-desktop NAME …`: a command family whose subcommand is required."""
    return sub.add_parser(name, help=help_text).add_subparsers(
        dest=f"{name}_command", metavar="LỆNH", required=True
    )


def command(
    family: Sub,
    name: str,
    handler: Handler,
    help_text: str,
    positional: list[str],
    options: Sequence[tuple[str, dict[str, Any]]] = (),
) -> argparse.ArgumentParser:
    """`positional`: "round", "dossiers+" (one or more), "--dossier" (a required option)."""
    p = family.add_parser(name, help=help_text)
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


def out(
    args: argparse.Namespace, data: Any, headers: list[str], rows: list[list[Any]], footer: str = ""
) -> int:
    """`data` as JSON with `--json`, else the table (and a footer line)."""
    if args.json:
        print_json(data)
    else:
        print_table(headers, [[("" if c is None else str(c)) for c in r] for r in rows])
        if footer:
            print(f"\n{footer}")
    return 0


def entries(args: argparse.Namespace, rows: Sequence[EntryRow]) -> int:
    """The dossiers of a round, as the round commands print them."""
    return out(
        args,
        [asdict(e) for e in rows],
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
            for e in rows
        ],
    )


def print_rounds(args: argparse.Namespace, rows: Sequence[RoundRow]) -> int:
    """Rounds with their dates and progress, as the round and council commands print them."""
    return out(
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


def round_id(ctx: AppContext, ref: str) -> str:
    """A round by id, id prefix or YEAR-NUMBER ("2026-2")."""
    return RoundService(ctx).find(ref).id


def dossier_id(ctx: AppContext, ref: str) -> str:
    """A dossier by id, id prefix or receipt number."""
    return RoundService(ctx).find_dossier(ref)


def day(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError:
        raise UserError(f"Ngày “{text}” không hợp lệ (dd/mm/yyyy).") from None

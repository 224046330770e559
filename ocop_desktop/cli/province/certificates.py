"""`certificates expiring | revoke`: certificates of the province's products that are running out,
and revocation by the provincial chairman (docs/province.md)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from ocop_desktop.cli.province.common import Sub, command, day, group, out
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.province.reports import ProvinceReportService
from ocop_desktop.services.province.results import ResultService


def register(sub: Sub) -> None:
    g = group(sub, "certificates", "giấy chứng nhận: sắp hết hạn, thu hồi")
    command(
        g,
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
    command(
        g,
        "revoke",
        _revoke,
        "thu hồi giấy chứng nhận",
        ["certificate"],
        [("--on", {"required": True}), ("--reason", {"required": True})],
    )


def _expiring(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = ProvinceReportService(ctx).expiring(args.days)
    return out(
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
    c = ResultService(ctx).revoke(args.certificate, on=day(args.on), reason=args.reason)
    return out(
        args,
        asdict(c),
        ["Mã GCN", "Trạng thái", "Thu hồi ngày"],
        [[c.id, c.state, f"{c.revoked_on:%d/%m/%Y}"]],
    )

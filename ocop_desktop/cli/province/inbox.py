"""`inbox list | accept | return | note`: the dossiers the communes sent to the province, and the
advisory team's notes on them (docs/province.md)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from ocop_desktop.cli.province.common import Sub, command, day, dossier_id, group, out, round_id
from ocop_desktop.domain.province import NoteKind
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierDetail
from ocop_desktop.services.province.advisory import AdvisoryService, NoteRow
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundService


def register(sub: Sub) -> None:
    g = group(sub, "inbox", "hộp hồ sơ xã gửi lên tỉnh")
    command(
        g,
        "list",
        _list,
        "hồ sơ đã gửi, đã tiếp nhận, đã trả lại",
        [],
        [("--status", {}), ("--unassigned", {"action": "store_true"})],
    )
    command(g, "accept", _accept, "tiếp nhận hồ sơ", ["dossier"], [("--note", {"default": ""})])
    command(g, "return", _return, "trả hồ sơ để xã bổ sung", ["dossier"], [("--reason", {"required": True})])
    command(
        g,
        "note",
        _note,
        "ghi chú của tổ tư vấn về hồ sơ trong đợt (có --text hoặc --file: thêm; không có: xem)",
        ["dossier"],
        [
            ("--text", {"default": "", "help": "nội dung ghi chú"}),
            ("--file", {"type": Path, "metavar": "FILE", "help": "tệp đính kèm (PDF, JPEG, PNG, TIFF)"}),
            ("--kind", {"default": NoteKind.OTHER.value, "choices": [k.value for k in NoteKind]}),
            ("--on", {"metavar": "NGÀY", "help": "ngày của biên bản, kết quả (dd/mm/yyyy)"}),
            ("--round", {"metavar": "ĐỢT", "help": "đợt (mặc định: đợt của hồ sơ)"}),
        ],
    )


def _list(args: argparse.Namespace, ctx: AppContext) -> int:
    rows = InboxService(ctx).rows(args.status, unassigned_only=args.unassigned)
    return out(
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


def _accept(args: argparse.Namespace, ctx: AppContext) -> int:
    return _status(args, InboxService(ctx).accept(dossier_id(ctx, args.dossier), note=args.note))


def _return(args: argparse.Namespace, ctx: AppContext) -> int:
    return _status(args, InboxService(ctx).return_for_correction(dossier_id(ctx, args.dossier), args.reason))


def _status(args: argparse.Namespace, d: DossierDetail) -> int:
    return out(
        args,
        {"id": d.row.id, "status": d.row.status},
        ["Mã hồ sơ", "Trạng thái"],
        [[d.row.id, d.row.status_label]],
    )


def _note(args: argparse.Namespace, ctx: AppContext) -> int:
    dossier = dossier_id(ctx, args.dossier)
    rnd = round_id(ctx, args.round) if args.round else RoundService(ctx).round_of(dossier).id
    service = AdvisoryService(ctx)
    if args.text or args.file:
        noted_on = day(args.on) if args.on else None
        notes = [service.add(rnd, dossier, args.kind, args.text, noted_on=noted_on, file=args.file)]
    else:
        notes = service.rows(rnd, dossier)
    return _notes(args, notes)


def _notes(args: argparse.Namespace, notes: list[NoteRow]) -> int:
    return out(
        args,
        [{**asdict(n), "file_path": str(n.file_path) if n.file_path else None} for n in notes],
        ["Mã", "Loại", "Ngày", "Nội dung", "Tệp"],
        [
            [n.id[:8], n.kind_label, f"{n.noted_on:%d/%m/%Y}" if n.noted_on else "", n.text, n.filename]
            for n in notes
        ],
        f"{len(notes)} ghi chú.",
    )

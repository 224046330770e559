"""Evaluator packages on the command line (docs/sync-package.md §13).

`package enroll | export --kind … | inspect | verify` route the new kinds here (see `cli/sync.py`;
`package import` goes through `PackageService`, except the link of a laptop's enrollment to a council
member, `import_enrollment`); the `evaluator` group is the member's offline work and the province's links:

    evaluator dossiers [--round R] [--json]                    (evaluator laptop)
    evaluator show DOSSIER [--json]
    evaluator score DOSSIER --answers FILE [--opinion ..] [--json]
    evaluator link ROUND MEMBER OFFICE | links ROUND [--json]  (province)
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ocop_desktop.cli.framework import print_json, print_table
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.sync.types import ImportPreview

KINDS = {
    "evaluator-assignment": "evaluator_assignment",
    "evaluator-scores": "evaluator_scores",
    "five-star": "five_star_proposal",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("evaluator", help="chấm điểm ngoại tuyến của thành viên Hội đồng (máy chấm điểm)")
    esub = p.add_subparsers(dest="evaluator_command", metavar="LỆNH", required=True)

    cmd = esub.add_parser("dossiers", help="hồ sơ được phân công và phiếu chấm của mình")
    cmd.add_argument("--round", metavar="ĐỢT")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=_dossiers)

    cmd = esub.add_parser("show", help="một hồ sơ được phân công (chỉ đọc), minh chứng và phiếu chấm")
    cmd.add_argument("dossier")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=_show)

    cmd = esub.add_parser(
        "score", help="ghi phiếu chấm của mình cho một hồ sơ (tệp câu trả lời như `rules score`)"
    )
    cmd.add_argument("dossier")
    cmd.add_argument("--answers", required=True, type=Path, metavar="FILE")
    cmd.add_argument("--opinion", default="")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=_score)

    cmd = esub.add_parser("link", help="(tỉnh) gắn máy chấm điểm đã tin cậy với thành viên Hội đồng")
    cmd.add_argument("round")
    cmd.add_argument("member", help="TV3, 3 hoặc mã thành viên")
    cmd.add_argument("office", help="mã cơ quan của máy chấm điểm")
    cmd.add_argument(
        "--confirm-key-change",
        metavar="SỐ CŨ",
        help="thay máy đang gắn với thành viên (hoặc chuyển máy của thành viên khác): dấu vân tay CŨ",
    )
    cmd.set_defaults(handler=_link)

    cmd = esub.add_parser("links", help="(tỉnh) máy chấm điểm đã gắn với thành viên của đợt")
    cmd.add_argument("round")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=_links)


# -- hooks used by `package …` ---------------------------------------------------------------------
def round_id(ctx: AppContext, ref: str | None) -> str:
    from ocop_desktop.domain.errors import UserError
    from ocop_desktop.services.province.rounds import RoundService

    if not ref:
        raise UserError("Cần chọn đợt đánh giá (--round, ví dụ 2026-2).")
    return RoundService(ctx).find(ref).id


def export(args: argparse.Namespace, ctx: AppContext) -> Any:
    """`package export --kind …`: the ExportResult."""
    from ocop_desktop.domain.errors import UserError
    from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
    from ocop_desktop.services.sync.proposal import FiveStarProposalService

    kind = KINDS[args.kind]
    if kind == "evaluator_assignment":
        if not args.member:
            raise UserError("Cần chọn thành viên Hội đồng (--member TV3).")
        return ProvinceEvaluatorPackages(ctx).export_assignment(
            round_id(ctx, args.round), args.member, args.output
        )
    if kind == "evaluator_scores":
        return EvaluatorPackages(ctx).export_scores(args.output, round_id=args.round)
    return FiveStarProposalService(ctx).export(round_id(ctx, args.round), args.output)


def enroll(ctx: AppContext, output: Path) -> Any | None:
    """`package enroll` at an evaluator laptop (None elsewhere: the ordinary enrollment)."""
    from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages

    if ctx.office().role != "evaluator":
        return None
    return EvaluatorPackages(ctx).export_enrollment(output)


def check(args: argparse.Namespace, ctx: AppContext, *, verify: bool) -> bool:
    """`package inspect|verify` of a 5★ proposal (False: not one, use the ordinary path)."""
    from ocop_desktop.services.sync.opened import package_kind
    from ocop_desktop.services.sync.proposal import FiveStarProposalService

    if package_kind(args.file)[0] != "five_star_proposal":
        return False
    service = FiveStarProposalService(ctx)
    confirm = getattr(args, "confirm_fingerprint", None)
    result = (
        service.verify(args.file, confirm_fingerprint=confirm)
        if verify
        else service.inspect(args.file, confirm_fingerprint=confirm)
    )
    if args.json:
        print_json({"ok": True, **result.to_json()})
        return True
    signer = {
        "own": "chính máy này",
        "trusted": "khóa đã tin cậy",
        "confirmed": "dấu vân tay đã xác nhận",
        "unconfirmed": "CHƯA xác nhận dấu vân tay",
    }[result.signer]
    print(
        f"Hồ sơ đề nghị công nhận 5 sao của {result.province_name}, {result.round_label}: "
        f"chữ ký hợp lệ ({signer}; "
        f"dấu vân tay {result.fingerprint})"
        + (f", mã băm của {result.package.files} tệp đều đúng." if verify else ".")
    )
    print_table(
        ["Mã hồ sơ", "Sản phẩm", "Chủ thể", "Điểm TB", "Sao", "Tệp minh chứng"],
        [
            [
                p.dossier_id[:8],
                p.product_name,
                p.producer_name,
                str(p.mean_total),
                str(p.star),
                str(p.evidence_files),
            ]
            for p in result.products
        ],
    )
    print("Gói này gửi Bộ; không có bước nhập trên OCOP Desktop.")
    return True


def import_enrollment(args: argparse.Namespace, ctx: AppContext, print_preview: Any) -> None:
    """`package import` of an evaluator laptop's enrollment at the province, after the generic door
    (`PackageService`) checked it and refused it with `LINK_IN_COUNCIL`.

    This one kind keeps a door of its own because importing it means linking the laptop to a council
    member, which the generic import knows nothing of (`--round` and `--member`); the UI does the same
    from the council tab. Every other kind goes through `PackageService` and `routing.ROUTES`."""
    from ocop_desktop.domain.errors import UserError
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    confirm, key_change = args.confirm_fingerprint, args.confirm_key_change
    province = ProvinceEvaluatorPackages(ctx)
    if args.dry_run or not (args.round and args.member):
        preview = province.preview_enrollment(
            args.file,
            confirm_fingerprint=confirm,
            round_id=round_id(ctx, args.round) if args.round and args.member else None,
            member=args.member,
            confirm_key_change=key_change,
        )
        _show_preview(args, preview, print_preview, dry_run=True)
        if not args.dry_run:
            raise UserError(
                "Gói ghi danh của máy chấm điểm: cần chọn đợt và thành viên Hội đồng để gắn "
                "(--round 2026-2 --member TV3)."
            )
        return
    link = province.import_enrollment(
        args.file,
        round_id(ctx, args.round),
        args.member,
        confirm_fingerprint=confirm,
        confirm_key_change=key_change,
    )
    if args.json:
        print_json({"dry_run": False, "link": asdict(link)})
    else:
        print(
            f"Đã tin cậy máy chấm điểm “{link.office_name}” (dấu vân tay {link.fingerprint}) và gắn với "
            f"{link.member_label} {link.member_name}."
        )


def _show_preview(
    args: argparse.Namespace, preview: ImportPreview, print_preview: Any, *, dry_run: bool
) -> None:
    if args.json:
        print_json({"dry_run": dry_run, **preview.to_json()})
    else:
        print("Chạy thử (không ghi gì):")
        print_preview(preview)


# -- the evaluator group ---------------------------------------------------------------------------
def _dossiers(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.services.evaluator.work import EvaluatorWorkService

    work = EvaluatorWorkService(ctx)
    a = work.assignment_row(args.round)
    rows = work.dossiers(a.round_id)
    if args.json:
        print_json({"assignment": asdict(a), "dossiers": [asdict(r) for r in rows]})
        return 0
    print(
        f"{a.round_label} — {a.member_label} {a.member_name} ({a.province_name}); "
        f"{a.complete}/{a.dossiers} phiếu hoàn thành, {a.unsent} chưa gửi tỉnh."
    )
    print_table(
        ["Mã hồ sơ", "Sản phẩm", "Chủ thể", "Bộ", "Điểm", "Sao", "Phiếu"],
        [
            [
                r.dossier_id[:8],
                r.product_name,
                r.producer_name,
                str(r.product_set),
                "" if r.total is None else str(r.total),
                "" if r.star is None else str(r.star),
                ("đã gửi" if r.sent else "hoàn thành")
                if r.complete
                else ("đang chấm" if r.total is not None else ""),
            ]
            for r in rows
        ],
    )
    return 0


def _show(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.services.evaluator.work import EvaluatorWorkService

    work = EvaluatorWorkService(ctx)
    d = work.dossier(args.dossier)
    sheet = work.sheet(d.row.dossier_id)
    if args.json:
        data = asdict(d)
        data["evidence"] = [{**asdict(e), "path": str(e.path)} for e in d.evidence]
        data["advisory"] = [{**x, "path": str(x["path"]) if x.get("path") else None} for x in d.advisory]
        print_json(
            {
                **data,
                "sheet": {
                    "answers": sheet.answers,
                    "total": sheet.result.total,
                    "star": sheet.result.star,
                    "complete": sheet.complete,
                    "unanswered": list(sheet.result.unanswered),
                    "revision": sheet.revision,
                },
            }
        )
        return 0
    print(f"{d.row.product_name} — {d.row.producer_name} (bộ {d.row.product_set}, {d.ruleset_id})")
    for e in d.evidence:
        print(f"  minh chứng: {e.filename} ({e.media_type}) {e.path}")
    for x in d.advisory:
        print(f"  tổ tư vấn: {x.get('kind')}: {x.get('text')}")
    print(
        f"Phiếu của mình: {sheet.result.total} điểm, {sheet.result.star} sao; "
        + ("hoàn thành." if sheet.complete else f"còn {len(sheet.result.unanswered)} tiêu chí chưa chấm.")
    )
    return 0


def _score(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.cli.rules import read_answers
    from ocop_desktop.services.evaluator.work import EvaluatorWorkService, SheetEditInput

    answers, knockouts, stops = read_answers(args.answers)
    work = EvaluatorWorkService(ctx)
    current = work.sheet(args.dossier)
    state = work.save_sheet(
        args.dossier,
        SheetEditInput(answers, tuple(knockouts), tuple(stops), opinion=args.opinion),
        expected_revision=current.revision,
    )
    if args.json:
        print_json(
            {
                "dossier_id": state.dossier_id,
                "total": state.result.total,
                "star": state.result.star,
                "complete": state.complete,
                "revision": state.revision,
            }
        )
    else:
        print(
            f"Đã lưu phiếu: {state.result.total} điểm, {state.result.star} sao"
            + ("" if state.complete else f" (còn {len(state.result.unanswered)} tiêu chí chưa chấm)")
            + "."
        )
    return 0


def _link(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    link = ProvinceEvaluatorPackages(ctx).link(
        round_id(ctx, args.round), args.member, args.office, confirm_key_change=args.confirm_key_change
    )
    print(f"Đã gắn “{link.office_name}” với {link.member_label} {link.member_name}.")
    return 0


def _links(args: argparse.Namespace, ctx: AppContext | None) -> int:
    assert ctx is not None
    from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages

    rows = ProvinceEvaluatorPackages(ctx).links(round_id(ctx, args.round))
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    print_table(
        ["Thành viên", "Họ tên", "Máy chấm điểm", "Dấu vân tay"],
        [[r.member_label, r.member_name, r.office_name, r.fingerprint] for r in rows],
    )
    return 0

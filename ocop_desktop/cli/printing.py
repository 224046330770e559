"""`print FORM [--dossier ID | --set SET] -o OUT.pdf`: print the official forms to PDF.

Without --dossier every form prints blank, to be filled by hand (sheet: the set's scoring
sheet, or all 26 with `--set all`). Forms filled from a dossier's record come with the dossier
print service; until then --dossier says so plainly. No database is opened.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ocop_desktop.cli.framework import ConsoleProgress, clear_progress, print_json
from ocop_desktop.domain.checklist import Requirement, checklist_for
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.reference import checklist_data
from ocop_desktop.services.core.rules import RuleService

FORMS = [
    "mau01",
    "mau02",
    "mau03",
    "sheet",
    "receipt",
    "checklist",
    "supplement",
    "certificate",
    "results",
    "council-matrix",
]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "print",
        help="in biểu mẫu ra PDF (Mẫu 01–03, phiếu chấm điểm, phiếu tiếp nhận, …)",
        description="In biểu mẫu chính thức ra tệp PDF khổ A4. Không có --dossier: in mẫu trống.",
    )
    p.add_argument("form", metavar="FORM", choices=FORMS, help="một trong: " + ", ".join(FORMS))
    source = p.add_mutually_exclusive_group()
    source.add_argument("--dossier", metavar="ID", help="in từ hồ sơ (mã hồ sơ)")
    source.add_argument(
        "--set", metavar="SET", help="bộ sản phẩm 1–26 hoặc mã (vd. I.1.a); với sheet: 'all' in cả 26 phiếu"
    )
    p.add_argument("--ruleset", metavar="ID", help="mã bộ tiêu chí (mặc định: bộ đang có hiệu lực)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUT.pdf",
        help="tệp PDF (với --set all: tệp .pdf gộp, hoặc một thư mục)",
    )
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(handler=_print, needs_context=False)


def _print_dossier(args: argparse.Namespace) -> Path:
    """Filled from the dossier's record; needs the database, opened here for this one command."""
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.dossiers.print_data import print_dossier_form

    ctx = open_app(AppPaths.for_data_dir(args.data_dir))
    try:
        return print_dossier_form(ctx, _resolve_dossier(ctx, args.dossier), args.form, args.output)
    finally:
        ctx.close()


def _resolve_dossier(ctx: AppContext, prefix: str) -> str:
    """A dossier id, or the first characters of one as `dossiers list` shows them."""
    from ocop_desktop.services.dossiers.service import DossierService

    matches = [r.id for r in DossierService(ctx).search() if r.id.startswith(prefix.strip())]
    if len(matches) != 1:
        raise UserError(
            f"Không tìm thấy hồ sơ “{prefix}”."
            if not matches
            else f"Có {len(matches)} hồ sơ bắt đầu bằng “{prefix}”; hãy ghi đủ mã hồ sơ."
        )
    return matches[0]


def _print(args: argparse.Namespace, ctx: AppContext | None) -> int:
    from ocop_desktop.printing import api
    from ocop_desktop.printing.batch import render_all_blank_sheets
    from ocop_desktop.printing.data_sheet import SheetData

    started = time.perf_counter()
    if args.dossier:
        written = [_print_dossier(args)]
    elif args.form == "sheet":
        if not args.set:
            raise UserError("Cần chọn bộ sản phẩm: --set 1 … 26 (hoặc --set all để in cả 26 phiếu).")
        ruleset = RuleService().resolve(args.ruleset)
        if args.set.strip().lower() == "all":
            written = render_all_blank_sheets(ruleset, args.output, ConsoleProgress())
            clear_progress()
        else:
            written = [api.render("sheet", SheetData(sheet=ruleset.sheet(args.set)), args.output)]
    elif args.form == "checklist":
        written = [api.render("checklist", _blank_checklist(args), args.output)]
    elif args.form == "receipt":
        from ocop_desktop.services.dossiers.print_data import blank_receipt

        written = [api.render("receipt", blank_receipt(args.ruleset), args.output)]
    else:
        written = [api.render(args.form, api.blank(args.form), args.output)]
    seconds = round(time.perf_counter() - started, 2)
    if args.json:
        print_json({"form": args.form, "files": [str(p) for p in written], "seconds": seconds})
    else:
        where = written[0] if len(written) == 1 else f"{len(written)} tệp trong {args.output}"
        print(f"Đã in {args.form} ra {where} ({seconds} giây).")
    return 0


def _blank_checklist(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The checklist items of the rule set's checklist data: for one set (with its
    requirements) when --set is given, otherwise every item with the requirement left blank."""
    from ocop_desktop.printing.data_office import ChecklistData, ChecklistItem

    ruleset = RuleService().resolve(args.ruleset)
    data = checklist_data(ruleset.id)
    if not args.set:
        items = tuple(ChecklistItem(i["label"], i.get("group", "")) for i in data["items"])
        return ChecklistData(items=items)
    sheet = ruleset.sheet(args.set)
    templates = [
        t
        for t in checklist_for(data, sheet.number, "first")
        if t.requirement is not Requirement.NOT_APPLICABLE
    ]
    items = tuple(ChecklistItem(t.label, t.group, t.requirement.label) for t in templates)
    return ChecklistData(items=items, set_name=f"{sheet.number}. {sheet.name}")

"""Screenshots of the print preview and the Reports page (offscreen `grab()`), and timings:
`uv run python benchmarks/shots/shoot_printing.py [OUT_DIR] [--print]`.

Writes print-preview.png (Mẫu 01), print-preview-sheet.png (set 1, filled) and
reports-page.png (OUT_DIR defaults to docs/screenshots) and prints how long the preview of the
8-page filled sheet takes to open; with --print also how long the 26 blank sheets take to make
and to print at 300 dpi on a PDF-writing QPrinter (about a minute)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers


def filled_sheet(out: Path) -> Path:
    from ocop_desktop.printing import api
    from ocop_desktop.printing.data import Ref, Signed
    from ocop_desktop.printing.data_sheet import SheetData, SheetHeader
    from ocop_desktop.services.core.rules import RuleService

    sheet = RuleService().sheet(1)
    answers = {leaf.code: leaf.choices(1)[-1 if i % 3 else 0] for i, leaf in enumerate(sheet.leaves())}
    result = RuleService().score(1, answers)
    header = SheetHeader(
        "Gạo nếp cái hoa vàng Kinh Môn",
        "01-00070-0001",
        "Hợp tác xã Nông nghiệp Hoàn Kiếm",
        "0912 345 678",
        "Số 5 Hàng Bài, Phường Hoàn Kiếm, Hà Nội",
    )
    data = SheetData(
        sheet,
        Ref("3f2a9c1e-demo", 4),
        header,
        result,
        "Sản phẩm đạt yêu cầu, cần bổ sung nhãn.",
        Signed("Hoàn Kiếm", date(2026, 11, 20), "Nguyễn Văn An"),
        "Chủ thể tự đánh giá",
    )
    return api.render("sheet", data, out)


def settle(app: object, seconds: float = 0.3) -> None:
    """Let delayed layouts (header stretch, first paints) run, as they would on screen."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def main(out_dir: Path, bench_print: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from ocop_desktop.printing import api
    from ocop_desktop.ui.printing import catalog
    from ocop_desktop.ui.printing.entry import open_print_preview
    from ocop_desktop.ui.shell.app import configure_application
    from ocop_desktop.ui.shell.screenshot import _quiet_offscreen_noise

    app = QApplication(sys.argv[:1])
    configure_application(app)
    _quiet_offscreen_noise()
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ocop-shoot-"))

    mau01 = api.render("mau01", catalog.blank_data("mau01"), work / "Mau01.pdf")
    dialog = open_print_preview(None, mau01, "Mẫu 01", suggested_name="Mau01.pdf")
    dialog.resize(980, 1040)
    app.processEvents()
    dialog.grab().save(str(out_dir / "print-preview.png"))
    dialog.close()

    sheet = filled_sheet(work / "sheet-01.pdf")
    started = time.perf_counter()
    dialog = open_print_preview(None, sheet, "Phiếu chấm điểm – bộ 1")
    dialog.resize(980, 1040)
    app.processEvents()
    dialog.grab()
    opened = time.perf_counter() - started
    dialog.view.go_to_page(3)
    app.processEvents()
    dialog.grab().save(str(out_dir / "print-preview-sheet.png"))
    pages = dialog.view.page_count()
    print(f"preview of the filled set-1 sheet ({pages} pages): open + first paint {opened:.3f} s")
    dialog.close()

    if bench_print:
        time_printing(work)
    setup_and_shoot_reports(app, work, out_dir)


def time_printing(work: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from ocop_desktop.ui.kit.tasks import Progress
    from ocop_desktop.ui.printing import jobs
    from ocop_desktop.ui.printing.printer import new_printer, print_pdf

    started = time.perf_counter()
    result = jobs.all_blank_sheets_job(Progress(), work / "all.pdf")
    rendered = time.perf_counter() - started
    for dpi in (300,):
        printer = new_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(work / f"printed-{dpi}.pdf"))
        printer.setResolution(dpi)
        started = time.perf_counter()
        sent = print_pdf(printer, result.path)
        printed = time.perf_counter() - started
        print(
            f"26 blank sheets: {result.pages} pages made in {rendered:.1f} s; printed at {dpi} dpi "
            f"({sent} pages to a PDF printer) in {printed:.1f} s ({printed / sent * 1000:.0f} ms/page)"
        )


SAMPLE_PRODUCTS = [
    ("Hợp tác xã Cà phê Hoàn Kiếm", "Cà phê bột nguyên chất", 13),
    ("Công ty TNHH Trà Shan tuyết Hàng Bạc", "Trà Shan tuyết cổ thụ", 11),
    ("Hộ kinh doanh Nguyễn Thị Hằng", "Mật ong hoa nhãn", 4),
    ("Hợp tác xã Rau an toàn Phúc Tân", "Rau cải ngọt hữu cơ", 1),
]


def make_sample_product(ctx: object, producer_name: str, product_name: str, product_set: int) -> str:
    from ocop_desktop.domain.producers import ProducerInput, ProducerKind
    from ocop_desktop.domain.products import ProductInput
    from ocop_desktop.services.registry.producers import ProducerService
    from ocop_desktop.services.registry.products import ProductService

    kind = (
        ProducerKind.COOPERATIVE
        if producer_name.startswith("Hợp tác xã")
        else (
            ProducerKind.ENTERPRISE
            if producer_name.startswith("Công ty")
            else ProducerKind.BUSINESS_HOUSEHOLD
        )
    )
    producer = ProducerService(ctx).create(
        ProducerInput(  # type: ignore[arg-type]
            name=producer_name,
            kind=kind,
            commune_code="00070",
            address="Số 5 Hàng Bài",
            phone="0912345678",
            representative="Lê Thị Mai",
            representative_title="Giám đốc",
        )
    )
    return ProductService(ctx).create(ProductInput(producer.id, product_name, product_set)).id  # type: ignore[arg-type]


def setup_and_shoot_reports(app: object, work: Path, out_dir: Path) -> None:
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.services.core.setup import initialise
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.ui.kit.tasks import wait_for_tasks
    from ocop_desktop.ui.shell.app import build_main_window

    paths = AppPaths.for_data_dir(work / "data")
    ctx = open_app(paths)
    initialise(ctx, "commune", "00070", "Nguyễn Văn An")
    from helpers.builders import TODAY, answer_everything, fill_producer_forms, provide_required

    service = DossierService(ctx, today=TODAY)
    for n, sample in enumerate(SAMPLE_PRODUCTS):
        d = service.create(make_sample_product(ctx, *sample), "first")
        if n < 2:
            fill_producer_forms(service, d.row.id)
            provide_required(ctx, d.row.id, work / "scans")
            answer_everything(ctx, d.row.id)
            service.act(d.row.id, "mark_complete")
            service.act(d.row.id, "receive", on=date(2026, 11, 20))
    window = build_main_window(ctx)
    window.resize(1280, 800)
    window.show()
    page = window.show_page("reports")
    page.parts.setCurrentWidget(page.forms_part)  # the "Số liệu" part comes first
    page.form.setCurrentIndex(page.form.findData("sheet"))
    page.dossiers.table.selectRow(0)
    settle(app)
    window.grab().save(str(out_dir / "reports-page.png"))
    window.close()
    wait_for_tasks()
    ctx.close()
    print("screenshots in", out_dir)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else ROOT / "docs" / "screenshots", "--print" in sys.argv)

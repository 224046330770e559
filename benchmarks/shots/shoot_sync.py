"""Reference screenshots of the sync page (not a test): a commune and its province on throw-away
data folders exchange real packages, then the pages are grabbed offscreen at 1280×800.

    uv run python benchmarks/shots/shoot_sync.py [OUT_DIR]   # default docs/screenshots

Writes sync-page.png (the commune: a package waiting 9 days for its receipt, the warning, the
history of imports, the last receipt from the province) and sync-import-preview.png (the province
previewing a second submission: new, updated and unchanged dossiers); with another OUT_DIR also
sync-extra-province.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from helpers.builders import answer_everything, fill_producer_forms, pdf_file, provide_required  # noqa: E402
from helpers.sync import MAU03, TODAY, link, open_installation, resubmit  # noqa: E402
from ocop_desktop.domain.producers import ProducerInput, ProducerKind  # noqa: E402
from ocop_desktop.domain.products import ProductInput  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.dossiers.evidence import EvidenceService  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.services.province.inbox import InboxService  # noqa: E402
from ocop_desktop.services.registry.producers import ProducerService  # noqa: E402
from ocop_desktop.services.registry.products import ProductService  # noqa: E402
from ocop_desktop.services.sync.service import PackageService  # noqa: E402
from ocop_desktop.store.models import SyncPackage  # noqa: E402
from ocop_desktop.ui.kit.tasks import wait_for_tasks  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402

SIZE = (1280, 800)
PRODUCTS = [
    ("Hợp tác xã Cà phê Hàng Bài", "Cà phê bột rang xay Hàng Bài", 13),
    ("Hộ kinh doanh Lê Thị Mai", "Ô mai mơ gừng phố cổ", 7),
    ("Công ty TNHH Trà Việt", "Trà sen Tây Hồ", 12),
    ("Hợp tác xã Nông nghiệp Phúc Tân", "Cốm làng Vòng", 6),
    ("Tổ hợp tác Gốm Bát Tràng", "Bình gốm men lam", 21),
]


def ready(ctx: AppContext, files: Path, producer: str, product: str, product_set: int) -> str:
    owner = ProducerService(ctx).create(
        ProducerInput(
            name=producer,
            kind=ProducerKind.COOPERATIVE,
            commune_code="00070",
            address="Số 5 Hàng Bài",
            tax_code="0101234567",
            phone="0912345678",
            representative="Lê Thị Mai",
            representative_title="Giám đốc",
        )
    )
    product_id = ProductService(ctx).create(ProductInput(owner.id, product, product_set)).id
    service = DossierService(ctx, today=TODAY)
    d = service.create(product_id, "first")
    fill_producer_forms(service, d.row.id)
    provide_required(ctx, d.row.id, files)
    pages = 5 + sum(map(ord, product)) % 40  # a scan of its own, so the province does not hold it yet
    EvidenceService(ctx).add_file(d.row.id, pdf_file(files, "Ảnh sản phẩm và bao bì.pdf", pages=pages))
    answer_everything(ctx, d.row.id)
    service.act(d.row.id, "mark_complete")
    d = service.act(d.row.id, "receive", on=TODAY)
    d = service.save_section(d.row.id, "mau03", MAU03, expected_revision=d.row.revision)
    service.act(d.row.id, "commune_check")
    return d.row.id


def age(ctx: AppContext, package_id: str, days: int) -> None:
    """Pretend a package was written `days` ago (for the unsent warning in the picture)."""
    with ctx.unit_of_work() as s:
        row = s.get(SyncPackage, package_id)
        row.recorded_at = row.recorded_at - timedelta(days=days)


def settle(app, page) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        app.processEvents()
        if page.is_ready():
            break
        wait_for_tasks(100)
    app.processEvents()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    from ocop_desktop.ui.kit.errors import RecordingSink, install_sink
    from ocop_desktop.ui.sync.page import SyncPage
    from ocop_desktop.ui.sync.preview_dialog import ImportPreviewDialog

    install_sink(RecordingSink())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        template = root / "template"
        open_app(AppPaths.for_data_dir(template)).close()
        commune = open_installation(root / "xa", template, "commune", "00070", "Nguyễn Văn An")
        province = open_installation(root / "tinh", template, "province", "01", "Trần Thị Bình")
        usb = root / "usb"
        usb.mkdir()
        try:
            link(commune, province, usb)
            cs, ps = PackageService(commune), PackageService(province)
            ids = [ready(commune, root / f"scan{i}", *p) for i, p in enumerate(PRODUCTS[:3])]
            first = cs.export_dossiers(usb / "s1.ocoppkg", pending=True)
            receipt = ps.import_package(first.path).receipt_path
            cs.import_package(receipt)
            desk = InboxService(province, today=TODAY)
            desk.accept(ids[1])
            desk.return_for_correction(
                ids[0], "Bổ sung giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm còn hạn."
            )
            results = ps.export_dossiers(usb / "r1.ocoppkg", to="00070", pending=True)
            ps.import_package(cs.import_package(results.path).receipt_path)
            resubmit(commune, ids[0], "Đã bổ sung giấy chứng nhận an toàn thực phẩm.")
            ids += [ready(commune, root / f"scan{i + 3}", *p) for i, p in enumerate(PRODUCTS[3:])]
            second = cs.export_dossiers(usb / "s2.ocoppkg", dossier_ids=[ids[0], ids[2], ids[3]])
            age(commune, second.package_id, 9)

            page = SyncPage(commune)
            page.resize(*SIZE)
            page.show()
            settle(app, page)
            page.tabs.setCurrentIndex(1)
            app.processEvents()
            page.grab().save(str(out / "sync-page.png"))
            page.close()

            preview = ps.preview(second.path)
            dialog = ImportPreviewDialog(preview)
            dialog.resize(*SIZE)
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(out / "sync-import-preview.png"))
            dialog.close()
            if out.resolve() != (ROOT / "docs" / "screenshots").resolve():
                tinh = SyncPage(province)
                tinh.resize(*SIZE)
                tinh.show()
                settle(app, tinh)
                tinh.tabs.setCurrentIndex(2)
                app.processEvents()
                tinh.grab().save(str(out / "sync-extra-province.png"))
                tinh.close()
            wait_for_tasks(5000)
        finally:
            commune.close()
            province.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

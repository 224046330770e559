"""Reference screenshots of 5★ at the province (not a test): a round with a product of ≥ 90 points
whose council missed a 5★ floor and one that met them all, proposed to the ministry; the ministry's
5★ recorded for the second; grabbed offscreen at 1366×768.

    uv run python benchmarks/shots/shoot_five_star.py OUT_DIR

Writes five-star-list.png (the results tab's 5★ list: floors met or not, the ministry's result),
five-star-dialog.png (“Ghi kết quả của Bộ…” over the page, 87 points / 4★ typed in) and
five-star-after.png (the list once it is recorded)."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers
sys.path.insert(0, str(ROOT / "benchmarks" / "shots"))

from shoot_evaluation import settle  # noqa: E402

from helpers.province import TODAY, five_star_round  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.province.ministry import CentralResultInput, MinistryResultService  # noqa: E402
from ocop_desktop.services.province.results import ResultService  # noqa: E402
from ocop_desktop.ui.kit.tables import select_row  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402

SIZE = (1366, 768)


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    from PySide6.QtGui import QPainter

    from ocop_desktop.ui.kit.errors import RecordingSink, install_sink
    from ocop_desktop.ui.province.page import EvaluationPage

    install_sink(RecordingSink())  # answers “Ghi kết quả” with yes
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_app(AppPaths.for_data_dir(Path(tmp) / "tinh"))
        try:
            initialise(ctx, "province", "01", "Trần Thị Bình")
            round_id, near, full = five_star_round(ctx)
            ResultService(ctx, today=TODAY).propose(round_id)
            MinistryResultService(ctx, today=TODAY).record(
                round_id, full, CentralResultInput("45/QĐ-BNNMT", date(2026, 11, 10), 5, 96)
            )
            page = EvaluationPage(ctx)
            page.resize(*SIZE)
            page.show()
            settle(app, page)
            page.state.select(round_id)
            page.show_tab("results")
            page.results.tabs.setCurrentIndex(2)
            settle(app, page)
            panel = page.results.five_star
            select_row(panel.table, [r.dossier_id for r in panel.rows.rows].index(near))
            settle(app, page)
            page.grab().save(str(out / "five-star-list.png"))
            dialog = panel.record_central()
            assert dialog is not None
            dialog.number.setText("45/QĐ-BNNMT")
            dialog.decided_on.setText("10/11/2026")
            dialog.stars.setCurrentIndex(dialog.stars.findData(4))
            dialog.points.setText("87")
            settle(app, page)
            shot = page.grab()
            painter = QPainter(shot)
            painter.drawPixmap(
                (SIZE[0] - dialog.width()) // 2, (SIZE[1] - dialog.height()) // 3, dialog.grab()
            )
            painter.end()
            shot.save(str(out / "five-star-dialog.png"))
            dialog.ok_button.click()
            settle(app, page)
            page.grab().save(str(out / "five-star-after.png"))
            page.close()
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

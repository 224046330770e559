"""Reference screenshots of the evaluation page (not a test): a province on a throw-away data
folder with two rounds of realistic dossiers, a 7-member council, member sheets (one dossier
whose members disagree), a decision with its certificates; grabbed offscreen at 1280×800.

    uv run python benchmarks/shots/shoot_evaluation.py [OUT_DIR]   # default docs/screenshots

Writes evaluation-round.png (the round overview), evaluation-matrix.png (the council matrix with
outliers) and evaluation-results.png (proposals of a round and the decision form); with another
OUT_DIR also evaluation-extra-*.png (certificates, inbox, council, expiry, scoring, advisory).
"""

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

from helpers.province import answers_for, council, sent_dossier, sheet_of  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.services.province.aggregation import AggregationService  # noqa: E402
from ocop_desktop.services.province.councils import CouncilService  # noqa: E402
from ocop_desktop.services.province.inbox import InboxService  # noqa: E402
from ocop_desktop.services.province.results import DecisionInput, ResultService  # noqa: E402
from ocop_desktop.services.province.rounds import RoundInput, RoundService  # noqa: E402
from ocop_desktop.services.province.scores import MemberScoreService  # noqa: E402
from ocop_desktop.services.registry.certificates import CertificateInput, CertificateService  # noqa: E402
from ocop_desktop.ui.kit.tasks import wait_for_tasks  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402

SIZE = (1280, 800)
TODAY = date(2026, 11, 20)
# (product, commune, set, members' totals; None = not scored yet)
FIRST = [
    ("Trà shan tuyết Tà Xùa", "00004", 11, [78, 80, 77, 79, 81, 78, 80]),
    ("Cà phê Arabica Cầu Đất", "00070", 13, [72, 70, 74, 71, 73, 72, 70]),
    ("Ô mai sấu Hàng Đường", "00070", 7, [64, 66, 63, 65, 62, 64, 66]),
    ("Bánh cốm Nguyên Ninh", "00004", 6, [56, 58, 55, 57, 59, 55, 56]),
]
SECOND = [
    ("Cà phê bột rang xay Hàng Bài", "00070", 13, [74, 76, 75, 73, 77, 75, 75]),
    ("Trà sen Tây Hồ", "00004", 11, [82, 84, 83, 81, 85, 83, 82]),
    ("Cà phê muối Phố cổ", "00070", 13, [60, 62, 81, 61, 60, 63, 62]),
    ("Ô mai mơ gừng phố cổ", "00070", 7, [66, 65, 67, 64, None, None, None]),
    ("Cốm làng Vòng", "00004", 6, [None] * 7),
    ("Chè Thái Nguyên đặc biệt", "00004", 11, [88, 90, 87, 89, 88, 86, 89]),
    ("Trà hoa vàng Ba Chẽ", "00004", 12, [95, 94, 96, 95, 93, 97, 95]),
    ("Miến dong Cự Đà", "00070", 6, [44, 46, 45, 43, 45, 44, 46]),
]


def settle(app, page) -> None:  # type: ignore[no-untyped-def]
    """Until the page has been ready for a few turns in a row: a job's result may start more work
    (a reload, a score sheet built a slice at a time)."""
    quiet = 0
    for _ in range(1000):
        app.processEvents()
        wait_for_tasks(20)
        time.sleep(0.005)
        quiet = quiet + 1 if page.is_ready() else 0
        if quiet >= 5:
            break
    app.processEvents()


def build(ctx: AppContext) -> tuple[str, dict[str, str]]:
    rounds, scores = RoundService(ctx, today=TODAY), MemberScoreService(ctx)
    ids: dict[str, str] = {}
    for batch, number in ((FIRST, 1), (SECOND, 2)):
        made = [sent_dossier(ctx, name, commune=commune, product_set=n) for name, commune, n, _t in batch]
        for d in made:
            InboxService(ctx, today=TODAY).accept(d)
        r = rounds.create(
            RoundInput(
                2026,
                number,
                name="Đợt cuối năm" if number == 2 else "Đợt giữa năm",
                council_name="Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố Hà Nội",
            )
        )
        members = council(ctx, r.row.id)
        CouncilService(ctx).configure(r.row.id, decision="Quyết định số 2150/QĐ-UBND ngày 02/10/2026")
        rounds.assign(r.row.id, made)
        for d, (name, _c, n, totals) in zip(made, batch, strict=True):
            ids[name] = d
            for m, total in zip(members, totals, strict=True):
                if total is not None:
                    lowest = min(t for t in totals if t is not None)
                    keep = 5 if lowest >= 90 else 4 if lowest >= 60 else 2
                    scores.enter(r.row.id, d, m, answers_for(sheet_of(n), total, keep_floors=keep))
        AggregationService(ctx).aggregate_round(r.row.id)
        if number == 1:
            results = ResultService(ctx, today=TODAY)
            results.propose(r.row.id)
            results.decide(
                r.row.id, DecisionInput("1587/QĐ-UBND", date(2026, 7, 8), "Nguyễn Mạnh Quyền", "Phó Chủ tịch")
            )
        last = r.row.id
    ResultService(ctx, today=TODAY).propose(last)
    for name in ("Ô mai mơ gừng phố cổ", "Cốm làng Vòng"):
        ids.setdefault(name, "")
    extra = [
        sent_dossier(ctx, name, commune=commune)
        for name, commune in (("Mật ong hoa nhãn Hưng Yên", "00004"), ("Tương Bần", "00070"))
    ]
    InboxService(ctx, today=TODAY).accept(extra[0])
    certificates = CertificateService(ctx, today=TODAY)
    for name, commune, n, stars, number, on in (
        ("Nước mắm cốt Cát Hải", "00070", 9, 4, "812/QĐ-UBND", date(2024, 2, 1)),
        ("Rượu làng Vân", "00004", 14, 3, "233/QĐ-UBND", date(2023, 6, 1)),
        ("Gà Đông Tảo", "00004", 2, 3, "904/QĐ-UBND", date(2024, 4, 15)),
    ):
        product = (
            DossierService(ctx).get(sent_dossier(ctx, name, commune=commune, product_set=n)).row.product_id
        )
        certificates.add(CertificateInput(product, stars, number, on, "province", "qd148-2023"))
    return last, ids


def shoot_advisory(app, page, round_id: str, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The advisory team's notes on the round's first dossier, with one note already there."""
    from helpers.builders import pdf_file
    from ocop_desktop.services.province.advisory import AdvisoryService
    from ocop_desktop.ui.kit.tables import select_row

    page.state.select(round_id)
    page.show_tab("rounds")
    settle(app, page)
    entry = page.rounds.entries.rows[0]
    scan = pdf_file(page.ctx.paths.data_dir / "scans", "bien-ban-kiem-tra-thuc-te.pdf", pages=1)
    AdvisoryService(page.ctx).add(
        round_id, entry.dossier_id, "site_visit", "Cơ sở sản xuất đạt yêu cầu.", noted_on=TODAY, file=scan
    )
    select_row(page.rounds.entries_table, 0)
    dialog = page.rounds.advisory()
    settle(app, page)
    dialog.text.setPlainText("Mẫu kiểm nghiệm bổ sung đạt chỉ tiêu vi sinh.")
    app.processEvents()
    dialog.grab().save(str(out / "evaluation-extra-advisory.png"))
    dialog.mark_clean()
    dialog.close()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    from ocop_desktop.ui.kit.errors import RecordingSink, install_sink
    from ocop_desktop.ui.province.page import EvaluationPage

    install_sink(RecordingSink())
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_app(AppPaths.for_data_dir(Path(tmp) / "tinh"))
        try:
            initialise(ctx, "province", "01", "Trần Thị Bình")
            round_id, ids = build(ctx)
            page = EvaluationPage(ctx)
            page.resize(*SIZE)
            page.show()
            settle(app, page)
            page.show_tab("rounds")
            settle(app, page)
            page.grab().save(str(out / "evaluation-round.png"))

            page.show_tab("matrix")
            page.matrix.select_dossier(ids["Cà phê muối Phố cổ"])
            settle(app, page)
            page.grab().save(str(out / "evaluation-matrix.png"))

            page.show_tab("results")
            settle(app, page)
            page.results.number.setText("2318/QĐ-UBND")
            page.results.signer.setText("Nguyễn Mạnh Quyền")
            page.results.signer_title.setText("Phó Chủ tịch")
            page.grab().save(str(out / "evaluation-results.png"))
            if out.resolve() != (ROOT / "docs" / "screenshots").resolve():
                page.state.select(next(r.id for r in page.state.rounds if r.number == 1))
                page.results.tabs.setCurrentIndex(1)
                settle(app, page)
                page.grab().save(str(out / "evaluation-extra-certificates.png"))
                for name in ("inbox", "council"):
                    page.show_tab(name)
                    settle(app, page)
                    page.grab().save(str(out / f"evaluation-extra-{name}.png"))
                page.state.select(round_id)
                page.show_tab("results")
                page.results.tabs.setCurrentIndex(3)
                settle(app, page)
                page.grab().save(str(out / "evaluation-extra-expiry.png"))
                page.show_tab("scoring")
                settle(app, page)
                page.scoring.select_dossier(ids["Ô mai mơ gừng phố cổ"])
                settle(app, page)
                page.scoring.open_sheet(page.scoring.members[4].id)
                settle(app, page)
                page.grab().save(str(out / "evaluation-extra-scoring.png"))
                shoot_advisory(app, page, round_id, out)
            page.close()
            wait_for_tasks(5000)
        finally:
            ctx.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

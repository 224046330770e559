"""Batch printing in the background: all 26 blank sheets in one PDF, dossiers × forms merged
into one PDF; progress is reported and "Hủy" leaves no file at all."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from helpers.builders import TODAY, answer_everything, fill_producer_forms, make_product, provide_required  # noqa: I001
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.ui.kit.tasks import Progress, run_task
from ocop_desktop.ui.printing import jobs
from ocop_desktop.ui.printing.pdf_pages import PDFIUM_LOCK


def section_lengths(path: Path) -> list[int]:
    """N of every "Trang 1/N" footer: one per section (sheet, form) of a combined PDF."""
    found = []
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(str(path))
        for i in range(len(doc)):
            page = doc[i]
            text = page.get_textpage()
            match = re.search(r"Trang 1/(\d+)", text.get_text_range())
            if match:
                found.append(int(match.group(1)))
            text.close()
            page.close()
        doc.close()
    return found


def test_all_26_blank_sheets_in_the_background(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "tat-ca.pdf"
    seen: list[tuple[float, str]] = []
    results: list[jobs.BatchResult] = []
    task = run_task(jobs.all_blank_sheets_job, out, on_done=results.append)
    task.progressed.connect(lambda f, text: seen.append((f, text)))
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert results and results[0].path == out and results[0].documents == 26
    sections = section_lengths(out)
    assert len(sections) == 26  # every sheet starts on its own page, numbered from 1
    assert results[0].pages == len(PdfReader(out).pages) == sum(sections)
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("bộ sản phẩm số" in text for _, text in seen)


def test_cancel_leaves_no_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "huy.pdf"
    cancelled: list[bool] = []
    task = run_task(
        jobs.all_blank_sheets_job,
        out,
        on_cancel=lambda: cancelled.append(True),
        on_done=lambda r: pytest.fail("finished although cancelled"),
    )
    task.progressed.connect(lambda f, text: task.cancel())  # "Hủy" as soon as it starts
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert cancelled == [True]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


def _dossier(ctx: AppContext, tmp_path: Path, *, received: bool) -> str:
    service = DossierService(ctx, today=TODAY)
    d = service.create(make_product(ctx), "first")
    if received:
        fill_producer_forms(service, d.row.id)
        provide_required(ctx, d.row.id, tmp_path / d.row.id)
        answer_everything(ctx, d.row.id)
        service.act(d.row.id, "mark_complete")
        service.act(d.row.id, "receive", on=date(2026, 11, 20))
    return d.row.id


def test_dossiers_times_forms_merge_into_one_pdf(ctx: AppContext, tmp_path: Path) -> None:
    received, draft = _dossier(ctx, tmp_path, received=True), _dossier(ctx, tmp_path, received=False)
    dossiers = [jobs.DossierJob(received, "Hồ sơ 1"), jobs.DossierJob(draft, "Hồ sơ 2")]
    out = tmp_path / "ho-so.pdf"
    result = jobs.dossiers_job(Progress(), ctx, dossiers, ["mau01", "receipt"], out)
    assert result.documents == 3  # the draft has no receipt yet
    assert result.skipped == (
        "Hồ sơ 2 – Phiếu tiếp nhận: Hồ sơ chưa được tiếp nhận nên chưa có phiếu tiếp nhận. "
        "Hãy “Tiếp nhận và cấp số phiếu” trước.",
    )
    reader = PdfReader(out)
    assert result.pages == len(reader.pages) == sum(section_lengths(out))
    assert [item.title for item in reader.outline] == [
        "Hồ sơ 1 – Mẫu 01",
        "Hồ sơ 1 – Phiếu tiếp nhận",
        "Hồ sơ 2 – Mẫu 01",
    ]


def test_dossier_batch_cancelled_or_empty_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    draft = _dossier(ctx, tmp_path, received=False)
    out = tmp_path / "khong.pdf"
    progress = Progress()
    progress.cancel()
    from ocop_desktop.domain.errors import Cancelled

    with pytest.raises(Cancelled):
        jobs.dossiers_job(progress, ctx, [jobs.DossierJob(draft, "Hồ sơ")], ["mau01"], out)
    with pytest.raises(UserError, match="Không in được biểu mẫu nào"):
        jobs.dossiers_job(Progress(), ctx, [jobs.DossierJob(draft, "Hồ sơ")], ["receipt"], out)
    with pytest.raises(UserError, match="Chưa chọn"):
        jobs.dossiers_job(Progress(), ctx, [], ["mau01"], out)
    assert not out.exists()

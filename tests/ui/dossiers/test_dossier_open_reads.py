"""The dossier window's open job reads through one shared session (`AppContext.shared_read`): at a
server desk each read transaction costs its own round trips."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import event, update

from ocop_desktop.services.core.context import AppContext


def test_the_dossier_window_reads_in_one_transaction(ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from helpers.builders import make_product
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.ui.dossiers import ops

    dossier = DossierService(ctx).create(make_product(ctx), "first").row.id
    opened: list[object] = []
    real = ctx.sessions

    def counting() -> object:
        session = real()
        opened.append(session)
        return session

    monkeypatch.setattr(ctx, "sessions", counting)
    data = ops.open_dossier(None, ctx, dossier)
    assert data.detail.row.id == dossier
    assert len(opened) <= 2  # the shared read, and at most the officer's name read once (was one per read)


def test_the_open_job_reads_in_few_statements_what_the_services_say_one_by_one(
    ctx: AppContext, tmp_path: Path
) -> None:
    """A server desk pays a round trip per statement: the open job reads a dossier with evidence in
    at most 6 (it was 16), and what it shows is what each service says on its own."""
    from helpers.builders import make_product, pdf_file
    from ocop_desktop.services.dossiers.checklists import ChecklistService
    from ocop_desktop.services.dossiers.closing import DossierArchiveService
    from ocop_desktop.services.dossiers.evidence import EvidenceService
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.ui.dossiers import ops

    dossier = DossierService(ctx).create(make_product(ctx), "first").row.id
    key = ChecklistService(ctx).items(dossier)[0].key
    files = [pdf_file(tmp_path, name, pages=n + 1) for n, name in enumerate(("a.pdf", "b.pdf", "c.pdf"))]
    EvidenceService(ctx).add_files(dossier, files[:2], checklist_key=key)
    EvidenceService(ctx).add_file(dossier, files[2])
    ops.open_dossier(None, ctx, dossier)  # the rule set and the officers' names, read once per process
    statements: list[str] = []
    listen = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(ctx.engine, "before_cursor_execute", listen)
    try:
        data = ops.open_dossier(None, ctx, dossier)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", listen)
    assert len(statements) <= 6, statements
    checklist = ChecklistService(ctx)
    assert data.checklist.items == checklist.items(dossier)
    assert data.checklist.completeness == checklist.completeness(dossier)
    assert next(r for r in data.checklist.items if r.key == key).attachments == 2
    assert (
        data.evidence.total_size
        == EvidenceService(ctx).total_size(dossier)
        == sum(p.stat().st_size for p in files)
    )
    assert data.detail.archive == DossierArchiveService(ctx).state(dossier)


def test_the_window_and_the_archive_service_take_the_same_latest_round_entry(ctx: AppContext) -> None:
    """A dossier moved between rounds has an entry in each: the latest one says whether it closed (the
    window reads it with the dossier, in one statement; the archive service on its own)."""
    from helpers.builders import make_product
    from ocop_desktop.services.dossiers.closing import DossierArchiveService
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.store.audit.recorder import audited_execute
    from ocop_desktop.store.models import EvaluationRound, RoundEntry

    today = date(2027, 2, 10)
    dossier = DossierService(ctx).create(make_product(ctx), "first").row.id
    with ctx.unit_of_work() as s:
        for number in (1, 2):
            s.add(
                EvaluationRound(
                    id=f"r{number}",
                    year=2025,
                    number=number,
                    cutoff=date(2025, 6, 1),
                    finish=date(2025, 12, 1),
                    max_spread=10,
                    quorum="majority",
                    chair_required=True,
                )
            )
        s.flush()
        s.add(RoundEntry(id="e1", round_id="r1", dossier_id=dossier, seq=1, status="not_recognised"))
        s.add(RoundEntry(id="e2", round_id="r2", dossier_id=dossier, seq=1, status="assigned"))

    def latest(entry: str) -> None:
        with ctx.unit_of_work() as s:
            for other in ("e1", "e2"):
                when = datetime(2025, 9 if other == entry else 5, 1, tzinfo=UTC)
                change = update(RoundEntry).where(RoundEntry.id == other).values(updated_at=when)
                audited_execute(s, change, RoundEntry.__table__, [other])

    window, archive = DossierService(ctx, today=today), DossierArchiveService(ctx, today=today)
    latest("e2")  # still assigned in its latest round: not closed
    assert "chỉ lưu trữ hồ sơ đã kết thúc" in window.get(dossier).archive.problem
    assert window.get(dossier).archive == archive.state(dossier)
    latest("e1")  # not recognised in its latest round, in 2025: may be archived in 2027
    assert window.get(dossier).archive.problem == ""
    assert window.get(dossier).archive == archive.state(dossier)

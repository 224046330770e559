"""Withdrawal ("Hủy hồ sơ") and archive ("Lưu trữ") of dossiers (issue 15): who may, the reason, the
history, the audit log, the list."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers.builders import make_product
from helpers.dossier_ui import sent_dossier
from ocop_desktop.domain.archive import archive_problem
from ocop_desktop.domain.dossiers import Status, may_withdraw, withdrawal_problems
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.closing import DossierArchiveService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.sync.records import local_hash
from ocop_desktop.store.models import AuditEntry, Dossier, DossierEvent

TODAY = date(2027, 2, 10)


def test_the_domain_says_who_may_be_withdrawn_and_archived() -> None:
    assert not may_withdraw(Status.DRAFT, received=False)  # deleted instead
    assert may_withdraw(Status.DRAFT, received=True)  # reopened after a return: it has a number
    assert all(may_withdraw(s, True) for s in (Status.RECEIVED, Status.SENT, Status.ACCEPTED))
    assert not may_withdraw(Status.DECIDED, True) and not may_withdraw(Status.WITHDRAWN, True)
    assert "note" in withdrawal_problems(Status.SENT, True, "  ")
    assert withdrawal_problems(Status.SENT, True, "Chủ thể ngừng sản xuất") == {}
    last_year = date(2026, 12, 30)
    assert archive_problem(Status.WITHDRAWN, None, last_year, TODAY) == ""
    assert archive_problem(Status.ACCEPTED, "not_recognised", last_year, TODAY) == ""
    assert "năm 2027" in archive_problem(Status.DECIDED, None, date(2027, 1, 2), TODAY)
    assert "chỉ lưu trữ hồ sơ đã kết thúc" in archive_problem(Status.SENT, None, last_year, TODAY)


def test_a_sent_dossier_is_withdrawn_with_a_reason_in_its_history_and_the_audit_log(
    ctx: AppContext, tmp_path: Path
) -> None:
    service = DossierService(ctx)
    dossier_id = sent_dossier(ctx, tmp_path)
    assert "withdraw" in service.get(dossier_id).allowed_actions
    with pytest.raises(ValidationError) as info:
        service.act(dossier_id, "withdraw", note=" ")
    assert "lý do" in info.value.fields["note"]
    assert service.get(dossier_id).row.status == "sent"  # bad input changes nothing
    d = service.act(dossier_id, "withdraw", note="Chủ thể ngừng sản xuất (đơn ngày 01/12/2026)")
    assert d.row.status == "withdrawn" and not d.editable and d.allowed_actions == ()
    last = d.events[-1]
    assert (last.action, last.from_status, last.note) == ("withdraw", "sent", last.note)
    assert "ngừng sản xuất" in last.note
    with ctx.read() as s:
        logged = s.scalars(
            select(AuditEntry).where(
                AuditEntry.table_name == "dossier_event", AuditEntry.dossier_id == dossier_id
            )
        ).all()
    assert any("ngừng sản xuất" in (e.after or "") for e in logged)


def test_a_draft_never_received_is_deleted_not_withdrawn(ctx: AppContext) -> None:
    service = DossierService(ctx)
    d = service.create(make_product(ctx), "first")
    assert "withdraw" not in d.allowed_actions
    with pytest.raises(UserError, match="Xóa hồ sơ nháp"):
        service.act(d.row.id, "withdraw", note="nhầm")


def test_a_withdrawn_dossier_is_no_duplicate(ctx: AppContext, tmp_path: Path) -> None:
    service = DossierService(ctx)
    dossier_id = sent_dossier(ctx, tmp_path)
    product = service.get(dossier_id).row.product_id
    service.act(dossier_id, "withdraw", note="Chủ thể rút")
    assert service.create(product, "first").row.id != dossier_id


def _withdrawn_last_year(ctx: AppContext, tmp_path: Path) -> str:
    dossier_id = sent_dossier(ctx, tmp_path)
    DossierService(ctx).act(dossier_id, "withdraw", note="Chủ thể rút")
    with ctx.sessions.begin() as s:  # as if it had happened last year
        for e in s.scalars(select(DossierEvent).where(DossierEvent.dossier_id == dossier_id)):
            e.at = datetime(2026, 6, 1, tzinfo=UTC)
    return dossier_id


def test_a_closed_dossier_of_last_year_is_archived_hidden_and_restored(
    ctx: AppContext, tmp_path: Path
) -> None:
    dossier_id = _withdrawn_last_year(ctx, tmp_path)
    other = DossierService(ctx).create(make_product(ctx, product="Trà xanh"), "first").row.id
    service = DossierService(ctx, today=TODAY)
    archive = DossierArchiveService(ctx, today=TODAY)
    detail = service.get(dossier_id)
    assert detail.archive.problem == "" and not detail.archive.archived
    with ctx.read() as s:
        before = local_hash(s, s.get(Dossier, dossier_id), "commune")  # type: ignore[arg-type]
    archive.archive(dossier_id, expected_revision=detail.row.revision)
    assert [r.id for r in service.search()] == [other] and service.count() == 1
    rows = service.search(with_archived=True)
    assert {r.id: r.archived for r in rows} == {dossier_id: True, other: False}
    assert service.count(with_archived=True) == 2
    assert service.get(dossier_id).archive.archived
    with ctx.read() as s:
        logged = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == "dossier", AuditEntry.record_id == dossier_id)
            .order_by(AuditEntry.seq)
        ).all()
        assert "archived_on" in (logged[-1].after or "")
        # nothing to send: the commune's part is what it was (the province's copy stays valid)
        assert local_hash(s, s.get(Dossier, dossier_id), "commune") == before  # type: ignore[arg-type]
    archive.restore(dossier_id)
    assert {r.id for r in service.search()} == {dossier_id, other}
    with ctx.read() as s:
        assert s.get(Dossier, dossier_id).archived_on is None  # type: ignore[union-attr]


def test_an_open_or_recent_dossier_is_not_archived(ctx: AppContext, tmp_path: Path) -> None:
    archive = DossierArchiveService(ctx, today=TODAY)
    sent = sent_dossier(ctx, tmp_path / "a")
    revision = DossierService(ctx).get(sent).row.revision
    with pytest.raises(UserError, match="chỉ lưu trữ hồ sơ đã kết thúc"):
        archive.archive(sent, expected_revision=revision)
    recent = DossierService(ctx).act(sent, "withdraw", note="Rút").row
    with pytest.raises(UserError, match="từ các năm trước"):
        DossierArchiveService(ctx, today=date(2026, 12, 31)).archive(
            recent.id, expected_revision=recent.revision
        )
    with ctx.read() as s:
        assert s.get(Dossier, sent).archived_on is None  # type: ignore[union-attr]

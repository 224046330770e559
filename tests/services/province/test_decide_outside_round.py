"""A recognition decision for an accepted dossier outside any round: the transition, its event and
the certificate are written in one transaction, or nothing is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, func, select

from helpers.province import TODAY, sent_dossier
from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.store.models import Certificate, DossierEvent


@contextmanager
def commits(ctx: AppContext) -> Iterator[list[int]]:
    """Counts the transactions committed on the store while the block runs."""
    seen: list[int] = []

    def count(_conn: object) -> None:
        seen.append(1)

    event.listen(ctx.engine, "commit", count)
    try:
        yield seen
    finally:
        event.remove(ctx.engine, "commit", count)


def _certificates(ctx: AppContext) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(Certificate)) or 0)


def test_decision_outside_a_round_commits_once(province_ctx: AppContext) -> None:
    ctx = province_ctx
    dossier = sent_dossier(ctx, "Cà phê Quyết Định")
    InboxService(ctx, today=TODAY).accept(dossier)
    with commits(ctx) as seen:
        cert = ResultService(ctx, today=TODAY).decide_outside_round(
            dossier, stars=4, decision_number=" 12/QĐ-UBND ", decision_date=date(2026, 11, 2), total=81.5
        )
    assert len(seen) == 1
    assert (cert.stars, cert.decision_number, cert.issuing_level, cert.total) == (
        4,
        "12/QĐ-UBND",
        "province",
        81.5,
    )
    assert cert.issuer == ctx.office().name and cert.state == "valid"
    detail = DossierService(ctx).get(dossier)
    assert detail.row.status == "decided"
    last = detail.events[-1]
    assert (last.action, last.from_status, last.to_status) == ("decide", "accepted", "decided")
    assert last.note == "Quyết định 12/QĐ-UBND" and last.officer_id == ctx.officer_id
    with ctx.read() as s:
        stored = s.scalars(select(Certificate)).one()
        assert stored.dossier_id == dossier and stored.id == cert.id


def test_five_stars_are_the_ministry_s(province_ctx: AppContext) -> None:
    ctx = province_ctx
    dossier = sent_dossier(ctx, "Chè Năm Sao")
    InboxService(ctx, today=TODAY).accept(dossier)
    cert = ResultService(ctx, today=TODAY).decide_outside_round(
        dossier,
        stars=5,
        decision_number="7/QĐ-BNNMT",
        decision_date=TODAY,
        issuer="Bộ Nông nghiệp và Môi trường",
    )
    assert (cert.issuing_level, cert.issuer) == ("ministry", "Bộ Nông nghiệp và Môi trường")


def test_a_refused_decision_writes_nothing(province_ctx: AppContext) -> None:
    ctx = province_ctx
    results = ResultService(ctx, today=TODAY)
    waiting = sent_dossier(ctx, "Cà phê Chưa Tiếp Nhận")  # sent, not accepted: no decision yet
    with pytest.raises(UserError, match="Không thể “Có quyết định công nhận”"):
        results.decide_outside_round(waiting, stars=3, decision_number="1/QĐ-UBND", decision_date=TODAY)
    accepted = sent_dossier(ctx, "Cà phê Ngày Sau")
    InboxService(ctx, today=TODAY).accept(accepted)
    with pytest.raises(ValidationError) as refused:
        results.decide_outside_round(
            accepted, stars=4, decision_number="2/QĐ-UBND", decision_date=date(2026, 12, 1)
        )
    assert "decision_date" in refused.value.fields
    assert _certificates(ctx) == 0
    assert DossierService(ctx).get(waiting).row.status == "sent"
    assert DossierService(ctx).get(accepted).row.status == "accepted"
    with ctx.read() as s:
        assert not s.scalars(select(DossierEvent).where(DossierEvent.action == "decide")).first()


def test_only_the_province_decides(ctx: AppContext) -> None:
    with pytest.raises(UserError, match="cấp tỉnh"):
        ResultService(ctx, today=TODAY).decide_outside_round(
            "any", stars=4, decision_number="1/QĐ-UBND", decision_date=TODAY
        )

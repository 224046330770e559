"""Two officers (two desks of a province office) editing the same dossier, score sheet or round: the
second one, who started from an older revision, is told who saved first and nothing of theirs is
written. On the SQLite file by default, on PostgreSQL with `pytest --engine postgres`; the real
concurrency (processes at once on a server) is in test_concurrent_desks.py."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from helpers.desks import prepare  # noqa: I001
from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.officers import OfficerService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.councils import CouncilService
from ocop_desktop.services.province.rounds import RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.store.models import Dossier


def act_as(ctx: AppContext, officer_id: str) -> None:
    ctx.officer_id = officer_id
    ctx.forget_officer_name()


def said(exc: pytest.ExceptionInfo[ConflictError], who: str) -> None:
    assert who in exc.value.message and "chưa được lưu" in exc.value.message, exc.value.message


def test_the_second_desk_on_a_dossier_is_told_who_saved_first(province_ctx: AppContext) -> None:
    shared = prepare(province_ctx, "", 2)
    service = DossierService(province_ctx)
    seen = service.get(shared.dossier_id).row.revision  # both desks opened this revision
    act_as(province_ctx, shared.officers[0])
    service.save_section(shared.dossier_id, "mau01", {"position": "desk 1"}, expected_revision=seen)
    act_as(province_ctx, shared.officers[1])
    with pytest.raises(ConflictError) as exc:
        service.save_section(shared.dossier_id, "mau01", {"position": "desk 2"}, expected_revision=seen)
    said(exc, "Cán bộ Bàn 1")
    assert "Hồ sơ" in exc.value.message
    detail = service.get(shared.dossier_id)
    assert detail.forms["mau01"]["position"] == "desk 1" and detail.row.revision == seen + 1


def test_the_second_desk_on_a_score_sheet_is_told_who_saved_first(province_ctx: AppContext) -> None:
    shared = prepare(province_ctx, "", 2)
    scores = MemberScoreService(province_ctx)
    state = scores.get(shared.round_id, shared.sheet_dossier_id, shared.member_id)
    act_as(province_ctx, shared.officers[0])
    scores.enter(
        shared.round_id, shared.sheet_dossier_id, shared.member_id, shared.answers,
        opinion="desk 1", expected_revision=state.row.revision,
    )  # fmt: skip
    act_as(province_ctx, shared.officers[1])
    with pytest.raises(ConflictError) as exc:
        scores.enter(
            shared.round_id, shared.sheet_dossier_id, shared.member_id, shared.answers,
            opinion="desk 2", expected_revision=state.row.revision,
        )  # fmt: skip
    said(exc, "Cán bộ Bàn 1")
    assert "Phiếu chấm" in exc.value.message
    assert scores.get(shared.round_id, shared.sheet_dossier_id, shared.member_id).opinion == "desk 1"


def test_the_second_desk_on_a_round_is_told_who_saved_first(province_ctx: AppContext) -> None:
    shared = prepare(province_ctx, "", 2)
    seen = RoundService(province_ctx).get(shared.round_id).row.revision
    act_as(province_ctx, shared.officers[0])
    CouncilService(province_ctx).configure(shared.round_id, name="Hội đồng bàn 1", expected_revision=seen)
    act_as(province_ctx, shared.officers[1])
    with pytest.raises(ConflictError) as exc:
        CouncilService(province_ctx).configure(shared.round_id, name="Hội đồng bàn 2", expected_revision=seen)
    said(exc, "Cán bộ Bàn 1")
    assert "Đợt đánh giá" in exc.value.message
    assert RoundService(province_ctx).get(shared.round_id).row.council_name == "Hội đồng bàn 1"


def test_a_write_over_a_revision_saved_meanwhile_is_a_conflict_not_a_lost_update(
    province_ctx: AppContext,
) -> None:
    """The ORM's own check, for writes that carry no revision from an editor: the UPDATE says
    `WHERE revision = <read>`; another desk's save in between makes it match nothing."""
    shared = prepare(province_ctx, "", 1)
    with pytest.raises(ConflictError) as exc, province_ctx.unit_of_work() as s:
        d = s.get(Dossier, shared.dossier_id)
        assert d is not None
        # another desk's save, committed between our read and our write (here in our transaction)
        bump = text("UPDATE dossier SET revision = revision + 1 WHERE id = :id")
        s.connection().execute(bump, {"id": d.id})  # past the ORM (and its audit hook): a raw write
        d.forms = {**d.forms, "mau01": {**d.forms["mau01"], "position": "lost?"}}
    assert "Hồ sơ" in exc.value.message and "chưa được lưu" in exc.value.message
    assert DossierService(province_ctx).get(shared.dossier_id).forms["mau01"]["position"] == "0"


def test_officers_of_the_office_are_named_in_the_conflict(province_ctx: AppContext) -> None:
    """The name comes from the officer who saved, with the office's name."""
    shared = prepare(province_ctx, "", 1)
    other = OfficerService(province_ctx).add("Đặng Thị Sáu").id
    service = DossierService(province_ctx)
    seen = service.get(shared.dossier_id).row.revision
    act_as(province_ctx, other)
    service.save_section(shared.dossier_id, "mau01", {"position": "x"}, expected_revision=seen)
    with pytest.raises(ConflictError) as exc:
        service.save_section(shared.dossier_id, "mau01", {"position": "y"}, expected_revision=seen)
    said(exc, "Đặng Thị Sáu (")
    assert province_ctx.office().name in exc.value.message

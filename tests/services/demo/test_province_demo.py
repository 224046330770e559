"""Demo data at province scale, built small (the same code as the 20,000-product build): several years of
rounds with their councils, member sheets, results, decisions and certificates; decisions before the
rounds; returns with their reasons; year plans; trusted communes; real multi-page PDF evidence shared by
content hash; a progress line per stage; the same rows for the same seed."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pypdfium2
import pytest
from sqlalchemy import func, select

from helpers.sync import open_installation
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.demo.load import load_demo_data
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Attachment, Blob, Certificate, Dossier, KeyRecord, Office, ScoreSheet
from ocop_desktop.store.models.dossiers import DossierEvent
from ocop_desktop.store.models.plans import YearPlan
from ocop_desktop.store.models.province import CouncilMember, EvaluationRound, RecognitionDecision, RoundEntry

SIZE = (40, 160)  # producers, products: 480 dossiers


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, _template_dir: Path) -> tuple[AppContext, dict, list]:
    root = tmp_path_factory.mktemp("province-demo")
    ctx = open_installation(root / "a", _template_dir, "province", "66", "Nguyễn Thị Hoa")
    lines: list[str] = []
    summary = load_demo_data(ctx, scale="province", seed=3, size=SIZE, progress=lines.append)
    yield ctx, summary, lines
    ctx.close()


def test_progress_is_a_line_per_stage_with_counts(built: tuple[AppContext, dict, list]) -> None:
    _, summary, lines = built
    assert lines[0].startswith("Chủ thể: 40; sản phẩm: 160")
    assert any(line.startswith("Đợt đánh giá: ") for line in lines)
    assert f"Ghi dossier: {summary['dossiers']['dossiers']:,} dòng" in "\n".join(lines)


def test_rounds_over_several_years_with_councils_and_decisions(built: tuple[AppContext, dict, list]) -> None:
    ctx, _, _ = built
    today = date.today()
    with ctx.read() as s:
        rounds = s.execute(select(EvaluationRound.id, EvaluationRound.year, EvaluationRound.finish)).all()
        years = {year for _, year, _ in rounds}
        assert set(range(2023, today.year)) <= years
        for rid, _, finish in rounds:
            roles = Counter(s.scalars(select(CouncilMember.role).where(CouncilMember.round_id == rid)))
            assert roles == {"chair": 1, "member": 5, "secretary": 1}
            decided = s.scalar(
                select(RecognitionDecision.decided_on).where(RecognitionDecision.round_id == rid)
            )
            if finish <= today - timedelta(days=7):  # a round over: decided (before its finish date)
                assert decided is not None and decided <= finish
            assert decided is None or decided <= today


def test_every_decided_entry_is_the_mean_of_its_members_and_has_its_certificate(
    built: tuple[AppContext, dict, list],
) -> None:
    ctx, _, _ = built
    with ctx.read() as s:
        entries = s.scalars(select(RoundEntry)).all()
        statuses = Counter(e.status for e in entries)
        assert statuses["decided"] > statuses["not_recognised"] > 0
        for e in entries:
            sheets = s.scalars(
                select(ScoreSheet).where(ScoreSheet.dossier_id == e.dossier_id, ScoreSheet.kind == "member")
            ).all()
            if e.status == "assigned":
                assert sheets == [] and e.mean_total is None
                continue
            assert len(sheets) == 6  # chair and five members; the secretary does not score
            scorers = s.scalars(
                select(CouncilMember.id).where(
                    CouncilMember.round_id == e.round_id, CouncilMember.role != "secretary"
                )
            ).all()
            assert sorted(x.member_id for x in sheets) == sorted(scorers)
            totals = [x.total for x in sheets]
            assert e.mean_total == pytest.approx(sum(totals) / len(totals))
            assert e.spread == max(totals) - min(totals)
            if e.status != "decided":
                assert e.certificate_id is None
                continue
            cert = s.get(Certificate, e.certificate_id)
            decision = s.get(RecognitionDecision, e.decision_id)
            assert cert is not None and decision is not None
            assert (cert.decision_number, cert.decision_date) == (decision.number, decision.decided_on)
            assert cert.stars == e.proposed_star >= 3 and cert.total == e.mean_total
            assert s.get(Dossier, e.dossier_id).status == "decided"


def test_certificates_across_years_levels_and_states(built: tuple[AppContext, dict, list]) -> None:
    ctx, _, _ = built
    today = date.today()
    with ctx.read() as s:
        certs = s.execute(
            select(
                Certificate.decision_date,
                Certificate.valid_until,
                Certificate.issuing_level,
                Certificate.ruleset_id,
            )
        ).all()
    assert len({d.year for d, _, _, _ in certs}) >= 4
    assert {"province", "district"} <= {level for _, _, level, _ in certs}
    assert {"qd148-2023", "qd26-2026"} <= {basis for _, _, _, basis in certs}
    assert any(until < today for _, until, _, _ in certs)  # expired
    assert any(until >= today for _, until, _, _ in certs)  # still valid


def test_returned_dossiers_carry_their_reasons(built: tuple[AppContext, dict, list]) -> None:
    ctx, summary, _ = built
    with ctx.read() as s:
        returned = s.execute(
            select(Dossier.id, Dossier.return_reasons).where(Dossier.status == "returned")
        ).all()
        notes = dict(
            s.execute(
                select(DossierEvent.dossier_id, DossierEvent.note).where(DossierEvent.action == "return")
            ).all()
        )
    assert returned and len(returned) == summary["dossiers"]["returned"]
    for did, reasons in returned:
        assert reasons.startswith("- ") and notes[did] == reasons


def test_plans_and_trusted_communes(built: tuple[AppContext, dict, list]) -> None:
    ctx, _, _ = built
    today = date.today()
    with ctx.read() as s:
        plans = s.execute(select(YearPlan.year, YearPlan.commune_code, YearPlan.product_group)).all()
        assert {y for y, c, g in plans if not c and not g} == set(range(2023, today.year + 2))
        assert any(c for _, c, _ in plans) and any(g for _, _, g in plans)
        offices = s.scalars(select(Office).where(Office.is_self.is_(False))).all()
        assert offices and {o.role for o in offices} == {"commune"}
        for o in offices:
            keys = s.scalars(select(KeyRecord).where(KeyRecord.office_id == o.id)).all()
            assert {k.purpose for k in keys} == {"signing", "encryption"} and all(k.trusted for k in keys)
            assert all(k.fingerprint == hashlib.sha256(k.public_key).hexdigest() for k in keys)


def test_evidence_is_real_multi_page_pdf_shared_by_hash(built: tuple[AppContext, dict, list]) -> None:
    ctx, summary, _ = built
    blobs = BlobStore(ctx.paths.blobs_dir)
    with ctx.read() as s:
        used = s.execute(select(Attachment.blob_sha256, func.count()).group_by(Attachment.blob_sha256)).all()
        pages = dict(s.execute(select(Blob.sha256, Blob.pages)).all())
    assert sum(n for _, n in used) == summary["dossiers"]["attachments"] > len(used)
    for sha, _ in used:
        path = blobs.path_for(sha)
        assert path.stat().st_size < 100_000
        doc = pypdfium2.PdfDocument(path)
        assert len(doc) == pages[sha]
        doc.close()
    assert max(pages[sha] for sha, _ in used) > 1


def test_same_seed_same_demo(
    built: tuple[AppContext, dict, list], tmp_path: Path, _template_dir: Path
) -> None:
    first, summary, _ = built
    second = open_installation(tmp_path / "b", _template_dir, "province", "66", "Nguyễn Thị Hoa")
    try:
        again = load_demo_data(second, scale="province", seed=3, size=SIZE)
        assert again["dossiers"] == summary["dossiers"]

        def decisions(ctx: AppContext) -> list[tuple[str, int, date]]:
            with ctx.read() as s:
                return sorted(
                    s.execute(
                        select(
                            RecognitionDecision.number,
                            RecognitionDecision.year,
                            RecognitionDecision.decided_on,
                        )
                    ).all()
                )

        assert decisions(first) == decisions(second)
    finally:
        second.close()

"""The 5★ proposal and the ministry's result reach the commune in real results packages, and a reader
that predates them still accepts those packages (the record's hash is the one it computes)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from helpers.province import answers_for, council, sheet_of
from helpers.sync import TODAY, Pair, ready_dossier
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.ministry import CentralResultInput, MinistryResultService
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.sync.opened import content_key, open_package
from ocop_desktop.services.sync.records import FIVE_STAR_REVIEW, part_hash
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Certificate, FiveStarReview


def _counts(result) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {k: v for k, v in result.preview.counts().items() if v}


def test_proposal_and_central_result_reach_the_commune(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    got = province.import_package(commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path)
    commune.import_package(got.receipt_path)
    InboxService(pair.province, today=TODAY).accept(dossier_id)

    # a round: ≥ 90 points, the majority misses the 5★ floor of criterion 7
    round_id = RoundService(pair.province, today=TODAY).create(RoundInput(2026, 2)).row.id
    members = council(pair.province, round_id)
    RoundService(pair.province, today=TODAY).assign(round_id, [dossier_id])
    for member, total in zip(members, [100, 99, 100, 99, 99, 100, 99], strict=True):
        answers = {**answers_for(sheet_of(), total, keep_floors=5), "7": 2}
        MemberScoreService(pair.province).enter(round_id, dossier_id, member, answers)
    AggregationService(pair.province).aggregate_round(round_id)
    [entry] = ResultService(pair.province, today=TODAY).propose(round_id)
    assert entry.five_star and entry.star == 4

    first = province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True)
    assert first.dossier_ids == (dossier_id,)  # the proposal alone is a change to send
    got = commune.import_package(first.path)
    assert _counts(got) == {"updated": 1}
    lines = DossierService(pair.commune).get(dossier_id).five_star
    assert lines[0].startswith("Tỉnh đề nghị Bộ Nông nghiệp và Môi trường công nhận 5 sao (Đợt 2/2026")
    assert "chưa đạt 7 (5★)" in lines[1] and lines[-1] == "Chưa có kết quả của Bộ."
    province.import_package(got.receipt_path)

    # the ministry: 87 points, 4★; the province recognises 4★ in its own decision (Art. 7.4)
    MinistryResultService(pair.province, today=TODAY).record(
        round_id, dossier_id, CentralResultInput("45/QĐ-BNNMT", date(2026, 11, 10), 4, 87)
    )
    ResultService(pair.province, today=TODAY).decide(
        round_id, DecisionInput("1300/QĐ-UBND", TODAY, "Nguyễn Văn Chủ")
    )
    second = province.export_dossiers(pair.send("r2.ocoppkg"), to="00070", pending=True)
    assert _counts(commune.import_package(second.path)) == {"updated": 1}
    detail = DossierService(pair.commune).get(dossier_id)
    assert detail.row.status == "decided"
    assert any("Hội đồng cấp trung ương: 87 điểm, đạt 4 sao" in line for line in detail.five_star)
    assert "45/QĐ-BNNMT" in detail.events[-1].note and "1300/QĐ-UBND" in detail.events[-1].note
    with pair.commune.read() as s:
        cert = s.query(Certificate).one()
        review = s.query(FiveStarReview).one()
        assert (cert.stars, cert.issuing_level, cert.total) == (4, "province", 87)
        assert (review.central_stars, review.central_total, review.council_star) == (4, 87, 4)

    # the same package again is a no-op; the same state sent again is unchanged
    assert not commune.import_package(second.path).applied
    resent = province.export_dossiers(pair.send("r3.ocoppkg"), to="00070", dossier_ids=[dossier_id])
    assert _counts(commune.import_package(resent.path)) == {"unchanged": 1}


def test_an_old_reader_s_hash_still_matches(pair: Pair, tmp_path: Path) -> None:
    """A reader before the 5★ review hashes a results record over its status, reasons and
    certificates; the record's `hash` is exactly that, so it accepts the record and ignores the
    review (an unknown key)."""
    province = PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    province.import_package(
        PackageService(pair.commune).export_dossiers(pair.send("s.ocoppkg"), pending=True).path
    )
    InboxService(pair.province, today=TODAY).accept(dossier_id)
    round_id = RoundService(pair.province, today=TODAY).create(RoundInput(2026, 2)).row.id
    members = council(pair.province, round_id)
    RoundService(pair.province, today=TODAY).assign(round_id, [dossier_id])
    for member in members:
        MemberScoreService(pair.province).enter(
            round_id, dossier_id, member, answers_for(sheet_of(), 95, keep_floors=5)
        )
    AggregationService(pair.province).aggregate_round(round_id)
    ResultService(pair.province, today=TODAY).propose(round_id)
    out = province.export_dossiers(pair.send("r.ocoppkg"), to="00070", pending=True)
    rec = _decrypted(pair, out.path, dossier_id)
    assert rec["data"][FIVE_STAR_REVIEW]["council_total"] == 95
    old_view = {k: v for k, v in rec["data"].items() if k != FIVE_STAR_REVIEW}
    assert part_hash("province", old_view) == rec["hash"] == part_hash("province", rec["data"])


def _decrypted(pair: Pair, package: Path, dossier_id: str) -> dict:  # type: ignore[type-arg]
    """The record of `dossier_id` as the commune's reader opens it (decrypted: results are encrypted
    to the commune's key)."""
    with open_package(pair.commune, package) as opened:
        key = content_key(pair.commune, opened.manifest)
        [name] = [n for n in opened.reader.names("record") if dossier_id in n]
        return json.loads(opened.reader.read_json_bytes(name, key))  # type: ignore[no-any-return]

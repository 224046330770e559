"""A commune's dossier proposed by its province for 5★ and, optionally, the ministry's result with the
province's own decision (QĐ 26/2026 Art. 7.4), each brought back to the commune by a real results
package."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers.province import answers_for, council, sheet_of
from helpers.sync import TODAY, Pair, ready_dossier
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.ministry import CentralResultInput, MinistryResultService
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.sync.service import PackageService


def five_star_at_commune(pair: Pair, scans: Path, *, central_stars: int | None = None) -> str:
    """The dossier id. Every council member misses the 5★ floor of criterion 7 (≥ 90 points all
    the same); with `central_stars`, the ministry's result (87 points) and the province's decision
    are recorded and sent too."""
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, scans)
    got = province.import_package(commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path)
    commune.import_package(got.receipt_path)
    InboxService(pair.province, today=TODAY).accept(dossier_id)
    round_id = RoundService(pair.province, today=TODAY).create(RoundInput(2026, 2)).row.id
    members = council(pair.province, round_id)
    RoundService(pair.province, today=TODAY).assign(round_id, [dossier_id])
    for member, total in zip(members, [100, 99, 100, 99, 99, 100, 99], strict=True):
        answers = {**answers_for(sheet_of(), total, keep_floors=5), "7": 2}
        MemberScoreService(pair.province).enter(round_id, dossier_id, member, answers)
    AggregationService(pair.province).aggregate_round(round_id)
    ResultService(pair.province, today=TODAY).propose(round_id)
    if central_stars is not None:
        MinistryResultService(pair.province, today=TODAY).record(
            round_id, dossier_id, CentralResultInput("45/QĐ-BNNMT", date(2026, 11, 10), central_stars, 87)
        )
        if central_stars in (3, 4):
            ResultService(pair.province, today=TODAY).decide(
                round_id, DecisionInput("1300/QĐ-UBND", TODAY, "Nguyễn Văn Chủ")
            )
    results = province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True)
    commune.import_package(results.path)
    return dossier_id

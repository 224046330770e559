"""Issue 7 end to end, every office on its own data folder and only package files between them:
3 communes submit 10 dossiers → the province accepts them into a round with a 7-member council,
2 members scoring on evaluator laptops through packages and 5 typed in by the secretary →
aggregation → decision → certificates → results packages imported at the communes, whose
products then show their new stars and expiry dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers.province import answers_for, council, sheet_of  # noqa: I001
from helpers.sync import TODAY, link, open_installation, ready_dossier
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.evaluator.work import EvaluatorWorkService, SheetEditInput
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.registry.certificates import CertificateService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService

COMMUNES = {"00070": 4, "00004": 3, "00008": 3}  # commune code -> dossiers it submits
# The council's totals for the i-th dossier (7 members, TV6 and TV7 on laptops): 3★ and 4★ products.
TOTALS = [[60, 62, 61, 60, 63, 61, 62], [75, 76, 74, 75, 77, 75, 74]]


def test_three_communes_ten_dossiers_to_certificates(tmp_path: Path, _template_dir: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    province = open_installation(tmp_path / "province", _template_dir, "province", "01", "Trần Thị Bình")
    communes = {
        code: open_installation(tmp_path / code, _template_dir, "commune", code, f"Cán bộ {code}")
        for code in COMMUNES
    }
    laptops = [
        open_installation(tmp_path / f"tv{n}", _template_dir, "evaluator", "01", f"Thành viên {n}")
        for n in (6, 7)
    ]
    try:
        _run(tmp_path, usb, province, communes, laptops)
    finally:
        for ctx in (province, *communes.values(), *laptops):
            ctx.close()


def _run(
    tmp_path: Path,
    usb: Path,
    province: AppContext,
    communes: dict[str, AppContext],
    laptops: list[AppContext],
) -> None:
    products: dict[str, tuple[str, str]] = {}  # dossier id -> (commune, product id)
    for code, ctx in communes.items():
        folder = usb / code
        folder.mkdir()
        link(ctx, province, folder)
        for n in range(COMMUNES[code]):
            dossier = ready_dossier(
                ctx,
                tmp_path / "scans" / f"{code}-{n}",
                commune=code,
                producer=f"Hợp tác xã Cà phê {code}-{n}",
                product=f"Cà phê {code}-{n}",
            )
            products[dossier] = (code, DossierService(ctx).get(dossier).row.product_id)
        sent = PackageService(ctx).export_dossiers(folder / "submission.ocoppkg", pending=True)
        result = PackageService(province).import_package(sent.path)
        assert result.applied and len(result.preview.dossiers) == COMMUNES[code]
        assert PackageService(ctx).import_package(result.receipt_path).applied
    assert len(products) == 10

    inbox = InboxService(province, today=TODAY)
    for dossier in products:
        inbox.accept(dossier)
    rounds = RoundService(province, today=TODAY)
    round_id = rounds.create(RoundInput(2026, 2)).row.id
    members = council(province, round_id)
    assert len(members) == 7
    rounds.assign(round_id, list(products))

    dossiers = list(products)
    totals = {d: TOTALS[i % 2] for i, d in enumerate(dossiers)}
    sheet = sheet_of()
    for i, member in enumerate(members[:5]):  # typed in by the secretary from the paper sheets
        for d in dossiers:
            MemberScoreService(province).enter(round_id, d, member, answers_for(sheet, totals[d][i]))
    for laptop, label, column in zip(laptops, ("TV6", "TV7"), (5, 6), strict=True):
        _score_on_laptop(province, laptop, usb, round_id, label, {d: totals[d][column] for d in dossiers})

    done = AggregationService(province).aggregate_round(round_id)
    assert not done.skipped and len(done.done) == 10
    assert {a.entry.status for a in done.done} == {"aggregated"}
    results = ResultService(province, today=TODAY)
    results.propose(round_id)
    outcome = results.decide(
        round_id, DecisionInput("2468/QĐ-UBND", TODAY, "Nguyễn Văn Chủ", signer_title="Phó Chủ tịch")
    )
    assert sorted(c.stars for c in outcome.certificates) == [3] * 5 + [4] * 5

    for code, ctx in communes.items():
        back = PackageService(province).export_dossiers(usb / code / "results.ocoppkg", to=code, pending=True)
        assert PackageService(ctx).import_package(back.path).applied
        for dossier in (d for d in dossiers if products[d][0] == code):
            assert DossierService(ctx).get(dossier).row.status == "decided"
            current = CertificateService(ctx, today=TODAY).current(products[dossier][1])
            assert current is not None
            assert current.stars == (3 if dossiers.index(dossier) % 2 == 0 else 4)
            assert current.valid_until == date(2029, 11, 20) and current.decision_number == "2468/QĐ-UBND"


def _score_on_laptop(
    province: AppContext, laptop: AppContext, usb: Path, round_id: str, member: str, totals: dict[str, int]
) -> None:
    """Enrollment, assignment, offline scoring and the signed scores package, all as files."""
    readable = PackageService(laptop).own_keys().signing.readable
    enroll = EvaluatorPackages(laptop).export_enrollment(usb / f"enroll-{member}.ocoppkg")
    ProvinceEvaluatorPackages(province).import_enrollment(
        enroll.path, round_id, member, confirm_fingerprint=readable
    )
    assignment = ProvinceEvaluatorPackages(province).export_assignment(
        round_id, member, usb / f"assign-{member}.ocoppkg"
    )
    PackageService(laptop).import_package(
        assignment.path, confirm_fingerprint=PackageService(province).own_keys().signing.readable
    )
    work = EvaluatorWorkService(laptop)
    rows = work.dossiers()
    assert len(rows) == 10
    for row in rows:
        sheet = work.sheet(row.dossier_id).sheet
        work.save_sheet(row.dossier_id, SheetEditInput(answers_for(sheet, totals[row.dossier_id])))
    scores = EvaluatorPackages(laptop).export_scores(usb / f"scores-{member}.ocoppkg")
    assert PackageService(province).import_package(scores.path).applied

"""Issue 13 end to end: a province, two communes and an evaluator laptop with only the mailbox (a real
S3 server) between them — no package file is carried by hand. Each office starts with the endpoint, the
bucket and a shared key typed in; the province's reference pack (the laptop's assignment) gives each its
own key, with which everything after travels: enrollments, submissions and their receipts ("received by
the province"), the assignment and the scores, the results and certificates back at the communes. What
needs a person (comparing a fingerprint, linking a laptop to a council member) is done from the file the
mailbox left waiting in the incoming folder, as the sync page does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import boto3

from helpers.mailbox import ADMIN, OFFICE, OWN_KEYS, SeaweedServer
from helpers.province import answers_for, council, sheet_of  # noqa: I001
from helpers.sync import TODAY, open_installation, ready_dossier
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.evaluator.work import EvaluatorWorkService, SheetEditInput
from ocop_desktop.services.mailbox.sender import Backoff
from ocop_desktop.services.mailbox.service import MailboxService, SyncReport
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import DecisionInput, ResultService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.registry.certificates import CertificateService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService

NO_WAIT = Backoff(sleep=lambda _s: None)
COMMUNES = ("00070", "00004")
TOTALS = [60, 62, 61, 60, 63, 61, 62]  # the 7 members' totals for every dossier: 3★; TV7 on the laptop


def _round(ctx: AppContext) -> SyncReport:
    done = MailboxService(ctx).sync(backoff=NO_WAIT)
    assert not done.stopped, done.stopped
    assert done.fetched is not None and not done.fetched.refused, done.fetched.refused
    return done


def _waiting(done: SyncReport) -> dict[str, Path]:
    assert done.fetched is not None
    return {w["package_id"]: Path(w["path"]) for w in done.fetched.waiting}


def _readable(ctx: AppContext) -> str:
    return PackageService(ctx).own_keys().signing.readable


def test_a_province_two_communes_and_a_laptop_with_only_the_mailbox_between_them(
    tmp_path: Path, _template_dir: Path, s3_server: SeaweedServer, s3_bucket: str
) -> None:
    province = open_installation(tmp_path / "province", _template_dir, "province", "01", "Trần Thị Bình")
    communes = [
        open_installation(tmp_path / code, _template_dir, "commune", code, f"Cán bộ {code}")
        for code in COMMUNES
    ]
    laptop = open_installation(tmp_path / "tv7", _template_dir, "evaluator", "01", "Thành viên 7")
    try:
        _run(tmp_path, s3_server, s3_bucket, province, communes, laptop)
    finally:
        for ctx in (province, *communes, laptop):
            ctx.close()


def _run(
    tmp_path: Path,
    server: SeaweedServer,
    bucket: str,
    province: AppContext,
    communes: list[AppContext],
    laptop: AppContext,
) -> None:
    out = tmp_path / "exports"  # where each machine's own exports are written (never copied elsewhere)
    MailboxService(province).configure(MailboxSettings(server.endpoint, bucket, *OFFICE))
    typed = MailboxSettings(server.endpoint, bucket, *OFFICE, province_office_id=province.office().id)
    rounds = RoundService(province, today=TODAY)
    round_id = rounds.create(RoundInput(2026, 2)).row.id
    members = council(province, round_id)

    # 1. enrollments go up; the province's officer compares fingerprints and links the laptop to TV7
    enrollments = {
        c.office().id: PackageService(c).export_enrollment(out / f"enroll-{i}.ocoppkg")
        for i, c in enumerate(communes)
    }
    laptop_enroll = EvaluatorPackages(laptop).export_enrollment(out / "enroll-laptop.ocoppkg")
    for ctx in (*communes, laptop):
        MailboxService(ctx).configure(typed)
        assert len(_round(ctx).sent.sent) == 1  # type: ignore[union-attr]
    waiting = _waiting(_round(province))
    assert set(waiting) == {e.package_id for e in enrollments.values()} | {laptop_enroll.package_id}
    for c in communes:
        confirm = _readable(c)
        assert (
            PackageService(province)
            .import_package(waiting[enrollments[c.office().id].package_id], confirm_fingerprint=confirm)
            .applied
        )
    ProvinceEvaluatorPackages(province).import_enrollment(
        waiting[laptop_enroll.package_id], round_id, members[6], confirm_fingerprint=_readable(laptop)
    )

    # 2. each office's own key, in the province's reference pack (sealed to each commune)
    own = dict(zip([c.office().id for c in communes] + [laptop.office().id], OWN_KEYS, strict=False))
    for office_id, (key, secret) in own.items():
        MailboxService(province).set_office_credentials(office_id, key, secret)
    PackageService(province).export_reference(out / "reference.ocoppkg")
    _round(province)
    for c in communes:
        ref = _waiting(_round(c))  # a first fingerprint: the commune's officer compares it
        (path,) = ref.values()
        done = PackageService(c).import_package(path, confirm_fingerprint=_readable(province))
        assert done.applied and done.mailbox == "replaced"
        got = MailboxService(c).settings()
        assert got is not None and (got.access_key, got.secret_key) == own[c.office().id]

    # 3. submissions with the communes' own keys; the receipts come back: "received by the province"
    dossiers: dict[str, tuple[AppContext, str]] = {}
    for i, c in enumerate(communes):
        d = ready_dossier(
            c, tmp_path / "scans" / str(i), commune=COMMUNES[i], producer=f"HTX {i}", product=f"Cà phê {i}"
        )
        dossiers[d] = (c, DossierService(c).get(d).row.product_id)
        sent = PackageService(c).export_dossiers(out / f"submission-{i}.ocoppkg", pending=True)
        assert _round(c).sent.sent == [sent.package_id]  # type: ignore[union-attr]
    got = _round(province)
    assert got.fetched is not None and len(got.fetched.applied) == 2
    for c in communes:
        _round(c)
        labels = {i.kind: i.state_label for i in MailboxService(c).status().items}
        assert labels["submission"] == "Tỉnh đã nhận (có biên nhận)"

    # 4. the assignment goes to the laptop, with its own key; the scores come back
    inbox = InboxService(province, today=TODAY)
    for d in dossiers:
        inbox.accept(d)
    rounds.assign(round_id, list(dossiers))
    sheet = sheet_of()
    for i, member in enumerate(members[:6]):  # typed in by the secretary
        for d in dossiers:
            MemberScoreService(province).enter(round_id, d, member, answers_for(sheet, TOTALS[i]))
    ProvinceEvaluatorPackages(province).export_assignment(round_id, members[6], out / "assign.ocoppkg")
    _round(province)
    (path,) = _waiting(_round(laptop)).values()  # the province's first fingerprint on this laptop
    assigned = PackageService(laptop).import_package(path, confirm_fingerprint=_readable(province))
    assert assigned.applied and assigned.mailbox == "replaced"
    work = EvaluatorWorkService(laptop)
    for row in work.dossiers():
        work.save_sheet(
            row.dossier_id, SheetEditInput(answers_for(work.sheet(row.dossier_id).sheet, TOTALS[6]))
        )
    EvaluatorPackages(laptop).export_scores(out / "scores.ocoppkg")
    assert len(_round(laptop).sent.sent) == 1  # type: ignore[union-attr]
    scored = _round(province)
    assert scored.fetched is not None and len(scored.fetched.applied) == 1

    # 5. decision, certificates, results back at the communes through the mailbox
    assert len(AggregationService(province).aggregate_round(round_id).done) == 2
    results = ResultService(province, today=TODAY)
    results.propose(round_id)
    results.decide(
        round_id, DecisionInput("2468/QĐ-UBND", TODAY, "Nguyễn Văn Chủ", signer_title="Phó Chủ tịch")
    )
    for i, code in enumerate(COMMUNES):
        PackageService(province).export_dossiers(out / f"results-{i}.ocoppkg", to=code, pending=True)
    _round(province)
    for c in communes:
        assert _round(c).fetched.applied  # type: ignore[union-attr]
    for d, (c, product) in dossiers.items():
        assert DossierService(c).get(d).row.status == "decided"
        current = CertificateService(c, today=TODAY).current(product)
        assert current is not None and current.stars == 3 and current.valid_until == date(2029, 11, 20)
    _round(province)  # the results' receipts are tidied with the rest

    left = boto3.client("s3", **server.client_args(ADMIN)).list_objects_v2(Bucket=bucket).get("Contents", [])
    assert not [o["Key"] for o in left if o["Key"].startswith("inbox/")]  # all imported and receipted
    assert not [o["Key"] for o in left if o["Key"].startswith(f"outbox/{communes[0].office().id}/")]

"""A commune and its province exchange real packages: submission, receipt, return, correction,
resubmission, acceptance, decision; re-import, stale and concurrent packages; blobs not re-sent."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from helpers.sync import TODAY, Pair, db_state, ready_dossier, resubmit
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.sync.conflicts import ConflictService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.services.sync.status import SyncStatusService
from ocop_desktop.store.models import Attachment, Certificate, Dossier, DossierEvent


def _counts(result) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {k: v for k, v in result.preview.counts().items() if v}


def test_round_trip_return_correct_resubmit_accept_decide(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    with pair.commune.read() as s:
        attachments = s.scalar(select(func.count()).select_from(Attachment))

    sent = commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    assert sent.dossier_ids == (dossier_id,) and sent.encrypted and sent.blobs == attachments
    assert DossierService(pair.commune).get(dossier_id).row.status == "sent"
    assert SyncStatusService(pair.commune).dossier_status(dossier_id).state == "sent"
    assert [r.package_id for r in SyncStatusService(pair.commune).outbox()] == [sent.package_id]

    preview = province.preview(sent.path)  # the dry run changes nothing
    assert [(d.outcome, d.product_name) for d in preview.dossiers] == [("new", "Cà phê bột nguyên chất")]
    assert preview.blobs_new == attachments and not preview.warnings
    imported = province.import_package(sent.path)
    assert _counts(imported) == {"new": 1} and imported.receipt_path and imported.receipt_path.exists()
    with pair.province.read() as s:
        d = s.get(Dossier, dossier_id)
        assert (
            d is not None
            and d.status == "sent"
            and d.forms["mau02_part1"]["representative_ethnicity"] == "Kinh"
        )
        assert s.scalar(select(func.count()).select_from(Attachment)) == attachments

    receipt = commune.import_package(imported.receipt_path)
    assert receipt.applied and receipt.preview.acknowledged_packages == (sent.package_id,)
    status = SyncStatusService(pair.commune).dossier_status(dossier_id)
    assert status.state == "acknowledged" and status.last_outcome == "new" and "đã nhận" in status.label
    assert SyncStatusService(pair.commune).outbox() == []
    assert "Biên nhận gần nhất" in SyncStatusService(pair.commune).peers()[0].label

    # The province returns it with reasons; the commune sees "returned" and the reasons.
    desk = InboxService(pair.province, today=TODAY)
    desk.return_for_correction(dossier_id, "Bổ sung kế hoạch mở rộng vùng nguyên liệu.")
    results = province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True)
    got = commune.import_package(results.path)
    assert _counts(got) == {"updated": 1}
    detail = DossierService(pair.commune).get(dossier_id)
    assert detail.row.status == "returned" and "kế hoạch mở rộng" in detail.return_reasons
    assert "return" in [e.action for e in detail.events]  # the province's event travelled with the result
    province.import_package(got.receipt_path)

    # The commune reopens, corrects and resubmits: an update, not a conflict; no scan is sent twice.
    resubmit(pair.commune, dossier_id, "Mở rộng vùng nguyên liệu lên 30 ha.")
    again = commune.export_dossiers(pair.send("s2.ocoppkg"), pending=True)
    assert again.blobs == 0 and again.blobs_skipped == attachments
    second = province.import_package(again.path)
    assert _counts(second) == {"updated": 1}
    with pair.province.read() as s:
        d = s.get(Dossier, dossier_id)
        assert (
            d is not None
            and d.status == "sent"
            and d.forms["mau02_part4"]["plan"] == "Mở rộng vùng nguyên liệu lên 30 ha."
        )

    desk.accept(dossier_id)
    ResultService(pair.province, today=TODAY).decide_outside_round(
        dossier_id, stars=4, decision_number="123/QĐ-UBND", decision_date=date(2026, 11, 20), total=80
    )
    results = province.export_dossiers(pair.send("r2.ocoppkg"), to="00070", pending=True)
    assert _counts(commune.import_package(results.path)) == {"updated": 1}
    assert DossierService(pair.commune).get(dossier_id).row.status == "decided"
    with pair.commune.read() as s:
        cert = s.scalars(select(Certificate)).one()
        assert (cert.stars, cert.decision_number, cert.dossier_id) == (4, "123/QĐ-UBND", dossier_id)
        actions = [
            e.action for e in s.scalars(select(DossierEvent).where(DossierEvent.dossier_id == dossier_id))
        ]
        assert {"accept", "decide", "return", "send"} <= set(actions)


def test_reimport_is_a_noop_that_reissues_the_receipt(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    first = province.import_package(sent.path)
    before = db_state(pair.province)
    again = province.import_package(sent.path, receipt_path=tmp_path / "again.ocoppkg")
    assert not again.applied and again.preview.already_imported
    assert (tmp_path / "again.ocoppkg").read_bytes() == first.receipt_path.read_bytes()  # type: ignore[union-attr]
    assert [d.outcome for d in again.preview.dossiers] == ["new"]  # what happened the first time
    assert db_state(pair.province) == before
    commune.import_package(first.receipt_path)  # type: ignore[arg-type]
    assert not commune.import_package(tmp_path / "again.ocoppkg").applied  # the same receipt twice: no-op


def test_stale_submission_never_overwrites_a_newer_one(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    first = commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    late_copy = commune.export_dossiers(
        pair.send("s1-copy.ocoppkg"), pending=True
    )  # same version, other package
    receipt = province.import_package(first.path).receipt_path
    commune.import_package(receipt)  # type: ignore[arg-type]
    InboxService(pair.province, today=TODAY).return_for_correction(dossier_id, "Bổ sung.")
    commune.import_package(province.export_dossiers(pair.send("r1.ocoppkg"), pending=True, to="00070").path)
    resubmit(pair.commune, dossier_id, "Bản đã sửa.")
    province.import_package(commune.export_dossiers(pair.send("s2.ocoppkg"), pending=True).path)

    late = province.import_package(late_copy.path)
    assert [(d.outcome, d.incoming_version, d.local_version) for d in late.preview.dossiers] == [
        ("stale", 1, 2)
    ]
    with pair.province.read() as s:
        assert s.get(Dossier, dossier_id).forms["mau02_part4"]["plan"] == "Bản đã sửa."  # type: ignore[union-attr]


def test_stale_result_arriving_late_is_ignored(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    province.import_package(commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path)
    desk = InboxService(pair.province, today=TODAY)
    desk.accept(dossier_id)
    accepted = province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True)
    desk.return_for_correction(dossier_id, "Phát hiện thiếu hồ sơ sau khi tiếp nhận.")
    returned = province.export_dossiers(pair.send("r2.ocoppkg"), to="00070", pending=True)
    assert _counts(commune.import_package(returned.path)) == {"updated": 1}
    assert [d.outcome for d in commune.import_package(accepted.path).preview.dossiers] == ["stale"]
    assert DossierService(pair.commune).get(dossier_id).row.status == "returned"


def test_concurrent_change_is_kept_for_review_not_merged(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    commune.import_package(
        province.import_package(
            commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path
        ).receipt_path
    )  # type: ignore[arg-type]
    InboxService(pair.province, today=TODAY).return_for_correction(dossier_id, "Sửa kế hoạch.")
    commune.import_package(province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True).path)
    # Both sides now edit the returned dossier: the province fixes a typo itself, the commune corrects
    # the plan.
    at_province = DossierService(pair.province, today=TODAY)
    d = at_province.get(dossier_id)
    at_province.save_section(
        dossier_id, "mau02_part4", {"plan": "Sửa ở tỉnh."}, expected_revision=d.row.revision
    )
    resubmit(pair.commune, dossier_id, "Sửa ở xã.")
    incoming = commune.export_dossiers(pair.send("s2.ocoppkg"), pending=True)

    preview = province.preview(incoming.path)
    assert [d.outcome for d in preview.dossiers] == [
        "conflicting"
    ] and "sửa trên máy này" in preview.dossiers[0].reason
    result = province.import_package(incoming.path)
    assert result.conflicts == 1
    with pair.province.read() as s:
        assert s.get(Dossier, dossier_id).forms["mau02_part4"]["plan"] == "Sửa ở tỉnh."  # type: ignore[union-attr]
    (conflict,) = ConflictService(pair.province).rows()
    assert conflict.dossier_id == dossier_id and conflict.reason == "local_change"
    assert "forms.mau02_part4" in conflict.differences and conflict.peer_name == "UBND Phường Hoàn Kiếm"
    # the commune learns from the receipt that its version waits for review
    commune.import_package(result.receipt_path)  # type: ignore[arg-type]
    assert "xung đột" in SyncStatusService(pair.commune).dossier_status(dossier_id).label

    ConflictService(pair.province).resolve(conflict.id, "take_incoming")
    with pair.province.read() as s:
        d2 = s.get(Dossier, dossier_id)
        assert d2 is not None and d2.forms["mau02_part4"]["plan"] == "Sửa ở xã." and d2.status == "sent"
    assert ConflictService(pair.province).rows() == []
    assert province.import_package(incoming.path).applied is False  # still a no-op afterwards


def test_keep_local_makes_a_resent_copy_unchanged(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    province.import_package(commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path)
    InboxService(pair.province, today=TODAY).accept(dossier_id)  # not sent back yet
    # The commune's database was restored from an old backup: it edits and sends a new version
    # that never saw the acceptance.
    with pair.commune.unit_of_work() as s:
        s.get(Dossier, dossier_id).status = "returned"  # type: ignore[union-attr]
    resubmit(pair.commune, dossier_id, "Bản sửa không biết tỉnh đã tiếp nhận.")
    crossing = commune.export_dossiers(pair.send("s2.ocoppkg"), pending=True)
    assert [d.outcome for d in province.import_package(crossing.path).preview.dossiers] == ["conflicting"]
    (conflict,) = ConflictService(pair.province).rows()
    assert conflict.reason == "unsent_local_action"
    ConflictService(pair.province).resolve(conflict.id, "keep_local")
    assert DossierService(pair.province).get(dossier_id).row.status == "accepted"
    resent = commune.export_dossiers(pair.send("s3.ocoppkg"), dossier_ids=[dossier_id])
    assert [d.outcome for d in province.preview(resent.path).dossiers] == ["unchanged"]


def test_records_are_encrypted_for_the_recipient_only(
    pair: Pair, tmp_path: Path, _template_dir: Path
) -> None:
    from helpers.sync import link, open_installation

    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    with zipfile.ZipFile(sent.path) as zf:
        records = [n for n in zf.namelist() if n.startswith("records/")]
        assert records and all(n.endswith(".json.enc") for n in records)
        everything = b"".join(zf.read(n) for n in zf.namelist())
    for secret in ("Kinh", "Số 5 Hàng Bài", "0101234567", "Lê Thị Mai", "Hợp tác xã Cà phê"):
        assert secret.encode() not in everything  # ethnicity, address, tax code, names: nowhere in clear
    # Another installation of the same province (its own keys) cannot open it, even once trusted in
    # place of the first one (a key change the commune acknowledged).
    other = open_installation(tmp_path / "other", _template_dir, "province", "01", "Phạm Văn Cường")
    try:
        link(pair.commune, other, tmp_path, replacing=pair.province)
        with pytest.raises(PackageRefused) as info:
            PackageService(other).preview(sent.path)
        assert info.value.code in ("wrong_recipient", "cannot_decrypt")
    finally:
        other.close()


def test_a_cancelled_export_leaves_nothing_behind(pair: Pair, tmp_path: Path) -> None:
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    before = db_state(pair.commune)

    class CancelSoon:
        cancelled = False
        calls = 0

        def set(self, fraction: float, text: str = "") -> None:
            self.calls += 1
            self.cancelled = self.calls >= 2

    with pytest.raises(Exception, match="hủy"):
        PackageService(pair.commune).export_dossiers(
            pair.send("s.ocoppkg"), pending=True, progress=CancelSoon()
        )
    assert sorted(p.name for p in pair.folder.iterdir()) == [
        "enroll.ocoppkg",
        "reference.ocoppkg",
    ]  # no temp file
    assert db_state(pair.commune) == before
    assert DossierService(pair.commune).get(dossier_id).row.status == "commune_checked"

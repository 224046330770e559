"""A dossier the producer withdrew after it was sent ("Hủy hồ sơ", issue 15) goes to the province in the
next submission as a withdrawal it can see: its status, the commune's event with the reason; a result the
province sent before it saw the withdrawal never overwrites it at the commune."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.sync import TODAY, Pair, ready_dossier
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Dossier

REASON = "Chủ thể ngừng sản xuất sản phẩm (đơn ngày 01/12/2026)."


def _sent_and_received(pair: Pair, tmp_path: Path) -> str:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    sent = commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    commune.import_package(province.import_package(sent.path).receipt_path)  # type: ignore[arg-type]
    return dossier_id


def test_the_withdrawal_reaches_the_province_with_its_reason(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = _sent_and_received(pair, tmp_path)
    DossierService(pair.commune, today=TODAY).act(dossier_id, "withdraw", note=REASON)

    withdrawal = commune.export_dossiers(pair.send("s2.ocoppkg"), pending=True)
    assert withdrawal.dossier_ids == (dossier_id,)
    assert DossierService(pair.commune).get(dossier_id).row.status == "withdrawn"  # not "sent" again
    preview = province.preview(withdrawal.path)
    assert [d.outcome for d in preview.dossiers] == ["updated"]
    imported = province.import_package(withdrawal.path)
    detail = DossierService(pair.province).get(dossier_id)
    assert detail.row.status == "withdrawn" and not detail.allowed_actions
    last = detail.events[-1]
    assert (last.action, last.note) == ("withdraw", REASON)
    inbox = InboxService(pair.province, today=TODAY)  # the province's inbox keeps it in sight
    assert [(r.dossier_id, r.status) for r in inbox.rows("withdrawn")] == [(dossier_id, "withdrawn")]
    assert [r.status for r in inbox.rows()] == ["withdrawn"]
    # nothing more to send once the province's receipt is in
    commune.import_package(imported.receipt_path)  # type: ignore[arg-type]
    with pytest.raises(UserError, match="Không có hồ sơ nào cần gửi"):
        commune.export_dossiers(pair.send("s3.ocoppkg"), pending=True)


def test_a_withdrawn_draft_the_province_never_had_is_not_sent(pair: Pair, tmp_path: Path) -> None:
    commune = PackageService(pair.commune)
    service = DossierService(pair.commune, today=TODAY)
    dossier_id = ready_dossier(pair.commune, tmp_path / "scans")
    service.act(dossier_id, "withdraw", note=REASON)
    with pytest.raises(UserError, match="Không có hồ sơ nào cần gửi"):
        commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    with pytest.raises(UserError, match="chỉ gửi được"):
        commune.export_dossiers(pair.send("s1.ocoppkg"), dossier_ids=[dossier_id])


def test_a_result_that_crossed_the_withdrawal_does_not_overwrite_it(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    dossier_id = _sent_and_received(pair, tmp_path)
    InboxService(pair.province, today=TODAY).return_for_correction(dossier_id, "Bổ sung phiếu kiểm nghiệm.")
    results = province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True)
    DossierService(pair.commune, today=TODAY).act(dossier_id, "withdraw", note=REASON)
    got = commune.import_package(results.path)
    assert [(d.outcome, d.reason) for d in got.preview.dossiers] == [
        ("conflicting", "Chủ thể đã rút hồ sơ (xã đã hủy hồ sơ); kết quả gửi đến không được ghi đè lên.")
    ]
    with pair.commune.read() as s:
        assert s.get(Dossier, dossier_id).status == "withdrawn"  # type: ignore[union-attr]

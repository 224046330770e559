"""What has not reached the peer: read in one query with each dossier's sync state (a province holds
tens of thousands of dossiers), and the same answers as before — ready but never sent, sent without a
receipt, nothing once acknowledged; at the province, only dossiers that came from a commune."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from helpers.sync import Pair, ready_dossier
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.services.sync.status import SyncStatusService

LATER = datetime.now(UTC) + timedelta(days=30)


def _unsent(pair_side: object) -> list[tuple[str, str]]:
    return [(r.dossier_id, r.reason) for r in SyncStatusService(pair_side, now=LATER).unsent(7)]  # type: ignore[arg-type]


def test_unsent_follows_each_dossiers_sync_state(pair: Pair, tmp_path: Path) -> None:
    first = ready_dossier(pair.commune, tmp_path / "a")
    assert _unsent(pair.commune) == [(first, "Chưa gửi đi")]
    assert _unsent(pair.province) == []  # nothing came from a commune yet

    sent = PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    assert _unsent(pair.commune) == [(first, "Đã gửi, chưa có biên nhận")]

    imported = PackageService(pair.province).import_package(sent.path)
    assert _unsent(pair.province) == []  # received, not yet acted on: nothing of the province's to send
    InboxService(pair.province).accept(first)
    assert _unsent(pair.province) == [(first, "Chưa gửi đi")]

    assert imported.receipt_path is not None
    PackageService(pair.commune).import_package(imported.receipt_path)
    assert _unsent(pair.commune) == []

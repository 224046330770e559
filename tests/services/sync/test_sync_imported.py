"""At the province, the dossiers that came in by package (`services.sync.imported`): who sent them,
when, and whether the province's results still have to go back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event

from helpers.sync import TODAY, Pair, ready_dossier
from ocop_desktop.domain.errors import UserError
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.sync.imported import imported, province_hashes
from ocop_desktop.services.sync.records import PROVINCE, local_hash
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Dossier


def test_imported_dossiers_and_the_results_still_to_send(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    ids = [
        ready_dossier(pair.commune, tmp_path / f"scans{i}", product=name)
        for i, name in enumerate(["Cà phê Một", "Cà phê Hai", "Cà phê Ba"])
    ]
    sent = commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True)
    commune.import_package(province.import_package(sent.path).receipt_path)  # type: ignore[arg-type]
    rows = imported(pair.province)
    assert {r.dossier_id for r in rows} == set(ids)
    assert {(r.commune_name, r.status, r.results_to_send, r.open_conflicts) for r in rows} == {
        ("UBND Phường Hoàn Kiếm", "sent", False, 0)
    }
    assert all(r.last_received_at is not None and r.commune_office_id for r in rows)

    inbox = InboxService(pair.province, today=TODAY)
    inbox.return_for_correction(ids[0], "Bổ sung kế hoạch.")
    inbox.accept(ids[1])
    ResultService(pair.province, today=TODAY).decide_outside_round(
        ids[1], stars=4, decision_number="5/QĐ-UBND", decision_date=date(2026, 11, 2)
    )
    with pair.province.read() as s:  # the batched hash is the one the export compares
        dossiers = [d for d in (s.get(Dossier, i) for i in ids[:2]) if d is not None]
        assert province_hashes(s, dossiers) == {d.id: local_hash(s, d, PROVINCE) for d in dossiers}
    by_id = {r.dossier_id: r for r in imported(pair.province)}
    assert [(by_id[i].status, by_id[i].results_to_send) for i in ids] == [
        ("returned", True),
        ("decided", True),
        ("sent", False),
    ]
    assert [r.dossier_id for r in imported(pair.province, "decided")] == [ids[1]]

    results = province.export_dossiers(pair.send("r1.ocoppkg"), to="00070", pending=True)
    province.import_package(commune.import_package(results.path).receipt_path)  # type: ignore[arg-type]
    assert not any(r.results_to_send for r in imported(pair.province))


def test_imported_reads_in_two_queries_whatever_the_number(pair: Pair, tmp_path: Path) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    ids = [ready_dossier(pair.commune, tmp_path / f"s{i}", product=f"Chè {i}") for i in range(3)]
    province.import_package(commune.export_dossiers(pair.send("s1.ocoppkg"), pending=True).path)
    for dossier_id in ids:
        InboxService(pair.province, today=TODAY).accept(dossier_id)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    pair.province.office()  # cached: not part of the count
    event.listen(pair.province.engine, "before_cursor_execute", seen)
    try:
        assert len(imported(pair.province)) == 3
    finally:
        event.remove(pair.province.engine, "before_cursor_execute", seen)
    assert len(statements) == 2


def test_imported_is_the_province_s(pair: Pair) -> None:
    with pytest.raises(UserError, match="cấp tỉnh"):
        imported(pair.commune)

"""What docs/sync-package.md §2 and §7 promise about the zip itself: a CRC-32 that does not match an
entry's bytes is refused (`damaged`) — scans included, which the SHA-256 alone let through — and so
is an archive whose first two entries are not `manifest.json` then `manifest.sig`; the other entries
may come in any order. Every refusal leaves the data folder byte-identical."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.listing import data_listing
from helpers.package_surgery import build, entries, wrong_crc
from helpers.sync import Pair, ready_dossier
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.sync.service import PackageService


@pytest.fixture
def submission(pair: Pair, tmp_path: Path) -> Path:
    ready_dossier(pair.commune, tmp_path / "scans")
    return PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True).path


@pytest.mark.parametrize("which", ["manifest.json", "manifest.sig", "records/", "blobs/"])
def test_a_wrong_crc_is_refused_as_damaged(pair: Pair, submission: Path, which: str) -> None:
    data = submission.read_bytes()
    name = next(n for n, _ in entries(data) if n.startswith(which))
    bad = submission.with_name("bad-crc.ocoppkg")
    bad.write_bytes(wrong_crc(data, name))
    province = PackageService(pair.province)
    before = data_listing(pair.province)
    for attempt in (province.verify, province.preview, province.import_package):
        with pytest.raises(PackageRefused) as refused:
            attempt(bad)
        assert refused.value.code == "damaged" and "bị hỏng" in refused.value.message
        assert data_listing(pair.province) == before
    assert province.import_package(submission).applied  # the same package with its real CRCs


def test_manifest_and_signature_must_be_the_first_two_entries(pair: Pair, submission: Path) -> None:
    items = entries(submission.read_bytes())
    head, rest = items[:2], items[2:]
    assert [n for n, _ in head] == ["manifest.json", "manifest.sig"]
    province = PackageService(pair.province)
    before = data_listing(pair.province)
    moved = submission.with_name("moved.ocoppkg")
    for order in ([head[1], head[0], *rest], [head[0], rest[0], head[1], *rest[1:]], [*rest, *head]):
        moved.write_bytes(build(order))
        for attempt in (province.inspect, province.verify, province.import_package):
            with pytest.raises(PackageRefused) as refused:
                attempt(moved)
            assert refused.value.code == "damaged"
        assert data_listing(pair.province) == before
    moved.write_bytes(build([*head, *reversed(rest)]))  # the rest: any order
    assert province.import_package(moved).applied


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.data())
def test_a_package_is_read_whatever_the_order_after_its_first_two_entries(
    pair: Pair, submission: Path, order: st.DataObject
) -> None:
    items = entries(submission.read_bytes())
    shuffled = order.draw(st.permutations(items))
    target = submission.with_name("shuffled.ocoppkg")
    target.write_bytes(build(shuffled))
    first_two = [n for n, _ in shuffled[:2]] == ["manifest.json", "manifest.sig"]
    try:
        preview = PackageService(pair.province).verify(target)
    except PackageRefused as refused:
        assert not first_two and refused.code == "damaged"
    else:
        assert first_two and preview.blobs_new == len([n for n, _ in items if n.startswith("blobs/")])

"""An export killed at any moment publishes its package and then counts as sent, or leaves no trace:
the next start finishes a recorded package or removes an unrecorded one. An import that fails for
lack of disk space says so, and leaves nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers.listing import data_listing
from helpers.sync import Pair, ready_dossier
from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Dossier, SyncPackage

CRASH = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.services.sync.service import PackageService
    from ocop_desktop.store.models import SyncPackage

    data_dir, target, moment = sys.argv[1:4]

    @event.listens_for(Session, "after_flush")
    def exporting(session, _context):
        if any(isinstance(o, SyncPackage) and o.direction == "out" for o in session.new):
            session.info["exporting"] = True
            if moment == "before_commit":
                os._exit(17)

    @event.listens_for(Session, "after_commit")
    def crash(session):  # recorded, the dossiers "sent": the file not yet under its name
        if session.info.get("exporting") and moment == "after_commit":
            os._exit(17)

    PackageService(open_app(AppPaths.for_data_dir(data_dir))).export_dossiers(Path(target), pending=True)
    """
)


def _killed_export(pair: Pair, target: Path, moment: str) -> None:
    pair.commune.close()  # the child is the one program on the folder
    child = subprocess.run(
        [sys.executable, "-c", CRASH, str(pair.commune.paths.data_dir), str(target), moment],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 17, child.stderr


def _statuses(pair: Pair) -> list[str]:
    with pair.commune.read() as s:
        return sorted(s.scalars(select(Dossier.status)))


def test_killed_after_the_commit_the_package_is_published_at_the_next_start(
    pair: Pair, tmp_path: Path
) -> None:
    ready_dossier(pair.commune, tmp_path / "scans")
    target = pair.send("s1.ocoppkg")
    _killed_export(pair, target, "after_commit")
    assert not target.exists()
    [part] = [p for p in target.parent.iterdir() if p.name.endswith(".part")]
    restarted = open_app(pair.commune.paths)
    try:
        assert target.is_file() and not part.exists()
        assert _statuses(pair) == ["sent"]
        assert not (restarted.paths.data_dir / "publishing").exists()
        imported = PackageService(pair.province).import_package(target)  # the file is whole and signed
        assert imported.applied
        again = PackageService(restarted).export_dossiers(pair.send("s2.ocoppkg"), pending=True)
        with restarted.read() as s:
            numbers = sorted(s.scalars(select(SyncPackage.sequence).where(SyncPackage.direction == "out")))
        assert numbers == list(range(1, len(numbers) + 1)) and again.sequence == numbers[-1]
    finally:
        restarted.close()


def test_killed_before_the_commit_nothing_is_left(pair: Pair, tmp_path: Path) -> None:
    ready_dossier(pair.commune, tmp_path / "scans")
    before = data_listing(pair.commune, skip=("logs",))
    target = pair.send("s1.ocoppkg")
    _killed_export(pair, target, "before_commit")
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".part")] != []
    restarted = open_app(pair.commune.paths)
    try:
        assert [p.name for p in target.parent.iterdir() if "s1" in p.name] == []  # no file, no temp file
        assert data_listing(restarted, skip=("logs",)) == before
        assert _statuses(pair) == ["commune_checked"]
    finally:
        restarted.close()


def _blob_sizes(package: Path) -> list[tuple[str, int]]:
    import zipfile

    with zipfile.ZipFile(package) as z:
        return [(i.filename, i.file_size) for i in z.infolist() if i.filename.startswith("blobs/")]


@pytest.fixture
def tiny_blobs(pair: Pair) -> object:
    """The province's blob folder on a real 4 KB file system (tmpfs, one page: the second scan does
    not fit). Mounting needs root (CI runs as root); elsewhere the test is skipped."""
    where = pair.province.paths.blobs_dir
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


def test_an_import_on_a_full_disk_says_so_and_leaves_nothing(
    pair: Pair, tmp_path: Path, tiny_blobs: Path
) -> None:
    ready_dossier(pair.commune, tmp_path / "scans")
    package = PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True).path
    before = data_listing(pair.province)
    with pytest.raises(EnvironmentProblem) as caught:
        PackageService(pair.province).import_package(package)
    assert "đã đầy" in caught.value.message and "cần khoảng" in caught.value.message
    assert "mâu thuẫn" not in caught.value.message
    scans = sum(size for name, size in _blob_sizes(package))
    assert f"cần khoảng {-(-scans // 1024)} KB" in caught.value.message  # what its scans take
    assert data_listing(pair.province) == before
    assert list(tiny_blobs.iterdir()) == []


@pytest.mark.slow
def test_kills_during_export_import_and_evidence_add(tmp_path: Path) -> None:
    """A short run of benchmarks/kill_trials.py (the benchmark runs 200+ kills)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
    from kill_trials import run

    result = run(kills=6, upgrade_kills=0, seed=11, root=tmp_path, scan_bytes=1 << 20)
    assert sum(k["kills"] for k in result["kinds"].values()) >= 1
    assert result["faults"] == {
        "lost records": 0,
        "'sent' dossiers without a package": 0,
        "sequence gaps": 0,
        "temp files left": 0,
        "store does not open": 0,
    }, result["examples"]

"""Staged blobs and the transaction that records them: placed only after its commit, removed on its
rollback; what a dead process left is completed (its journal row committed) or removed (it did not)
by `finish_staged`, never what a live process is still staging; no folder is left by a batch that
made it."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ocop_desktop.store.blobs import BlobStore


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _copy(data: bytes) -> Callable[[BinaryIO], None]:
    return lambda sink: sink.write(data) and None


def _listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_blobs_are_placed_after_the_commit_and_removed_after_a_rollback(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE row (id INTEGER PRIMARY KEY, sha TEXT NOT NULL)")
    store = BlobStore(tmp_path / "blobs")

    with pytest.raises(OperationalError), store.staging("pkg-1") as staging:
        staging.add(_sha(b"scan"), _copy(b"scan"))
        with Session(engine) as s, s.begin():
            staging.place_after_commit(s)
            s.execute(text("INSERT INTO row (sha) VALUES (:sha)"), {"sha": _sha(b"scan")})
            s.execute(text("INSERT INTO nowhere VALUES (1)"))  # the database refuses: rolled back
    assert not (tmp_path / "blobs").exists()  # the batch made the folder, the batch removed it

    with store.staging("pkg-2") as staging:
        staging.add(_sha(b"scan"), _copy(b"scan"))
        with Session(engine) as s, s.begin():
            staging.place_after_commit(s)
            s.execute(text("INSERT INTO row (sha) VALUES (:sha)"), {"sha": _sha(b"scan")})
            assert not store.has(_sha(b"scan"))  # not before the commit
        assert store.has(_sha(b"scan")) and _sha(b"scan") not in staging  # right after it
    assert _listing(store.root) == [_sha(b"scan")[:2], f"{_sha(b'scan')[:2]}/{_sha(b'scan')}"]


def test_a_live_staging_is_left_alone(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    store.put_bytes(b"held before")
    with store.staging("pkg-1") as staging:
        staging.add(_sha(b"scan"), _copy(b"scan"))
        assert store.finish_staged(lambda _journal: True) == 0  # this process holds its lock
        assert not store.has(_sha(b"scan")) and _sha(b"scan") in staging
    assert store.finish_staged(lambda _journal: True) == 0
    assert [p for p in _listing(store.root) if p.startswith(".")] == []
    assert store.root.is_dir()  # it was there before the batch: it stays


DEAD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from ocop_desktop.store.blobs import BlobStore

    root, journal = Path(sys.argv[1]), sys.argv[2]
    staging = BlobStore(root).staging(journal)
    for data in (b"first scan", b"second scan"):
        staging.add(__import__("hashlib").sha256(data).hexdigest(), lambda sink, d=data: sink.write(d))
    staging.make_durable()

    def half(sink):
        sink.write(b"half of a th")
        os._exit(17)  # the power cut, in the middle of a copy

    staging.add("0" * 64, half)
    """
)


def _dead_staging(root: Path, journal: str) -> Path:
    child = subprocess.run(
        [sys.executable, "-c", DEAD, str(root), journal], capture_output=True, text=True, timeout=60
    )
    assert child.returncode == 17, child.stderr
    [folder] = [p for p in root.iterdir() if p.is_dir() and p.name.startswith(".staging-")]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [_sha(b"first scan"), _sha(b"second scan"), "0" * 64 + ".part"]
    )
    return folder


@pytest.mark.parametrize("journal", ["pkg-1", ""])
def test_what_a_dead_process_staged_is_completed_when_its_row_committed(tmp_path: Path, journal: str) -> None:
    store = BlobStore(tmp_path / "blobs")
    folder = _dead_staging(store.root, journal)
    (folder / _sha(b"second scan")).write_bytes(b"changed on the disk")  # never placed under that name
    asked: list[str] = []
    assert store.finish_staged(lambda j: asked.append(j) or True) == 1
    assert asked == ([journal] if journal else [])  # a batch without journal is never placed
    assert store.has(_sha(b"first scan")) == bool(journal)
    assert not store.has(_sha(b"second scan")) and not store.has("0" * 64)
    assert [p for p in _listing(store.root) if p.startswith(".")] == []
    if not journal:
        assert not store.root.exists()  # an empty store is no store: the crash left no folder


def test_what_a_dead_process_staged_is_removed_when_its_row_did_not_commit(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    store.put_bytes(b"held before")
    before = _listing(store.root)
    _dead_staging(store.root, "pkg-1")
    assert store.finish_staged(lambda _journal: False) == 1
    assert _listing(store.root) == before
    assert store.finish_staged(lambda _journal: False) == 0  # nothing left to do

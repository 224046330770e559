"""The blob store's staging: a batch of blobs lands under final names only when committed, all of
them with their exact bytes; an error, a refusal or a missing commit leaves no file behind (no temp
file, no blob), and what the store held before is untouched."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.store.blobs import TEMP_PREFIX, BlobStore


class Refused(Exception):
    """What a package reader raises when a blob's bytes do not match its name."""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _copy(data: bytes, *, fail_after: int | None = None) -> Callable[[BinaryIO], None]:
    def copy(sink: BinaryIO) -> None:
        for start in range(0, len(data), 7):
            if fail_after is not None and start >= fail_after:
                raise Refused()
            sink.write(data[start : start + 7])
        if fail_after is not None:
            raise Refused()  # the hash is checked at the end, after every byte was written

    return copy


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_committed_blobs_are_in_place_and_no_temp_file_remains(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")  # the folder does not exist yet: the first blob makes it
    known = store.put_bytes(b"already here")
    with store.staging() as staging:
        assert staging.add(_sha(b"scan one"), _copy(b"scan one"))
        assert staging.add(_sha(b"scan two"), _copy(b"scan two"))
        assert not staging.add(_sha(b"scan one"), _copy(b"scan one"))  # twice in one batch: once
        assert not staging.add(known.sha256, _copy(b"already here"))  # the store has it
        assert len(staging) == 2
        assert not store.has(_sha(b"scan one"))  # nothing under a final name before the commit
        placed = staging.commit()
    assert sorted(b.sha256 for b in placed) == sorted([_sha(b"scan one"), _sha(b"scan two")])
    assert store.path_for(_sha(b"scan two")).read_bytes() == b"scan two"
    assert not [p for p in store.root.rglob("*") if p.name.startswith(TEMP_PREFIX)]


def test_an_error_in_the_batch_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    store.put_bytes(b"already here")
    before = _files(store.root)
    with pytest.raises(Refused), store.staging() as staging:
        staging.add(_sha(b"good"), _copy(b"good"))
        staging.add(_sha(b"tampered"), _copy(b"tampered", fail_after=3))
    assert _files(store.root) == before
    with store.staging() as staging:  # never committed: a refusal found after the copies
        staging.add(_sha(b"good"), _copy(b"good"))
    assert _files(store.root) == before


@settings(max_examples=60, deadline=None)
@given(
    blobs=st.lists(
        st.tuples(st.binary(max_size=40), st.none() | st.integers(min_value=0, max_value=40)), max_size=8
    ),
    present=st.lists(st.binary(max_size=40), max_size=3),
    commit=st.booleans(),
)
def test_staging_is_all_or_nothing(
    blobs: list[tuple[bytes, int | None]], present: list[bytes], commit: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = BlobStore(Path(folder) / "blobs")
        for data in present:
            store.put_bytes(data)
        before = _files(store.root)
        failed = False
        try:
            with store.staging() as staging:
                for data, fail_after in blobs:
                    staging.add(_sha(data), _copy(data, fail_after=fail_after))
                if commit:
                    staging.commit()
        except Refused:
            failed = True
        after = _files(store.root)
        assert not [name for name in after if Path(name).name.startswith(TEMP_PREFIX)]
        assert {k: v for k, v in after.items() if k in before} == before  # nothing held is changed
        if failed or not commit:
            assert after == before
        else:
            expected = {_sha(data): data for data, _ in blobs} | {_sha(data): data for data in present}
            assert {Path(name).name: data for name, data in after.items()} == expected
            assert all(name == f"{sha[:2]}/{sha}" for name, sha in ((k, Path(k).name) for k in after))

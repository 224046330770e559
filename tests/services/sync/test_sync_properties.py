"""Property: whatever random damage a package suffers, importing it raises the typed refusal (never
another exception) and leaves the database and the blob store as they were."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.sync import Pair, blob_files, db_state, ready_dossier
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.reader import PackageReader
from ocop_desktop.services.sync.service import PackageService

_good: dict[str, bytes] = {}


@st.composite
def damage(draw: st.DrawFn) -> list[tuple[str, int, bytes]]:
    """A few edits: flip, overwrite, insert, delete, truncate (positions as fractions of the size)."""
    edits = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "overwrite", "insert", "delete", "truncate"]))
        where = draw(st.integers(0, 10_000))
        payload = draw(st.binary(min_size=1, max_size=16))
        edits.append((kind, where, payload))
    return edits


def apply_damage(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, payload in edits:
        at = where * max(len(out) - 1, 0) // 10_000
        if kind == "flip" and out:
            out[at] ^= payload[0] or 1
        elif kind == "overwrite":
            out[at : at + len(payload)] = payload
        elif kind == "insert":
            out[at:at] = payload
        elif kind == "delete":
            del out[at : at + len(payload)]
        elif kind == "truncate":
            del out[at:]
    return bytes(out)


@pytest.fixture
def prepared(pair: Pair, tmp_path: Path) -> Pair:
    ready_dossier(pair.commune, tmp_path / "scans")
    _good["package"] = (
        PackageService(pair.commune)
        .export_dossiers(pair.send("good.ocoppkg"), pending=True)
        .path.read_bytes()
    )
    _good["state"] = db_state(pair.province).encode()
    return pair


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=damage())
def test_random_damage_is_always_a_typed_refusal(prepared: Pair, edits: list[tuple[str, int, bytes]]) -> None:
    good = _good["package"]
    data = apply_damage(good, edits)
    if data == good:
        return
    target = prepared.send("damaged.ocoppkg")
    target.write_bytes(data)
    blobs = blob_files(prepared.province)
    with pytest.raises(PackageRefused) as info:
        PackageService(prepared.province).import_package(target)
    assert info.value.message.endswith("Không có gì thay đổi trên máy này.")
    with pytest.raises(PackageRefused):
        with PackageReader(target) as reader:  # the reader alone, reading everything it can
            for name in reader.names("blob"):
                reader.copy_blob(name, None)
            for name in reader.names("record"):
                reader.read_json_bytes(name, os.urandom(32))
            raise PackageRefused("read", "all read")  # reaching here is allowed only through a refusal
    assert blob_files(prepared.province) == blobs
    assert db_state(prepared.province).encode() == _good["state"]

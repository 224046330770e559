"""The cipher of encrypted scans (`crypto.seal_chunks` / `open_chunks`, docs/sync-package.md §5):
whatever the bytes and however they are cut into chunks, they come back; any change to the stored
bytes, the package id, the entry name or the key is refused before the caller may use them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.ocoppkg import crypto
from ocop_desktop.ocoppkg.errors import PackageRefused

KEY = bytes(range(32))
PACKAGE = "0b7c3f4e-2d1a-4c5b-8e9f-a0b1c2d3e4f5"
NAME = "blobs/" + "ab" * 32 + ".enc"


def _chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    """`data` cut at these offsets (chunks of any size, empty ones included)."""
    points = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return [data[a:b] for a, b in zip(points, points[1:], strict=False)] + [b""]


def _seal(plain: bytes, cuts: list[int], package: str = PACKAGE, name: str = NAME) -> bytes:
    return b"".join(crypto.seal_chunks(KEY, package, name, _chunks(plain, cuts)))


def _open(
    stored: bytes, cuts: list[int], key: bytes = KEY, package: str = PACKAGE, name: str = NAME
) -> bytes:
    return b"".join(crypto.open_chunks(key, package, name, _chunks(stored, cuts)))


cuts = st.lists(st.integers(min_value=0, max_value=1 << 20), max_size=8)


@settings(max_examples=300, deadline=None)
@given(plain=st.binary(max_size=5000), seal_cuts=cuts, open_cuts=cuts)
def test_any_bytes_in_any_chunks_come_back(plain: bytes, seal_cuts: list[int], open_cuts: list[int]) -> None:
    stored = _seal(plain, seal_cuts)
    assert len(stored) == len(plain) + crypto.OVERHEAD
    assert _open(stored, open_cuts) == plain
    # the stream and the one-shot form are one format (records use the one-shot form)
    assert crypto.decrypt_file(KEY, PACKAGE, NAME, stored) == plain
    assert _open(crypto.encrypt_file(KEY, PACKAGE, NAME, plain), open_cuts) == plain


@settings(max_examples=300, deadline=None)
@given(
    plain=st.binary(max_size=3000), position=st.integers(min_value=0), bit=st.integers(0, 7), open_cuts=cuts
)
def test_any_bit_flipped_is_refused(plain: bytes, position: int, bit: int, open_cuts: list[int]) -> None:
    stored = bytearray(_seal(plain, []))
    stored[position % len(stored)] ^= 1 << bit
    with pytest.raises(PackageRefused) as refused:
        _open(bytes(stored), open_cuts)
    assert refused.value.code == "cannot_decrypt" and NAME in refused.value.message


@settings(max_examples=200, deadline=None)
@given(
    plain=st.binary(max_size=3000), keep=st.integers(min_value=0), extra=st.binary(min_size=1, max_size=40)
)
def test_cut_short_or_lengthened_is_refused(plain: bytes, keep: int, extra: bytes) -> None:
    stored = _seal(plain, [])
    for changed in (stored[: keep % len(stored)], stored + extra, extra + stored):
        with pytest.raises(PackageRefused):
            _open(changed, [])


@settings(max_examples=150, deadline=None)
@given(plain=st.binary(max_size=2000), other=st.sampled_from(["package", "name", "key", "swap"]))
def test_a_scan_is_bound_to_its_package_its_entry_and_its_key(plain: bytes, other: str) -> None:
    """Moved to another package, renamed to another entry, or opened with another key: refused.
    ("swap": the ciphertext of another scan of the same package, under this entry's name.)"""
    stored = _seal(plain, [])
    with pytest.raises(PackageRefused) as refused:
        if other == "package":
            _open(stored, [], package="1b7c3f4e-2d1a-4c5b-8e9f-a0b1c2d3e4f5")
        elif other == "name":
            _open(stored, [], name="blobs/" + "cd" * 32 + ".enc")
        elif other == "key":
            _open(stored, [], key=bytes(32))
        else:
            _open(_seal(plain, [], name="blobs/" + "cd" * 32 + ".enc"), [])
    assert refused.value.code == "cannot_decrypt"


def test_each_scan_gets_a_fresh_nonce() -> None:
    """The same bytes sealed twice under one key never share a nonce (nor a ciphertext)."""
    sealed = {_seal(b"same scan", [])[: crypto.NONCE] for _ in range(200)}
    assert len(sealed) == 200


def test_opening_streams_with_memory_bounded_by_the_chunk() -> None:
    """A 64 MiB scan in 1 MiB chunks is decrypted holding about one chunk at a time."""
    import tracemalloc

    chunk = bytes(1 << 20)
    stored = crypto.seal_chunks(KEY, PACKAGE, NAME, (chunk for _ in range(64)))
    tracemalloc.start()
    try:
        total = sum(len(part) for part in crypto.open_chunks(KEY, PACKAGE, NAME, stored))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == 64 << 20 and peak < 8 << 20

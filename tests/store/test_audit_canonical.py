"""Property: the fast hashing of the log (a member at a time; a row straight from its values) gives
exactly the hashes of the documented definition, `json.dumps(..., sort_keys=True, separators=(",", ":"))`,
so that chains and seals written by earlier releases still verify."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, LargeBinary, MetaData, String, Table

from ocop_desktop.store.audit.canonical import ENTRY_FIELDS, _hashed, entry_hash, row_state, state_hash
from ocop_desktop.store.audit.scan import _plan, digest

# Text with what JSON must escape: quotes, backslashes, control characters, DEL, non-ASCII, astral.
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=20) | st.sampled_from(
    ['"', "\\", "\x00\x1f\x7f", "Mở rộng vùng “nguyên liệu”", "😀", '{"a": "\\u00e0"}']
)
SCALAR = st.none() | st.booleans() | st.integers() | st.floats() | TEXT
JSONISH = st.recursive(
    SCALAR, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3)
)


def _documented(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


@given(st.dictionaries(TEXT, JSONISH, max_size=6))
def test_hash_of_an_object_is_the_documented_one(data: dict[str, Any]) -> None:
    assert _hashed(data) == _documented(data)


COLUMNS = ["zeta", "id", "Alpha", "blob", "n", "x_1"]
TABLE = Table(
    "t",
    MetaData(),
    Column("zeta", String),
    Column("id", String, primary_key=True),
    Column("Alpha", String),
    Column("blob", LargeBinary),
    Column("n", Integer),
    Column("x_1", String),
)
VALUE = st.none() | st.integers() | st.floats() | TEXT | st.binary(max_size=8)


@given(st.tuples(*[VALUE] * len(COLUMNS)))
def test_hash_of_a_row_from_its_values_is_that_of_its_state(values: tuple[Any, ...]) -> None:
    """`scan_states` hashes the values in sorted column order without building the state."""
    columns, position, prefixes = _plan(TABLE)
    ordered = sorted(zip(COLUMNS, values, strict=True))
    assert columns == ["Alpha", "blob", "id", "n", "x_1", "zeta"] and columns[position] == "id"
    expected = state_hash(row_state(COLUMNS, values))
    assert digest(prefixes, [v for _c, v in ordered]) == int(expected, 16)


@given(st.dictionaries(TEXT, SCALAR, max_size=6), st.dictionaries(TEXT, SCALAR, max_size=6))
def test_a_remembered_hash_is_never_that_of_another_state(a: dict[str, Any], b: dict[str, Any]) -> None:
    """The autosave's memo of state hashes: equal states of different types (1, 1.0, True) differ."""
    assert state_hash(a) == _documented(a)
    assert state_hash(b) == _documented(b)
    assert state_hash(a) == _documented(a)
    assert state_hash({"n": 1}) != state_hash({"n": True}) != state_hash({"n": 1.0})


ENTRY = st.fixed_dictionaries({k: st.none() | st.integers() | TEXT for k in ENTRY_FIELDS} | {"hash": TEXT})


@given(ENTRY)
def test_hash_of_an_entry_is_the_documented_one(entry: dict[str, Any]) -> None:
    assert entry_hash(entry) == _documented({k: entry[k] for k in ENTRY_FIELDS})

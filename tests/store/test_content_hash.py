"""The engine-neutral content hash of `store migrate-to`: the same rows give the same hash in any order
and whichever engine's form they come in; any change to a row, an added or a lost row changes it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from ocop_desktop.services.core.store_move import tables_in_order
from ocop_desktop.store.content_hash import TableHash, normalised
from ocop_desktop.store.transfer import _self_references

values = st.one_of(
    st.none(), st.integers(-(2**63), 2**63 - 1), st.text(max_size=20), st.booleans(), st.binary(max_size=8)
)
rows = st.lists(st.tuples(values, values, values), max_size=30)


def _hash(batch: list[tuple[object, ...]]) -> str:
    digest = TableHash()
    digest.add(batch)
    return digest.hex


@given(rows, st.randoms())
def test_order_and_batches_do_not_matter(batch: list[tuple[object, ...]], rng: object) -> None:
    shuffled = list(batch)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    digest = TableHash()
    digest.add(shuffled[: len(shuffled) // 2])
    digest.add(shuffled[len(shuffled) // 2 :])
    assert digest.hex == _hash(batch) and digest.rows == len(batch)


@given(rows.filter(bool), st.data())
def test_a_changed_added_or_lost_row_changes_the_hash(
    batch: list[tuple[object, ...]], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(batch) - 1))
    changed = list(batch)
    changed[index] = (*batch[index][:2], "đã sửa" if batch[index][2] != "đã sửa" else "khác")
    assert _hash(changed) != _hash(batch)
    assert _hash(batch + [batch[index]]) != _hash(batch)  # a duplicate counts
    assert _hash(batch[:index] + batch[index + 1 :]) != _hash(batch)


def test_each_engine_form_of_a_value_normalises_alike() -> None:
    """SQLite gives its stored text and 0/1; PostgreSQL gives typed values, times with their zone."""
    at = datetime(2026, 12, 4, 1, 2, 3, 400, tzinfo=UTC)
    assert normalised("2026-12-04 01:02:03.000400") == normalised(at)
    assert normalised(at.astimezone(timezone(timedelta(hours=7)))) == normalised(at)
    assert normalised("2026-12-04") == normalised(date(2026, 12, 4))
    assert normalised(1) == normalised(True) and normalised(0) == normalised(False)
    assert normalised(memoryview(b"\x01\xff")) == normalised(b"\x01\xff") == "01ff"
    assert _hash([(1, "2026-12-04 01:02:03.000400")]) == _hash([(True, at)])


def test_tables_that_refer_to_themselves_can_be_copied_in_two_steps() -> None:
    """A self-reference is copied empty first and filled in after the table (store.transfer): it must
    allow NULL."""
    found = {t.name: [c.name for c in _self_references(t)] for t in tables_in_order() if _self_references(t)}
    assert found == {"admin_unit": ["parent_code"], "dossier": ["previous_dossier_id"]}
    assert all(c.nullable for t in tables_in_order() for c in _self_references(t))

"""`store.raw`: the same `?` statements on both engines, and PostgreSQL's values given back as SQLite
holds them, so that a record's audit state (and its hash) does not depend on the engine."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Engine, Integer, MetaData, String, Table, Text

from ocop_desktop.store.audit.canonical import read_states, state_hash
from ocop_desktop.store.database import make_engine
from ocop_desktop.store.engines import make_server_engine
from ocop_desktop.store.raw import driver

pytestmark = pytest.mark.postgres

META = MetaData()
SAMPLE = Table(
    "raw_sample",
    META,
    Column("id", String(36), primary_key=True),
    Column("n", Integer),
    Column("flag", Boolean),
    Column("at", DateTime(timezone=True)),
    Column("on", Date),
    Column("doc", JSON),
    Column("note", Text),
)
ROW = {
    "id": "a1",
    "n": 7,
    "flag": True,
    "at": datetime(2026, 12, 3, 8, 30, 5, tzinfo=UTC),
    "on": date(2026, 2, 28),
    "doc": {"b": [1, "hai"], "a": {"x": None}},
    "note": "Cà phê? 100% Buôn Ma Thuột",
}


@pytest.fixture
def engines(tmp_path: Path, pg_url: str) -> Iterator[dict[str, Engine]]:
    made = {"sqlite": make_engine(tmp_path / "raw.sqlite3"), "postgres": make_server_engine(pg_url)}
    for engine in made.values():
        META.create_all(engine)
        with engine.begin() as conn:
            conn.execute(SAMPLE.insert(), ROW)
            conn.execute(SAMPLE.insert(), {"id": "b2", "flag": False})
    yield made
    for engine in made.values():
        engine.dispose()


def test_states_are_the_same_on_both_engines(engines: dict[str, Engine]) -> None:
    states = {}
    for name, engine in engines.items():
        with engine.connect() as conn:
            states[name] = read_states(conn, SAMPLE, ["a1", "b2", "absent"])
    assert states["postgres"] == states["sqlite"]
    assert set(states["sqlite"]) == {"a1", "b2"}
    assert states["sqlite"]["b2"] == {"id": "b2", "flag": 0}  # NULLs left out, booleans as 0/1
    assert {state_hash(s) for s in states["postgres"].values()} == {
        state_hash(s) for s in states["sqlite"].values()
    }


def test_statements_with_and_without_parameters(engines: dict[str, Engine]) -> None:
    for engine in engines.values():
        with engine.begin() as conn:
            raw = driver(conn)
            raw.executemany("INSERT INTO raw_sample (id, n) VALUES (?, ?)", [("c3", 1), ("d4", 2)])
            found = raw.execute("SELECT n FROM raw_sample WHERE id IN (?, ?) ORDER BY n", ("c3", "d4"))
            assert found.fetchall() == [(1,), (2,)]
            literal = raw.execute("SELECT note FROM raw_sample WHERE note LIKE '%100%' AND id = 'a1'")
            assert literal.fetchone() == (ROW["note"],)  # a literal % or ? is not a placeholder

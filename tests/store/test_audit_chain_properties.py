"""Property: any sequence of edits keeps the audit chain valid, and any single tampering with the
database (an entry edited, deleted or moved; a record updated, deleted or added) is detected."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ocop_desktop.store.audit import verify
from ocop_desktop.store.base import ACTOR_OFFICER, Base
from ocop_desktop.store.database import make_engine
from ocop_desktop.store.models import AdminUnit, Office, Officer

NAMES = st.text(alphabet="AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáạảãđêếệ ", min_size=1, max_size=12)
EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), NAMES),
        st.tuples(st.just("rename"), st.integers(0, 9), NAMES),
        st.tuples(st.just("toggle"), st.integers(0, 9)),
        st.tuples(st.just("delete"), st.integers(0, 9)),
        st.tuples(st.just("flush_twice"), NAMES, NAMES),
    ),
    min_size=1,
    max_size=12,
)
TAMPERING = st.sampled_from(
    ["edit_entry", "delete_entry", "swap_entries", "update_row", "delete_row", "insert_row", "drop_last"]
)


def _store(folder: Path) -> sessionmaker[Session]:
    engine = make_engine(folder / "p.sqlite3")
    Base.metadata.create_all(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    with sessions.begin() as s:
        s.add(
            AdminUnit(
                code="00070", name="Hoàn Kiếm", division_type="Phường", level="commune", search_key="hk"
            )
        )
        s.flush()  # no relationship orders the two inserts
        s.add(Office(id="office", role="commune", unit_code="00070", name="UBND", is_self=True))
    return sessions


def _apply(sessions: sessionmaker[Session], edit: tuple[object, ...]) -> None:
    with sessions.begin() as s:
        s.info[ACTOR_OFFICER] = "someone"
        officers = list(s.scalars(select(Officer).order_by(Officer.created_at, Officer.id)))
        kind = edit[0]
        if kind == "add":
            s.add(Officer(office_id="office", name=str(edit[1])))
        elif kind == "flush_twice":  # two flushes in one transaction
            new = Officer(office_id="office", name=str(edit[1]))
            s.add(new)
            s.flush()
            new.name = str(edit[2]) + "!"
        elif officers:
            target = officers[int(edit[1]) % len(officers)]  # type: ignore[call-overload]
            if kind == "rename":
                target.name = str(edit[2])
            elif kind == "toggle":
                target.active = not target.active
            else:
                s.delete(target)


def _tamper(db: Path, how: str) -> bool:
    """Change the file as a person with `sqlite3` could; False when there is nothing to tamper with."""
    conn = sqlite3.connect(db)
    try:
        entries = conn.execute("SELECT seq FROM audit_entry ORDER BY seq").fetchall()
        rows = conn.execute("SELECT id FROM officer").fetchall()
        if how == "edit_entry":
            conn.execute(
                "UPDATE audit_entry SET officer_name = officer_name || 'x' WHERE seq = ?", entries[0]
            )
        elif how == "delete_entry":
            conn.execute("DELETE FROM audit_entry WHERE seq = ?", entries[len(entries) // 2])
        elif how == "drop_last":
            conn.execute("DELETE FROM audit_entry WHERE seq = ?", entries[-1])
        elif how == "swap_entries":
            if len(entries) < 2:
                return False
            conn.execute("UPDATE audit_entry SET seq = -1 WHERE seq = 1")
            conn.execute("UPDATE audit_entry SET seq = 1 WHERE seq = 2")
            conn.execute("UPDATE audit_entry SET seq = 2 WHERE seq = -1")
        elif how == "insert_row":
            conn.execute(
                "INSERT INTO officer (id, office_id, name, title, active, is_admin, revision, created_at, "
                "updated_at) VALUES ('intruder', 'office', 'Ma', '', 1, 1, 1, '2026-01-01', '2026-01-01')"
            )
        elif not rows:
            return False
        elif how == "update_row":
            conn.execute("UPDATE officer SET name = name || 'x' WHERE id = ?", rows[0])
        else:
            conn.execute("DELETE FROM officer WHERE id = ?", rows[0])
        conn.commit()
        return True
    finally:
        conn.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS, how=TAMPERING)
def test_edits_keep_the_chain_valid_and_any_tampering_is_found(
    edits: list[tuple[object, ...]], how: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        sessions = _store(Path(folder))
        for edit in edits:
            _apply(sessions, edit)
        engine = sessions.kw["bind"]
        with engine.connect() as conn:
            report = verify(conn)
        assert report.ok, report.problems
        assert report.entries >= 1  # the office at least
        engine.dispose()
        if _tamper(Path(folder) / "p.sqlite3", how):
            with engine.connect() as conn:
                assert not verify(conn).ok, how
        engine.dispose()

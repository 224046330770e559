"""The application context: paths, the open database and the acting officer.

A plain holder, built once per process (GUI or CLI) by `services.core.bootstrap.open_app` and
handed to services. Each service method opens its own unit of work with `ctx.unit_of_work()`, so a
user action commits or rolls back as a whole.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ocop_desktop.domain.errors import NotInitialisedError
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.reference import installed_root, use_installed_reference
from ocop_desktop.store import instance_lock
from ocop_desktop.store.audit import ACTOR_OFFICER_NAME
from ocop_desktop.store.base import ACTOR_OFFICE, ACTOR_OFFICER
from ocop_desktop.store.concurrency import contention_conflict, one_snapshot, stale_conflict
from ocop_desktop.store.faults import environment_problem
from ocop_desktop.store.models import Office, Officer


@dataclass(frozen=True)
class OfficeInfo:
    id: str
    role: str
    unit_code: str
    name: str


@dataclass(frozen=True)
class Actor:
    """Whom a recorded action is attributed to: this office and the officer at the keyboard."""

    office_id: str | None
    officer_id: str | None


@dataclass
class AppContext:
    paths: AppPaths
    engine: Engine
    sessions: sessionmaker[Session]
    officer_id: str | None = None
    lock: Path | None = None  # this process's hold on the data folder (`store.instance_lock`)
    _office: OfficeInfo | None = field(default=None, repr=False)
    _named: tuple[str | None, str] | None = field(default=None, repr=False)  # (officer id, name)
    # the read a thread shares between the services it calls (`shared_read`); per thread: workers run at once
    _reading: threading.local = field(default_factory=threading.local, repr=False)

    def close(self) -> None:
        """Release the database (and the data folder); reference data falls back to the bundled
        files if this store's packs were the ones in use (another store may have been opened since)."""
        if installed_root() == self.paths.data_dir / "reference":
            use_installed_reference(None)
        self.engine.dispose()
        if self.lock is not None:
            instance_lock.release(self.lock)
            self.lock = None

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction for one user action; the acting office and officer stamp changes. A
        fault of the machine (database held by another program, disk full, read-only file) rolls
        it back and is said plainly; so is another desk saving the same record first (a province
        office on a server, `store.concurrency`)."""
        try:
            with self.sessions.begin() as session:
                office = self.office_or_none()
                session.info[ACTOR_OFFICE] = office.id if office else None
                session.info[ACTOR_OFFICER] = self.officer_id
                session.info[ACTOR_OFFICER_NAME] = self.officer_name()
                yield session
        except StaleDataError as exc:  # a revision check at the write: another desk saved it first
            raise stale_conflict(exc) from exc
        except DBAPIError as exc:  # locked, full, read-only, damaged: by SQLite result code
            problem = contention_conflict(exc) or environment_problem(
                exc, self.paths.db_path, self.paths.backups_dir
            )
            if problem is None:
                raise
            raise problem from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading: on a server, all its queries see one snapshot (`one_snapshot`).
        Inside `shared_read` on the same thread, the shared session."""
        shared: Session | None = getattr(self._reading, "session", None)
        if shared is not None:
            yield shared
            return
        with self.sessions() as session:
            one_snapshot(session)
            yield session

    @contextmanager
    def shared_read(self) -> Iterator[None]:
        """Every `read()` of this thread inside it uses one session and one snapshot: a window built
        from several services' reads (the dossier window: detail, checklist, evidence, self-assessment…)
        opens one transaction instead of one per read — at a server desk each costs its own round trips
        (begin, isolation level, end). Reads only: a unit of work inside still has its own."""
        if getattr(self._reading, "session", None) is not None:
            yield
            return
        with self.read() as session:
            # the session's identity map holds records weakly: one service's record would be gone (and
            # read again) by the time the next asks for it by key; held here until the block ends
            held: list[object] = []
            hold = lambda _s, record: held.append(record)  # noqa: E731
            event.listen(session, "loaded_as_persistent", hold)
            self._reading.session = session
            try:
                yield
            finally:
                self._reading.session = None
                event.remove(session, "loaded_as_persistent", hold)

    def officer_name(self) -> str:
        """The name of the officer at the keyboard, as the audit log records it (kept until renamed)."""
        if self._named is None or self._named[0] != self.officer_id:
            name = None
            if self.officer_id:
                with self.sessions() as s:
                    name = s.scalar(select(Officer.name).where(Officer.id == self.officer_id))
            self._named = (self.officer_id, name or "")
        return self._named[1]

    def forget_officer_name(self) -> None:
        self._named = None

    def actor(self) -> Actor:
        office = self.office_or_none()
        return Actor(office.id if office else None, self.officer_id)

    def office_or_none(self) -> OfficeInfo | None:
        if self._office is None:
            with self.sessions() as s:
                row = s.scalars(select(Office).where(Office.is_self.is_(True))).first()
                if row is not None:
                    self._office = OfficeInfo(row.id, row.role, row.unit_code, row.name)
        return self._office

    def office(self) -> OfficeInfo:
        office = self.office_or_none()
        if office is None:
            raise NotInitialisedError(
                "Máy này chưa được thiết lập. Hãy chạy trình thiết lập lần đầu "
                "(hoặc lệnh: ocop-desktop init --role ... --unit ... --officer ...)."
            )
        return office

    def forget_office(self) -> None:
        self._office = None

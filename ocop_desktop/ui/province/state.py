"""What the tabs of the evaluation page share: the rounds, the round being worked on (with its
members and entries), and one way to run a service call in the background that reloads the round
afterwards. Every read and write goes through `run_task`, so the window never waits on the
database."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ocop_desktop.services.province.rounds import RoundDetail, RoundRow
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.province import jobs

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


class EvalState(QObject):
    """Signals:
    roundsLoaded(): `rounds` holds the rounds (newest year first).
    roundLoaded(): `detail` holds the current round's members and entries (None: no round).
    written(): something was changed; tabs that show other data reload it.
    openDossier(str): a tab asks for a dossier's own window (the main window opens it).
    """

    roundsLoaded = Signal()
    roundLoaded = Signal()
    written = Signal()
    openDossier = Signal(str)

    def __init__(self, ctx: AppContext, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.rounds: list[RoundRow] = []
        self.round_id: str | None = None
        self.detail: RoundDetail | None = None
        self.tasks: list[Task] = []

    # -- running jobs --------------------------------------------------------------------------
    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        writes: bool = False,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> Task:
        """`fn(progress, ctx, *args)` in the background; after a write the round is reloaded."""
        owner = parent or self.owner

        def finished(result: Any) -> None:
            if done is not None:
                done(result)
            if writes:
                self.written.emit()
                self.reload()

        def refused(exc: BaseException) -> None:
            (failed or (lambda e: errors.show_error(e, owner)))(exc)
            if writes:
                self.reload()  # a partial batch (accepting several) may have written some

        task = run_task(
            fn,
            self.ctx,
            *args,
            on_done=finished,
            on_error=refused,
            writes_db=writes,
            parent=owner,
            progress_title=title,
        )
        self.tasks = [t for t in self.tasks if not t.done] + [task]
        return task

    def busy(self) -> bool:
        return any(not t.done for t in self.tasks)

    # -- rounds --------------------------------------------------------------------------------
    def reload(self) -> Task:
        return self.run(jobs.rounds, done=self._rounds)

    def _rounds(self, rows: list[RoundRow]) -> None:
        self.rounds = rows
        ids = [r.id for r in rows]
        if self.round_id not in ids:  # start with the latest round
            self.round_id = max(rows, key=lambda r: (r.year, r.number)).id if rows else None
        self.roundsLoaded.emit()
        self._load_round()

    def select(self, round_id: str | None) -> None:
        if round_id != self.round_id:
            self.round_id = round_id
            self.detail = None
            self._load_round()

    def _load_round(self) -> None:
        if self.round_id is None:
            self.detail = None
            self.roundLoaded.emit()
            return
        wanted = self.round_id
        self.run(jobs.round_detail, wanted, done=lambda d: self._detail(wanted, d))

    def _detail(self, wanted: str, detail: RoundDetail) -> None:
        if wanted == self.round_id:  # the officer may have picked another round meanwhile
            self.detail = detail
            self.roundLoaded.emit()

    def entry(self, dossier_id: str) -> Any:
        if self.detail is None:
            return None
        return next((e for e in self.detail.entries if e.dossier_id == dossier_id), None)

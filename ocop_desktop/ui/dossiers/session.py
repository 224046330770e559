"""One open dossier: its current record and revision, and the autosave of what is typed.

Edits are queued per form section and saved through `DossierService.save_section` (`ops`) after a
pause (`AUTOSAVE_MS`), when the person leaves a field, changes tab or closes the editor. Every save
carries the revision the editor last saw, so a change made elsewhere is detected (ConflictError)
instead of overwritten, and the record is read again in the background. A value the service
refuses stays in its widget and in the queue with its message; the section's other values are
saved without it.

The save itself runs on the GUI thread, unlike the editor's other reads and writes: it is one small
transaction (`benchmarks/ui/bench_dossier_ui.py`, 200 saves of one field: median 1.6 ms, worst
7.6 ms; a checklist item's save, also direct: 3.6 ms and 13.8 ms), it must be done before the
editor closes or an action runs, and a save made in the background could come back after the
person typed more, which would need merging for no visible gain.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ocop_desktop.domain.errors import ConflictError, UserError, ValidationError
from ocop_desktop.services.dossiers.service import DossierDetail
from ocop_desktop.ui.dossiers import ops
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

log = logging.getLogger(__name__)
AUTOSAVE_MS = 500


class DossierSession(QObject):
    """Signals:
    reloaded(object): the DossierDetail was (re)loaded or changed by an action; show it.
    saved(object, str, object): after a save: detail, section key, the values saved.
    problems(str, object): section key, {field key: message} for values not saved.
    conflicted(str): the record changed elsewhere; the text says what was not saved.
    failed(object): a UserError to show.
    """

    reloaded = Signal(object)
    saved = Signal(object, str, object)
    problems = Signal(str, object)
    conflicted = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        detail: DossierDetail,
        parent: QObject | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.last_saved: datetime | None = None
        self._pending: dict[str, dict[str, object]] = {}  # section -> key -> raw value
        self._fresh: set[str] = set()  # sections with edits not tried yet
        self._autosave_ms = autosave_ms
        self._last_edit = 0.0
        self._timer = QTimer(self, singleShot=True, interval=autosave_ms)
        self._timer.timeout.connect(self._pause_over)

    @property
    def dossier_id(self) -> str:
        return self.detail.row.id

    @property
    def revision(self) -> int:
        return self.detail.row.revision

    # -- editing ------------------------------------------------------------------------------
    def edit(self, section: str, key: str, raw: object) -> None:
        """Queue a typed value; it is saved after a pause in typing."""
        self._pending.setdefault(section, {})[key] = raw
        self._fresh.add(section)
        # Restarting the timer on every keystroke costs a Qt call each; noting the time is enough.
        self._last_edit = time.monotonic()
        if not self._timer.isActive():
            self._timer.start(self._autosave_ms)

    def _pause_over(self) -> None:
        waited_ms = (time.monotonic() - self._last_edit) * 1000
        if waited_ms < self._autosave_ms:
            self._timer.start(max(int(self._autosave_ms - waited_ms), 1))  # still typing
        else:
            self.flush()

    def has_pending(self) -> bool:
        return any(self._pending.values())

    def unsaved(self) -> dict[str, dict[str, object]]:
        """Values typed but not saved (refused ones included)."""
        return {s: dict(v) for s, v in self._pending.items() if v}

    def flush(self) -> bool:
        """Save every section with new edits now. True when nothing typed remains unsaved."""
        self._timer.stop()
        for section in [s for s in self._pending if s in self._fresh]:
            self._fresh.discard(section)
            if not self._save(section):
                break  # a conflict reloaded everything
        return not self.has_pending()

    def _save(self, section: str) -> bool:
        values = dict(self._pending.get(section, {}))
        if not values:
            return True
        try:
            self._store(section, values)
        except ValidationError as exc:
            refused = {k for k in exc.fields if k in values} or set(values)  # cross-field: keep all
            good = {k: v for k, v in values.items() if k not in refused}
            self._pending[section] = values
            if good:
                try:
                    self._store(section, good)
                except ValidationError:
                    pass  # keep everything queued with the first messages
                except ConflictError as conflict:
                    return self._conflict(conflict)
            self.problems.emit(section, dict(exc.fields))
            return True
        except ConflictError as exc:
            return self._conflict(exc)
        except UserError as exc:
            self.failed.emit(exc)
        return True

    def _store(self, section: str, values: dict[str, object]) -> None:
        """Save `values`; what was saved leaves the queue (before anyone is told)."""
        self.detail = ops.save_section(self.ctx, self.dossier_id, section, values, self.revision)
        self.last_saved = datetime.now()
        left = {k: v for k, v in self._pending.get(section, {}).items() if k not in values}
        if left:
            self._pending[section] = left
        else:
            self._pending.pop(section, None)
        stored = self.detail.forms.get(section, {})
        self.saved.emit(self.detail, section, {k: stored.get(k) for k in values})

    def _conflict(self, exc: ConflictError) -> bool:
        lost = self.unsaved()
        self._pending.clear()
        self._fresh.clear()
        lines = [f"• {value}" for values in lost.values() for value in values.values() if str(value).strip()]
        text = exc.message + "\n" + self.tr("Hồ sơ đã được tải lại.")
        if lines:
            text += (
                "\n" + self.tr("Những gì bạn vừa gõ chưa được lưu (hãy nhập lại):") + "\n" + "\n".join(lines)
            )
        log.info("dossier %s changed elsewhere; reloading", self.dossier_id)
        self.reload()
        self.conflicted.emit(text)
        return False

    # -- whole record -------------------------------------------------------------------------
    def reload(self) -> Task:
        """Read the record again (in the background); `reloaded` shows it."""
        return run_task(
            ops.load_detail,
            self.ctx,
            self.dossier_id,
            on_done=self.adopt,
            on_error=self.failed.emit,
            parent=self,
        )

    def adopt(self, detail: DossierDetail) -> None:
        """The record as read again, or as a lifecycle action left it."""
        self.detail = detail
        self.reloaded.emit(detail)

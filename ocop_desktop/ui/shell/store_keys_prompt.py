"""At a desk's start on the province office's database server: when the office's keys are shared in the
database but not on this desk, ask once for the office passphrase to install them (`FetchKeysDialog`).
"Để sau" is remembered for these keys (the UI settings' `office_keys_later`), so the next starts do not
ask again; Settings' office-keys box keeps saying that this desk has no keys."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ocop_desktop.paths import uses_server
from ocop_desktop.services.core.key_vault import VaultState
from ocop_desktop.ui.backup import jobs
from ocop_desktop.ui.backup.office_keys import FetchKeysDialog
from ocop_desktop.ui.kit.settings import load_settings, save_settings
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


def needs_asking(ctx: AppContext, state: VaultState) -> bool:
    """Keys shared, none here, and this sharing not put off before."""
    later = load_settings(ctx.paths.settings_path).office_keys_later
    return state.shared and not state.local and later != state.shared_fingerprint


def put_off(ctx: AppContext, state: VaultState) -> None:
    path = ctx.paths.settings_path
    save_settings(path, replace(load_settings(path), office_keys_later=state.shared_fingerprint))


class KeysPrompt:
    """Reads the vault's state in the background, then shows the dialog if needed (`dialog`)."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self.ctx, self.parent = ctx, parent
        self.dialog: FetchKeysDialog | None = None
        self.task: Task | None = None
        if uses_server(ctx.paths.data_dir):
            self.task = run_task(
                jobs.vault_state, ctx, on_done=self._read, on_error=lambda _exc: self._ended(), parent=parent
            )

    def is_done(self) -> bool:
        return self.task is None

    def _ended(self) -> None:
        self.task = None  # a server gone meanwhile: the next action says so; no prompt now

    def _read(self, state: VaultState) -> None:
        self.task = None
        if not needs_asking(self.ctx, state):
            return
        self.dialog = FetchKeysDialog(self.ctx, self.parent)
        self.dialog.finished.connect(lambda _code: self._closed(state))
        self.dialog.open()

    def _closed(self, state: VaultState) -> None:
        if self.dialog is not None and not self.dialog.fetched:
            put_off(self.ctx, state)
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

"""What the backup windows ask of `services/backup`, as plain jobs `(progress, …) -> row` for `run_task`."""

from __future__ import annotations

from pathlib import Path

from ocop_desktop.paths import AppPaths
from ocop_desktop.progress import Progress
from ocop_desktop.services.backup import schedule
from ocop_desktop.services.backup.create import Created, create_backup
from ocop_desktop.services.backup.protection import key_protection, upgrade_key_protection
from ocop_desktop.services.backup.restore import Restored, existing, peek, restore_backup
from ocop_desktop.services.backup.summary import DataSummary
from ocop_desktop.services.core import key_vault
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.key_vault import VaultState

SCRYPT_N: int | None = None  # None: the format's cost; tests lower it


def create(
    progress: Progress, paths: AppPaths, folder: Path, passphrase: str, auto: schedule.Schedule | None
) -> Created:
    """Save the automatic backups' settings (with this passphrase when they are on), then back up now."""
    if auto is not None:
        schedule.save_schedule(paths, auto, passphrase if auto.enabled else None)
    extra = {"scrypt_n": SCRYPT_N} if SCRYPT_N else {}
    made = create_backup(paths, folder, passphrase, progress, **extra)
    schedule.remember_folder(paths, folder)
    return made


def automatic_if_due(progress: Progress, paths: AppPaths) -> Created | None:
    if not schedule.due(paths):
        return None
    extra = {"scrypt_n": SCRYPT_N} if SCRYPT_N else {}
    return schedule.run_automatic(paths, progress, **extra)


def read_backup(
    _progress: Progress, paths: AppPaths, backup: Path, passphrase: str
) -> tuple[DataSummary, DataSummary | None]:
    """The backup's account and what a restore would replace here (None: nothing)."""
    here = existing(paths)
    return peek(backup, passphrase), None if here is None or here.is_empty else here


def restore(progress: Progress, paths: AppPaths, backup: Path, passphrase: str, replace: bool) -> Restored:
    return restore_backup(backup, passphrase, paths, progress, replace=replace)


def protection_kind(_progress: Progress, paths: AppPaths) -> tuple[str, str]:
    """(kind, backend) of the office keys' protection; Settings says it in the interface language."""
    return key_protection(paths)


def upgrade_protection(_progress: Progress, paths: AppPaths) -> int:
    return upgrade_key_protection(paths)


# -- the office keys shared by the desks of a province office (office_keys.py) --------------------------
def vault_state(_progress: Progress, ctx: AppContext) -> VaultState:
    return key_vault.vault_state(ctx)


def share_keys(_progress: Progress, ctx: AppContext, passphrase: str, again: str) -> str:
    return key_vault.share_keys(ctx, passphrase, again)


def fetch_keys(_progress: Progress, ctx: AppContext, passphrase: str) -> str:
    return key_vault.fetch_keys(ctx, passphrase)

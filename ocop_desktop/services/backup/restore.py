"""Verifying and restoring a backup.

A restore first decrypts and checks every member into a staging folder inside the data folder
(`.restore-…`, same disk, so that placing is a rename); only when all of it is sound does it touch
the data: what the backup replaces (the database, `blobs/`, `keys/`, `reference/`, the settings
files) is moved aside into `backups/thay-the-<date>/`, the staged files are renamed into place and the
office secrets are protected again for this machine (DPAPI for this Windows account, the keyring,
or the file: `ocoppkg.keys.protect_secret`). A wrong passphrase, a damaged file or a cancel leaves
the data folder as it was; a failure while placing puts back what was moved.

The data folder must not be open (the CLI restores without opening it; the GUI closes its store
first and starts again)."""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.ocoppkg.keys import protect_secret
from ocop_desktop.paths import DB_FILENAME, AppPaths
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.backup.errors import BackupRefused, refuse_on_server
from ocop_desktop.services.backup.members import TOP_FOLDERS, blob_files
from ocop_desktop.services.backup.reading import Contents, read_members, read_summary
from ocop_desktop.services.backup.summary import DataSummary, summarise_folder
from ocop_desktop.store import instance_lock, rename_journal

STAGING_PREFIX = rename_journal.STAGING_PREFIX


@dataclass(frozen=True)
class Restored:
    summary: DataSummary  # what the backup held
    replaced: DataSummary | None  # what the data folder held before, if anything
    aside: Path | None  # where that was kept


def peek(backup: Path, passphrase: str) -> DataSummary:
    """The backup's account (office, date, counts) — the passphrase is checked, the rest is not yet."""
    with _open(backup) as src:
        return read_summary(src, passphrase)


def verify_backup(backup: Path, passphrase: str, progress: Progress | None = None) -> DataSummary:
    """Decrypt and check every member against the manifest, writing nothing."""
    with _open(backup) as src:
        return read_members(src, passphrase, None, progress, backup.stat().st_size).summary


def existing(paths: AppPaths) -> DataSummary | None:
    """What a restore into `paths` would replace, or None for an empty data folder."""
    return summarise_folder(paths.data_dir, DB_FILENAME, blob_files(paths.data_dir))


def restore_backup(
    backup: Path, passphrase: str, paths: AppPaths, progress: Progress | None = None, *, replace: bool = False
) -> Restored:
    """Restore `backup` into the data folder of `paths` (closed). A folder with data is replaced only
    with `replace=True` (after the person confirmed, having seen `existing(paths)`)."""
    refuse_on_server(paths)
    before = existing(paths)
    if before is not None and before.is_empty:
        before = None  # a store opened but never set up (the first-run wizard's): nothing to consent to
    if before is not None and not replace:
        raise BackupRefused(
            "not_empty",
            "Thư mục dữ liệu này đã có dữ liệu:\n" + "\n".join(before.lines()) + "\nKhông có gì bị thay đổi. "
            "Hãy khôi phục vào một thư mục trống, hoặc xác nhận thay thế (lệnh: --replace); "
            "dữ liệu cũ sẽ được giữ lại trong thư mục “backups”.",
        )
    created = not paths.data_dir.exists()
    staging = _staging(paths.data_dir)
    try:  # no other program may use the folder while it is replaced (this one released its store)
        lock = instance_lock.acquire(paths.data_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        with _open(backup) as src:
            contents = read_members(src, passphrase, staging, progress, backup.stat().st_size)
        report(progress, 1.0, "Đang đặt dữ liệu vào chỗ…")
        aside = _place(paths, staging, contents)
    except BaseException:
        instance_lock.release(lock)
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(paths.data_dir, ignore_errors=True)
        raise
    instance_lock.release(lock)
    shutil.rmtree(staging, ignore_errors=True)
    return Restored(contents.summary, before, aside)


def _open(backup: Path) -> IO[bytes]:
    try:
        return backup.open("rb")
    except OSError as exc:
        raise BackupRefused("unreadable", f"Không mở được tệp “{backup}”.", detail=str(exc)) from exc


def _staging(data_dir: Path) -> Path:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        staging = data_dir / f"{STAGING_PREFIX}{secrets.token_hex(6)}"
        staging.mkdir()
    except OSError as exc:
        raise EnvironmentProblem(
            f"Không ghi được vào thư mục dữ liệu “{data_dir}”.", detail=str(exc)
        ) from exc
    return staging


def _replaced_names(data_dir: Path) -> list[str]:
    """What a restore moves aside: the database with its journal files, the folders it brings, the
    settings files."""
    names = [DB_FILENAME + suffix for suffix in ("", "-wal", "-shm", "-journal")] + list(TOP_FOLDERS)
    names += sorted(p.name for p in data_dir.glob("*.json"))
    return [n for n in names if (data_dir / n).exists()]


def _place(paths: AppPaths, staging: Path, contents: Contents) -> Path | None:
    """Move the old data aside and the restored data in, as one journaled set of renames: a process killed
    halfway leaves the journal, and the next start puts the old data back whole (`store.rename_journal`)."""
    data_dir = paths.data_dir
    old = _replaced_names(data_dir)
    aside = paths.backups_dir / f"thay-the-{datetime.now():%Y%m%d-%H%M%S}" if old else None
    renames = [(data_dir / name, aside / name) for name in old] if aside is not None else []
    renames += [(staging / entry, data_dir / entry) for entry in sorted(os.listdir(staging))]
    try:
        journal = rename_journal.begin(data_dir, renames, [staging], [aside] if aside is not None else [])
        if aside is not None:  # after the journal: a kill before it leaves no empty folder behind
            aside.mkdir(parents=True)
        for src, dst in renames:
            os.replace(src, dst)
        for name, raw in contents.secrets.items():
            atomic_write_bytes(data_dir.joinpath(*name.split("/")), protect_secret(raw), private=True)
    except BaseException as exc:
        rename_journal.roll_back(data_dir)
        if isinstance(exc, OSError):
            raise EnvironmentProblem(
                "Không đặt được dữ liệu khôi phục vào thư mục dữ liệu; dữ liệu cũ đã được trả lại chỗ cũ.",
                detail=str(exc),
            ) from exc
        raise
    rename_journal.commit(journal)
    return aside


__all__ = ["Restored", "existing", "peek", "restore_backup", "verify_backup"]

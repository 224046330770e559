"""Kill trials of backups and restores (benchmarks/kill_trials.py runs them with the other jobs).

- `backup`: the commune's data folder backed up onto a "USB stick", alternately as the command
  `backup create` runs it (the real CLI, data folder closed) and as the scheduled automatic backup
  (`run_automatic`, store open as in the GUI). After the next start: the store opens and is sound,
  no committed record is lost (the counts and every attachment's blob), no temp file in the data
  folder nor on the stick (`.partial`, snapshot, journal), and every backup file on the stick is
  whole (`verify_backup`: every member decrypted and checked against its manifest).
- `restore`: the real CLI `backup restore --replace` of a backup of the commune into a copy of the
  province's data folder (different office, keys, blobs: a mix would show). After the next start:
  the store opens and is sound, and the folder holds either the old data whole or the restored data
  whole — database, blobs, keys (secrets unprotected and compared), reference — never some of each;
  when restored, the replaced data is whole in `backups/thay-the-*`; no staging folder, no journal.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kill_checks import Tally, leftovers, next_start

PASSPHRASE = "mật khẩu thử nghiệm đủ dài"
COUNTED = ("office", "officer", "producer", "product", "dossier", "attachment", "sync_package")


@dataclass
class Stick:
    """The USB stick backups go to, and the counts the data folder must keep through a backup."""

    folder: Path
    passphrase_file: Path


def prepare_backups(root: Path, commune: Path) -> Stick:
    """A stick, the passphrase file the CLI reads, and the commune's automatic backups turned on."""
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.backup.schedule import Schedule, save_schedule

    stick = root / "backup-stick"
    stick.mkdir(parents=True)
    secret = root / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    automatic = Schedule(enabled=True, folder=str(stick), keep=100)
    save_schedule(AppPaths.for_data_dir(commune), automatic, PASSPHRASE)
    return Stick(stick, secret)


def counts(data_dir: Path) -> dict[str, int]:
    with sqlite3.connect(data_dir / "ocop.sqlite3") as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}  # noqa: S608


def check_backup(tally: Tally, data_dir: Path, stick: Stick, before: dict[str, int]) -> None:
    """The next start after a backup (killed or not); then the backups made are checked and removed."""
    from ocop_desktop.services.backup.restore import verify_backup

    if partials := list(stick.folder.glob(".*.partial")):
        tally.seen["a .partial on the stick before the next start"] += len(partials)
    if not _opens(tally, data_dir):
        return
    _sound(tally, data_dir)
    after = counts(data_dir)
    if after != before:
        tally.fault("lost records", f"{data_dir}: {before} -> {after}")
    _blobs_present(tally, data_dir)
    for left in leftovers(data_dir, stick.folder):
        tally.fault("temp files left", left)
    for made in sorted(stick.folder.glob("*.ocopbak")):
        try:
            verify_backup(made, PASSPHRASE)
        except Exception as exc:  # noqa: BLE001 - a backup that does not verify is what is counted
            tally.fault("broken backup under its final name", f"{made.name}: {exc}")
        made.unlink()


# -- restore ----------------------------------------------------------------------------------------
def fingerprint(folder: Path) -> dict[str, Any]:
    """What a data folder holds, to tell old data, restored data and a mix apart."""
    from ocop_desktop.ocoppkg.keys import unprotect_secret

    with sqlite3.connect(folder / "ocop.sqlite3") as conn:
        office = conn.execute("SELECT role, unit_code FROM office WHERE is_self").fetchall()
    keys = {}
    for path in sorted((folder / "keys").rglob("*")) if (folder / "keys").exists() else []:
        if path.is_file():
            raw = path.read_bytes()
            raw = unprotect_secret(raw) if path.name.endswith(".secret") else raw
            keys[path.relative_to(folder).as_posix()] = hashlib.sha256(raw).hexdigest()[:16]
    return {
        "office": office,
        "counts": counts(folder),
        "blobs": sorted(p.name for p in (folder / "blobs").rglob("*") if p.is_file())
        if (folder / "blobs").exists()
        else [],
        "keys": keys,
        "reference": sorted(
            p.relative_to(folder).as_posix() for p in (folder / "reference").rglob("*") if p.is_file()
        )
        if (folder / "reference").exists()
        else [],
    }


def check_restore(tally: Tally, folder: Path, old: dict[str, Any], new: dict[str, Any]) -> None:
    """After the next start the folder holds the old data whole or the restored data whole; restored,
    the old data is whole in `backups/thay-the-*`."""
    if (folder / ".renames.json").exists():
        tally.seen["killed amid its renames (journal left)"] += 1
    if not _opens(tally, folder):
        return
    _sound(tally, folder)
    _blobs_present(tally, folder)
    found = fingerprint(folder)
    aside = sorted((folder / "backups").glob("thay-the-*")) if (folder / "backups").exists() else []
    if found in (old, new):
        tally.seen[f"{'restored' if found == new else 'old'} data after the next start"] += 1
    if found == new:
        if len(aside) != 1 or fingerprint(aside[0]) != old:
            tally.fault("lost records", f"{folder}: restored, but the replaced data is not whole aside")
    elif found == old:
        for a in aside:
            tally.fault("temp files left", f"{a}: set aside by a restore that did not happen")
    else:
        differs = [k for k in found if found[k] != old.get(k) and found[k] != new.get(k)]
        mixed = [k for k in found if found[k] == old.get(k) != new.get(k)]
        tally.fault("restore left a mix", f"{folder}: neither old nor new in {differs}; old in {mixed}")
    for left in leftovers(folder):
        tally.fault("temp files left", left)


def restore_set_up(
    root: Path, snapshot: Path, commune: Path, stick: Stick, run_child: Callable[..., Any]
) -> tuple[dict[str, Any], dict[str, Any], Path]:
    """A backup of the commune (made by the CLI: `run_child`), and what the province's folder holds before
    and after restoring it."""
    source = root / "restore-source"
    source.mkdir()
    run_child("backup", commune, f"{source}|{stick.passphrase_file}", None)
    (backup,) = source.glob("*.ocopbak")
    probe = root / "restore-trial"
    copy_folder(snapshot, probe)
    next_start(probe).close()
    old = fingerprint(probe)
    run_child("restore", probe, f"{backup}|{stick.passphrase_file}", None)
    next_start(probe).close()
    new = fingerprint(probe)
    assert old != new and old["office"] != new["office"], (old, new)
    return old, new, backup


def copy_folder(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("ocop.lock", "logs"))


# -- shared -----------------------------------------------------------------------------------------
def _opens(tally: Tally, data_dir: Path) -> bool:
    try:
        ctx = next_start(data_dir)
    except Exception as exc:  # noqa: BLE001 - a store that does not open is what is counted
        tally.fault("store does not open", f"{data_dir}: {exc}")
        return False
    ctx.close()
    return True


def _sound(tally: Tally, data_dir: Path) -> None:
    with sqlite3.connect(data_dir / "ocop.sqlite3") as conn:
        sound = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if sound != "ok":
        tally.fault("integrity", f"{data_dir}: {sound}")


def _blobs_present(tally: Tally, data_dir: Path) -> None:
    with sqlite3.connect(data_dir / "ocop.sqlite3") as conn:
        shas = [r[0] for r in conn.execute("SELECT blob_sha256 FROM attachment")]
    for sha in shas:
        if not (data_dir / "blobs" / sha[:2] / sha).is_file():
            tally.fault("lost records", f"{data_dir}: attachment {sha[:12]} without its blob")

"""Automatic backups: every N hours while the application is open (and at start when the last one is
older than that), into a chosen folder, keeping the newest K.

They need a passphrase like any backup, and nobody is there to type it. The officer types it once,
when turning them on; it is kept as the office keys' passphrases are (`keys/backup-passphrase.secret`:
DPAPI for this Windows account, the system keyring elsewhere, else a file only this user reads), so
an automatic backup guards against a lost or broken disk and a stolen USB stick, not against someone
who can already open this account on this PC (that person can use the application anyway). The
settings (`backup.json`) say where, how often, how many, and when the last one was made."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from ocop_desktop.domain.errors import UserError, ValidationError
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.ocoppkg.keys import protect_secret, unprotect_secret
from ocop_desktop.paths import AppPaths, uses_server
from ocop_desktop.progress import Progress
from ocop_desktop.services.backup import format as fmt
from ocop_desktop.services.backup.create import Created, check_passphrase, create_backup

log = logging.getLogger(__name__)

SETTINGS_FILE = "backup.json"
SECRET_FILE = "backup-passphrase.secret"
AUTO_PREFIX = "ocop-tu-dong-"


@dataclass(frozen=True)
class Schedule:
    enabled: bool = False
    folder: str = ""
    every_hours: int = 24
    keep: int = 7
    last_run: str = ""  # ISO time of the last automatic backup made
    last_folder: str = ""  # where the officer last saved a backup by hand (the dialog's default)

    def check(self) -> Schedule:
        errors = {}
        if not 1 <= self.every_hours <= 24 * 7:
            errors["every_hours"] = (
                "Khoảng cách giữa hai lần sao lưu tự động là từ 1 giờ đến 168 giờ (7 ngày)."
            )
        if not 1 <= self.keep <= 100:
            errors["keep"] = "Số bản sao lưu tự động giữ lại là từ 1 đến 100."
        if self.enabled and not self.folder.strip():
            errors["folder"] = "Hãy chọn thư mục để ghi các bản sao lưu tự động."
        if errors:
            raise ValidationError(errors)
        return self


def load_schedule(paths: AppPaths) -> Schedule:
    try:
        raw = json.loads((paths.data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
        known = {k: v for k, v in raw.items() if k in Schedule.__dataclass_fields__}
        return Schedule(**known)
    except FileNotFoundError:
        return Schedule()
    except (OSError, ValueError, TypeError, AttributeError):
        log.warning("backup settings unreadable; automatic backups off until saved again", exc_info=True)
        return Schedule()


def save_schedule(paths: AppPaths, schedule: Schedule, passphrase: str | None = None) -> Schedule:
    """Keep the settings; `passphrase` (checked) becomes the automatic backups' one. Turning them on
    without a passphrase typed now or kept from before is refused."""
    schedule.check()
    if passphrase:
        check_passphrase(passphrase)
        atomic_write_bytes(
            paths.keys_dir / SECRET_FILE, protect_secret(passphrase.encode("utf-8")), private=True
        )
    elif schedule.enabled and not has_passphrase(paths):
        raise UserError("Hãy nhập mật khẩu cho các bản sao lưu tự động (chỉ cần nhập một lần).")
    _write(paths, schedule)
    return schedule


def _write(paths: AppPaths, schedule: Schedule) -> None:
    data = json.dumps(asdict(schedule), ensure_ascii=False, indent=2).encode("utf-8")
    atomic_write_bytes(paths.data_dir / SETTINGS_FILE, data)


def has_passphrase(paths: AppPaths) -> bool:
    return (paths.keys_dir / SECRET_FILE).is_file()


def remember_folder(paths: AppPaths, folder: Path) -> None:
    """The folder a backup was just saved to by hand: offered first next time."""
    _write(paths, replace(load_schedule(paths), last_folder=str(folder)))


def due(paths: AppPaths, now: datetime | None = None) -> bool:
    """Whether an automatic backup should be made now (never for a desk on a server: pg_dump's job)."""
    if uses_server(paths.data_dir):
        return False
    schedule = load_schedule(paths)
    if not schedule.enabled or not schedule.folder or not has_passphrase(paths):
        return False
    try:
        last = datetime.fromisoformat(schedule.last_run) if schedule.last_run else None
    except ValueError:
        last = None
    now = now or datetime.now()
    return last is None or now - last >= timedelta(hours=schedule.every_hours) or last > now


def run_automatic(
    paths: AppPaths,
    progress: Progress | None = None,
    *,
    now: datetime | None = None,
    scrypt_n: int = fmt.SCRYPT_N,
) -> Created:
    """Make an automatic backup now, record it, and remove the oldest beyond `keep`."""
    schedule = load_schedule(paths)
    now = now or datetime.now()
    passphrase = unprotect_secret((paths.keys_dir / SECRET_FILE).read_bytes()).decode("utf-8")
    made = create_backup(
        paths, Path(schedule.folder), passphrase, progress, kind="auto", now=now, scrypt_n=scrypt_n
    )
    _write(paths, replace(load_schedule(paths), last_run=now.isoformat(timespec="seconds")))
    prune(Path(schedule.folder), made.summary.unit_code, schedule.keep)
    return made


def prune(folder: Path, unit_code: str, keep: int) -> list[Path]:
    """Remove the automatic backups of this office in `folder` beyond the newest `keep` (their names
    sort by time); backups made by hand are never touched."""
    mine = sorted(folder.glob(f"{AUTO_PREFIX}{unit_code or 'chua-thiet-lap'}-*{fmt.SUFFIX}"))
    removed = mine[: max(len(mine) - keep, 0)]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed

"""Making a backup: a consistent snapshot of the database (SQLite's backup API, WAL included), then
every member streamed through the cipher into a file under a temporary name, renamed when complete.

A cancel, a full USB stick or any error removes the temporary file: there is a whole backup or none."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from ocop_desktop import __version__
from ocop_desktop.domain.errors import EnvironmentProblem, UserError
from ocop_desktop.ocoppkg.keys import unprotect_secret
from ocop_desktop.paths import DB_FILENAME, AppPaths
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.backup import format as fmt
from ocop_desktop.services.backup.errors import refuse_on_server
from ocop_desktop.services.backup.members import Source, blob_files, sources
from ocop_desktop.services.backup.summary import DataSummary, summarise_database
from ocop_desktop.store import backup_writes

READ = 1 << 20
PASSPHRASE_MIN = 10  # characters: the backup leaves the office on a USB stick; this is all that guards it


@dataclass(frozen=True)
class Created:
    path: Path
    size: int
    members: int
    summary: DataSummary


def check_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """A passphrase long enough to guard the keys outside the office, typed the same twice."""
    if len(passphrase) < PASSPHRASE_MIN:
        raise UserError(f"Mật khẩu sao lưu phải có ít nhất {PASSPHRASE_MIN} ký tự.")
    if repeated is not None and repeated != passphrase:
        raise UserError("Hai lần nhập mật khẩu không giống nhau.")


def backup_name(summary: DataSummary, kind: str, now: datetime) -> str:
    unit = summary.unit_code or "chua-thiet-lap"
    prefix = "ocop-tu-dong" if kind == "auto" else "ocop-sao-luu"
    return f"{prefix}-{unit}-{now:%Y%m%d-%H%M%S}{fmt.SUFFIX}"


def create_backup(
    paths: AppPaths,
    folder: Path,
    passphrase: str,
    progress: Progress | None = None,
    *,
    kind: str = "manual",
    scrypt_n: int = fmt.SCRYPT_N,
    now: datetime | None = None,
) -> Created:
    """Write one encrypted backup of the data folder `paths` into `folder`; return where."""
    refuse_on_server(paths)
    check_passphrase(passphrase)
    now = now or datetime.now()
    _writable(folder)
    report(progress, 0.0, "Đang chụp cơ sở dữ liệu…")
    pending = _begin(paths)  # a kill from here on: the next start removes the snapshot and the partial
    try:
        snapshot = _snapshot(paths, pending.snapshot)
        summary = _summary(paths, snapshot, kind, now)
        members = [Source(DB_FILENAME, snapshot, snapshot.stat().st_size), *sources(paths.data_dir)]
        target = folder / backup_name(summary, kind, now)
        size = _write_file(target, passphrase, summary, members, progress, scrypt_n, pending)
    finally:
        pending.snapshot.unlink(missing_ok=True)
        pending.end()
    return Created(target, size, len(members), summary)


def _writable(folder: Path) -> None:
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise EnvironmentProblem(
            f"Không ghi được vào thư mục “{folder}”. Hãy chọn thư mục khác hoặc cắm lại USB."
        )


def _begin(paths: AppPaths) -> backup_writes.PendingBackup:
    if not paths.db_path.is_file():
        raise UserError(f"Thư mục “{paths.data_dir}” không có cơ sở dữ liệu của OCOP Desktop để sao lưu.")
    try:
        paths.backups_dir.mkdir(parents=True, exist_ok=True)
        return backup_writes.begin(paths.data_dir, paths.backups_dir)
    except OSError as exc:
        raise EnvironmentProblem(
            f"Không ghi được vào thư mục dữ liệu “{paths.data_dir}”.", detail=str(exc)
        ) from exc


def _snapshot(paths: AppPaths, target: Path) -> Path:
    src = sqlite3.connect(paths.db_path)  # only read; not `mode=ro`, which would leave -wal/-shm behind
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # one step: a read transaction sees one consistent state, WAL included
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise EnvironmentProblem("Không chụp được cơ sở dữ liệu để sao lưu.", detail=str(exc)) from exc
    finally:
        dst.close()
        src.close()
    return target


def _summary(paths: AppPaths, snapshot: Path, kind: str, now: datetime) -> DataSummary:
    name, role, unit, schema, counts = summarise_database(snapshot)
    blobs = blob_files(paths.data_dir)
    return DataSummary(
        name, role, unit, schema, counts, len(blobs), sum(p.stat().st_size for p in blobs),
        created_at=now.isoformat(timespec="seconds"), app_version=__version__, kind=kind,
    )  # fmt: skip


def _write_file(
    target: Path, passphrase: str, summary: DataSummary, members: list[Source], progress: Progress | None,
    scrypt_n: int, pending: backup_writes.PendingBackup,
) -> int:  # fmt: skip
    partial = pending.target(target.with_name(f".{target.name}.partial"))
    try:
        with partial.open("wb") as out:
            _write_stream(out, passphrase, summary, members, progress, scrypt_n)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise EnvironmentProblem(
            f"Không ghi được bản sao lưu vào “{target.parent}” (ổ đĩa đầy, USB bị rút ra "
            "hoặc không có quyền ghi). Không có tệp sao lưu nào được tạo.",
            detail=str(exc),
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target.stat().st_size


def _write_stream(
    out: IO[bytes], passphrase: str, summary: DataSummary, members: list[Source], progress: Progress | None,
    scrypt_n: int,
) -> None:  # fmt: skip
    sealer = fmt.Sealer(out, passphrase, n=scrypt_n)
    listed: list[dict[str, object]] = []

    total = sum(m.size for m in members) or 1
    done = 0

    def add(name: str, chunks: Iterable[bytes], size: int, **extra: object) -> None:
        digest = hashlib.sha256()
        sealer.member(name, size, **extra)
        written = 0
        for chunk in chunks:
            report(progress, (done + written) / total, f"Đang sao lưu {name}")
            digest.update(chunk)
            sealer.write(chunk)
            written += len(chunk)
        if written != size:  # a file that changed while it was read: the backup would lie
            raise EnvironmentProblem(f"Tệp “{name}” thay đổi trong khi sao lưu. Hãy sao lưu lại.")
        listed.append({"name": name, "size": size, "sha256": digest.hexdigest(), **extra})

    head = json.dumps(summary.to_json(), ensure_ascii=False).encode("utf-8")
    add(fmt.SUMMARY, [head], len(head))
    for member in members:
        if member.secret:
            raw = _unprotected(member)
            add(member.name, [raw], len(raw), secret=True)
        else:
            add(member.name, _read(member.path), member.size)
        done += member.size
    manifest = json.dumps({"format": fmt.FORMAT, "version": fmt.VERSION, "members": listed}).encode("utf-8")
    sealer.member(fmt.MANIFEST, len(manifest))
    sealer.write(manifest)
    report(progress, 1.0, "Đang hoàn tất tệp sao lưu…")
    sealer.close()


def _unprotected(member: Source) -> bytes:
    try:
        return unprotect_secret(member.path.read_bytes())
    except (OSError, ValueError) as exc:
        raise EnvironmentProblem(
            f"Không đọc được “{member.name}” của máy này, nên bản sao lưu sẽ không dùng được. "
            "Không có tệp sao lưu nào được tạo.",
            detail=str(exc),
        ) from exc


def _read(path: Path) -> Iterable[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(READ):
            yield chunk

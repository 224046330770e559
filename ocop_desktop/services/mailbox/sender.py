"""The sender: uploads the outbox to the mailbox, one package after the other, resuming each from the
parts the server already holds (after a cut, a crash or a restart: the upload id and the parts are in
the outbox row, and the server's own list of parts is asked again before continuing).

Transient trouble (network, a busy server) is retried with exponential back-off and full jitter, each
retry resuming where the upload stopped; anything else stops the run at once with a plain message.
Cancel (pause) through the Progress: the parts sent so far stay, the next run continues from them."""

from __future__ import annotations

import base64
import hashlib
import random
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.domain.errors import UserError
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.mailbox import layout, outbox
from ocop_desktop.services.mailbox.outbox import Item
from ocop_desktop.services.mailbox.s3 import Problem, classify, errors, is_missing, list_parts, open_uploads
from ocop_desktop.store.models import Office, SyncPackage

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

MiB = 1024 * 1024
PART_SIZE = 8 * MiB  # S3's minimum is 5 MiB; a cut re-sends at most this much
NOTE_EVERY = 1.0  # seconds between the commits that note acknowledged parts (and at a cut, at the end)
META = "manifest-sha256"  # object metadata: which package these bytes are (the idempotence check)


@dataclass
class Backoff:
    """Exponential back-off with full jitter: wait a random time up to base·2^attempt (capped), so that
    a hundred communes coming back online together do not knock at the same second."""

    base: float = 2.0
    cap: float = 300.0
    attempts: int = 6
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)

    def wait(self, attempt: int) -> None:
        self.sleep(self.rng.uniform(0, min(self.cap, self.base * 2**attempt)))


@dataclass
class SendReport:
    sent: list[str] = field(default_factory=list)  # package ids uploaded by this run
    already: list[str] = field(default_factory=list)  # found on the server already: not sent again
    waiting: list[str] = field(default_factory=list)  # still in the queue (no file yet, stopped)
    parts_attempted: int = 0  # parts put on the wire, whether the server acknowledged them or not
    parts_uploaded: int = 0
    bytes_uploaded: int = 0
    resumed: int = 0  # uploads continued from parts sent before
    adopted: int = 0  # uploads a killed run had opened without noting them, continued
    stopped: str = ""  # why the run stopped before the end (plain Vietnamese), else ""
    transient: bool = False  # the stop may go away by itself (network)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _Skip(Exception):
    """This package cannot go now (its file is not there yet); the others can."""


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class Sender:
    def __init__(
        self,
        ctx: AppContext,
        settings: MailboxSettings,
        client: Any,
        *,
        part_size: int = PART_SIZE,
        backoff: Backoff | None = None,
    ) -> None:
        self._ctx, self._settings, self._s3 = ctx, settings, client
        self._bucket = settings.bucket
        self._part_size = part_size
        self._backoff = backoff or Backoff()
        self._hasher = ThreadPoolExecutor(1, thread_name_prefix="mailbox-md5")
        self.report = SendReport()

    # -- the run -------------------------------------------------------------------------------------
    def run(self, progress: Progress | None = None) -> SendReport:
        try:
            return self._run(progress)
        finally:
            self._hasher.shutdown()

    def _run(self, progress: Progress | None) -> SendReport:
        ids = outbox.to_send(self._ctx)
        problem = self._reachable(progress) if ids else None
        if problem is not None:
            self.report.stopped, self.report.transient = problem.message, problem.transient
            self.report.waiting = [outbox.get(self._ctx, i).package_id for i in ids]
            return self.report
        for index, item_id in enumerate(ids):
            try:
                self._with_retries(item_id, progress, index, len(ids))
            except _Skip as skip:
                outbox.note(self._ctx, item_id, str(skip))
                self.report.waiting.append(outbox.get(self._ctx, item_id).package_id)
            except _Stop as stop:
                self.report.stopped, self.report.transient = stop.problem.message, stop.problem.transient
                self.report.waiting += [outbox.get(self._ctx, i).package_id for i in ids[index:]]
                break
        report(progress, 1.0, "")
        return self.report

    def probe(self) -> Problem | None:
        """Whether the mailbox answers with these credentials (the endpoint, not "the internet"): a list of
        this office's own prefix, which it must be allowed to read anyway. None: reachable."""
        office = self._ctx.office()
        prefix = (
            layout.province_prefix(office.id)
            if office.role == "province"
            else layout.fetch_prefixes(office.id)[0]
        )
        try:
            self._s3.list_objects_v2(Bucket=self._bucket, Prefix=prefix, MaxKeys=1)
        except errors() as exc:
            return classify(exc)
        return None

    def _reachable(self, progress: Progress | None) -> Problem | None:
        """Probe first: wrong credentials or a wrong clock are said before any byte is sent, and an
        endpoint that does not answer is waited for (with back-off) before the queue is touched."""
        for attempt in range(self._backoff.attempts + 1):
            problem = self.probe()
            if problem is None or not problem.transient or attempt == self._backoff.attempts:
                return problem
            report(progress, 0.0, "Chưa kết nối được tới hộp thư, đang chờ để thử lại…")
            self._backoff.wait(attempt)
        return None

    def _with_retries(self, item_id: str, progress: Progress | None, index: int, count: int) -> None:
        attempt = 0
        while True:
            try:
                self._send(outbox.get(self._ctx, item_id), progress, index, count)
                return
            except errors() as exc:
                problem = classify(exc)
                outbox.note(
                    self._ctx, item_id, problem.message, failed=problem.code in ("EntityTooLarge", "413")
                )
                if not problem.transient or attempt >= self._backoff.attempts:
                    raise _Stop(problem) from exc
                report(progress, index / max(count, 1), "Mất kết nối, đang chờ để gửi tiếp…")
                self._backoff.wait(attempt)
                attempt += 1

    # -- one package ---------------------------------------------------------------------------------
    def _send(self, item: Item, progress: Progress | None, index: int, count: int) -> None:
        path = Path(item.path)
        if not path.is_file() and item.kind == "receipt":
            path = self._receipt_copy(item) or path
        if not path.is_file():
            raise _Skip(
                f"Chưa thấy tệp gói “{path.name}” ở {path.parent}: gói chưa được ghi xong hoặc đã bị dời đi."
            )
        if path.stat().st_size != item.size:
            raise _Skip(f"Tệp gói “{path.name}” đã bị thay đổi sau khi xuất. Hãy xuất lại gói.")
        key = item.object_key or self._key(item)
        if item.upload_id is None:
            # A row never tried (no key noted, no error) has nothing on the server, except a small PUT
            # that a killed run finished without noting it: sent again, the same bytes under the same key.
            # Any other row asks the server first (a HEAD) — a restored backup, an earlier try.
            tried = item.object_key is not None or bool(item.last_error)
            if tried and self._already_there(key, item):
                outbox.uploaded(self._ctx, item, key, None)
                self.report.already.append(item.package_id)
                return
            if item.size <= self._part_size:
                self._put_small(item, key, path)
                return
            outbox.started(self._ctx, item.id, key, self._upload_for(key, item, tried), self._part_size)
            item = outbox.get(self._ctx, item.id)
        held = self._held_parts(item, key, path)
        if held is None:  # the upload is gone: finished by a run that died before noting it, or expired
            if self._already_there(key, item):
                outbox.uploaded(self._ctx, item, key, None)
                self.report.already.append(item.package_id)
                return
            outbox.update(self._ctx, item.id, upload_id=None, parts=[], bytes_sent=0)
            return self._send(outbox.get(self._ctx, item.id), progress, index, count)
        if held:
            self.report.resumed += 1
        self._upload_parts(item, key, path, held, progress, (index, count))

    def _upload_for(self, key: str, item: Item, tried: bool) -> str:
        """The upload to continue: one a run killed right after creating it left open (found by the key
        noted before the create), else a new one. Uploads beyond the newest are aborted: never a second
        copy of the parts lingering on the server."""
        found = open_uploads(self._s3, self._bucket, key) if tried else []
        if not found:
            outbox.update(self._ctx, item.id, object_key=key)  # noted first: the next run looks for it
            upload = self._s3.create_multipart_upload(
                Bucket=self._bucket,
                Key=key,
                ContentType="application/octet-stream",
                Metadata={META: item.manifest_sha256},
            )
            return str(upload["UploadId"])
        for stale in found[1:]:
            self._s3.abort_multipart_upload(Bucket=self._bucket, Key=key, UploadId=stale)
        self.report.adopted += 1
        return found[0]

    def _upload_parts(
        self,
        item: Item,
        key: str,
        path: Path,
        held: dict[int, tuple[str, int]],
        progress: Progress | None,
        position: tuple[int, int],
    ) -> None:
        assert item.upload_id is not None
        try:
            self._parts(item, key, path, held, progress, position)
        except BaseException:
            outbox.part_done(self._ctx, item, held)  # what the server acknowledged before the cut
            raise
        parts = [{"PartNumber": n, "ETag": etag} for n, (etag, _s) in sorted(held.items())]
        done = self._s3.complete_multipart_upload(
            Bucket=self._bucket, Key=key, UploadId=item.upload_id, MultipartUpload={"Parts": parts}
        )
        outbox.uploaded(self._ctx, item, key, done.get("ETag"))
        self.report.sent.append(item.package_id)

    def _parts(
        self,
        item: Item,
        key: str,
        path: Path,
        held: dict[int, tuple[str, int]],
        progress: Progress | None,
        position: tuple[int, int],
    ) -> None:
        """Every part the server does not hold, in order. The parts acknowledged are noted at most every
        `NOTE_EVERY` seconds (a commit each), and at a cut or a crash: a part acknowledged but not noted
        costs only its MD5 at the resume (`_held_parts` compares the server's ETag with our bytes)."""
        assert item.upload_id is not None
        size = item.part_size
        total = (item.size + size - 1) // size
        noted_at = time.monotonic()
        with path.open("rb") as f:
            for n in range(1, total + 1):
                if n in held:
                    continue
                _report(progress, position, sum(s for _e, s in held.values()), item)
                f.seek((n - 1) * size)
                data = f.read(size)
                self.report.parts_attempted += 1
                # The MD5 is computed while the part travels (hashlib lets go of the GIL), then compared
                # with the ETag the server computed from what it received: a damaged part is not noted
                # and is sent again (the resume compares it with our bytes too).
                digest = self._hasher.submit(_md5_hex, data)
                answer = self._s3.upload_part(
                    Bucket=self._bucket, Key=key, UploadId=item.upload_id, PartNumber=n, Body=data
                )
                if not _same_md5(answer["ETag"], digest.result()):
                    raise OSError(f"{key} part {n}: the server received other bytes than were sent")
                held[n] = (answer["ETag"], len(data))
                if time.monotonic() - noted_at >= NOTE_EVERY:
                    outbox.part_done(self._ctx, item, held)
                    noted_at = time.monotonic()
                self.report.parts_uploaded += 1
                self.report.bytes_uploaded += len(data)

    def _put_small(self, item: Item, key: str, path: Path) -> None:
        data = path.read_bytes()
        self.report.parts_attempted += 1
        answer = self._s3.put_object(
            Bucket=self._bucket,
            Key=key,
            Body=data,
            ContentMD5=_md5_b64(data),
            ContentType="application/octet-stream",
            Metadata={META: item.manifest_sha256},
        )
        outbox.uploaded(self._ctx, item, key, answer.get("ETag"))
        self.report.sent.append(item.package_id)
        self.report.parts_uploaded += 1
        self.report.bytes_uploaded += len(data)

    def _held_parts(self, item: Item, key: str, path: Path) -> dict[int, tuple[str, int]] | None:
        """The parts the server holds that are ours, byte for byte; None when the upload is gone.
        A part acknowledged before is kept when its ETag is the one noted; a part the server took but whose
        answer was lost (the cut came after it) is kept when its ETag is the MD5 of our bytes."""
        assert item.upload_id is not None
        noted = {n: etag for n, etag, _s in item.parts}
        held: dict[int, tuple[str, int]] = {}
        try:
            listed = list_parts(self._s3, self._bucket, key, item.upload_id)
        except errors() as exc:
            if is_missing(exc):
                return None
            raise
        with path.open("rb") as f:
            for n, etag, size in listed:
                expected = min(item.part_size, item.size - (n - 1) * item.part_size)
                if size != expected:
                    continue
                if noted.get(n) != etag:
                    f.seek((n - 1) * item.part_size)
                    if etag.strip('"') != hashlib.md5(f.read(size), usedforsecurity=False).hexdigest():
                        continue
                held[n] = (etag, size)
        if {n: etag for n, (etag, _s) in held.items()} != noted:
            outbox.part_done(self._ctx, item, held)
        return held

    def _already_there(self, key: str, item: Item) -> bool:
        """The same package is on the server already (same size, same manifest): never sent twice."""
        try:
            head = self._s3.head_object(Bucket=self._bucket, Key=key)
        except errors() as exc:
            if is_missing(exc):
                return False
            raise
        return bool(
            int(head.get("ContentLength", -1)) == item.size
            and head.get("Metadata", {}).get(META) == item.manifest_sha256
        )

    def _receipt_copy(self, item: Item) -> Path | None:
        """A receipt is also kept in the database (re-issued as is on a re-import): when its file went
        with the USB stick it was written to, the copy under `<data>/mailbox/receipts/` is sent instead."""
        with self._ctx.read() as s:
            raw = s.scalars(
                select(SyncPackage.receipt).where(SyncPackage.receipt_package_id == item.package_id)
            ).first()
        if raw is None or len(raw) != item.size:
            return None
        path = self._ctx.paths.data_dir / "mailbox" / "receipts" / Path(item.path).name
        atomic_write_bytes(path, raw)
        outbox.update(self._ctx, item.id, path=str(path))
        return path

    def _key(self, item: Item) -> str:
        office = self._ctx.office()
        if office.role == "province":
            return layout.outbox_key(item.recipient_office_id, item.package_id)
        province = item.recipient_office_id or self._settings.province_office_id or self._one_province()
        return layout.inbox_key(province, office.id, item.package_id)

    def _one_province(self) -> str:
        with self._ctx.read() as s:
            ids = list(
                s.scalars(select(Office.id).where(Office.is_self.is_(False), Office.role == "province"))
            )
        if len(ids) != 1:
            raise _Skip(
                "Chưa biết gửi tới tỉnh nào: hãy nhập gói dữ liệu tham chiếu của tỉnh, hoặc ghi mã cơ quan "
                "tỉnh trong cấu hình hộp thư."
            )
        return ids[0]


def _md5_hex(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def _same_md5(etag: str, md5_hex: str) -> bool:
    """An ETag that is an MD5 (most engines, no server-side KMS encryption) must be ours."""
    value = etag.strip('"')
    return len(value) != 32 or value == md5_hex


def _md5_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode("ascii")


def _report(progress: Progress | None, position: tuple[int, int], done: int, item: Item) -> None:
    index, count = position
    fraction = (index + done / max(item.size, 1)) / max(count, 1)
    report(
        progress, fraction, f"Đang gửi gói {index + 1}/{count}: {done // MiB}/{max(item.size // MiB, 1)} MB"
    )


def require(settings: MailboxSettings | None) -> MailboxSettings:
    if settings is None:
        raise UserError("Máy này chưa cấu hình hộp thư của tỉnh (lệnh: mailbox configure).")
    return settings

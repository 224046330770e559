"""Fetching: an office collects what the province left for it (`outbox/<office>/`, `outbox/all/`), the
province what the offices left in its inbox (`inbox/<province>/`). Each object is downloaded in ranges
into `<data>/mailbox/incoming/<package-id>.ocoppkg.part` (a cut loses at most one range; the next run
continues from the bytes on disk), then goes through the existing verify → dry run → import path.

What a trusted sender's signature covers applies by itself (receipts, results, reference packs, dossiers:
their conflicts go to the existing review places); what needs a person — a first fingerprint, a key
change — waits in the incoming folder for the sync page."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ocop_desktop.domain.errors import UserError
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.mailbox import broadcasts, layout
from ocop_desktop.services.mailbox.s3 import Problem, classify, errors, is_missing
from ocop_desktop.services.sync.service import LINK_IN_COUNCIL, PackageService
from ocop_desktop.store.models import OutboxItem, SyncPackage
from ocop_desktop.store.models.mailbox import UPLOADED

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

log = logging.getLogger(__name__)
RANGE = 8 * 1024 * 1024
# What the province may choose to import by hand (`MailboxSettings.auto_import`): work from the offices.
OFFICERS_WORK = frozenset({"submission", "evaluator_scores", "enrollment"})


@dataclass
class FetchReport:
    downloaded: list[str] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # imported before: not downloaded again
    waiting: list[dict[str, str]] = field(default_factory=list)  # {"package_id", "path", "reason"}
    refused: list[dict[str, str]] = field(default_factory=list)  # {"package_id", "path", "reason"}
    deleted: list[str] = field(default_factory=list)  # tidied from the bucket: imported and receipted
    superseded: list[str] = field(default_factory=list)  # the province: its older packs to all, deleted
    bytes_downloaded: int = 0
    stopped: str = ""
    transient: bool = False

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def incoming_dir(ctx: AppContext) -> Path:
    return ctx.paths.data_dir / "mailbox" / "incoming"


def receipts_dir(ctx: AppContext) -> Path:
    return ctx.paths.data_dir / "mailbox" / "receipts"


Importer = Callable[[Callable[[], None]], None]


def run_here(job: Callable[[], None]) -> None:
    job()


class Fetcher:
    """`importer` runs each import (a callable): here by default; the GUI passes one that runs it on its
    writers' single thread, so an import never meets "database is locked" beside the pages' writes."""

    def __init__(
        self,
        ctx: AppContext,
        settings: MailboxSettings,
        client: Any,
        *,
        chunk: int = RANGE,
        importer: Importer = run_here,
    ) -> None:
        self._ctx, self._s3, self._bucket, self._chunk = ctx, client, settings.bucket, chunk
        self._importer = importer
        self._auto = settings.auto_import or ctx.office().role != "province"
        self.report = FetchReport()
        self._listed: list[str] = []

    def run(self, progress: Progress | None = None, *, apply: bool = True) -> FetchReport:
        try:
            objects = self._listing()
            self._listed = [key for key, _size, _etag in objects]
            for index, (key, size, etag) in enumerate(objects):
                report(progress, index / max(len(objects), 1), f"Đang nhận gói {index + 1}/{len(objects)}")
                self._one(key, size, etag, apply)
            self.tidy()
            if self._ctx.office().role == "province":
                self.report.superseded = broadcasts.tidy(self._ctx, self._s3, self._bucket)
        except errors() as exc:
            problem: Problem = classify(exc)
            self.report.stopped, self.report.transient = problem.message, problem.transient
        report(progress, 1.0, "")
        return self.report

    def tidy(self) -> None:
        """Delete from the bucket the listed objects addressed to this office alone (never `outbox/all/`)
        that are imported here and whose receipt, if their import issued one, is on the server too: the
        sender has its proof, and the package is in this database. Anything else stays (waiting for an
        officer, refused, or its receipt not sent yet); a server that does not let this key delete is
        not an error — the objects stay for the province's IT (docs/mailbox.md §Tidying)."""
        for key in self._listed:
            package_id = layout.package_id_of(key)
            if package_id is None or package_id in self.report.deleted or not layout.deletable(key):
                continue
            if not self._receipted(package_id):
                continue
            try:
                self._s3.delete_object(Bucket=self._bucket, Key=key)
            except errors() as exc:
                log.info("Mailbox object %s not deleted: %s", key, classify(exc).code)
                return
            self.report.deleted.append(package_id)

    def _receipted(self, package_id: str) -> bool:
        with self._ctx.read() as s:
            row = s.get(SyncPackage, package_id)
            if row is None or row.direction != "in":
                return False
            if row.receipt_package_id is None:
                return True  # no receipt to wait for (an enrollment, a receipt, a reference pack)
            query = select(OutboxItem.state).where(OutboxItem.package_id == row.receipt_package_id)
            return s.scalars(query).first() == UPLOADED

    def _listing(self) -> list[tuple[str, int, str]]:
        office = self._ctx.office()
        prefixes = (
            (layout.province_prefix(office.id),)
            if office.role == "province"
            else layout.fetch_prefixes(office.id, office.role)
        )
        found: list[tuple[str, int, str]] = []
        for prefix in prefixes:
            pages = self._s3.get_paginator("list_objects_v2").paginate(Bucket=self._bucket, Prefix=prefix)
            for page in pages:
                found += [
                    (o["Key"], int(o["Size"]), str(o.get("ETag", ""))) for o in page.get("Contents", [])
                ]
        return [(k, size, etag) for k, size, etag in found if layout.package_id_of(k)]

    def _one(self, key: str, size: int, etag: str, apply: bool) -> None:
        package_id = layout.package_id_of(key)
        assert package_id is not None
        if self._imported(package_id):
            self.report.already.append(package_id)
            return
        path = incoming_dir(self._ctx) / f"{package_id}{layout.SUFFIX}"
        if not (path.is_file() and path.stat().st_size == size):
            try:
                self._download(key, size, etag, path)
            except errors() as exc:
                if not _gone(exc):
                    raise
                # deleted (a superseded pack to all) or replaced since the listing: the next listing says
                log.info("Mailbox object %s went away during its download", key)
                for partial in (
                    path.with_name(path.name + ".part"),
                    path.with_name(path.name + ".part.etag"),
                ):
                    partial.unlink(missing_ok=True)
                return
            self.report.downloaded.append(package_id)
        if apply:
            self._importer(lambda: self._import(package_id, path))

    def _imported(self, package_id: str) -> bool:
        with self._ctx.read() as s:
            row = s.get(SyncPackage, package_id)
            return row is not None and row.direction == "in"

    def _download(self, key: str, size: int, etag: str, path: Path) -> None:
        """Ranges appended to a `.part` file, each only if the object is still the one listed (If-Match):
        a cut loses one range at most. The `.part` remembers the ETag it was started for (`.part.etag`):
        bytes of a replaced object are never continued with another's."""
        part = path.with_name(path.name + ".part")
        mark = path.with_name(path.name + ".part.etag")
        part.parent.mkdir(parents=True, exist_ok=True)
        have = part.stat().st_size if part.is_file() else 0
        if have > size or (have and (not mark.is_file() or mark.read_text("ascii") != etag)):
            part.unlink()
            have = 0
        mark.write_text(etag, "ascii")
        with part.open("ab") as f:
            while have < size:
                end = min(have + self._chunk, size) - 1
                extra = {"IfMatch": etag} if etag else {}
                body = self._s3.get_object(
                    Bucket=self._bucket, Key=key, Range=f"bytes={have}-{end}", **extra
                )["Body"]
                data = body.read()
                f.write(data)
                f.flush()
                have += len(data)
                self.report.bytes_downloaded += len(data)
        if not etag_matches(part, etag):  # the bytes on disk are not the object's: start again next time
            part.unlink()
            raise OSError(f"{key}: the download does not match its ETag")
        part.replace(path)
        mark.unlink(missing_ok=True)

    def _import(self, package_id: str, path: Path) -> None:
        from ocop_desktop.ocoppkg.errors import PackageRefused

        service = PackageService(self._ctx)
        entry = {"package_id": package_id, "path": str(path)}
        try:
            preview = service.preview(path)
            if preview.already_imported:
                self.report.already.append(package_id)
                return
            if preview.needs_confirmation or preview.key_change is not None:
                reason = (
                    "Thay khóa của cơ quan gửi: cần cán bộ xác nhận."
                    if preview.key_change is not None
                    else "Cơ quan gửi chưa được tin cậy: cần cán bộ so sánh mã xác nhận qua điện thoại."
                )
                self.report.waiting.append({**entry, "reason": reason})
                return
            if not self._auto and preview.package.kind in OFFICERS_WORK:
                self.report.waiting.append(
                    {**entry, "reason": "Chờ cán bộ của tỉnh xem và nhập (theo cấu hình)."}
                )
                return
            service.import_package(
                path, receipt_path=receipts_dir(self._ctx) / f"receipt-{package_id}.ocoppkg"
            )
        except PackageRefused as exc:
            if exc.code == LINK_IN_COUNCIL:  # a laptop's enrollment: an officer links it to a member
                self.report.waiting.append({**entry, "reason": exc.message})
            else:
                self.report.refused.append({**entry, "reason": exc.message})
            return
        except UserError as exc:  # e.g. an evaluator's enrollment: linked in the council tab, by a person
            self.report.waiting.append({**entry, "reason": exc.message})
            return
        self.report.applied.append(package_id)


def _gone(exc: BaseException) -> bool:
    """The object is no longer the one listed: deleted (404) or replaced (412 on If-Match)."""
    from botocore.exceptions import ClientError

    status = isinstance(exc, ClientError) and exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return is_missing(exc) or status == 412


def etag_matches(path: Path, etag: str, part_size: int = 8 * 1024 * 1024) -> bool:
    """Whether the file is the object the ETag names, when the ETag says: a single PUT's is the MD5 of
    the bytes; a multipart upload's, `md5(md5 of each part)-N`, checked when the parts are our sender's
    size. Any other ETag (encrypted objects, other part sizes) cannot be checked here: the import's own
    signature and SHA-256 checks still are."""
    value = etag.strip('"')
    md5s = []
    with path.open("rb") as f:
        while block := f.read(part_size):
            md5s.append(hashlib.md5(block, usedforsecurity=False).digest())
    if "-" not in value:
        whole = hashlib.md5(usedforsecurity=False)
        with path.open("rb") as f:
            while block := f.read(1024 * 1024):
                whole.update(block)
        return len(value) != 32 or whole.hexdigest() == value
    digest, _, count = value.partition("-")
    if not count.isdigit() or int(count) != len(md5s):
        return True
    return hashlib.md5(b"".join(md5s), usedforsecurity=False).hexdigest() == digest

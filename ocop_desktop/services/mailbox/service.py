"""The mailbox's use cases, for the CLI and (later) the sync page: configure, status, send, fetch.

Qt-free; each long call takes a `Progress` and can be cancelled (a pause: the next `send` continues
from the parts already on the server). A client can be passed in (tests, a shared connection)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ocop_desktop.domain.errors import UserError
from ocop_desktop.progress import Progress
from ocop_desktop.services.core import mailbox_settings as settings
from ocop_desktop.services.core.mailbox_settings import MailboxSettings, OfficeCredentials
from ocop_desktop.services.core.officers import require_admin
from ocop_desktop.services.mailbox import outbox
from ocop_desktop.services.mailbox.fetch import Fetcher, FetchReport, Importer, run_here
from ocop_desktop.services.mailbox.outbox import Item
from ocop_desktop.services.mailbox.s3 import Problem, make_client
from ocop_desktop.services.mailbox.sender import PART_SIZE, Backoff, Sender, SendReport, require
from ocop_desktop.store.audit import record_change
from ocop_desktop.store.staging_lock import StagingLock

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

__all__ = [
    "Backoff",
    "FetchReport",
    "MailboxService",
    "MailboxSettings",
    "MailboxStatus",
    "SendReport",
    "SyncReport",
]


@dataclass(frozen=True)
class MailboxStatus:
    configured: bool
    settings: dict[str, object]  # without the secret
    reachable: bool | None  # None: not probed
    problem: str  # why not reachable, in words
    items: tuple[Item, ...]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.shown_state] = counts.get(item.shown_state, 0) + 1
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "configured": self.configured,
            "settings": self.settings,
            "reachable": self.reachable,
            "problem": self.problem,
            "counts": self.counts(),
            "items": [i.to_json() for i in self.items],
        }


@dataclass(frozen=True)
class SyncReport:
    """One round: what was sent (None: sending paused), what was fetched (None: not reached)."""

    sent: SendReport | None
    fetched: FetchReport | None
    stopped: str = ""  # why the round stopped (plain Vietnamese), else ""
    transient: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent.to_json() if self.sent else None,
            "fetched": self.fetched.to_json() if self.fetched else None,
            "stopped": self.stopped,
            "transient": self.transient,
        }


class MailboxService:
    def __init__(self, ctx: AppContext, *, client: Any = None, part_size: int = PART_SIZE) -> None:
        self._ctx, self._client, self._part_size = ctx, client, part_size

    def configure(self, new: MailboxSettings) -> MailboxSettings:
        """Check and keep the settings (encrypted); parked packages go back in the queue."""
        require_admin(self._ctx, "đổi cài đặt hộp thư")
        checked = new.check()
        old = settings.load(self._ctx.paths.keys_dir)
        with self._ctx.unit_of_work() as s:  # the log keeps who changed the settings (not the secret)
            record_change(s, "settings", "mailbox", old.public() if old else None, checked.public())
            settings.save(self._ctx.paths.keys_dir, checked)
        outbox.retry_failed(self._ctx)
        return checked

    def settings(self) -> MailboxSettings | None:
        return settings.load(self._ctx.paths.keys_dir)

    def status(self, *, probe: bool = False) -> MailboxStatus:
        current = self.settings()
        reachable: bool | None = None
        problem = ""
        if current is not None and probe:
            found = Sender(self._ctx, current, self._client_for(current)).probe()
            reachable, problem = found is None, found.message if found else ""
        return MailboxStatus(
            current is not None,
            current.public() if current else {},
            reachable,
            problem,
            tuple(outbox.listing(self._ctx)),
        )

    def probe(self, candidate: MailboxSettings | None = None) -> Problem | None:
        """None when the mailbox answers (the saved settings, or `candidate` checked first: the settings
        page's "test the connection" before saving), else why not (`Problem.message`: plain Vietnamese;
        `transient`: the endpoint did not answer, waiting may fix it)."""
        current = candidate.check() if candidate is not None else require(self.settings())
        client = make_client(current) if candidate is not None else self._client_for(current)
        return Sender(self._ctx, current, client).probe()

    def send(self, progress: Progress | None = None, *, backoff: Backoff | None = None) -> SendReport:
        """Upload every waiting package, resuming half-sent ones; stops at the first lasting error."""
        current = require(self.settings())
        sender = Sender(
            self._ctx, current, self._client_for(current), part_size=self._part_size, backoff=backoff
        )
        with self._alone("send"):
            return sender.run(progress)

    def sync(
        self,
        progress: Progress | None = None,
        *,
        backoff: Backoff | None = None,
        send: bool = True,
        importer: Importer = run_here,
    ) -> SyncReport:
        """Send the waiting packages, fetch what was left for this office, and send again what the
        imports queued (their receipts), so one round takes a package's receipt back at once.
        `importer` runs each import (the GUI: on its writers' thread; see `Fetcher`)."""
        sent = self.send(progress, backoff=backoff) if send else None
        if sent is not None and sent.stopped:
            return SyncReport(sent, None, sent.stopped, sent.transient)
        current = require(self.settings())
        with self._alone("fetch"):
            fetcher = Fetcher(self._ctx, current, self._client_for(current), importer=importer)
            fetched = fetcher.run(progress)
        if fetched.stopped:
            return SyncReport(sent, fetched, fetched.stopped, fetched.transient)
        if sent is not None and fetched.applied:
            again = self.send(progress, backoff=backoff)
            if not again.stopped:  # the receipts are on the server: what they answer can go
                with self._alone("fetch"):
                    fetcher.tidy()
            sent.sent += again.sent
            sent.already += again.already
            sent.waiting = again.waiting
            sent.parts_attempted += again.parts_attempted
            sent.parts_uploaded += again.parts_uploaded
            sent.bytes_uploaded += again.bytes_uploaded
            sent.resumed += again.resumed
            sent.stopped, sent.transient = again.stopped, again.transient
        return SyncReport(sent, fetched, sent.stopped if sent else "", sent.transient if sent else False)

    # -- at the province: what each office is given (carried sealed in its packs: sync/mailbox_pack.py) --
    def set_office_credentials(
        self, office: str, access_key: str = "", secret_key: str = ""
    ) -> dict[str, str]:
        """Set one office's access key and secret (both empty: forget them). The next reference pack
        (or, for an evaluator laptop, assignment) to that office carries them, sealed to its key."""
        from ocop_desktop.services.sync.keys import find_peer

        if self._ctx.office().role != "province":
            raise UserError("Chỉ cơ quan OCOP cấp tỉnh cấp mã truy cập hộp thư cho các cơ quan.")
        require_admin(self._ctx, "cấp mã truy cập hộp thư cho các cơ quan")
        keys = self._ctx.paths.keys_dir
        with self._ctx.read() as s:
            peer = find_peer(s, office.strip())
            row = {"office_id": peer.id, "name": peer.name, "unit_code": peer.unit_code, "role": peer.role}
        given = OfficeCredentials(peer.id, access_key, secret_key) if access_key or secret_key else None
        had = {c.office_id: c.access_key for c in settings.office_credentials(keys)}
        before = had.get(peer.id)
        with self._ctx.unit_of_work() as s:  # the log keeps who gave which access key (never the secret)
            after = given.access_key.strip() if given else None
            record_change(
                s,
                "settings",
                f"mailbox-office:{peer.id}",
                {"access_key": before} if before else None,
                {"access_key": after} if after else None,
            )
            settings.save_office_credentials(keys, given, peer.id)
        return {**row, "access_key": after or ""}

    def offices_to_give(self) -> list[dict[str, str]]:
        """At the province: the trusted communes and evaluator laptops (id, name, unit code, role)."""
        from ocop_desktop.services.sync.keys import peer_offices

        with self._ctx.read() as s:
            return [
                {"office_id": o.id, "name": o.name, "unit_code": o.unit_code, "role": o.role}
                for o in peer_offices(s)
                if o.role in ("commune", "evaluator")
            ]

    def office_credentials(self) -> list[dict[str, str]]:
        """Each office given credentials, with its access key (never the secret)."""
        from ocop_desktop.store.models import Office

        given = settings.office_credentials(self._ctx.paths.keys_dir)
        with self._ctx.read() as s:
            offices = {c.office_id: s.get(Office, c.office_id) for c in given}
            return [
                {
                    "office_id": c.office_id,
                    "name": o.name if (o := offices[c.office_id]) else "",
                    "unit_code": o.unit_code if o else "",
                    "role": o.role if o else "",
                    "access_key": c.access_key,
                }
                for c in given
            ]

    def retry(self) -> int:
        """Packages parked after an error (e.g. too large, once the province raised the limit)."""
        return outbox.retry_failed(self._ctx)

    def fetch(self, progress: Progress | None = None, *, apply: bool = True) -> FetchReport:
        current = require(self.settings())
        with self._alone("fetch"):
            return Fetcher(self._ctx, current, self._client_for(current)).run(progress, apply=apply)

    @contextmanager
    def _alone(self, job: str) -> Iterator[None]:
        """One sender (one fetcher) per data folder at a time, across processes (the GUI and a timer):
        two would start two uploads of the same package. The system drops the lock of a dead process."""
        folder = self._ctx.paths.data_dir / "mailbox"
        folder.mkdir(parents=True, exist_ok=True)
        lock = StagingLock.take(folder / job)
        if lock is None:
            raise UserError("Máy này đang gửi hoặc nhận qua hộp thư ở một cửa sổ khác. Hãy đợi lần đó xong.")
        try:
            yield
        finally:
            lock.release(remove=False)

    def _client_for(self, current: MailboxSettings) -> Any:
        if self._client is None:
            self._client = make_client(current)
        return self._client

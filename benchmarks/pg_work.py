"""A kept work folder for benchmarks/postgres.py (`--work DIR`), so that iterating costs minutes, not the
~7 minutes of `store migrate-to` each time.

DIR holds the prepared SQLite province demo (linked to the commune, `sqlite/`), the commune's package,
a PostgreSQL data folder (`pg/data`, started again on each run, never removed) with the migrated copy
(database `province`), and `state.json` (what `migrate_to` reported, the dossiers opened). Each run
measures COPIES of both (the SQLite folder copied, the database made with `CREATE DATABASE … TEMPLATE`),
so a run never sees what an earlier one wrote (an import of the package is always a first import).
A new migration is applied to both copies when they are opened (`open_app` migrates to head).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from helpers import postgres as pg  # noqa: E402

STATE = "state.json"


@dataclass
class Prepared:
    """What both engines are measured on: the SQLite demo folder, the server database's URL, the
    commune's package, what the move reported and the dossiers opened."""

    demo: Path
    url: str
    package: Path
    moved: dict[str, Any]
    ids: list[str]


class KeptServer(pg.PostgresServer):
    """A server whose data folder outlives the run (stop() only stops it)."""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(pg.signal.SIGINT)
            try:
                self.process.wait(pg.STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(pg.STOP_TIMEOUT)


def start_kept(folder: Path) -> KeptServer:
    """The server on `folder/pg/data`: made by initdb the first time, started again afterwards."""
    binaries, who = pg.bin_dir(), pg._as_user()
    data = folder / "pg" / "data"
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        for place in (folder, folder / "pg"):
            place.chmod(0o755)  # the server's user must reach its data folder
        pg._hand_over(data, who)
        init = [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
        init += ["--encoding=UTF8", "--locale=C", "--no-sync"]
        subprocess.run(init, check=True, capture_output=True, cwd=data.parent, **who)  # type: ignore[call-overload]
    port = pg.free_port()
    settings = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off"]
    settings += ["-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"]
    with (folder / "pg" / "server.log").open("ab") as log:
        process = subprocess.Popen(
            [str(binaries / "postgres"), "-D", str(data), "-p", str(port), *settings],
            stdout=subprocess.DEVNULL,
            stderr=log,
            cwd=data.parent,
            **who,  # type: ignore[call-overload]
        )
    server = KeptServer(binaries, data, port, process, 0.0)
    pg._wait_ready(server, pg.time.monotonic() + pg.START_TIMEOUT, folder / "pg")
    return server


def saved(folder: Path) -> Prepared | None:
    path = folder / STATE
    if not path.exists():
        return None
    body = json.loads(path.read_text(encoding="utf-8"))
    return Prepared(Path(body["demo"]), body["url"], Path(body["package"]), body["moved"], body["ids"])


def save(folder: Path, prepared: Prepared) -> None:
    body = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(prepared).items()}
    (folder / STATE).write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")


def working_copy(prepared: Prepared, server: pg.PostgresServer, root: Path) -> Prepared:
    """Copies of the kept SQLite folder and database for one run (the originals stay as prepared)."""
    demo = root / "sqlite"
    shutil.copytree(prepared.demo, demo, ignore=shutil.ignore_patterns("ocop.lock", "database.json"))
    kept = prepared.url.rsplit("/", 1)[1]
    url = server.url(server.new_database(template=kept, prefix="run"))
    return Prepared(demo, url, prepared.package, {**prepared.moved, "reused": True}, prepared.ids)

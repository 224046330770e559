"""A real PostgreSQL server for the tests, from the binaries the `pgserver` wheel ships.

We start `postgres` ourselves (not `pgserver.get_server`) so that it listens on 127.0.0.1:<free
port> like a province server, with no Unix socket and no process shared with other test runs. As
root, `initdb` refuses to run, so the server runs as an unprivileged system user (`pgserver`, the
wheel's own convention). Each test gets a fresh database copied from a migrated template
(`CREATE DATABASE … TEMPLATE`), which costs tens of milliseconds.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

INSTALL_HINT = (
    "PostgreSQL tests need the server binaries of the `pgserver` wheel and the `psycopg` driver: "
    "`uv sync` installs both (dev group)."
)
SYSTEM_USER = "pgserver"  # the user the pgserver wheel itself runs the server as under root
START_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0


class ServerUnavailable(RuntimeError):
    """The server could not be started here; the tests that need it are skipped with this reason."""


def bin_dir() -> Path:
    """pgserver's bundled `pginstall/bin`, found without importing pgserver (its import warns)."""
    spec = importlib.util.find_spec("pgserver")
    if spec is None or spec.origin is None:
        raise ServerUnavailable(INSTALL_HINT)
    found = Path(spec.origin).parent / "pginstall" / "bin"
    if not (found / "postgres").exists() and not (found / "postgres.exe").exists():
        raise ServerUnavailable(f"no postgres binary under {found}. {INSTALL_HINT}")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    bin: Path
    data: Path
    port: int
    process: subprocess.Popen[bytes]
    started_in: float
    made: list[str] = field(default_factory=list)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        """One statement outside any transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres") as conn:
            conn.autocommit = True
            conn.execute(sql)  # type: ignore[arg-type]  # test-made names, never user input

    def new_database(self, template: str | None = None, prefix: str = "t") -> str:
        """A fresh database's name (a copy of `template` if given)."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.made.append(name)
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Fast shutdown (SIGINT), then kill if it does not end in time; the data folder is removed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)
        shutil.rmtree(self.data.parent, ignore_errors=True)


def _as_user() -> dict[str, object]:
    """Under root: run as the unprivileged `pgserver` user (made once, like the wheel does)."""
    if os.name == "nt" or os.geteuid() != 0:
        return {}
    import pwd

    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        subprocess.run(["useradd", "-M", "-s", "/bin/false", SYSTEM_USER], check=True, capture_output=True)
    return {"user": SYSTEM_USER, "group": pwd.getpwnam(SYSTEM_USER).pw_gid}


def _hand_over(folder: Path, who: dict[str, object]) -> None:
    if who:
        shutil.chown(folder, str(who["user"]), int(str(who["group"])))  # type: ignore[arg-type]
        os.chmod(folder, 0o700)


def start(timeout: float = START_TIMEOUT) -> PostgresServer:
    """initdb in a temp folder and start `postgres` on 127.0.0.1; raises ServerUnavailable."""
    began = time.monotonic()
    binaries = bin_dir()
    who = _as_user()
    root = Path(tempfile.mkdtemp(prefix="ocop-pg-"))
    os.chmod(root, 0o755)  # the server's user must reach its data folder
    data = root / "data"
    data.mkdir()
    _hand_over(data, who)
    init = subprocess.run(
        [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
        + ["--encoding=UTF8", "--locale=C", "--no-sync"],
        capture_output=True,
        cwd=root,
        **who,  # type: ignore[call-overload]
    )
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed: {init.stderr.decode(errors='replace')[-500:]}")
    port = free_port()
    settings = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off"]
    settings += ["-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"]
    with (root / "server.log").open("wb") as log:  # the child keeps its own copy of the handle
        process = subprocess.Popen(
            [str(binaries / "postgres"), "-D", str(data), "-p", str(port), *settings],
            stdout=subprocess.DEVNULL,
            stderr=log,
            cwd=root,
            **who,  # type: ignore[call-overload]
        )
    server = PostgresServer(binaries, data, port, process, 0.0)
    _wait_ready(server, began + timeout, root)
    server.started_in = time.monotonic() - began
    return server


def _wait_ready(server: PostgresServer, deadline: float, root: Path) -> None:
    import psycopg

    while True:
        try:
            with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres"):
                return
        except psycopg.OperationalError:
            if server.process.poll() is not None or time.monotonic() > deadline:
                log = (root / "server.log").read_text(errors="replace")[-800:]
                with contextlib.suppress(Exception):
                    server.stop()
                raise ServerUnavailable(f"postgres did not start: {log}") from None
            time.sleep(0.1)

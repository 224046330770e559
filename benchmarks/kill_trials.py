"""Kill trials (issue 17): SIGKILL at random moments of the jobs that write, then the next start,
then the invariants. JSON on stdout; every count under "faults" must be 0.

Kinds (each trial: a fresh process does the job, killed after a random delay drawn over the job's
measured length; then this process opens the store as the next start would and checks it):

- `upgrade`: the first open of a database made by an earlier release (built by `alembic upgrade
  <rev>` on a new file, with rows); afterwards it must open, at head, with its rows, a sound file
  (`PRAGMA integrity_check`), and at most one complete backup, no partial one.
- `export`: a commune exports every pending dossier to a "USB stick" (cumulative: the numbers go
  on). Afterwards every recorded package is on the stick, every file on the stick is recorded, the
  numbers run 1…N without a gap, every "sent" dossier names a package that is there.
- `import`: the province imports a submission with scans (from the same starting copy each time).
  Afterwards the package is recorded with all its scans and its receipt on the stick, or nothing
  of it is anywhere.
- `evidence`: a scan added to a dossier (cumulative). Afterwards every attachment's blob is there.
- `backup`: the commune's data backed up onto a stick, by the CLI `backup create` and by the
  scheduled automatic backup, in turn. Afterwards the store is sound with all its records, and every
  backup file on the stick verifies (`kill_backup.check_backup`).
- `restore`: the CLI `backup restore --replace` of the commune's backup into a copy of the province's
  folder. Afterwards the folder holds the old data whole or the restored data whole, never a mix
  (`kill_backup.check_restore`).

After every trial: no temp file anywhere (`*.part`, `blobs/.incoming-*`, staging folders, journals,
partial backups and snapshots, also on the stick). `KINDS` takes more kinds.
Run: uv run python benchmarks/kill_trials.py [--kills 250] [--upgrade-kills 100]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kill_backup import check_backup, check_restore, copy_folder, counts, prepare_backups, restore_set_up  # noqa: E402
from kill_checks import (  # noqa: E402
    Offices,
    Tally,
    check_evidence,
    check_export,
    check_import,
    check_upgrade,
    leftovers,  # noqa: F401  (tests use it from here)
)

OLD_REVISIONS = ("0001", "0003", "0005", "0007", "0009")

CHILD = r"""
import sys, time
from pathlib import Path
kind, data_dir, arg = sys.argv[1:4]
if kind in ("backup", "restore"):  # as the command line runs them: the real CLI, the data folder closed
    from ocop_desktop.main import main
    import ocop_desktop.cli.parser, ocop_desktop.ui.shell.commands  # imported before the clock starts
    from ocop_desktop.store import rename_journal
    real_begin = rename_journal.begin
    def begin(*args, **kwargs):  # say when the restore starts to replace the data: half the kills aim here
        print("placing", flush=True)
        return real_begin(*args, **kwargs)
    rename_journal.begin = begin
    target, secret = arg.split("|")
    command = ["create", target] if kind == "backup" else ["restore", target, "--replace"]
    print("go", flush=True)
    start = time.perf_counter()
    code = main(["--data-dir", data_dir, "backup", *command, "--passphrase-file", secret])
    print("done", time.perf_counter() - start, flush=True)
    sys.exit(code)
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.backup.schedule import run_automatic
if kind == "open":  # say when the schema starts to change: the kills aim at what follows
    from sqlalchemy import Engine, event
    def ddl(conn, cursor, statement, *rest):
        if statement.lstrip()[:6].upper() in ("CREATE", "ALTER ", "DROP T") and not conn.info.get("said"):
            conn.info["said"] = True
            print("ddl", flush=True)
    event.listen(Engine, "before_cursor_execute", ddl)
print("go", flush=True)
start = time.perf_counter()
ctx = open_app(AppPaths.for_data_dir(data_dir))
if kind == "export":
    PackageService(ctx).export_dossiers(Path(arg), pending=True)
elif kind == "import":
    package, receipt = arg.split("|")
    PackageService(ctx).import_package(Path(package), receipt_path=Path(receipt))
elif kind == "evidence":
    dossier, scan = arg.split("|")
    EvidenceService(ctx).add_files(dossier, [Path(scan)], checklist_key="market")
elif kind == "auto-backup":  # the scheduled backup, made while the window has its store open
    run_automatic(ctx.paths)
ctx.close()
print("done", time.perf_counter() - start, flush=True)
"""


def run_child(
    kind: str, data_dir: Path, arg: str, kill_after: float | None, aim: str = "go"
) -> tuple[bool, float]:
    """Run one job; SIGKILL it `kill_after` seconds after it prints `aim` ("go": its imports are done;
    "ddl": the schema starts to change). Returns (killed, seconds from `aim` to the end or the kill)."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(data_dir), arg],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "go", child.stderr.read() if child.stderr else ""
    if aim != "go":
        while (line := child.stdout.readline()) and line.strip() != aim and not line.startswith("done"):
            pass
    start = time.perf_counter()
    if kill_after is not None:
        try:
            child.wait(kill_after)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            child.communicate()
            return True, time.perf_counter() - start
    out, err = child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"{kind} failed: {err[-2000:]}")
    return False, time.perf_counter() - start


# -- set-up -------------------------------------------------------------------------------------
def old_database(folder: Path, revision: str, rows: int = 5) -> list[str]:
    """A data folder whose database an earlier release made (schema at `revision`), with rows."""
    from alembic import command

    from ocop_desktop.store.database import alembic_config, make_engine

    folder.mkdir(parents=True)
    db = folder / "ocop.sqlite3"
    engine = make_engine(db)
    command.upgrade(alembic_config(engine), revision)
    engine.dispose()
    codes = [f"9{n:04d}" for n in range(rows)]
    conn = sqlite3.connect(db)
    with conn:  # commits; `close` below folds the WAL in (a file as a closed app leaves it)
        columns = {r[1]: r for r in conn.execute("PRAGMA table_info(admin_unit)")}
        for code in codes:
            values = {name: _filler(name, col[2], code) for name, col in columns.items() if col[3] or col[5]}
            marks = ", ".join("?" * len(values))
            conn.execute(
                f"INSERT INTO admin_unit ({', '.join(values)}) VALUES ({marks})", list(values.values())
            )
    conn.close()
    return codes


def _filler(name: str, kind: str, code: str) -> Any:
    if name == "code":
        return code
    if name == "level":
        return "commune"
    return 0 if "INT" in kind.upper() else f"Đơn vị {code}"


def offices(root: Path, dossiers: int = 3, scan_bytes: int = 4 << 20) -> Offices:
    """A commune with `dossiers` commune-checked dossiers (two scans each), and its province, linked."""
    from ocop_desktop.domain.producers import ProducerInput, ProducerKind
    from ocop_desktop.domain.products import ProductInput
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.services.core.setup import initialise
    from ocop_desktop.services.dossiers.evidence import EvidenceService
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.services.registry.producers import ProducerService
    from ocop_desktop.services.registry.products import ProductService
    from ocop_desktop.services.sync.service import PackageService
    from ocop_desktop.store.models import Dossier

    usb = root / "usb"
    usb.mkdir(parents=True)
    commune = open_app(AppPaths.for_data_dir(root / "commune"))
    province = open_app(AppPaths.for_data_dir(root / "province"))
    try:
        initialise(commune, "commune", "00070", "Nguyễn Văn An")
        initialise(province, "province", "01", "Trần Thị Bình")
        cs, ps = PackageService(commune), PackageService(province)
        ps.import_package(
            cs.export_enrollment(usb / "enroll.ocoppkg").path,
            confirm_fingerprint=cs.own_keys().signing.readable,
        )
        cs.import_package(
            ps.export_reference(usb / "ref.ocoppkg").path, confirm_fingerprint=ps.own_keys().signing.readable
        )
        for name in ("enroll.ocoppkg", "ref.ocoppkg"):
            (usb / name).unlink()
        producer = ProducerService(commune).create(
            ProducerInput("HTX Thử", ProducerKind.COOPERATIVE, "00070", address="Số 1", representative="A")
        )
        ids = []
        for n in range(dossiers + 1):  # the last one stays a draft: evidence is added to it
            product = ProductService(commune).create(ProductInput(producer.id, f"Sản phẩm {n}", 13))
            dossier = DossierService(commune).create(product.id, "first")
            ids.append(dossier.row.id)
            scans = [scan(root / f"scan-{n}-{i}.jpg", scan_bytes) for i in range(2)]
            EvidenceService(commune).add_files(dossier.row.id, scans, checklist_key="market")
            for path in scans:
                path.unlink()
        with commune.unit_of_work() as s:
            for d in s.query(Dossier):
                if d.id != ids[-1]:
                    d.status = "commune_checked"
    finally:
        commune.close()
        province.close()
    return Offices(root, root / "commune", root / "province", usb, ids[-1])


def scan(path: Path, size: int) -> Path:
    path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(size - 4))
    return path


# -- the trials -------------------------------------------------------------------------------------
def upgrade_trials(
    root: Path, kills: int, rng: random.Random, revisions: tuple[str, ...] = OLD_REVISIONS
) -> Tally:
    tally = Tally()
    pristine = {}
    for rev in revisions:
        pristine[rev] = root / f"pristine-{rev}"
        codes = old_database(pristine[rev], rev)
    lengths = {}
    for rev in revisions:  # an unkilled first open of each: the length of the window from the first DDL
        folder = root / f"calibrate-{rev}"
        shutil.copytree(pristine[rev], folder)
        lengths[rev] = run_child("open", folder, "", None, aim="ddl")[1]
        check_upgrade(tally, folder, codes)
        tally.trials += 1
        tally.finished += 1
    say("upgrade: calibrated " + ", ".join(f"{r} {t:.2f}s" for r, t in lengths.items()))
    n = 0
    while tally.kills < kills and n < 4 * kills:  # until `kills` SIGKILLs landed
        rev = revisions[n % len(revisions)]
        folder = root / f"upgrade-{n}"
        shutil.copytree(pristine[rev], folder)
        # half the kills anywhere in the open, half aimed at the schema change (the ~100 ms that bricked)
        aim = "ddl" if n % 2 else "go"
        window = lengths[rev] if aim == "ddl" else lengths[rev] + 1.0
        killed, took = run_child("open", folder, "", rng.uniform(0, window), aim=aim)
        if not killed and aim == "ddl":  # it ended before the kill: the window was too long
            lengths[rev] = min(lengths[rev], took) * 0.95
        tally.trials += 1
        tally.kills += killed
        tally.finished += not killed
        check_upgrade(tally, folder, codes)
        shutil.rmtree(folder)
        n += 1
    return tally


def job_trials(
    root: Path, kills: int, rng: random.Random, kinds: tuple[str, ...], scan_bytes: int = 4 << 20
) -> dict[str, Tally]:
    o = offices(root / "offices", scan_bytes=scan_bytes)
    say("jobs: offices ready")
    tallies = {kind: Tally() for kind in kinds}
    snapshot = root / "province-snapshot"
    shutil.copytree(o.province, snapshot)
    # the package every import trial imports (and the commune's state every export starts from)
    commune_copy = root / "commune-for-package"
    shutil.copytree(o.commune, commune_copy)
    package = o.usb.parent / "submission.ocoppkg"
    run_child("export", commune_copy, str(package), None)
    with __import__("zipfile").ZipFile(package) as z:
        package_id = json.loads(z.read("manifest.json"))["package_id"]
    stick = prepare_backups(root, o.commune)
    old, new, backup = (
        ({}, {}, root)
        if "restore" not in kinds
        else restore_set_up(root, snapshot, o.commune, stick, run_child)
    )
    lengths: dict[str, float] = {}
    counter = 0

    def one(kind: str, kill_after: float | None) -> bool:
        nonlocal counter
        counter += 1
        window = kind  # the part of the job the kills aim at (its length is measured)
        if kind == "export":
            killed, took = run_child("export", o.commune, str(o.usb / f"s-{counter}.ocoppkg"), kill_after)
            check_export(tallies[kind], o, 4)
        elif kind == "import":
            target = root / "province-trial"
            shutil.rmtree(target, ignore_errors=True)
            shutil.rmtree(o.usb / "receipts", ignore_errors=True)
            shutil.copytree(snapshot, target)
            arg = f"{package}|{o.usb / 'receipts' / 'r.ocoppkg'}"
            killed, took = run_child("import", target, arg, kill_after)
            check_import(tallies[kind], target, o.usb, package_id)
        elif kind == "backup":  # by the command line and as the scheduled automatic backup, in turn
            before = counts(o.commune)
            how = "backup" if counter % 2 else "auto-backup"
            killed, took = run_child(how, o.commune, f"{stick.folder}|{stick.passphrase_file}", kill_after)
            check_backup(tallies[kind], o.commune, stick, before)
        elif kind == "restore":  # half the kills anywhere, half while the data is being replaced
            target = root / "restore-trial"
            copy_folder(snapshot, target)
            aim = "placing" if counter % 2 else "go"
            if aim == "placing":
                window = "restore while placing"
                kill_after = None if kill_after is None else kill_after / lengths[kind] * lengths[window]
            arg = f"{backup}|{stick.passphrase_file}"
            killed, took = run_child("restore", target, arg, kill_after, aim)
            check_restore(tallies[kind], target, old, new)
        else:
            fresh = scan(root / f"new-{counter}.jpg", 2 * scan_bytes)
            killed, took = run_child("evidence", o.commune, f"{o.dossier_id}|{fresh}", kill_after)
            fresh.unlink()
            check_evidence(tallies[kind], o.commune)
        if kill_after is None or not killed:  # the window: a little under the shortest run seen
            lengths[window] = min(lengths.get(window, took), took) * 0.95
        tallies[kind].trials += 1
        tallies[kind].kills += killed
        tallies[kind].finished += not killed
        return killed

    for kind in kinds + (("restore",) if "restore" in kinds else ()):  # a restore for each aim
        one(kind, None)
    say("jobs: calibrated " + ", ".join(f"{k} {t:.2f}s" for k, t in lengths.items()))
    n = 0
    while sum(t.kills for t in tallies.values()) < kills and n < 4 * kills:  # until `kills` SIGKILLs landed
        kind = kinds[n % len(kinds)]
        one(kind, rng.uniform(0, lengths[kind]))
        n += 1
    return tallies


KINDS: dict[str, Callable[..., Any]] = {}  # more kinds plug in here: `trial(root, kills, rng) -> Tally`


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def run(
    kills: int,
    upgrade_kills: int,
    seed: int,
    root: Path,
    revisions: tuple[str, ...] = OLD_REVISIONS,
    scan_bytes: int = 4 << 20,
) -> dict[str, Any]:
    rng = random.Random(seed)
    started = time.perf_counter()
    results: dict[str, Tally] = {}
    if upgrade_kills:
        results["upgrade"] = upgrade_trials(root / "upgrade", upgrade_kills, rng, revisions)
    if kills:
        kinds = ("export", "import", "evidence", "backup", "restore")
        results.update(job_trials(root / "jobs", kills, rng, kinds, scan_bytes))
    for name, trial in KINDS.items():
        results[name] = trial(root / name, kills, rng)
    faults: Counter[str] = Counter()
    for t in results.values():
        faults.update(t.faults)
    return {
        "seed": seed,
        "seconds": round(time.perf_counter() - started, 1),
        "sigkills": sum(t.kills for t in results.values()),
        "kinds": {
            k: {
                "trials": t.trials,
                "kills": t.kills,
                "finished_before_kill": t.finished,
                "faults": dict(t.faults),
                **({"seen": dict(t.seen)} if t.seen else {}),
            }
            for k, t in results.items()
        },
        "faults": {
            what: faults.get(what, 0)
            for what in (
                "lost records",
                "'sent' dossiers without a package",
                "sequence gaps",
                "temp files left",
                "store does not open",
            )
        }
        | dict(faults),
        "examples": [e for t in results.values() for e in t.examples][:20],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--kills", type=int, default=250, help="kills over export, import, evidence add, backup, restore"
    )
    parser.add_argument(
        "--upgrade-kills", type=int, default=100, help="kills during first opens of old databases"
    )
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="ocop-kill-trials-"))
    try:
        print(json.dumps(run(args.kills, args.upgrade_kills, args.seed, root), ensure_ascii=False, indent=1))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

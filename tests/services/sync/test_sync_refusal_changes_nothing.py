"""A refused, failed or cancelled import changes nothing on disk, and scans arrive only with their rows.

At every step after the scans were staged — a database error in the transaction (a real SQLite
trigger refusing a row), a scan found tampered after others were staged, a cancel while staging
and after it — the whole data folder (database, blob store, every folder: `helpers.listing`) is
byte-identical afterwards; no `blobs/` folder appears at an office that had none. A crash between
the commit and the renames (a real child process killed at that moment) is completed at the next
start; a crash before the commit is rolled back there. The summary counts the scans that arrived
as new. Same for an evaluator's assignment.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers.evaluator import Offices, enroll
from helpers.listing import data_listing
from helpers.package_surgery import entries, replace_entry, resign
from helpers.sync import Pair, open_installation, ready_dossier
from ocop_desktop.domain.errors import Cancelled
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Blob


class CancelWhen:
    """A `Progress` the person cancels once the job reported `fraction` or more."""

    def __init__(self, fraction: float) -> None:
        self.fraction, self.cancelled = fraction, False

    def set(self, fraction: float, text: str = "") -> None:
        self.cancelled = self.cancelled or fraction >= self.fraction


def _refuse_rows(ctx: AppContext, table: str, *, on: bool = True) -> None:
    """A real database error: the database refuses every new row of `table` while the trigger exists."""
    with ctx.engine.begin() as conn:
        if ctx.engine.dialect.name == "postgresql":
            for sql in _POSTGRES_TRIGGER[on]:
                conn.exec_driver_sql(sql.format(table=table))
            return
        conn.exec_driver_sql(
            f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'disk controller says no'); END"
            if on
            else f"DROP TRIGGER refuse_{table}"
        )


_POSTGRES_TRIGGER = {
    True: [
        "CREATE FUNCTION refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'disk controller says no'; END $$",
        "CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION refuse_{table}()",
    ],
    False: ["DROP TRIGGER refuse_{table} ON {table}", "DROP FUNCTION refuse_{table}()"],
}


@pytest.fixture
def submission(pair: Pair, tmp_path: Path) -> Path:
    ready_dossier(pair.commune, tmp_path / "scans")
    path = PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True).path
    assert len([n for n, _ in entries(path.read_bytes()) if n.startswith("blobs/")]) >= 2
    assert not pair.province.paths.blobs_dir.exists()  # the province holds no scan yet
    return path


def _tampered_last_scan(path: Path) -> Path:
    """The same package, its last scan's bytes changed (same size, zip CRC right): the SHA-256 check
    refuses it after every other scan was staged."""
    data = path.read_bytes()
    last = max(n for n, _ in entries(data) if n.startswith("blobs/"))
    scan = dict(entries(data))[last]
    out = path.with_name("tampered.ocoppkg")
    out.write_bytes(replace_entry(data, last, bytes([scan[0] ^ 1]) + scan[1:]))
    return out


# failure -> the table whose new rows SQLite refuses (None: another failure)
FAILURES = {
    "dossier_row": "dossier",
    "blob_row": "blob",
    "package_row": "sync_package",
    "tampered_scan": None,
    "cancel_staging": None,
    "cancel_after": None,
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failure_after_staging_leaves_the_data_folder_byte_identical(
    pair: Pair, submission: Path, failure: str
) -> None:
    province = PackageService(pair.province)
    path, progress, table = submission, None, FAILURES[failure]
    if table is not None:
        _refuse_rows(pair.province, table)
    elif failure == "tampered_scan":
        path = _tampered_last_scan(submission)
    else:
        progress = CancelWhen(0.0 if failure == "cancel_staging" else 0.95 - 1e-9)  # all staged
    before = data_listing(pair.province)
    usb = sorted(p.name for p in pair.folder.iterdir())

    with pytest.raises((PackageRefused, Cancelled)) as refused:
        province.import_package(path, progress=progress)
    assert "không có gì thay đổi" in refused.value.message.lower()
    if table is not None:
        assert isinstance(refused.value, PackageRefused) and refused.value.code == "inconsistent"
    assert data_listing(pair.province) == before
    assert sorted(p.name for p in pair.folder.iterdir()) == usb  # no receipt either

    if table is not None:
        _refuse_rows(pair.province, table, on=False)
    result = province.import_package(submission)  # nothing left behind is in the way
    assert result.applied and result.preview.blobs_new >= 2 and result.preview.blobs_known == 0
    assert [p.name for p in pair.province.paths.blobs_dir.iterdir() if p.name.startswith(".")] == []


def test_a_refused_import_makes_no_folder_for_its_receipt(
    pair: Pair, submission: Path, tmp_path: Path
) -> None:
    asked = tmp_path / "receipts" / "2026" / "s1.receipt.ocoppkg"
    _refuse_rows(pair.province, "sync_package")  # refused at the very end, after the receipt was signed
    before = data_listing(pair.province)
    with pytest.raises(PackageRefused) as refused:
        PackageService(pair.province).import_package(submission, receipt_path=asked)
    assert refused.value.code == "inconsistent" and data_listing(pair.province) == before
    assert not (tmp_path / "receipts").exists()
    _refuse_rows(pair.province, "sync_package", on=False)
    assert PackageService(pair.province).import_package(submission, receipt_path=asked).receipt_path == asked
    assert asked.is_file()


@pytest.mark.parametrize("table", ["key_record", "sync_package"])
def test_a_refused_reference_pack_installs_no_file(
    pair: Pair, tmp_path: Path, _template_dir: Path, table: str
) -> None:
    """A second commune of the province, new: the province's reference pack would install its rule
    sets, calendar and checklists under `reference/` — not when the database refuses the import."""
    newcomer = open_installation(tmp_path / "newcomer", _template_dir, "commune", "00073", "Phạm Thị Hoa")
    try:
        pack = PackageService(pair.province).export_reference(pair.send("reference-all.ocoppkg")).path
        confirm = PackageService(pair.province).own_keys().signing.readable
        _refuse_rows(newcomer, table)
        before = data_listing(newcomer)
        with pytest.raises(PackageRefused) as refused:
            PackageService(newcomer).import_package(pack, confirm_fingerprint=confirm)
        assert refused.value.code == "inconsistent" and data_listing(newcomer) == before
        assert not (newcomer.paths.data_dir / "reference").exists()
        _refuse_rows(newcomer, table, on=False)
        done = PackageService(newcomer).import_package(pack, confirm_fingerprint=confirm)
        assert done.installed and (newcomer.paths.data_dir / "reference").is_dir()
    finally:
        newcomer.close()


def test_a_refused_package_never_makes_a_blob_folder(pair: Pair, submission: Path) -> None:
    stranger = KeyStore(pair.province.paths.keys_dir).signing_key()  # signed by the wrong office's key
    data = submission.read_bytes()
    forged = submission.with_name("forged.ocoppkg")
    cases = {
        "bad_signature": resign(data, stranger),
        "tampered": _tampered_last_scan(submission).read_bytes(),
        "missing_file": resign(
            data,
            KeyStore(pair.commune.paths.keys_dir).signing_key(),
            files=lambda items: [(n, b) for n, b in items if n != max(x for x, _ in items if "blobs/" in x)],
        ),
    }
    before = data_listing(pair.province)
    for code, package in cases.items():
        forged.write_bytes(package)
        for attempt in (PackageService(pair.province).preview, PackageService(pair.province).import_package):
            with pytest.raises(PackageRefused) as refused:
                attempt(forged)
            assert refused.value.code == code
            assert data_listing(pair.province) == before


def test_the_summary_counts_the_scans_that_arrived_as_new(pair: Pair, submission: Path) -> None:
    province = PackageService(pair.province)
    dry = province.preview(submission)
    result = province.import_package(submission)
    assert (result.preview.blobs_new, result.preview.blobs_known) == (dry.blobs_new, 0)
    assert dry.blobs_new == len(list(pair.province.paths.blobs_dir.glob("*/*")))
    receipt = PackageService(pair.commune).import_package(result.receipt_path)  # type: ignore[arg-type]
    assert receipt.applied
    again = PackageService(pair.commune).export_dossiers(
        pair.send("again.ocoppkg"), dossier_ids=[result.preview.dossiers[0].dossier_id]
    )
    assert again.blobs == 0 and again.blobs_skipped == dry.blobs_new  # the receipt said they are held


CRASH = textwrap.dedent(
    """
    import os, sys
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    from ocop_desktop.paths import AppPaths
    from ocop_desktop.services.core.bootstrap import open_app
    from ocop_desktop.services.sync.service import PackageService
    from ocop_desktop.store.models import SyncPackage

    data_dir, package, moment = sys.argv[1:4]

    @event.listens_for(Session, "after_flush")
    def importing(session, _context):  # the package's own row is written: the import's last step
        if any(isinstance(o, SyncPackage) and o.direction == "in" for o in session.new):
            session.info["importing"] = True
            if moment == "after_flush":  # the power cut, before the commit
                os._exit(17)

    @event.listens_for(Session, "after_commit")  # runs before the importer's own listener
    def crash(session):  # the power cut: no clean-up, no `finally`, no lock released by us
        if session.info.get("importing") and moment == "after_commit":
            os._exit(17)

    PackageService(open_app(AppPaths.for_data_dir(data_dir))).import_package(package)
    """
)


def _crash_while_importing(ctx: AppContext, package: Path, moment: str) -> None:
    ctx.close()  # the child must be the one program on this data folder (store.instance_lock)
    child = subprocess.run(
        [sys.executable, "-c", CRASH, str(ctx.paths.data_dir), str(package), moment],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 17, child.stderr


def test_a_crash_after_the_commit_is_completed_at_the_next_start(pair: Pair, submission: Path) -> None:
    _crash_while_importing(pair.province, submission, "after_commit")
    blobs = pair.province.paths.blobs_dir
    staged = [p for p in blobs.iterdir() if p.is_dir()]
    assert [p.name.startswith(".staging-") for p in staged] == [True]  # rows committed, scans not placed
    scans = sorted(p.name for p in staged[0].iterdir())
    assert len(scans) >= 2

    restarted = open_app(pair.province.paths)  # the next start finishes the import
    try:
        store = BlobStore(blobs)
        assert all(store.has(sha) for sha in scans)
        assert sorted(p.name for p in blobs.iterdir() if p.name.startswith(".")) == []
        again = PackageService(restarted).import_package(submission)
        assert not again.applied  # it was imported: the same receipt again
    finally:
        restarted.close()


def test_a_crash_before_the_commit_is_rolled_back_at_the_next_start(pair: Pair, submission: Path) -> None:
    before = data_listing(pair.province)
    _crash_while_importing(pair.province, submission, "after_flush")
    assert [p.name[:9] for p in pair.province.paths.blobs_dir.iterdir()] == [".staging-"] * 2  # dir, lock
    restarted = open_app(pair.province.paths)
    try:
        assert data_listing(restarted) == before
        assert PackageService(restarted).import_package(submission).applied
    finally:
        restarted.close()


def test_the_next_import_finishes_what_a_crash_left(pair: Pair, submission: Path, tmp_path: Path) -> None:
    _crash_while_importing(pair.province, submission, "after_commit")
    ready_dossier(pair.commune, tmp_path / "more", product="Trà Shan tuyết")
    more = PackageService(pair.commune).export_dossiers(pair.send("s2.ocoppkg"), pending=True)
    PackageService(pair.province).import_package(more.path)  # the same process: no restart in between
    blobs = pair.province.paths.blobs_dir
    assert sorted(p.name for p in blobs.iterdir() if p.name.startswith(".")) == []
    with pair.province.read() as s:
        held = set(s.scalars(select(Blob.sha256)))
    assert held and all(BlobStore(blobs).has(sha) for sha in held)


# -- the evaluator's assignment ---------------------------------------------------------------------
@pytest.fixture
def assignment(offices: Offices) -> Path:
    enroll(offices, "TV1")
    out = ProvinceEvaluatorPackages(offices.province).export_assignment(
        offices.round_id, "TV1", offices.folder / "assignment.ocoppkg"
    )
    assert out.blobs == 2 and not offices.evaluator.paths.blobs_dir.exists()
    return out.path


@pytest.mark.parametrize("table", ["blob", "received_assignment", "sync_package", None])
def test_a_failed_assignment_import_leaves_the_laptop_byte_identical(
    offices: Offices, assignment: Path, table: str | None
) -> None:
    laptop = EvaluatorPackages(offices.evaluator)
    confirm = PackageService(offices.province).own_keys().signing.readable
    if table is not None:
        _refuse_rows(offices.evaluator, table)
    before = data_listing(offices.evaluator)
    with pytest.raises((PackageRefused, Cancelled)) as refused:  # None: cancelled while staging
        laptop.import_assignment(
            assignment, confirm_fingerprint=confirm, progress=None if table else CancelWhen(0.0)
        )
    assert "không có gì thay đổi" in refused.value.message.lower()
    assert data_listing(offices.evaluator) == before
    if table is not None:
        _refuse_rows(offices.evaluator, table, on=False)
    result = laptop.import_assignment(assignment, confirm_fingerprint=confirm)
    assert result.applied and (result.preview.blobs_new, result.preview.blobs_known) == (2, 0)

"""How `ocop-desktop package …` fails: a bug is one line on the console naming the log file that holds
its traceback (the traceback on the console too with `--verbose`); a typed fingerprint is checked
by every command that accepts one; a path that is not a regular file is refused at once."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from helpers.cli import Cli
from helpers.evaluator import Offices, enroll
from helpers.listing import data_listing
from helpers.province import answers_for, sheet_of
from helpers.sync import Pair, ready_dossier
from ocop_desktop.main import main
from ocop_desktop.services.province.aggregation import AggregationService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.proposal import FiveStarProposalService
from ocop_desktop.services.sync.service import PackageService

WRONG = "12345 67890 12345 67890 12345 67890"


def test_a_bug_is_one_line_and_its_traceback_goes_to_the_log(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(capsys, tmp_path)
    with pair.province.engine.begin() as conn:  # a database someone broke by hand (file or server)
        conn.execute(text("DROP TABLE sync_conflict"))
    log_file = pair.province.paths.data_dir / "logs" / "ocop-desktop.log"
    sqlite_words, postgres_words = "no such table: sync_conflict", '"sync_conflict" does not exist'
    missing = rf"(Operational|Programming)Error: .*({sqlite_words}|{postgres_words})"

    err = cli("province", "package", "conflicts", code=1)
    assert len(err.splitlines()) == 1, err
    assert re.fullmatch(
        rf"Lỗi không lường trước: {missing}.* — chi tiết trong tệp nhật ký {re.escape(str(log_file))}\n", err
    ), err
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and re.search(missing, logged)

    verbose = cli("province", "--verbose", "package", "conflicts", code=1)
    assert "Traceback (most recent call last)" in verbose
    assert re.match(rf"Lỗi không lường trước: {missing}", verbose.splitlines()[-1])

    refused = cli("province", "package", "import", str(tmp_path / "nowhere.ocoppkg"), code=2)
    assert refused.startswith("Lỗi: Không mở được tệp") and len(refused.splitlines()) == 1


def test_a_wrong_fingerprint_is_refused_by_every_command_that_takes_one(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(capsys, tmp_path)
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = str(PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True).path)
    right = PackageService(pair.commune).own_keys().signing.readable
    enrollment = str(pair.send("enroll.ocoppkg"))  # the commune's, imported when the pair was linked
    before = data_listing(pair.province, skip=("logs",))

    for args in (
        ("verify", sent),
        ("import", sent, "--dry-run"),
        ("import", sent),
        ("verify", enrollment),
        ("import", enrollment, "--dry-run"),
        ("import", enrollment),
    ):
        err = cli("province", "package", *args, "--confirm-fingerprint", WRONG, code=2)
        assert "không khớp với khóa đã ký gói" in err and right in err, args
        assert data_listing(pair.province, skip=("logs",)) == before
    assert "Gói hợp lệ" in cli("province", "package", "verify", sent, "--confirm-fingerprint", right)
    out = cli("province", "package", "import", sent, "--confirm-fingerprint", right.replace(" ", ""))
    assert "Đã nhập gói" in out


def test_a_wrong_fingerprint_is_refused_by_the_evaluator_doors(
    offices: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(capsys, tmp_path)
    enroll(offices, "TV1")  # the laptop is trusted and linked: no confirmation is needed any more
    pack = next(offices.folder.glob("enroll-*.ocoppkg"))
    assignment = ProvinceEvaluatorPackages(offices.province).export_assignment(
        offices.round_id, "TV1", offices.folder / "a.ocoppkg"
    )
    link = ("--round", "2026-2", "--member", "TV1")
    for office, args in (
        ("province", ("import", str(pack), "--dry-run")),
        ("province", ("import", str(pack), *link)),
        ("evaluator", ("verify", str(assignment.path))),
        ("evaluator", ("import", str(assignment.path), "--dry-run")),
        ("evaluator", ("import", str(assignment.path))),
    ):
        err = cli(office, "package", *args, "--confirm-fingerprint", WRONG, code=2)
        assert "không khớp với khóa đã ký gói" in err, (office, args)
    right = PackageService(offices.province).own_keys().signing.readable
    assert "Đã nhập gói" in cli(
        "evaluator", "package", "import", str(assignment.path), "--confirm-fingerprint", right
    )


def test_a_wrong_fingerprint_is_refused_for_a_five_star_proposal_even_at_its_maker(
    offices: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    o = offices
    for member, total in zip(o.members, [95, 94, 96, 95, 93, 97, 95], strict=True):
        MemberScoreService(o.province).enter(
            o.round_id, o.dossiers[0], member, answers_for(sheet_of(), total, keep_floors=5)
        )
    AggregationService(o.province).aggregate_round(o.round_id)
    ResultService(o.province).propose(o.round_id)
    path = str(FiveStarProposalService(o.province).export(o.round_id, o.folder / "5sao.ocoppkg").path)
    cli = Cli(capsys, tmp_path)
    err = cli("province", "package", "verify", path, "--confirm-fingerprint", WRONG, code=2)
    assert "không khớp với khóa đã ký gói" in err
    right = PackageService(o.province).own_keys().signing.readable
    assert "chữ ký hợp lệ (chính máy này" in cli(
        "province", "package", "verify", path, "--confirm-fingerprint", right
    )


def _run_with_deadline(args: list[str], seconds: float, unblock: Path | None = None) -> int | None:
    """`main(args)` in a thread; None if it had not returned after `seconds` (then a writer opens the
    named pipe `unblock`, so that the stuck reader ends)."""
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(args)), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive() and unblock is not None:
        os.close(os.open(unblock, os.O_WRONLY))
        worker.join(30)
        return None
    return result[0] if result else None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize("command", [("inspect",), ("verify",), ("import", "--dry-run"), ("import",)])
def test_a_path_that_is_not_a_regular_file_is_refused_at_once(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    pipe = tmp_path / "pipe.ocoppkg"
    os.mkfifo(pipe)
    folder = tmp_path / "folder.ocoppkg"
    folder.mkdir()
    data = str(pair.province.paths.data_dir)
    before = data_listing(pair.province, skip=("logs",))
    for target in (pipe, folder, Path(os.devnull)):
        args = ["--data-dir", data, "package", command[0], str(target), *command[1:]]
        assert _run_with_deadline(args, 20, unblock=pipe if target == pipe else None) == 2, target
        err = capsys.readouterr().err
        assert err.startswith("Lỗi: ") and "không phải là một tệp gói" in err, err
        assert len(err.splitlines()) == 1
    assert data_listing(pair.province, skip=("logs",)) == before

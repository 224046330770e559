"""Several desks of a province office on one PostgreSQL database, each a real process with its own
data folder and officer (tests/services/province/test_concurrent_desks.py, benchmarks/concurrent_desks.py).

Each desk repeats random operations on shared records: edits that carry the revision the desk read
(a dossier section, a member's score sheet, a round's council name — each a counter: read n, write
n + 1) and numberings (a product's running number, a council member's TV number, a round number).
It logs what it was told: "won" (saved), "conflict" (a `ConflictError`) or the number it was given.
Anything else is logged as an error, for the test to show.
"""

from __future__ import annotations

import random
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import alembic.command  # noqa: F401  (opening a store on a server imports these lazily: here they are
import psycopg  # noqa: F401  imported once, in the fork server that starts the desks, not in each desk)
import sqlalchemy.dialects.postgresql.psycopg  # noqa: F401

import ocop_desktop.store.upgrade  # noqa: F401
from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.domain.products import ProductInput
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.officers import OfficerService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.services.province.councils import CouncilService, MemberInput
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.province.scores import MemberScoreService
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.services.registry.products import ProductService

EDITS = ("dossier", "sheet", "round")
NUMBERINGS = ("product", "member", "round_number")
NUMBER_YEAR = 2031  # the year whose rounds the desks number (the shared round is in 2026)


@dataclass(frozen=True)
class Shared:
    """The records every desk works on."""

    url: str
    dossier_id: str  # a draft: its section "mau01" field "position" is the counter
    round_id: str  # its council name is the counter; the sheet below is scored in it
    sheet_dossier_id: str
    member_id: str  # whose sheet's opinion is the counter
    answers: dict[str, int]
    producer_id: str  # products are numbered in its commune
    member_round_id: str  # members (TV numbers) are added to this round
    officers: list[str] = field(default_factory=list)  # one per desk


def prepare(ctx: AppContext, url: str, desks: int) -> Shared:
    """On the province's database: the shared records and one officer per desk."""
    from helpers.province import TODAY, answers_for, council, sent_dossier, sheet_of

    dossier_id = sent_dossier(ctx, "Cà phê Bàn Chung")
    InboxService(ctx, today=TODAY).accept(dossier_id)
    rounds = RoundService(ctx, today=TODAY)
    round_id = rounds.create(RoundInput(2026, 2)).row.id
    member_id = council(ctx, round_id)[0]
    rounds.assign(round_id, [dossier_id])
    answers = answers_for(sheet_of(), 80)
    MemberScoreService(ctx).enter(round_id, dossier_id, member_id, answers, opinion="0")
    CouncilService(ctx).configure(round_id, name="0")
    member_round = rounds.create(RoundInput(2026, 1)).row.id
    producer = ProducerService(ctx).create(
        ProducerInput(
            name="Hợp tác xã Nhiều Bàn",
            kind=ProducerKind.COOPERATIVE,
            commune_code="00004",
            address="Số 2 Đường Làng",
            tax_code="0101234568",
            phone="0912345679",
            representative="Lê Văn Bàn",
            representative_title="Giám đốc",
        )
    )
    draft = DossierService(ctx, today=TODAY).create(
        ProductService(ctx).create(ProductInput(producer.id, "Trà Bàn Chung", 13)).id, "first"
    )
    DossierService(ctx).save_section(
        draft.row.id, "mau01", {"position": "0"}, expected_revision=draft.row.revision
    )
    officers = OfficerService(ctx)
    names = [officers.add(f"Cán bộ Bàn {n + 1}").id for n in range(desks)]
    return Shared(
        url, draft.row.id, round_id, dossier_id, member_id, answers, producer.id, member_round, names
    )


Log = list[tuple[str, str, str]]


def desk_process(shared: Shared, desk: int, ops: int, seed: int, data_dir: str, start: Any, out: Any) -> None:
    """A desk in its own process: open, wait for the other desks (`start`, a barrier), work, put
    (desk, log) on `out`."""
    try:
        out.put((desk, run_desk(shared, desk, ops, seed, data_dir, start)))
    except BaseException:
        out.put((desk, [("open", "error", traceback.format_exc())]))
        raise


def run_desk(shared: Shared, desk: int, ops: int, seed: int, data_dir: str, start: Any = None) -> Log:
    """One desk's session: `ops` random operations; the log (operation, outcome, detail)."""
    entered = time.monotonic()
    ctx = open_app(AppPaths.for_data_dir(Path(data_dir)), database=shared.url)
    opened = time.monotonic() - entered
    ctx.officer_id = shared.officers[desk]
    ctx.forget_officer_name()
    pick = random.Random(seed)
    log: Log = []
    began = time.monotonic()
    try:
        if start is not None:
            start.wait(120)
        began = time.monotonic()
        for n in range(ops):
            op = pick.choice(EDITS + NUMBERINGS)
            try:
                log.append((op, *_do(ctx, shared, op, desk, n, pick)))
            except ConflictError as exc:
                log.append((op, "conflict", exc.message))
            except Exception:  # shown by the test, with the trace
                log.append((op, "error", traceback.format_exc()))
    finally:
        ctx.close()
    log.append(("time", "open", f"{opened:.3f}"))  # seconds
    log.append(("time", "work", f"{time.monotonic() - began:.3f}"))  # after the start
    return log


def _do(ctx: AppContext, shared: Shared, op: str, desk: int, n: int, pick: random.Random) -> tuple[str, str]:
    if op == "dossier":
        service = DossierService(ctx)
        d = service.get(shared.dossier_id)
        value = int(str(d.forms["mau01"]["position"])) + 1
        _pause(pick)
        service.save_section(
            shared.dossier_id, "mau01", {"position": str(value)}, expected_revision=d.row.revision
        )
        return "won", str(value)
    if op == "sheet":
        scores = MemberScoreService(ctx)
        state = scores.get(shared.round_id, shared.sheet_dossier_id, shared.member_id)
        value = int(state.opinion) + 1
        _pause(pick)
        scores.enter(
            shared.round_id,
            shared.sheet_dossier_id,
            shared.member_id,
            shared.answers,
            opinion=str(value),
            expected_revision=state.row.revision,
        )
        return "won", str(value)
    if op == "round":
        row = RoundService(ctx).get(shared.round_id).row
        value = int(row.council_name) + 1
        _pause(pick)
        CouncilService(ctx).configure(shared.round_id, name=str(value), expected_revision=row.revision)
        return "won", str(value)
    if op == "product":
        product = ProductService(ctx).create(
            ProductInput(shared.producer_id, f"Trà bàn {desk + 1} lần {n}", 13)
        )
        return "number", product.code
    if op == "member":
        member = CouncilService(ctx).add_member(
            shared.member_round_id, MemberInput(f"Thành viên {desk + 1}-{n}", "member", "Sở Nông nghiệp")
        )
        return "number", str(member.seq)
    created = RoundService(ctx, today=date(2026, 11, 20)).create(
        RoundInput(NUMBER_YEAR, None, cutoff=date(NUMBER_YEAR, 3, 1), finish=date(NUMBER_YEAR, 5, 1))
    )
    return "number", str(created.row.number)


def _pause(pick: random.Random) -> None:
    """A person's think time between reading and saving (up to 5 ms), so that desks overlap."""
    time.sleep(pick.random() * 0.005)

"""Builders for the evaluator package tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers.builders import pdf_file
from helpers.province import TODAY, answers_for, council, sent_dossier  # noqa: I001
from helpers.sync import open_installation
from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.evaluator.work import EvaluatorWorkService, SheetEditInput
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.store.blobs import BlobStore
from ocop_desktop.store.models import Attachment, Blob


@dataclass
class Offices:
    province: AppContext
    evaluator: AppContext
    folder: Path  # "the USB stick"
    round_id: str = ""
    members: list[str] = field(default_factory=list)
    dossiers: list[str] = field(default_factory=list)
    others: list[AppContext] = field(default_factory=list)

    def close(self) -> None:
        for ctx in (self.province, self.evaluator, *self.others):
            ctx.close()


def make_offices(tmp_path: Path, template: Path, database: str | None = None) -> Offices:
    """`database`: the province on that PostgreSQL database (the evaluator laptop keeps its file)."""
    province = open_installation(tmp_path / "province", template, "province", "01", "Trần Thị Bình", database)
    evaluator = open_installation(tmp_path / "evaluator", template, "evaluator", "01", "Trần Thị Nông")
    folder = tmp_path / "usb"
    folder.mkdir()
    made = Offices(province, evaluator, folder)
    ids = [sent_dossier(province, n) for n in ("Cà phê Năm Sao", "Cà phê Bốn Sao")]
    files = tmp_path / "files"
    files.mkdir()
    for i, d in enumerate(ids):
        InboxService(province, today=TODAY).accept(d)
        attach(province, d, pdf_file(files, f"evidence-{i}.pdf", pages=i + 1))
    rounds = RoundService(province, today=TODAY)
    made.round_id = rounds.create(RoundInput(2026, 2)).row.id
    made.members = council(province, made.round_id)
    rounds.assign(made.round_id, ids)
    made.dossiers = ids
    return made


def attach(ctx: AppContext, dossier_id: str, path: Path) -> None:
    """A scan the commune had attached (the dossier is already "sent", so written directly)."""
    stored = BlobStore(ctx.paths.blobs_dir).put_file(path)
    with ctx.unit_of_work() as s:
        if s.get(Blob, stored.sha256) is None:
            s.add(Blob(sha256=stored.sha256, size=stored.size, media_type="application/pdf"))
            s.flush()
        s.add(
            Attachment(dossier_id=dossier_id, blob_sha256=stored.sha256, filename=path.name, criteria="1.1")
        )


def other_evaluator(made: Offices, tmp_path: Path, template: Path, name: str) -> AppContext:
    ctx = open_installation(tmp_path / name, template, "evaluator", "01", name)
    made.others.append(ctx)
    return ctx


def enroll(made: Offices, member: str, evaluator: AppContext | None = None) -> None:
    """The evaluator's enrollment, confirmed at the province and linked to `member`."""
    laptop = evaluator or made.evaluator
    service = EvaluatorPackages(laptop)
    pack = service.export_enrollment(made.folder / f"enroll-{laptop.office().id[:8]}.ocoppkg")
    from ocop_desktop.services.sync.service import PackageService

    readable = PackageService(laptop).own_keys().signing.readable
    ProvinceEvaluatorPackages(made.province).import_enrollment(
        pack.path, made.round_id, member, confirm_fingerprint=readable
    )


def score_assigned(o: Offices, totals: list[int]) -> None:
    """Score each assigned dossier on the laptop to `totals`, checking drafts and conflicts on the way."""
    work = EvaluatorWorkService(o.evaluator)
    rows = work.dossiers()
    assert [r.product_name for r in rows] == ["Cà phê Năm Sao", "Cà phê Bốn Sao"]
    for row, total in zip(rows, totals, strict=True):
        d = work.dossier(row.dossier_id)
        assert d.evidence and d.evidence[0].path.is_file() and d.forms is not None
        assert work.evidence_path(row.dossier_id, d.evidence[0].sha256).read_bytes().startswith(b"%PDF")
        sheet = work.sheet(row.dossier_id)
        assert sheet.revision is None and not sheet.complete
        answers = answers_for(sheet.sheet, total, keep_floors=5 if total >= 90 else 4)
        first = dict(list(answers.items())[:3])
        draft = work.save_sheet(row.dossier_id, SheetEditInput(first))
        assert not draft.complete and draft.revision is not None
        with pytest.raises(ConflictError):
            work.save_sheet(row.dossier_id, SheetEditInput(answers), expected_revision=draft.revision + 5)
        done = work.save_sheet(
            row.dossier_id, SheetEditInput(answers, opinion="Đạt yêu cầu."), expected_revision=draft.revision
        )
        assert done.complete and done.result.total == total

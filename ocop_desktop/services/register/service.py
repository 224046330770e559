"""Register import as use cases: `preview` (the dry run, writes nothing) and `apply` (the same plan made
again inside one transaction, then written). A re-run of the same file plans nothing."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.register.columns import column_title
from ocop_desktop.domain.register.rows import ProductSets, RowContext, read_row
from ocop_desktop.progress import Progress, report
from ocop_desktop.services.core.legal_bases import legal_bases
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.register.known import Known
from ocop_desktop.services.register.planner import Outcome, Planner, RowPlan
from ocop_desktop.services.register.reader import RawRow, Table, read_table
from ocop_desktop.services.register.scope import Scope
from ocop_desktop.services.register.writer import write_ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

SECTION_ROW = "Dòng tiêu đề nhóm (chỉ một ô có chữ), không phải dữ liệu."

# The last file read, by content hash: "Nhập" right after the preview does not parse the file again
# (a fifth of the time of a 20,000-row register). Same bytes, same table.
_last_read: dict[str, Table] = {}


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    sha256: str
    sheet: str
    header_line: int
    columns: tuple[str, ...]  # recognised, as the template titles them
    ignored_columns: tuple[str, ...]
    rows: tuple[RowPlan, ...]

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(r.outcome.value for r in self.rows)
        return {o.value: found.get(o.value, 0) for o in Outcome}

    @property
    def writes(self) -> bool:
        return any(r.outcome in (Outcome.CREATE, Outcome.UPDATE) for r in self.rows)


class RegisterImportService:
    def __init__(self, ctx: AppContext, *, today: date | None = None) -> None:
        self._ctx = ctx
        self._today = today or date.today()

    def preview(self, path: Path, progress: Progress | None = None) -> ImportPreview:
        """The dry run: what each row would do. Nothing is written."""
        table, digest = self._read(path, progress)
        with self._ctx.read() as s:
            rows = self._plan(s, table, progress)[0]
        return _preview(path, digest, table, rows)

    def apply(
        self, path: Path, progress: Progress | None = None, *, expected_sha256: str = ""
    ) -> ImportPreview:
        """Write the rows that are not refused, in one transaction; returns what was done.
        `expected_sha256` (from the preview) refuses a file changed since the officer looked at it."""
        table, digest = self._read(path, progress)
        if expected_sha256 and digest != expected_sha256:
            raise UserError(f"Tệp {path.name} đã thay đổi sau khi xem trước. Hãy xem trước lại rồi mới nhập.")
        with self._ctx.unit_of_work() as s:
            rows, planner = self._plan(s, table, progress)
            write_ops(s, planner.ops, self._today, progress)
        _last_read.clear()  # imported: the next look at this file reads it afresh
        report(progress, 1.0, "Đã nhập xong.")
        return _preview(path, digest, table, rows)

    def _read(self, path: Path, progress: Progress | None) -> tuple[Table, str]:
        report(progress, 0.0, f"Đọc {path.name}…")
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise UserError(f"Không đọc được tệp {path}: {exc.strerror or exc}.") from exc
        table = _last_read.get(digest)
        if table is None:
            table = read_table(path)
            _last_read.clear()
            _last_read[digest] = table
        return table, digest

    def _plan(self, s: Session, table: Table, progress: Progress | None) -> tuple[list[RowPlan], Planner]:
        office = self._ctx.office()
        rules = RuleService()
        ruleset = rules.in_force(self._today)
        sets = {ps.number: (ps.code, ps.name) for ps in ruleset.product_sets()}
        context = RowContext(legal_bases(), ProductSets.of(sets), self._today)
        planner = Planner(
            Scope(s, office.role, office.unit_code),
            Known.load(s),
            ruleset_id=ruleset.id,
            set_names={n: name for n, (_, name) in sets.items()},
            today=self._today,
        )
        plans: list[RowPlan] = []
        total = max(len(table.rows), 1)
        for i, raw in enumerate(table.rows):
            if i % 250 == 0:
                report(progress, 0.1 + 0.5 * i / total, f"Kiểm tra dòng {raw.line}…")
            plans.append(_section(raw) or planner.plan(read_row(raw.line, raw.cells, context)))
        return plans, planner


def _section(raw: RawRow) -> RowPlan | None:
    """A row with one filled cell is a group title ("Huyện Krông Pa", "I. Thực phẩm"), not a record."""
    if raw.filled > 1:
        return None
    text = next((str(c) for c in raw.cells.values() if c is not None and str(c).strip()), "")
    return RowPlan(raw.line, Outcome.SKIP, text, "", "", None, (SECTION_ROW,))


def _preview(path: Path, digest: str, table: Table, rows: list[RowPlan]) -> ImportPreview:
    return ImportPreview(
        path.name,
        digest,
        table.sheet,
        table.header_line,
        tuple(column_title(k) for k in table.headers.positions),
        table.headers.ignored + table.headers.repeated,
        tuple(rows),
    )

"""`store.batch.write_changed`: many changed records written by one UPDATE as the flush would write them
one by one — each stamped (revision + 1, time, office, officer), each logged (the chain still verifies,
one entry per changed record, only the fields that changed), and refused whole when another desk changed
one of them since it was read. On the SQLite file; on PostgreSQL with `pytest --engine postgres`."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.store.audit import verify
from ocop_desktop.store.batch import write_changed
from ocop_desktop.store.models import AuditEntry, Producer


def _producers(ctx: AppContext, n: int) -> list[str]:
    made = ProducerInput
    service = ProducerService(ctx)
    kind = ProducerKind.COOPERATIVE
    return [
        service.create(made(f"HTX số {k}", kind, "00070", address="Số 1", representative="A")).id
        for k in range(n)
    ]


def test_every_changed_record_is_stamped_and_logged(ctx: AppContext) -> None:
    ids = _producers(ctx, 3)
    with ctx.read() as s:
        before = {p.id: p.revision for p in s.scalars(select(Producer).where(Producer.id.in_(ids)))}
        last = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
    with ctx.unit_of_work() as s:
        rows = list(s.scalars(select(Producer).where(Producer.id.in_(ids)).order_by(Producer.name)))
        rows[0].phone, rows[1].phone = "0900000001", "0900000002"  # the third is left as it was
        write_changed(s, rows)
        assert rows[0] not in s and rows[2] in s  # the written ones left the session
    with ctx.read() as s:
        after = {p.id: p for p in s.scalars(select(Producer).where(Producer.id.in_(ids)))}
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.seq > (last or 0))))
        assert verify(s.connection()).ok
    changed = [rows[0].id, rows[1].id]
    assert [after[i].phone for i in changed] == ["0900000001", "0900000002"]
    assert all(after[i].revision == before[i] + 1 for i in changed)
    assert after[rows[2].id].revision == before[rows[2].id]
    assert all(after[i].updated_by_officer_id == ctx.officer_id for i in changed)
    assert sorted(e.record_id for e in entries) == sorted(changed)
    assert all(e.action == "update" and "phone" in (e.after or "") for e in entries)
    assert all("name" not in (e.after or "") for e in entries)  # only what changed


def test_a_record_changed_meanwhile_refuses_the_whole_write(ctx: AppContext) -> None:
    ids = _producers(ctx, 2)
    with pytest.raises(ConflictError), ctx.unit_of_work() as s:
        rows = list(s.scalars(select(Producer).where(Producer.id.in_(ids))))
        for row in rows:
            row.phone = "0911111111"
        # another desk saved the second one after it was read: its revision moved on (a raw write)
        s.connection().execute(
            text("UPDATE producer SET revision = revision + 1 WHERE id = :id"), {"id": rows[1].id}
        )
        write_changed(s, rows)
    with ctx.read() as s:
        phones = set(s.scalars(select(Producer.phone).where(Producer.id.in_(ids))))
    assert "0911111111" not in phones  # nothing of it was written

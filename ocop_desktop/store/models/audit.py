"""The audit log: every change to an audited record, chained by SHA-256 (docs/officers-and-audit.md).

An entry is written in the same transaction as the change it records (`store.audit.recorder`). Its
`hash` is SHA-256 of the previous entry's hash and the canonical JSON of its own fields, so that an
entry edited, deleted or moved with a tool other than the app breaks the chain at that place.
`row_hash` is the hash of the record's whole state after the change (`before_hash`: before it), so
that a record edited outside the app no longer matches its last entry.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_record", "table_name", "record_id", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32), nullable=False)  # ISO UTC text: hashed exactly as stored
    office_id: Mapped[str | None] = mapped_column(String(36))  # imports: the sending office
    officer_id: Mapped[str | None] = mapped_column(String(36))
    officer_name: Mapped[str] = mapped_column(String(120), nullable=False)
    source: Mapped[str] = mapped_column(String(8), nullable=False)  # app | import | bulk | baseline
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    record_id: Mapped[str] = mapped_column(String(80), nullable=False)
    dossier_id: Mapped[str | None] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(8), nullable=False)  # insert | update | delete | seal
    before: Mapped[str | None] = mapped_column(Text)  # JSON: the fields that changed, as they were
    after: Mapped[str | None] = mapped_column(Text)  # JSON: the fields that changed, as they are now
    before_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


class AuditState(Base):
    """Small facts about the log: whether the records that predate it have been sealed yet."""

    __tablename__ = "audit_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), nullable=False)

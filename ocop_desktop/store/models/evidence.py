"""Evidence files: content-addressed blobs and their attachment to dossiers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, Tracked, fk, utcnow


class Blob(Base):
    """A file's bytes, stored once under blobs/ by SHA-256 and never modified."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    media_type: Mapped[str] = mapped_column(String(60), nullable=False)
    pages: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)


class Attachment(Tracked, Base):
    """A blob attached to a dossier under a file name, linked to a checklist item and/or criteria."""

    __tablename__ = "attachment"
    __table_args__ = (UniqueConstraint("dossier_id", "blob_sha256", name="dossier_blob"),)

    dossier_id: Mapped[str] = fk("dossier.id", ondelete="CASCADE")
    blob_sha256: Mapped[str] = mapped_column(
        String(64), ForeignKey("blob.sha256"), nullable=False, index=True
    )
    filename: Mapped[str] = mapped_column(String(255), nullable=False)
    checklist_key: Mapped[str | None] = mapped_column(String(40))
    criteria: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # "1.1 3.5"

"""The outbox: every package this office writes, waiting to be uploaded to the province's mailbox (a
bucket on S3-compatible storage), with what a resumed upload needs to continue where it stopped."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, new_uuid, utcnow

QUEUED, UPLOADING, UPLOADED, FAILED = "queued", "uploading", "uploaded", "failed"


class OutboxItem(Base):
    """One package file to upload. `state`: queued → uploading (an `upload_id` and the `parts` the
    server acknowledged) → uploaded; `failed` holds a non-transient error until someone acts. "Receipt
    received" is not stored twice: it is the package's `sync_package.acknowledged_at`."""

    __tablename__ = "mailbox_outbox"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    package_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    recipient_office_id: Mapped[str | None] = mapped_column(String(36))  # None: every office (broadcast)
    path: Mapped[str] = mapped_column(Text, nullable=False)  # where the export published the file
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    manifest_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    state: Mapped[str] = mapped_column(String(12), default=QUEUED, nullable=False, index=True)
    object_key: Mapped[str | None] = mapped_column(String(255))  # fixed once an upload starts
    upload_id: Mapped[str | None] = mapped_column(Text)
    part_size: Mapped[int] = mapped_column(BigInteger, default=0, nullable=False)
    # [{"n": 1, "etag": "…", "size": 5242880}, …]: parts the server acknowledged, in order
    parts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    bytes_sent: Mapped[int] = mapped_column(BigInteger, default=0, nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_error: Mapped[str] = mapped_column(Text, default="", nullable=False)  # plain Vietnamese
    queued_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    uploaded_at: Mapped[datetime | None] = mapped_column()
    etag: Mapped[str | None] = mapped_column(String(80))  # of the finished object

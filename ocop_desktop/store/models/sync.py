"""Sync bookkeeping: packages sent and received, per-dossier sync state, conflicts kept for
review, and which attachment blobs each peer office has acknowledged holding."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, new_uuid, utcnow


class SyncPackage(Base):
    """A package this office wrote (`out`) or imported (`in`). The id is the package's UUID."""

    __tablename__ = "sync_package"
    __table_args__ = (Index("ix_sync_package_sender_seq", "sender_office_id", "sequence"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3), nullable=False)  # out | in
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    sender_office_id: Mapped[str] = mapped_column(String(36), nullable=False)
    peer_office_id: Mapped[str | None] = mapped_column(
        String(36), index=True
    )  # None: broadcast reference pack
    sequence: Mapped[int] = mapped_column(BigInteger, nullable=False)  # any number a manifest may carry
    manifest_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    previous_sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40), nullable=False)  # as written in the manifest
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), default="", nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, default=0, nullable=False)
    dossier_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    blob_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    outcomes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    receipt: Mapped[bytes | None] = mapped_column(LargeBinary)  # in: the receipt issued, re-issued as is
    receipt_package_id: Mapped[str | None] = mapped_column(String(36))
    acknowledged_at: Mapped[datetime | None] = mapped_column()  # out: when the peer's receipt came back


class SyncDossierState(Base):
    """Where a dossier stands with its peer office.

    A dossier has two parts with one owner each: the commune part (producer, product, forms,
    checklist, attachments, self-assessment) and the province part (acceptance, return with
    reasons, decision, certificates). The owner numbers its part: `own_version` goes up at export
    when the part's hash differs from `own_hash`. The other side remembers the version it applied
    (`peer_version`, `peer_hash` as received) and the hash of its local copy right after applying
    (`peer_local_hash`), which tells a later local edit apart from an untouched copy.
    """

    __tablename__ = "sync_dossier_state"

    dossier_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True
    )
    peer_office_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    own_part: Mapped[str] = mapped_column(String(12), nullable=False)  # commune | province
    own_version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    own_hash: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    acked_version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    peer_version: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    peer_hash: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    peer_local_hash: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    last_sent_package_id: Mapped[str | None] = mapped_column(String(36))
    last_received_package_id: Mapped[str | None] = mapped_column(String(36))
    last_outcome: Mapped[str] = mapped_column(
        String(16), default="", nullable=False
    )  # from the peer's receipt
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)


class SyncConflict(Base):
    """An incoming dossier part that was not applied because it crossed a local change."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    dossier_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    package_id: Mapped[str] = mapped_column(String(36), nullable=False)
    peer_office_id: Mapped[str] = mapped_column(String(36), nullable=False)
    part: Mapped[str] = mapped_column(String(12), nullable=False)
    reason: Mapped[str] = mapped_column(String(32), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    incoming_version: Mapped[int] = mapped_column(Integer, nullable=False)
    local_version: Mapped[int] = mapped_column(Integer, nullable=False)
    incoming: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    detected_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column()
    resolution: Mapped[str | None] = mapped_column(String(16))  # take_incoming | keep_local
    resolved_by_officer_id: Mapped[str | None] = mapped_column(String(36))


class SyncPeerBlob(Base):
    """A blob a peer office said (in a receipt) that it holds: it is never sent to that peer again."""

    __tablename__ = "sync_peer_blob"

    peer_office_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    acknowledged_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)

"""This installation (the office), its officers and its keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ocop_desktop.store.base import Base, Tracked, fk, utcnow


class Office(Tracked, Base):
    """An office: this installation (`is_self`) or a peer office we know from packages."""

    __tablename__ = "office"
    __table_args__ = (CheckConstraint("role IN ('commune', 'province', 'evaluator')", name="role"),)

    role: Mapped[str] = mapped_column(String(12), nullable=False)
    unit_code: Mapped[str] = mapped_column(String(8), ForeignKey("admin_unit.code"), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    is_self: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class Officer(Tracked, Base):
    """A person who uses the app in an office; every action records which one."""

    __tablename__ = "officer"

    office_id: Mapped[str] = fk("office.id")
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    title: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    # The administrator manages officers, settings and keys; the first officer is one.
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    # scrypt$n$r$p$salt$hash (services.core.officers); a PIN is accountability on a shared PC, not security.
    pin_hash: Mapped[str | None] = mapped_column(String(200))


class KeyRecord(Base):
    """A public key of an office. The private half of our own keys lives in the key store,
    encrypted at rest, never in the database.

    A key an office replaced (a lost PC: docs/sync-package.md §5) is kept, not deleted: no longer
    trusted, with when, by which officer and by which package it was retired, so that the change
    can be audited and shown. A retired key is never trusted again."""

    __tablename__ = "key_record"
    __table_args__ = (CheckConstraint("purpose IN ('signing', 'encryption')", name="purpose"),)

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_id: Mapped[str] = fk("office.id")
    purpose: Mapped[str] = mapped_column(String(12), nullable=False)
    algorithm: Mapped[str] = mapped_column(String(16), nullable=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(64), nullable=False)
    trusted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, nullable=False)
    retired_at: Mapped[datetime | None] = mapped_column()
    retired_by_officer_id: Mapped[str | None] = mapped_column(String(36))
    retired_by_package_id: Mapped[str | None] = mapped_column(String(36))


class OfficeKeyVault(Tracked, Base):
    """This office's private keys sealed under the office passphrase (`ocoppkg.vault`), so that the
    other desks of a province office on the same database server can install them; the server only
    ever holds the sealed bytes. One per office; replaced when the keys change."""

    __tablename__ = "office_key_vault"

    office_id: Mapped[str] = mapped_column(String(36), ForeignKey("office.id"), nullable=False, unique=True)
    signing_fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)  # what the desks check
    salt: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    scrypt_n: Mapped[int] = mapped_column(Integer, nullable=False)
    scrypt_r: Mapped[int] = mapped_column(Integer, nullable=False)
    scrypt_p: Mapped[int] = mapped_column(Integer, nullable=False)
    nonce: Mapped[bytes] = mapped_column(LargeBinary(12), nullable=False)
    sealed: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)

"""Builders for the identity tests: hostile packs that reuse another office's id, signed with
the attacker's own key, and the state of an installation that a refusal must leave unchanged."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from helpers.package_surgery import resign
from helpers.sync import blob_files, db_state
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import KeyRecord


def signing_key(ctx: AppContext) -> Ed25519PrivateKey:
    return KeyStore(ctx.paths.keys_dir).signing_key()


def readable(ctx: AppContext) -> str:
    return PackageService(ctx).own_keys().signing.readable


def claiming(pack: Path, key: Ed25519PrivateKey, victim: AppContext, target: Path, **changes: str) -> Path:
    """The attacker's own enrollment/reference pack, signed with its own key, rewritten to carry the
    victim's office id, name, unit and role (the id is in clear in every manifest the victim sends),
    except for `changes` (name=, unit_code=, role=)."""
    me = victim.office()
    office = {"office_id": me.id, "name": me.name, "unit_code": me.unit_code, "role": me.role, **changes}

    def sender(m: dict[str, Any]) -> None:
        m["sender"].update(office)

    def payload(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        out = []
        for name, data in items:
            if name == fmt.PAYLOAD:
                doc = json.loads(data)
                doc["office"].update(office)
                data = json.dumps(doc, ensure_ascii=False).encode()
            out.append((name, data))
        return out

    target.write_bytes(resign(pack.read_bytes(), key, sender, payload, relist=True))
    return target


def listing(ctx: AppContext) -> dict[str, str]:
    """Every file and folder of the data folder with its content's hash; the database files are
    compared by `db_state` (a read may touch its -wal/-shm files without changing anything)."""
    root = ctx.paths.data_dir
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
        if not p.name.startswith(ctx.paths.db_path.name)
    }


def state(ctx: AppContext) -> tuple[str, set[str], dict[str, str]]:
    return db_state(ctx), blob_files(ctx), listing(ctx)


def refused(code: str, call: Callable[[], object], ctx: AppContext) -> str:
    """`call` is refused with `code` and changes nothing at `ctx`; returns the message."""
    before = state(ctx)
    with pytest.raises(PackageRefused) as info:
        call()
    assert info.value.code == code, info.value.message
    assert state(ctx) == before
    return info.value.message


def trusted_keys(ctx: AppContext, office_id: str) -> dict[str, KeyRecord]:
    with ctx.read() as s:
        rows = s.scalars(select(KeyRecord).where(KeyRecord.office_id == office_id)).all()
        s.expunge_all()
        return {k.fingerprint: k for k in rows}

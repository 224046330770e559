"""Builders and checks for the ownership tests: communes A and B of one province (A sends hostile
packages), and a refusal that changes nothing, in the dry run and the import."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers.package_surgery import edit_records
from helpers.sync import Pair, blob_files, db_state, link, open_installation, ready_dossier
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Dossier, Producer, Product


def snapshot(ctx: AppContext) -> tuple[object, ...]:
    """The database (file hash after a WAL checkpoint), the blob store and every file of the data
    folder with its size: a refusal must leave all three exactly as they were."""
    state = db_state(ctx)
    root = ctx.paths.data_dir
    listing = sorted(
        (str(p.relative_to(root)), p.stat().st_size if p.is_file() else -1) for p in root.rglob("*")
    )
    return state, blob_files(ctx), listing


def refused(ctx: AppContext, path: Path, code: str, *words: str) -> str:
    """Both doors refuse `path` with `code` and a message naming the record; nothing changes."""
    before = snapshot(ctx)
    usb = sorted(p.name for p in path.parent.iterdir())
    service = PackageService(ctx)
    for attempt in (service.preview, service.import_package):
        with pytest.raises(PackageRefused) as info:
            attempt(path)
        message = info.value.message
        assert info.value.code == code, message
        assert all(w in message for w in words), message
        assert message.endswith("Không có gì thay đổi trên máy này.")
    assert snapshot(ctx) == before
    assert sorted(p.name for p in path.parent.iterdir()) == usb  # no receipt was written
    return message


A_UNIT = "00073"  # Phường Cửa Nam, Hà Nội: commune A, the sender of the hostile packages
B_UNIT = "00070"  # Phường Hoàn Kiếm, Hà Nội: commune B (the `pair` fixture's commune)
ELSEWHERE = "26506"  # Phường Vũng Tàu, Thành phố Hồ Chí Minh: a commune of another province


class Three:
    """Communes A and B of one province, both enrolled there; B has a dossier at the province. Not a
    dataclass: hypothesis prints a dataclass argument field by field, and these fields are large."""

    def __init__(self, pair: Pair, a: AppContext, b_dossier: str, a_package: bytes, tmp: Path) -> None:
        self.pair, self.a, self.b_dossier, self.tmp = pair, a, b_dossier, tmp
        self.a_package = a_package  # A's genuine submission (not imported yet)

    def __repr__(self) -> str:
        return f"Three(b_dossier={self.b_dossier!r}, tmp={str(self.tmp)!r})"

    @property
    def province(self) -> AppContext:
        return self.pair.province

    def from_a(self, name: str, change: Callable[[dict[str, Any]], None], manifest: Any = None) -> Path:
        """A's submission with every record changed by `change`, signed again with A's key."""
        recipient = KeyStore(self.province.paths.keys_dir).encryption_key()
        signer = KeyStore(self.a.paths.keys_dir).signing_key()
        path = self.pair.send(name)
        path.write_bytes(edit_records(self.a_package, signer, recipient, change, manifest))
        return path

    def b_row(self, model: type[Producer] | type[Product] | type[Dossier]) -> Any:
        with self.province.read() as s:
            d = s.get(Dossier, self.b_dossier)
            assert d is not None
            product = s.get(Product, d.product_id)
            assert product is not None
            return {Dossier: d, Product: product, Producer: s.get(Producer, product.producer_id)}[model]


def make_three(pair: Pair, tmp_path: Path, template: Path) -> Three:
    """B's dossier imported at the province; commune A of the same province enrolled there, with a
    dossier of its own exported (not imported)."""
    b_dossier = ready_dossier(pair.commune, tmp_path / "b")
    PackageService(pair.province).import_package(
        PackageService(pair.commune).export_dossiers(pair.send("b1.ocoppkg"), pending=True).path
    )
    a = open_installation(tmp_path / "a", template, "commune", A_UNIT, "Phạm Văn Cường")
    link(a, pair.province, pair.folder)
    ready_dossier(a, tmp_path / "a-scans", commune=A_UNIT, producer="HTX Cửa Nam", product="Trà sen Cửa Nam")
    package = PackageService(a).export_dossiers(tmp_path / "a1.ocoppkg", pending=True).path.read_bytes()
    return Three(pair, a, b_dossier, package, tmp_path)


def move_record(rec: dict[str, Any], dossier_id: str, *, renumber: bool = False) -> None:
    """The record re-addressed to another dossier id (every row that names it). `renumber`: a
    genuinely new dossier of A's (its rows get new ids and the receipt number is left out, as a copy
    made at the commune would)."""
    data = rec["data"]
    rec["dossier_id"] = data["dossier"]["id"] = dossier_id
    if renumber:
        data["dossier"]["receipt_number"] = None
    sheet = [data["self_assessment"]] if data["self_assessment"] else []
    for row in (*data["checklist"], *data["attachments"], *rec["events"], *sheet):
        row["dossier_id"] = dossier_id
        if renumber:
            row["id"] = str(uuid.uuid5(uuid.UUID(dossier_id), row["id"]))

"""Demo data at commune scale: real communes, the same rows for the same seed, dossiers at several
stages of the commune's lifecycle."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from helpers.sync import open_installation
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.demo.load import SCALES, load_demo_data
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.models import Producer, Product


def _names(ctx: AppContext) -> list[tuple[str, str]]:
    with ctx.read() as s:
        return [
            (name, commune)
            for name, commune in s.execute(
                select(Product.name, Producer.commune_code)
                .join(Producer, Producer.id == Product.producer_id)
                .order_by(Product.code)
            )
        ]


def test_commune_demo_is_reproducible(tmp_path: Path, _template_dir: Path) -> None:
    first = open_installation(tmp_path / "a", _template_dir, "commune", "00070", "Nguyễn Văn An")
    second = open_installation(tmp_path / "b", _template_dir, "commune", "00070", "Nguyễn Văn An")
    try:
        summary = load_demo_data(first, seed=7)
        assert (summary["producers"], summary["products"]) == SCALES["commune"]
        assert summary["dossiers"] == 6  # one per stage, up to "commune checked"
        load_demo_data(second, seed=7)
        assert _names(first) == _names(second)
        assert {commune for _, commune in _names(first)} == {"00070"}
        statuses = {r.status for r in DossierService(first).search()}
        assert {"draft", "commune_checked"} <= statuses
    finally:
        first.close()
        second.close()

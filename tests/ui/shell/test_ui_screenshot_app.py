"""Screenshots render real windows; the GUI start refuses a data folder it cannot open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.services.registry.producers import ProducerService
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.shell import app as ui_app
from ocop_desktop.ui.shell.screenshot import take_screenshot


def test_screenshot_of_the_producers_page(qapp, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ProducerService(ctx).create(
        ProducerInput("Hợp tác xã Rau sạch", ProducerKind.COOPERATIVE, "00070", representative="Lê Văn Tám")
    )
    out = take_screenshot(ctx, str(tmp_path / "shot.png"), "producers", (900, 600))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)


def test_screenshot_of_a_store_not_set_up_shows_the_wizard(qapp, empty_ctx, tmp_path: Path) -> None:
    out = take_screenshot(empty_ctx, str(tmp_path / "wizard.png"), "producers", (640, 480))
    assert QImage(str(out)).width() == 640


def test_run_refuses_a_file_that_is_not_a_database(qapp, paths, messages, monkeypatch) -> None:
    monkeypatch.setattr(errors, "install_excepthook", lambda: None)  # keep pytest-qt's hook
    paths.db_path.write_bytes(b"not a database at all")
    assert ui_app.run(paths) == 2
    assert "không phải là cơ sở dữ liệu" in messages.texts("warn")[0]


def test_fonts_are_bundled_and_registered(qapp) -> None:  # type: ignore[no-untyped-def]
    assert ui_app.register_fonts()
    assert qapp.font().family() == ui_app.FONT_FAMILY
    assert qapp.style().name().lower() == "fusion"

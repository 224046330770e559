"""Printing UI tests: a configured QApplication, messages recorded instead of shown, nothing
handed to the system viewer, printers that write PDF files instead of the print dialog, and no
window or background job left behind."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.shell.app import configure_application
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.printing import output, printer
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ui_support import recorded_messages, type_unicode

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the dossier builders


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp: QApplication) -> QApplication:
    return configure_application(qapp)


@pytest.fixture(autouse=True)
def messages(qapp: QApplication) -> Iterator[errors.RecordingSink]:
    """What would have been shown in message boxes; questions are answered "yes"."""
    yield from recorded_messages(qapp, wait_ms=30_000)


@pytest.fixture(autouse=True)
def viewer(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files handed to the system PDF viewer (nothing is launched in tests)."""
    paths: list[Path] = []
    monkeypatch.setattr(output, "open_in_system_viewer", lambda path: paths.append(Path(path)) or True)
    return paths


def pdf_printer(out: Path) -> QPrinter:
    """A printer writing a PDF file, set up as the print dialog leaves a real one."""
    p = printer.new_printer()
    p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    p.setOutputFileName(str(out))
    p.setResolution(150)  # enough to check; 300 dpi costs 4× the time
    return p


@pytest.fixture
def make_printer() -> Callable[[Path], QPrinter]:
    return pdf_printer


@pytest.fixture
def print_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Replaces the modal print dialog: every print goes to a new PDF file, listed here."""
    outputs: list[Path] = []

    def choose(parent, page_count, current_page=1, printer_=None):  # type: ignore[no-untyped-def]
        outputs.append(tmp_path / f"printed-{len(outputs) + 1}.pdf")
        return pdf_printer(outputs[-1])

    monkeypatch.setattr(printer, "choose_printer", choose)
    return outputs


@pytest.fixture
def ctx(ctx):  # type: ignore[no-untyped-def]
    """The shared `ctx`, closed only after background jobs using it have ended."""
    yield ctx
    wait_for_tasks(30_000)

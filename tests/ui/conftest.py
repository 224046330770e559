"""UI test fixtures for every folder under tests/ui: a configured QApplication, messages recorded
instead of shown, no leaked windows or background jobs, and typing Vietnamese without QTest (whose
keyClicks aborts on non-ASCII text). Stores are closed only after the jobs using them have ended."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from helpers.evaluator import Offices
from helpers.qt import recorded_messages, type_unicode
from helpers.sync import Pair
from ocop_desktop.ui.kit import errors, system_open
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ocop_desktop.ui.printing import printer
from ocop_desktop.ui.shell.app import configure_application

JOBS_MS = 30_000  # how long a test's background jobs may take to end before the test fails


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp: QApplication) -> QApplication:
    return configure_application(qapp)


@pytest.fixture(autouse=True)
def messages(qapp: QApplication) -> Iterator[errors.RecordingSink]:
    """What would have been shown in message boxes; questions are answered "yes"."""
    yield from recorded_messages(qapp, wait_ms=JOBS_MS)


@pytest.fixture(autouse=True)
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files and folders handed to the system viewer (nothing is launched in tests)."""
    paths: list[Path] = []
    monkeypatch.setattr(system_open, "open_path", lambda path: paths.append(Path(path)) or True)
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
def choose(qtbot):  # type: ignore[no-untyped-def]
    """choose(combo, data): pick an item with the keyboard, as a person would."""

    def pick(combo: QComboBox, data: object) -> None:
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentData() == data:
                return
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentData() == data, f"{data!r} is not in the list"

    return pick


@pytest.fixture(name="type_unicode")
def type_unicode_fixture() -> Callable[[QWidget, str], None]:
    """`type_unicode(widget, "Hợp tác xã")`: key events carrying the characters."""
    return type_unicode


@pytest.fixture
def ctx(ctx):  # type: ignore[no-untyped-def]
    """The shared `ctx`, closed only after background jobs using it have ended."""
    yield ctx
    wait_for_tasks(JOBS_MS)


@pytest.fixture
def empty_ctx(empty_ctx):  # type: ignore[no-untyped-def]
    yield empty_ctx
    wait_for_tasks(JOBS_MS)


@pytest.fixture
def pair(pair: Pair) -> Iterator[Pair]:
    yield pair
    wait_for_tasks(JOBS_MS)


@pytest.fixture
def offices(offices: Offices) -> Iterator[Offices]:
    yield offices
    wait_for_tasks(JOBS_MS)

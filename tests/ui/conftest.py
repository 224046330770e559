"""UI test fixtures: a configured QApplication, messages recorded instead of shown, no leaked
windows, and typing Vietnamese without QTest (whose keyClicks aborts on non-ASCII text)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.shell.app import configure_application
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ui_support import recorded_messages, type_unicode


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp: QApplication) -> QApplication:
    return configure_application(qapp)


@pytest.fixture(autouse=True)
def messages(qapp: QApplication) -> Iterator[errors.RecordingSink]:
    """What would have been shown in message boxes; questions are answered "yes"."""
    yield from recorded_messages(qapp, wait_ms=5000)


@pytest.fixture(name="type_unicode")
def type_unicode_fixture() -> Callable[[QWidget, str], None]:
    """`type_unicode(widget, "Hợp tác xã")`: key events carrying the characters."""
    return type_unicode


@pytest.fixture
def ctx(ctx):  # type: ignore[no-untyped-def]
    """The shared `ctx`, closed only after background jobs using it have ended."""
    yield ctx
    wait_for_tasks(5000)


@pytest.fixture
def empty_ctx(empty_ctx):  # type: ignore[no-untyped-def]
    yield empty_ctx
    wait_for_tasks(5000)

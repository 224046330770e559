"""The user guide's window: the pages (or what the search box found) on the left, the page on the
right, links between pages followed inside the window. One window per main window, brought to the
front by F1 at the page of the guide for the page the officer is on (`help_pages.page_for`).

The guide is Vietnamese in both interface languages: it is written for the officers of a
Vietnamese office (the window's own buttons follow the interface language)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.text import fold
from ocop_desktop.ui.kit import help_pages
from ocop_desktop.ui.kit.clear_button import with_clear_button

NAME_ROLE = Qt.ItemDataRole.UserRole


class HelpWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.current = ""
        self.search = QLineEdit()
        self.search.setObjectName("helpSearch")
        with_clear_button(self.search)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._open_first)
        self.list = QListWidget()
        self.list.setObjectName("helpPages")
        self.list.itemActivated.connect(self._open_item)
        self.list.currentItemChanged.connect(lambda item, _old: item is not None and self._open_item(item))
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)
        self.browser.setSearchPaths([str(help_pages.help_dir())])  # the pictures: img/….png
        self.browser.anchorClicked.connect(self._follow)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.found)
        column.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence("Esc"), self, self.close)
        self.search.installEventFilter(self)
        self.retranslate()
        self._filter("")
        self.resize(1000, 680)

    # -- what is shown --------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        """Show the guide's page `name` (the index if there is none by that name)."""
        try:
            page = help_pages.page(name)
        except KeyError:
            page = help_pages.page(help_pages.INDEX)
        self.current = page.name
        self.browser.setMarkdown(page.text)
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng — %1").replace("%1", page.title))
        self._select(page.name)
        if self.search.text().strip():
            self._scroll_to(self.search.text())

    def open_at(self, name: str) -> None:
        """F1: show `name` and bring the window to the front."""
        self.show_page(name)
        if self.isVisible():
            self.raise_()  # already open behind the main window: bring it to the front
            self.activateWindow()
        else:
            self.show()

    def _select(self, name: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(NAME_ROLE) == name and self.list.currentRow() != row:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)

    def _filter(self, query: str) -> None:
        hits = help_pages.search(query)
        self.list.blockSignals(True)
        self.list.clear()
        for page in hits:
            item = QListWidgetItem(page.title)
            item.setData(NAME_ROLE, page.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if query.strip():
            self.found.setText(
                self.tr("%1 trang có “%2”").replace("%1", str(len(hits))).replace("%2", query.strip())
                if hits
                else self.tr("Không trang nào có “%1”. Thử gõ ít chữ hơn.").replace("%1", query.strip())
            )
        self.found.setVisible(bool(query.strip()))
        self._select(self.current)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.show_page(str(item.data(NAME_ROLE)))

    def _open_first(self) -> None:
        if self.list.count():
            self._open_item(self.list.item(0))

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.endswith(".md"):
            self.show_page(target.rsplit("/", 1)[-1].removesuffix(".md"))

    def _scroll_to(self, query: str) -> None:
        """Select the first paragraph holding the searched words and bring it into view (diacritics
        ignored)."""
        words = fold(query).split()
        tests = [lambda text: " ".join(words) in text, lambda text: all(w in text for w in words)]
        for holds in tests if words else []:  # the words together first, then anywhere in a paragraph
            block = self.browser.document().begin()
            while block.isValid():
                if holds(fold(block.text())):
                    cursor = QTextCursor(block)
                    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                    self.browser.setTextCursor(cursor)
                    self.browser.ensureCursorVisible()
                    return
                block = block.next()

    # -- keyboard and language ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """↓ from the search box goes to the list of pages."""
        if watched is self.search and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down:
            if self.list.count():
                self.list.setFocus()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Tìm trong hướng dẫn (gõ không dấu cũng được)"))
        self.search.setToolTip("Ctrl+F · ↓")
        if self.current:
            self.show_page(self.current)
        else:
            self.setWindowTitle(self.tr("Hướng dẫn sử dụng"))
        self._filter(self.search.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def show_help(widget: QWidget, page: str) -> HelpWindow:
    """F1 from any window: the guide at `page`, in the one help window of `widget`'s main window
    (a child of it, so it closes with the application)."""
    root = widget
    while root.parentWidget() is not None:
        root = root.parentWidget()
    window = root.findChild(HelpWindow)
    if window is None:
        window = HelpWindow(root)
    window.open_at(page)
    return window


def dialog_help(dialog: QWidget, page: str) -> HelpWindow:
    """F1 in a dialog: the guide at `page`, in a help window of the dialog's own — the main window's
    would take no input while a modal dialog is open — which closes with the dialog."""
    window = dialog.findChild(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if window is None:
        window = HelpWindow(dialog)
    window.open_at(page)
    return window


def help_key(dialog: QWidget, page: str) -> QShortcut:
    """Make F1 in `dialog` open the guide at `page` (`dialog_help`)."""
    return QShortcut(QKeySequence.StandardKey.HelpContents, dialog, lambda: dialog_help(dialog, page))

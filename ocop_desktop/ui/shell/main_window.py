"""The main window: navigation on the left (Ctrl+1..8), one page at a time on the right, the
office, role and officer in the status bar."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QTimer
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop import APP_NAME
from ocop_desktop.paths import resource
from ocop_desktop.ui.shell.pages import PAGE_NAMES, PAGES, page_modules

if TYPE_CHECKING:
    from ocop_desktop.services.core.audit import VerifyReport
    from ocop_desktop.services.core.changes import Changes
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.core.office import OfficeSummaryData
    from ocop_desktop.services.core.officers import OfficerRow
    from ocop_desktop.ui.kit.change_watch import ChangeWatcher
    from ocop_desktop.ui.kit.tasks import Task
    from ocop_desktop.ui.officers.session import OfficerSession
    from ocop_desktop.ui.shell.store_keys_prompt import KeysPrompt

ICON = "icons/ocop-desktop.png"
PRELOAD_MS = 500  # the pages' modules are imported this long after the first page is up


class MainWindow(QMainWindow):
    """Built with an open context, or first without one (`office_name` from a quick peek at the
    database) so the window shows at once while the store opens in the background; `attach(ctx)`
    then builds the page that was asked for, and reads who we are (`ops.office_summary`, in the
    background: `summary_task` until it is in the status bar)."""

    def __init__(self, ctx: AppContext | None = None, *, office_name: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.summary: OfficeSummaryData | None = None
        self.summary_task: Task | None = None
        self._role_label = ""
        self._office_name = office_name
        self._pending = PAGE_NAMES[0]
        self._pages: dict[str, QWidget] = {}
        self.setWindowIcon(QIcon(str(resource(ICON))))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        self.nav.setIconSize(QSize(0, 0))
        for _spec in PAGES:
            item = QListWidgetItem()
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 18))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.nav)
        self.right = QVBoxLayout()  # a banner goes over the page when the audit log does not match
        self.right.addWidget(self.stack, 1)
        layout.addLayout(self.right, 1)
        self.setCentralWidget(central)
        self.office_label = QLabel()
        self.officer_label = QPushButton()  # "Cán bộ: <name>": a click switches officer
        self.officer_label.setFlat(True)
        self.officer_label.hide()
        self.officer_label.clicked.connect(self.switch_officer)
        self.audit_banner: QWidget | None = None
        self.changes: ChangeWatcher | None = None  # other desks' changes, polled once the store is open
        self.officers: OfficerSession | None = None
        self.keys_prompt: KeysPrompt | None = None  # a desk on a server without the office keys: asked once
        self.statusBar().addWidget(self.office_label, 1)
        self.statusBar().addPermanentWidget(self.officer_label)
        for number, name in enumerate(PAGE_NAMES, start=1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=name: self.show_page(n))
        self._build_menus()
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGE_NAMES[row]) if row >= 0 else None)
        self.loading = QLabel()
        self.loading.setObjectName("loading")
        self.stack.addWidget(_centred(self.loading))
        self.retranslate()
        self.resize(1200, 760)
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """The store is open: build the page that was asked for and show who we are."""
        from ocop_desktop.ui.kit.tasks import run_task
        from ocop_desktop.ui.shell import ops
        from ocop_desktop.ui.sync.mailbox_status import MailboxIndicator

        self.ctx = ctx
        self.summary_task = run_task(ops.office_summary, ctx, on_done=self._show_summary, parent=self)
        run_task(ops.read_rule_sets, parent=self)
        QTimer.singleShot(PRELOAD_MS, self, self._import_pages)
        self.statusBar().addPermanentWidget(MailboxIndicator(ctx, self))  # and the mailbox works by itself
        self.backup_menu.start_timer()  # automatic backups, when the officer turned them on
        self.show_page(self._pending)
        self._start_officers(ctx)
        self._watch_changes(ctx)

    def _watch_changes(self, ctx: AppContext) -> None:
        """Lists follow what other desks change (issue 18): polled on a worker, told to every page built."""
        from ocop_desktop.ui.kit.change_watch import ChangeWatcher

        self.changes = ChangeWatcher(ctx, self)
        self.changes.changed.connect(self._changed_elsewhere)
        self.changes.start()

    def _changed_elsewhere(self, changes: Changes) -> None:
        from ocop_desktop.ui.kit.change_watch import tell_pages

        tell_pages(list(self._pages.values()), changes)

    # -- officers and the audit log -----------------------------------------------------------
    def _start_officers(self, ctx: AppContext) -> None:
        """Who is at the keyboard (asked when the office has several officers) and the log's check."""
        from ocop_desktop.ui.officers.session import OfficerSession

        self.officers = OfficerSession(ctx, self)
        self.officers.changed.connect(self._officer_changed)
        self.officers.quit_requested.connect(self.close)
        self.officers.audit_checked.connect(self._audit_checked)
        self.officers.start()

    def switch_officer(self) -> None:
        if self.officers is not None:
            self.officers.switch()

    def _officer_changed(self, row: OfficerRow) -> None:
        if self.keys_prompt is None and self.ctx is not None:  # once the officer is known (no two dialogs)
            from ocop_desktop.ui.shell.store_keys_prompt import KeysPrompt

            self.keys_prompt = KeysPrompt(self.ctx, self)
        if self.summary is not None:
            self.summary = replace(self.summary, officer_name=row.name, officer_is_admin=row.is_admin)
        self.retranslate()

    def _audit_checked(self, report: VerifyReport) -> None:
        from ocop_desktop.ui.officers.audit_banner import audit_banner

        banner = audit_banner(report, self.open_audit_log, self)
        if banner is not None:
            self.right.insertWidget(0, banner)
            self.audit_banner = banner

    def open_audit_log(self) -> QWidget | None:
        if self.ctx is None:
            return None
        from ocop_desktop.ui.officers.audit_view import AuditLogDialog

        dialog = AuditLogDialog(self.ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    def _import_pages(self) -> None:
        """The pages' modules, imported on a worker once the first page is up; then set aside from
        the garbage collector with the rest of what lives as long as the program."""
        from ocop_desktop.ui.kit.perf import freeze_heap
        from ocop_desktop.ui.kit.tasks import run_task
        from ocop_desktop.ui.shell import ops

        if self.ctx is not None:
            run_task(
                ops.import_pages,
                self.ctx,
                page_modules,
                on_done=lambda _r: freeze_heap("pages imported"),
                on_error=lambda _e: None,  # a page then imports its modules itself when opened
                parent=self,
            )

    def _show_summary(self, summary: OfficeSummaryData | None) -> None:
        from ocop_desktop.ui.shell.office_info import role_label

        self.summary_task = None
        self.summary = summary
        self._role_label = role_label(summary) if summary else ""
        self.retranslate()

    def _build_menus(self) -> None:
        from ocop_desktop.ui.backup.menu import BackupMenu

        self.file_menu = self.menuBar().addMenu("")
        self.backup_menu = BackupMenu(self, self.file_menu, lambda: self.ctx.paths if self.ctx else None)
        self.quit_action = self.file_menu.addAction("")
        # setShortcuts(StandardKey): every binding of the platform, and no trip through the Qt
        # namespace (setShortcut(QKeySequence) builds its hundred enums, ~25 ms before the first frame)
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.help_menu = self.menuBar().addMenu("")
        self.guide_action = self.help_menu.addAction("")
        self.guide_action.setShortcuts(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.triggered.connect(self.open_help)
        self.first_steps_action = self.help_menu.addAction("")
        self.first_steps_action.triggered.connect(self.open_first_steps)
        self.help_menu.addSeparator()
        self.about_action = self.help_menu.addAction("")
        self.about_action.triggered.connect(self.open_about)
        self.help_window: QWidget | None = None

    # -- pages --------------------------------------------------------------------------------
    def show_page(self, name: str) -> QWidget:
        """Show the page `name` (building it on first use) and return it."""
        if name not in PAGE_NAMES:
            raise KeyError(f"no page {name!r}; pages: {', '.join(PAGE_NAMES)}")
        if self.ctx is None:  # still opening the store: remember the wish, show "loading"
            self._pending = name
            self.nav.setCurrentRow(PAGE_NAMES.index(name))
            return self.loading
        page = self._built(name)
        self.stack.setCurrentWidget(page)
        row = PAGE_NAMES.index(name)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return page

    def _built(self, name: str) -> QWidget:
        assert self.ctx is not None
        page = self._pages.get(name)
        if page is None:
            page = PAGES[PAGE_NAMES.index(name)].build(self.ctx, self.go_to)
            page.setObjectName(f"page_{name}")
            self._pages[name] = page
            self.stack.addWidget(page)
        return page

    def go_to(self, target: str, payload: object = None) -> QWidget:
        """Show "page" or "page/tab" and hand that tab `payload`, e.g. a file chosen on another
        page (`PageSpec.open_tab` says how, for the pages that have tabs). A "tab" that opens a
        window (`PageSpec.windows`, e.g. "dossiers/open") leaves the shown page where it is."""
        name, _, tab = target.partition("/")
        spec = PAGES[PAGE_NAMES.index(name)]
        if tab in spec.windows and spec.open_tab is not None and self.ctx is not None:
            return spec.open_tab(self._built(name), tab, payload)
        page = self.show_page(name)
        open_tab = spec.open_tab
        return open_tab(page, tab, payload) if tab and open_tab is not None else page

    def page(self, name: str) -> QWidget | None:
        return self._pages.get(name)

    def current_page_name(self) -> str:
        current = self.stack.currentWidget()
        return next((n for n, p in self._pages.items() if p is current), "")

    def open_help(self, guide_page: str = "") -> QWidget:
        """F1: the user guide at the page about the page shown (or at `guide_page`)."""
        from ocop_desktop.ui.kit.help_pages import page_for
        from ocop_desktop.ui.kit.help_window import show_help

        role = self.summary.role if self.summary else ""
        self.help_window = show_help(self, guide_page or page_for(self.current_page_name(), role))
        return self.help_window

    def open_first_steps(self) -> QWidget | None:
        """The first steps of this office's role, ticked from the data."""
        if self.ctx is None:
            return None
        from ocop_desktop.ui.shell.first_steps_dialog import FirstStepsDialog

        dialog = FirstStepsDialog(self.ctx, self)
        dialog.openHelp.connect(self.open_help)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_about(self) -> None:
        from ocop_desktop.ui.shell.about import AboutDialog

        dialog = AboutDialog(self, paths=self.ctx.paths if self.ctx else None)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        office = self.summary.office_name if self.summary else self._office_name
        self.loading.setText(self.tr("Đang mở dữ liệu…"))
        self.setWindowTitle(f"{APP_NAME} — {office}" if office else APP_NAME)
        for row, spec in enumerate(PAGES):
            item = self.nav.item(row)
            item.setText(QCoreApplication.translate("Pages", spec.title))
            item.setToolTip(f"Ctrl+{row + 1}")
        if self.summary:
            self.office_label.setText(f"{self.summary.office_name}  ·  {self._role_label}")
            officer = self.summary.officer_name
            self.officer_label.setText(self.tr("Cán bộ: %1").replace("%1", officer))
            self.officer_label.setToolTip(self.tr("Đổi cán bộ đang làm việc"))
            self.officer_label.setVisible(bool(officer))  # unknown until an office service tells
        self.file_menu.setTitle(self.tr("&Tệp"))
        self.quit_action.setText(self.tr("Thoát"))
        self.backup_menu.retranslate()
        self.help_menu.setTitle(self.tr("Trợ &giúp"))
        self.guide_action.setText(self.tr("Hướng dẫn sử dụng"))
        self.first_steps_action.setText(self.tr("Các bước đầu tiên"))
        self.about_action.setText(self.tr("Giới thiệu"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Dialogs with unsaved data get the chance to say no (they ask the person).
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog.isVisible() and dialog is not self and not dialog.close():
                event.ignore()
                return
        if self.changes is not None:
            self.changes.stop()
        super().closeEvent(event)


def _centred(label: QLabel) -> QWidget:
    """`label` in the middle of a page. Stretches, not `Qt.AlignmentFlag`: the first use of the Qt
    namespace builds its hundred Python enums (about 18 ms), which would delay the first frame."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.addStretch(1)
    row.addWidget(label)  # a label is vertically centred by default
    row.addStretch(1)
    return holder

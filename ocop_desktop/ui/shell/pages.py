"""The pages of the main window, in navigation order. Each page is built the first time it is
shown, so start-up only pays for the first one.

How the window reaches into a page is declared here, next to the page, rather than guessed at
run time: `build(ctx, go_to)` receives the window's `go_to("page/tab", payload)` for a page that
sends the officer elsewhere (the sync page, to the council tab with a package file), and
`open_tab(page, tab, payload)` shows one tab of a page that has tabs and hands it `payload`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

GoTo = Callable[[str, object], QWidget]  # MainWindow.go_to("page/tab", payload) -> what is shown


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: str  # Vietnamese source text, context "Pages"
    build: Callable[[AppContext, GoTo], QWidget]
    open_tab: Callable[[QWidget, str, object], QWidget] | None = None  # None: a page without tabs
    windows: tuple[str, ...] = ()  # "tabs" of `open_tab` that open a window: the shown page stays


def _home(ctx: AppContext, go_to: GoTo) -> QWidget:
    from ocop_desktop.ui.home.page import HomePage

    page = HomePage(ctx)
    page.goTo.connect(go_to)
    return page


def _producers(ctx: AppContext, _go_to: GoTo) -> QWidget:
    from ocop_desktop.ui.registry.producers_page import ProducersPage

    return ProducersPage(ctx)


def _products(ctx: AppContext, _go_to: GoTo) -> QWidget:
    from ocop_desktop.ui.registry.products_page import ProductsPage

    return ProductsPage(ctx)


def _products_find(page: QWidget, _tab: str, payload: object) -> QWidget:
    """ "products/find": the products list filtered on `payload` (a product the home page named)."""
    from ocop_desktop.ui.registry.products_page import ProductsPage

    if isinstance(page, ProductsPage) and isinstance(payload, str):
        page.find(payload)
    return page


def _dossiers(ctx: AppContext, _go_to: GoTo) -> QWidget:
    from ocop_desktop.ui.dossiers.list_page import DossiersPage

    return DossiersPage(ctx)


def _dossier_window(page: QWidget, _tab: str, payload: object) -> QWidget:
    """ "dossiers/open": a dossier's own window (read-only once it left the commune), from any page."""
    from ocop_desktop.ui.dossiers.list_page import DossiersPage

    if isinstance(page, DossiersPage) and isinstance(payload, str):
        page.open_dossier(payload)
    return page


def _evaluation(ctx: AppContext, go_to: GoTo) -> QWidget:
    """The province's rounds and councils; on an evaluator laptop, the member's own workspace."""
    if ctx.office().role == "evaluator":
        from ocop_desktop.ui.evaluator import build_evaluator_page

        return build_evaluator_page(ctx)
    from ocop_desktop.ui.province.page import EvaluationPage

    page = EvaluationPage(ctx)
    page.openDossier.connect(lambda dossier_id: go_to("dossiers/open", dossier_id))
    return page


def _evaluation_tab(page: QWidget, tab: str, payload: object) -> QWidget:
    """A tab of the province's page ("council"), given e.g. the package file the sync page chose;
    the evaluator's workspace has no tabs."""
    from ocop_desktop.ui.province.page import EvaluationPage

    if not isinstance(page, EvaluationPage):
        return page
    shown = page.show_tab(tab)
    if payload is not None:
        shown.open_with(payload)
    return shown


def _sync(ctx: AppContext, go_to: GoTo) -> QWidget:
    from ocop_desktop.ui.sync.page import SyncPage

    page = SyncPage(ctx)
    page.goTo.connect(go_to)
    return page


def _reports(ctx: AppContext, _go_to: GoTo) -> QWidget:
    from ocop_desktop.ui.shell.reports_page import ReportsPage

    return ReportsPage(ctx)


def _reports_tab(page: QWidget, tab: str, _payload: object) -> QWidget:
    """ "reports/<name>": the figures of report `name` ("overdue", "expiring", …), computed for today;
    "reports/plan": the year plan dialog."""
    from ocop_desktop.ui.shell.reports_page import ReportsPage

    if isinstance(page, ReportsPage):
        if tab == "plan":
            page.open_plan()
        else:
            page.open_report(tab)
    return page


def _settings(ctx: AppContext, _go_to: GoTo) -> QWidget:
    from ocop_desktop.ui.shell.settings_page import SettingsPage

    return SettingsPage(ctx)


PAGES = [
    PageSpec("home", QT_TRANSLATE_NOOP("Pages", "Tổng quan"), _home),
    PageSpec("producers", QT_TRANSLATE_NOOP("Pages", "Chủ thể"), _producers),
    PageSpec("products", QT_TRANSLATE_NOOP("Pages", "Sản phẩm"), _products, _products_find),
    PageSpec("dossiers", QT_TRANSLATE_NOOP("Pages", "Hồ sơ"), _dossiers, _dossier_window, ("open",)),
    PageSpec("evaluation", QT_TRANSLATE_NOOP("Pages", "Đánh giá"), _evaluation, _evaluation_tab),
    PageSpec("sync", QT_TRANSLATE_NOOP("Pages", "Đồng bộ"), _sync),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Báo cáo"), _reports, _reports_tab),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Cài đặt"), _settings),
]
PAGE_NAMES = [p.name for p in PAGES]


def page_modules(role: str) -> list[str]:
    """The modules that build the pages (as the `build` functions above import them), for an office of
    `role`: imported ahead on a worker (`ops.import_pages`), a page's first opening only builds widgets.
    Importing the evaluation page's modules on the GUI thread held the window ~0.15 s."""
    evaluation = "ocop_desktop.ui.evaluator" if role == "evaluator" else "ocop_desktop.ui.province.page"
    return [
        "ocop_desktop.ui.home.page",
        "ocop_desktop.ui.registry.producers_page",
        "ocop_desktop.ui.registry.products_page",
        "ocop_desktop.ui.dossiers.list_page",
        evaluation,
        "ocop_desktop.ui.sync.page",
        "ocop_desktop.ui.shell.reports_page",
        "ocop_desktop.ui.shell.settings_page",
    ]

"""The pages of the main window, in navigation order. Each page is built the first time it is
shown, so start-up only pays for the first one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: str  # Vietnamese source text, context "Pages"
    build: Callable[[AppContext], QWidget]


def _producers(ctx: AppContext) -> QWidget:
    from ocop_desktop.ui.registry.producers_page import ProducersPage

    return ProducersPage(ctx)


def _products(ctx: AppContext) -> QWidget:
    from ocop_desktop.ui.registry.products_page import ProductsPage

    return ProductsPage(ctx)


def _dossiers(ctx: AppContext) -> QWidget:
    from ocop_desktop.ui.dossiers.list_page import DossiersPage

    return DossiersPage(ctx)


def _evaluation(ctx: AppContext) -> QWidget:
    """The province's rounds and councils; on an evaluator laptop, the member's own workspace."""
    if ctx.office().role == "evaluator":
        from ocop_desktop.ui.evaluator import build_evaluator_page

        return build_evaluator_page(ctx)
    from ocop_desktop.ui.province.page import EvaluationPage

    return EvaluationPage(ctx)


def _sync(ctx: AppContext) -> QWidget:
    from ocop_desktop.ui.sync.page import SyncPage

    return SyncPage(ctx)


def _reports(ctx: AppContext) -> QWidget:
    from ocop_desktop.ui.shell.reports_page import ReportsPage

    return ReportsPage(ctx)


def _settings(ctx: AppContext) -> QWidget:
    from ocop_desktop.ui.shell.settings_page import SettingsPage

    return SettingsPage(ctx)


def _placeholder(name: str) -> Callable[[AppContext], QWidget]:
    def build(_ctx: AppContext) -> QWidget:
        from ocop_desktop.ui.shell.placeholder import PlaceholderPage

        return PlaceholderPage(name)

    return build


PAGES = [
    PageSpec("producers", QT_TRANSLATE_NOOP("Pages", "Chủ thể"), _producers),
    PageSpec("products", QT_TRANSLATE_NOOP("Pages", "Sản phẩm"), _products),
    PageSpec("dossiers", QT_TRANSLATE_NOOP("Pages", "Hồ sơ"), _dossiers),
    PageSpec("evaluation", QT_TRANSLATE_NOOP("Pages", "Đánh giá"), _evaluation),
    PageSpec("sync", QT_TRANSLATE_NOOP("Pages", "Đồng bộ"), _sync),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Báo cáo"), _reports),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Cài đặt"), _settings),
]
PAGE_NAMES = [p.name for p in PAGES]

"""The pages' modules imported ahead on a worker: the list names what each page's `build` imports (so
that it cannot fall behind a new page), and the job imports them without building a widget."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.shell import ops
from ocop_desktop.ui.shell.pages import PAGES, page_modules


class _Running:
    cancelled = False


def _imported_by(build: object) -> set[str]:
    names = build.__code__.co_names  # type: ignore[attr-defined]
    return {n for n in names if n.startswith("ocop_desktop.ui.")}


def test_every_page_build_import_is_listed_for_its_role() -> None:
    for role in ("commune", "province"):
        listed = set(page_modules(role))
        for spec in PAGES:
            assert _imported_by(spec.build), spec.name  # the names are read from the code itself
            assert _imported_by(spec.build) - {"ocop_desktop.ui.evaluator"} <= listed, spec.name
    assert "ocop_desktop.ui.evaluator" in page_modules("evaluator")
    assert "ocop_desktop.ui.province.page" not in page_modules("evaluator")


def test_the_job_imports_them_and_builds_no_widget(qapp: QApplication, ctx: AppContext) -> None:
    before = len(QApplication.allWidgets())
    ops.import_pages(_Running(), ctx, page_modules)  # type: ignore[arg-type]
    assert all(name in sys.modules for name in page_modules(ctx.office().role))
    assert len(QApplication.allWidgets()) == before

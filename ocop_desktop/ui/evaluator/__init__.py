"""The council member's workspace on an evaluator laptop: assigned dossiers, the member's own
sheets, and the enrollment / assignment / scores packages (docs/province.md §7)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ocop_desktop.services.core.context import AppContext


def build_evaluator_page(ctx: AppContext) -> QWidget:
    """The "evaluation" page of an evaluator installation."""
    from ocop_desktop.ui.evaluator.workspace import EvaluatorWorkspace

    return EvaluatorWorkspace(ctx)


__all__ = ["build_evaluator_page"]

"""Printing from the evaluation page: the council matrix, the results list and the certificate
drafts are rendered in the background (`ocop_desktop.printing`), then shown in the application's
print preview when it is there, else handed to the system's PDF viewer."""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ocop_desktop.ui.kit import system_open
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province.state import EvalState

translate = QCoreApplication.translate
STEMS = {
    "council-matrix": "Bang-tong-hop-hoi-dong",
    "results": "Danh-sach-cong-nhan",
    "certificate": "Du-thao-giay-chung-nhan",
}
TITLES = {
    "council-matrix": QT_TRANSLATE_NOOP("EvaluationPrinting", "Bảng tổng hợp điểm của Hội đồng"),
    "results": QT_TRANSLATE_NOOP("EvaluationPrinting", "Danh sách sản phẩm được công nhận"),
    "certificate": QT_TRANSLATE_NOOP("EvaluationPrinting", "Dự thảo giấy chứng nhận"),
}


def _printing_ui(name: str) -> Any:
    try:
        return importlib.import_module(f"ocop_desktop.ui.printing.{name}")
    except ImportError:
        return None


def file_name(form: str, subject: str) -> str:
    from ocop_desktop.domain.text import fold

    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in fold(subject)).split())[:50]
    return f"{STEMS.get(form, form)}-{slug}.pdf" if slug else f"{STEMS.get(form, form)}.pdf"


def preview_path(name: str) -> Path:
    output = _printing_ui("output")
    if output is not None:
        return output.preview_path(name)
    return Path(tempfile.mkdtemp(prefix="ocop-ban-in-")) / name


def open_pdf(parent: QWidget | None, path: Path, title: str, suggested: str) -> Any:
    """The print preview (print, save as PDF, open externally), or the system viewer."""
    entry = _printing_ui("entry")
    if entry is not None:
        return entry.open_print_preview(parent, path, title, suggested_name=suggested)
    system_open.open_path(path)
    return None


def print_to_preview(
    owner: QWidget, state: EvalState, job: Callable[..., Path], args: tuple[Any, ...], form: str, subject: str
) -> Task:
    name = file_name(form, subject)
    title = translate("EvaluationPrinting", TITLES[form]) + (f" – {subject}" if subject else "")
    return state.run(
        job,
        *args,
        preview_path(name),
        parent=owner,
        done=lambda path: open_pdf(owner, path, title, name),
        title=translate("EvaluationPrinting", "Đang chuẩn bị bản in…"),
    )

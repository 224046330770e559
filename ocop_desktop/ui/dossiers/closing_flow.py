"""The dossier window's "Lưu trữ…" / "Khôi phục từ lưu trữ" and "Cập nhật vào hồ sơ chủ thể…": each asks
first where it changes something ("Không" is the default), runs on the writer thread and shows the
result. Withdrawal ("Hủy hồ sơ…") is a lifecycle action: `actions.ActionRunner` and `ActionDialog`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from ocop_desktop.ui.dossiers import closing_ops
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.dossiers.consistency import ConsistencyView
    from ocop_desktop.services.dossiers.service import DossierDetail
    from ocop_desktop.ui.dossiers.consistency_panel import ConsistencyPanel
    from ocop_desktop.ui.dossiers.session import DossierSession

translate = QCoreApplication.translate


class Window(Protocol):
    ctx: AppContext
    session: DossierSession
    consistency: ConsistencyPanel

    def save_now(self) -> bool: ...
    def adopt(self, detail: DossierDetail) -> None: ...


def request_archive(window: Window, parent: QWidget) -> Task | None:
    row = window.session.detail.row
    question = translate(
        "DossierClosing",
        "Lưu trữ hồ sơ “%1”? Hồ sơ không hiện trong danh sách nữa, trừ khi chọn “Hiện cả hồ sơ lưu trữ”; "
        "khôi phục được bất cứ lúc nào.",
    ).replace("%1", row.product_name)
    yes, no = translate("DossierClosing", "Lưu trữ"), translate("DossierClosing", "Không")
    if not errors.ask(parent, question, yes=yes, no=no):
        return None
    ctx, session = window.ctx, window.session
    return run_task(
        closing_ops.archive,
        ctx,
        row.id,
        session.revision,
        on_done=window.adopt,
        writes_db=True,
        parent=parent,
    )


def request_restore(window: Window, parent: QWidget) -> Task:
    session = window.session
    return run_task(
        closing_ops.restore,
        window.ctx,
        session.dossier_id,
        on_done=window.adopt,
        writes_db=True,
        parent=parent,
    )


def check(window: Window, parent: QWidget) -> Task:
    """Read what the producer's record says about this dossier again (after a save)."""
    return run_task(
        closing_ops.consistency,
        window.ctx,
        window.session.dossier_id,
        on_done=window.consistency.show_view,
        parent=parent,
    )


def request_take_back(window: Window, parent: QWidget) -> Task | None:
    view: ConsistencyView | None = window.consistency.view
    if view is None or not view.changes:
        return None
    if not window.save_now():
        errors.warn(parent, translate("DossierClosing", "Còn ô chưa lưu được; hãy sửa trước khi cập nhật."))
        return None
    lines = "\n".join(f"• {c.label}: {_shown(c.recorded)} → {_shown(c.here)}" for c in view.changes)
    question = translate(
        "DossierClosing",
        "Ghi vào hồ sơ chủ thể các thông tin sau của hồ sơ này?\n%1\nCác hồ sơ lập sau sẽ điền sẵn theo đó.",
    ).replace("%1", lines)
    yes, no = translate("DossierClosing", "Cập nhật"), translate("DossierClosing", "Không")
    if not errors.ask(parent, question, yes=yes, no=no):
        return None
    return run_task(
        closing_ops.take_back,
        window.ctx,
        window.session.dossier_id,
        on_done=window.consistency.show_view,
        writes_db=True,
        parent=parent,
    )


def _shown(value: object) -> str:
    if value is None or value == "":
        return translate("DossierClosing", "(chưa có)")
    if isinstance(value, bool):
        return translate("DossierClosing", "Có") if value else translate("DossierClosing", "Không")
    return str(value)

"""Xóa hồ sơ nháp: a dossier opened by mistake, deleted from its own window while it never left the office
(`services.dossiers.removal` says what may go). What is typed is saved first so the revision is current;
the reason it cannot go is said plainly; otherwise the officer confirms ("Không" is the default), the
deletion runs on the writer thread and the window closes without saving again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from ocop_desktop.services.dossiers.removal import DossierRemoval
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.tasks import Task, run_task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ocop_desktop.progress import Progress
    from ocop_desktop.services.core.context import AppContext

translate = QCoreApplication.translate


class Deletable(Protocol):
    """What the dossier window offers this flow."""

    ctx: AppContext
    deleted: bool

    def save_now(self) -> bool: ...
    def close(self) -> bool: ...


def blocker(ctx: AppContext, dossier_id: str) -> str:
    return DossierRemoval(ctx).blocker(dossier_id)


def delete_job(_progress: Progress | None, ctx: AppContext, dossier_id: str, revision: int) -> None:
    DossierRemoval(ctx).delete_draft(dossier_id, expected_revision=revision)


def request_delete(
    window: Deletable, parent: QWidget, dossier_id: str, title: str, revision: int
) -> Task | None:
    """Ask, then delete the draft `dossier_id` shown in `window`; the window closes when it is gone."""
    if not window.save_now():
        errors.warn(parent, translate("DeleteDraft", "Còn ô chưa lưu được; hãy sửa hoặc bỏ trước khi xóa."))
        return None
    why = blocker(window.ctx, dossier_id)
    if why:
        errors.warn(parent, why, translate("DeleteDraft", "Không xóa được"))
        return None
    question = translate(
        "DeleteDraft",
        "Xóa hồ sơ nháp “%1”? Các biểu mẫu, danh mục và liên kết minh chứng của hồ sơ bị xóa theo.",
    ).replace("%1", title)
    if not errors.ask(
        parent, question, yes=translate("DeleteDraft", "Xóa hồ sơ"), no=translate("DeleteDraft", "Không")
    ):
        return None

    def gone(_result: object) -> None:
        window.deleted = True
        window.close()

    return run_task(delete_job, window.ctx, dossier_id, revision, on_done=gone, writes_db=True, parent=parent)

"""Deleting a producer or product entered by mistake, from its list page: the reason it cannot go is said
first (it has products, dossiers, certificates), otherwise the officer confirms ("Không" is the default)
and the deletion runs on the writer thread; the list then reads its rows again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ocop_desktop.services.registry.removal import RegisterRemoval
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.tasks import Task, run_task
from ocop_desktop.ui.registry import ops

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext
    from ocop_desktop.services.registry.producers import ProducerRow
    from ocop_desktop.services.registry.products import ProductRow
    from ocop_desktop.ui.kit.list_page import ListPage

translate = QCoreApplication.translate


def delete_producer(page: ListPage, ctx: AppContext, row: ProducerRow) -> Task | None:
    why = RegisterRemoval(ctx).producer_blockers(row.id)
    if why:
        errors.warn(page, why, translate("Removal", "Không xóa được"))
        return None
    question = translate("Removal", "Xóa chủ thể “%1”? Chỉ nên xóa chủ thể nhập nhầm.").replace(
        "%1", row.name
    )
    if not errors.ask(page, question, yes=translate("Removal", "Xóa"), no=translate("Removal", "Không")):
        return None
    return _run(page, ops.delete_producer, ctx, row.id, row.revision)


def delete_product(page: ListPage, ctx: AppContext, row: ProductRow) -> Task | None:
    why = RegisterRemoval(ctx).product_blockers(row.id)
    if why:
        errors.warn(page, why, translate("Removal", "Không xóa được"))
        return None
    question = (
        translate("Removal", "Xóa sản phẩm “%1” (mã %2)? Chỉ nên xóa sản phẩm nhập nhầm.")
        .replace("%1", row.name)
        .replace("%2", row.code or "—")
    )
    if not errors.ask(page, question, yes=translate("Removal", "Xóa"), no=translate("Removal", "Không")):
        return None
    return _run(page, ops.delete_product, ctx, row.id, row.revision)


def _run(page: ListPage, job: object, *args: object) -> Task:
    def done(_result: object) -> None:
        page.model.set_query(page.model.query)

    return run_task(job, *args, on_done=done, writes_db=True, parent=page)  # type: ignore[arg-type]

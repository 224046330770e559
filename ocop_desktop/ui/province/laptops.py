"""Council members scoring on their own laptops: link a laptop to a member (its enrollment pack,
with the fingerprint compared over the phone), export the member's assignment, and import the
signed score sheets that come back (through the sync page's import flow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ocop_desktop.services.sync.outgoing import ExportResult
from ocop_desktop.services.sync.types import ImportPreview
from ocop_desktop.ui.kit import errors
from ocop_desktop.ui.kit.dialogs import forget
from ocop_desktop.ui.kit.tasks import Task
from ocop_desktop.ui.province import jobs
from ocop_desktop.ui.province.state import EvalState
from ocop_desktop.ui.sync import widgets
from ocop_desktop.ui.sync.import_flow import ImportFlow
from ocop_desktop.ui.sync.preview_dialog import ImportPreviewDialog


class EvaluatorLaptops(QObject):
    def __init__(self, state: EvalState, owner: QWidget) -> None:
        super().__init__(owner)
        self.state, self.owner = state, owner
        self.dialog: ImportPreviewDialog | None = None
        self.flow: ImportFlow | None = None
        self.last_export: ExportResult | None = None

    def enroll(self, member: Any, path: Path | None = None) -> Task | None:
        """The laptop's enrollment pack (`path`, or chosen now) → fingerprint check → trusted and
        linked to `member`."""
        round_id = self.state.round_id
        path = path or widgets.ask_open_package(self.owner)
        if path is None or round_id is None:
            return None
        return self.state.run(
            jobs.preview_enrollment,
            path,
            round_id,
            member.id,
            parent=self.owner,
            done=lambda p: self._confirm(p, path, round_id, member),
        )

    def _confirm(self, preview: ImportPreview, path: Path, round_id: str, member: Any) -> None:
        dialog = ImportPreviewDialog(preview, self.owner)
        dialog.setWindowTitle(
            self.tr("Ghi danh máy chấm điểm cho %1 %2").replace("%1", member.label).replace("%2", member.name)
        )
        dialog.applyRequested.connect(
            lambda confirm: self.state.run(
                jobs.import_enrollment,
                path,
                round_id,
                member.id,
                confirm,
                writes=True,
                parent=self.owner,
                done=lambda link: self._linked(dialog, link),
                failed=lambda exc: self._failed(dialog, exc),
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: forget(self, "dialog", dialog))
        self.dialog = dialog
        dialog.open()

    def _linked(self, dialog: ImportPreviewDialog, link: Any) -> None:
        dialog.finish(True)
        errors.info(
            self.owner,
            self.tr("Từ nay nhận phiếu chấm của %1 %2 từ máy “%3” (dấu vân tay %4).")
            .replace("%1", link.member_label)
            .replace("%2", link.member_name)
            .replace("%3", link.office_name)
            .replace("%4", link.fingerprint),
            self.tr("Đã ghi danh"),
        )

    def _failed(self, dialog: ImportPreviewDialog, exc: BaseException) -> None:
        dialog.finish(False)
        errors.show_error(exc, self.owner)

    def export_assignment(self, member: Any) -> Task | None:
        """The member's assignment, after the officer confirmed whose it is and how it travels:
        encrypted to the laptop linked to that member; with none linked, nothing is exported and the
        officer is told to enroll the laptop first (scans never travel in clear)."""
        round_id = self.state.round_id
        if round_id is None:
            return None
        return self.state.run(
            jobs.evaluator_links, round_id, done=lambda links: self._confirm_export(member, round_id, links)
        )

    def _confirm_export(self, member: Any, round_id: str, links: list[Any]) -> Task | None:
        link = next((k for k in links if k.member_id == member.id), None)
        who = f"{member.label} {member.name}"
        label = self.state.detail.row.label if self.state.detail else ""
        if link is None:  # the dossiers' scans travel only encrypted to the member's own laptop
            errors.info(
                self.owner,
                self.tr(
                    "%1 chưa ghi danh máy chấm điểm. Gói phân công mang hồ sơ và tệp minh chứng (số CCCD, "
                    "giấy tờ của chủ thể), nên chỉ được xuất khi đã mã hóa cho máy của thành viên.\nHãy ghi "
                    "danh máy trước (thẻ “Hội đồng”, “Ghi danh máy chấm điểm…”), rồi xuất gói."
                ).replace("%1", who),
            )
            return None
        text = (
            self.tr(
                "Xuất gói phân công chấm điểm %1 cho %2?\nGói được mã hóa cho máy chấm điểm đã ghi danh "
                "của thành viên này (dấu vân tay %3): chỉ máy đó mở được."
            )
            .replace("%1", label)
            .replace("%2", who)
            .replace("%3", link.fingerprint)
        )
        if not errors.ask(self.owner, text, yes=self.tr("Xuất gói…"), no=self.tr("Hủy")):
            return None
        slug = "".join(ch if ch.isalnum() else "-" for ch in label).strip("-")
        target = widgets.ask_save_package(self.owner, f"phan-cong-{member.label}-{slug}.ocoppkg")
        if target is None:
            return None
        return self.state.run(
            jobs.export_assignment,
            round_id,
            member.id,
            target,
            writes=True,
            parent=self.owner,
            done=lambda r: self._exported(member, r),
            title=self.tr("Đang xuất gói phân công chấm điểm…"),
        )

    def _exported(self, member: Any, result: ExportResult) -> None:
        self.last_export = result
        lock = (
            self.tr("mã hóa cho máy đã ghi danh")
            if result.encrypted
            else self.tr("KHÔNG mã hóa (thành viên chưa ghi danh máy)")
        )
        errors.info(
            self.owner,
            self.tr("Đã ghi gói phân công của %1 %2: %3 hồ sơ, %4 tệp minh chứng; %5.\n%6")
            .replace("%1", member.label)
            .replace("%2", member.name)
            .replace("%3", str(len(result.dossier_ids)))
            .replace("%4", str(result.blobs))
            .replace("%5", lock)
            .replace("%6", str(result.path)),
            self.tr("Đã xuất gói"),
        )

    def import_scores(self, path: Path | None = None) -> ImportFlow:
        """The signed sheets from a member's laptop: preview (every sheet through the scoring engine),
        apply, receipt for the laptop."""
        flow = ImportFlow(self.state.ctx, self.owner)
        flow.imported.connect(lambda _r: (self.state.written.emit(), self.state.reload()))
        flow.ended.connect(flow.deleteLater)
        self.flow = flow
        flow.start(path)
        return flow

"""Screenshots of "Gửi hồ sơ lên tỉnh" from the dossier window (not a test), offscreen at 1366×768,
on throw-away data folders of a commune and its province:

    uv run python benchmarks/shots/shoot_send.py [OUT_DIR]   # default /tmp/ocop-send-shots

Writes send-confirm.png, send-done.png (the commune trusted by its province), send-trust-guide.png
(a new commune: no province trusted yet, after "Xuất gói đăng ký…"), send-paper-outcome.png (the
province's return received on paper, with the confirmation asked) and send-header-sent.png (the
dossier window of a sent dossier: no province buttons), send-paper-history.png (the return recorded
from paper, in the history). Each dialog is shown over the dossier
window, maximised as on a 1366×768 laptop.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from helpers.sync import link, open_installation, ready_dossier  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.ui.kit.tasks import running, wait_for_tasks  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402

SIZE = (1366, 768)


def settle(app, until=lambda: True, rounds: int = 300) -> None:  # type: ignore[no-untyped-def]
    for _ in range(rounds):
        app.processEvents()
        if until() and running() == 0:
            break
        wait_for_tasks(20)
    app.processEvents()


def grab_over(editor, dialog, target: Path) -> None:  # type: ignore[no-untyped-def]
    """The window with the dialog centred on it, as the officer sees them."""
    from PySide6.QtGui import QColor, QPainter

    picture = editor.grab()
    shot = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
    painter.drawPixmap((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 3, shot)
    painter.end()
    picture.save(str(target))
    dialog.grab().save(str(target.with_name(target.stem + "-dialog.png")))


def open_editor(app, ctx, dossier_id: str):  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.dossiers import ops
    from ocop_desktop.ui.dossiers.editor import DossierEditor

    editor = DossierEditor(ctx, ops.open_dossier(None, ctx, dossier_id))
    editor.resize(*SIZE)
    editor.show()
    settle(app)
    return editor


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "ocop-send-shots"
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    from ocop_desktop.ui.dossiers import send_flow
    from ocop_desktop.ui.kit.errors import RecordingSink, install_sink
    from ocop_desktop.ui.sync import widgets

    install_sink(RecordingSink())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        template = root / "template"
        open_app(AppPaths.for_data_dir(template)).close()
        # readable folders in the pictures (the officer's documents, the USB stick), removed at the end
        shown = Path(tempfile.gettempdir()) / "OCOP"
        shutil.rmtree(shown, ignore_errors=True)
        docs, usb = shown / "Tài liệu", shown / "USB"
        docs.mkdir(parents=True)
        usb.mkdir()
        send_flow.package_folder = lambda: docs  # type: ignore[assignment]
        commune = open_installation(root / "xa", template, "commune", "00070", "Nguyễn Văn An")
        newcomer = open_installation(root / "xa-moi", template, "commune", "00073", "Lê Thị Hoa")
        province = open_installation(root / "tinh", template, "province", "01", "Trần Thị Bình")
        try:
            link(commune, province, usb)
            dossier_id = ready_dossier(commune, root / "scans")
            editor = open_editor(app, commune, dossier_id)
            editor.actions.request("send")
            flow = editor.actions.send_flow
            settle(app, lambda: flow.dialog is not None and flow.dialog.isVisible())
            grab_over(editor, flow.dialog, out / "send-confirm.png")
            flow.dialog.send_button.click()
            settle(app, lambda: type(flow.dialog).__name__ == "SentDialog")
            grab_over(editor, flow.dialog, out / "send-done.png")
            flow.dialog.accept()
            settle(app)
            editor.grab().save(str(out / "send-header-sent.png"))
            dialog = editor.actions.request_paper()
            dialog.outcome.setCurrentIndex(1)
            dialog.number.setText("125/SNNMT-PTNT")
            dialog.signed_on.setText("01/12/2026")
            dialog.signer.setText("Phó Giám đốc Sở Trần Văn Hùng")
            dialog.received_via.setCurrentIndex(0)
            dialog.content.setPlainText(
                "Bổ sung giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm còn hạn."
            )
            settle(app)
            grab_over(editor, dialog, out / "send-paper-outcome.png")
            dialog.submit()  # the confirmation is answered "yes" by the recording sink
            settle(app, lambda: not dialog.isVisible())
            editor.show_tab("history")
            settle(app)
            editor.grab().save(str(out / "send-paper-history.png"))
            editor.close()

            other = ready_dossier(newcomer, root / "scans2")
            editor = open_editor(app, newcomer, other)
            editor.actions.request("send")
            flow = editor.actions.send_flow
            settle(app, lambda: flow.dialog is not None and flow.dialog.isVisible())
            guide = flow.dialog
            widgets.ask_save_package = lambda _parent, name: usb / name  # type: ignore[assignment]
            guide.enroll_button.click()
            settle(app, lambda: guide.enrolled.isVisible())
            grab_over(editor, guide, out / "send-trust-guide.png")
            guide.reject()
            settle(app)
            editor.close()
        finally:
            wait_for_tasks(10_000)
            for ctx in (commune, newcomer, province):
                ctx.close()
            shutil.rmtree(shown, ignore_errors=True)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

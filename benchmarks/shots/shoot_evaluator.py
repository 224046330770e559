"""Reference screenshot of the evaluator workspace (not a test): a province and an evaluator laptop
on throw-away data folders (the builders of tests/sync_evaluator), the assignment imported through
the workspace, the first dossier's sheet half scored; grabbed offscreen at 1280×800.

    uv run python benchmarks/shots/shoot_evaluator.py [OUT_DIR]   # default docs/screenshots

Writes evaluator-workspace.png (and, with --all, evaluator-dossier.png, evaluator-files.png,
evaluator-empty.png, evaluator-enrollment.png for review).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from helpers.evaluator import make_offices  # noqa: E402
from helpers.evaluator_ui import assignment_package, province_fingerprint  # noqa: E402
from helpers.province import answers_for  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.ui.evaluator.workspace import EvaluatorWorkspace  # noqa: E402
from ocop_desktop.ui.evaluator.workspace_view import TAB_DOSSIER, TAB_FILES  # noqa: E402
from ocop_desktop.ui.kit import errors  # noqa: E402
from ocop_desktop.ui.kit.tasks import wait_for_tasks  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402

SIZE = (1280, 800)


def settle(app: object, task: object | None = None) -> None:
    for _ in range(200):
        app.processEvents()  # type: ignore[attr-defined]
        if task is None or task.done:  # type: ignore[attr-defined]
            break
        wait_for_tasks(50)
    app.processEvents()  # type: ignore[attr-defined]


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    extra = "--all" in sys.argv
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    errors.install_sink(errors.RecordingSink())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        open_app(AppPaths.for_data_dir(root / "template")).close()
        o = make_offices(root, root / "template")
        try:
            package = assignment_package(o)
            ws = EvaluatorWorkspace(o.evaluator)
            ws.resize(*SIZE)
            if extra:
                ws.show()
                settle(app)
                ws.grab().save(str(out / "evaluator-empty.png"))
                task = ws.steps.export_enrollment(root / "enroll-again.ocoppkg")
                settle(app, task)
                assert ws.steps.enrollment_dialog is not None
                settle(app)
                ws.steps.enrollment_dialog.grab().save(str(out / "evaluator-enrollment.png"))
                ws.steps.enrollment_dialog.close()
            settle(app, ws.steps.import_assignment(package))
            dialog = ws.steps.preview_dialog
            assert dialog is not None and dialog.fingerprint_edit is not None
            if extra:
                settle(app)
                dialog.grab().save(str(out / "evaluator-import-preview.png"))
            dialog.fingerprint_edit.setText(province_fingerprint(o))
            dialog.accept()
            settle(app, ws.steps.last_task)
            ws.show()
            settle(app)
            editor = ws.editor
            assert editor is not None
            while editor.building:  # the sheet's last criteria are built a slice at a time
                app.processEvents()
                time.sleep(0.002)
            answers = answers_for(editor.sheet, 86, keep_floors=4)
            for code in list(answers)[:18]:
                editor.set_answer(code, answers[code])
            editor.set_note(list(answers)[2], "Đã xem giấy chứng nhận VietGAP tại cơ sở.")
            editor.flush()
            editor.focus_criterion(list(answers)[18])
            settle(app)
            ws.grab().save(str(out / "evaluator-workspace.png"))
            if extra:
                ws.tabs.setCurrentIndex(TAB_DOSSIER)
                settle(app)
                ws.grab().save(str(out / "evaluator-dossier.png"))
                ws.tabs.setCurrentIndex(TAB_FILES)
                settle(app)
                ws.grab().save(str(out / "evaluator-files.png"))
            ws.close()
            ws.deleteLater()
            settle(app)
        finally:
            wait_for_tasks(10_000)
            o.close()
    print(out / "evaluator-workspace.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Reference screenshot of the register import dialog (not a test): a province on a throw-away data
folder previews a register of 120 rows with broken ones, the dialog grabbed offscreen at 1366×768.

    uv run python benchmarks/shots/shoot_register.py [OUT_DIR]   # default docs/screenshots

Writes register-import-preview.png (the dry run, refused rows shown first) and
register-import-done.png (after "Nhập": every row with what was done)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # tests/helpers

from helpers.register import register_rows, write_register  # noqa: E402
from ocop_desktop.paths import AppPaths  # noqa: E402
from ocop_desktop.services.core.bootstrap import open_app  # noqa: E402
from ocop_desktop.services.core.setup import initialise  # noqa: E402
from ocop_desktop.ui.kit.tasks import wait_for_tasks  # noqa: E402
from ocop_desktop.ui.register.import_dialog import RegisterImportDialog  # noqa: E402
from ocop_desktop.ui.shell.app import ensure_application  # noqa: E402

SIZE = (1366, 768)
COMMUNES = ["00070", "00073", "00004", "00008", "00025", "00256"]


def settle(app: object) -> None:
    for _ in range(5):
        wait_for_tasks()
        app.processEvents()  # type: ignore[attr-defined]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_app(AppPaths.for_data_dir(Path(tmp) / "tinh"))
        initialise(ctx, "province", "01", "Trần Thị Bình")
        path = write_register(Path(tmp) / "so-san-pham-ocop-2019-2026.xlsx", register_rows(COMMUNES, 120))
        dialog = RegisterImportDialog(ctx)
        dialog.resize(*SIZE)
        dialog.show()
        dialog.load(path)
        settle(app)
        dialog.grab().save(str(out / "register-import-preview.png"))
        dialog.apply()
        settle(app)
        dialog.table.scrollToTop()
        dialog.grab().save(str(out / "register-import-done.png"))
        dialog.close()
        ctx.close()
    print(f"wrote {out}/register-import-preview.png, register-import-done.png")


if __name__ == "__main__":
    main()

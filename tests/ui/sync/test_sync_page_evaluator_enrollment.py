"""An evaluator laptop's enrollment picked with "Nhập gói…" on the province's sync page: nothing is
imported, and the message offers "Mở trang Hội đồng", which takes the officer to the evaluation
page's council tab with the file already chosen for "Ghi danh máy chấm điểm…"."""

from __future__ import annotations

from pathlib import Path

from helpers.evaluator import make_offices
from helpers.sync import db_state, open_installation
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.ui.kit.tables import select_row
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ocop_desktop.ui.shell.app import build_main_window
from ocop_desktop.ui.sync.import_flow import COUNCIL_LINK_PATH


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    sync = window.show_page("sync")
    qtbot.waitUntil(sync.is_ready, timeout=10_000)
    return window, sync


def _settled(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.state.busy(), timeout=15_000)


def test_the_sync_page_takes_the_enrollment_to_the_council_tab(
    qtbot,
    tmp_path: Path,
    _template_dir: Path,  # type: ignore[no-untyped-def]
    files,
    messages,
) -> None:
    o = make_offices(tmp_path, _template_dir)
    try:
        pack = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh-may.ocoppkg")
        read_aloud = PackageService(o.evaluator).own_keys().signing.readable
        window, sync = _window(qtbot, o.province)
        before = db_state(o.province)

        files.open_next.append(pack.path)
        sync.import_button.click()
        qtbot.waitUntil(lambda: bool(messages.texts("ask")), timeout=10_000)
        asked = messages.shown[0]
        assert asked.kind == "ask" and asked.title == "Gói ghi danh của máy chấm điểm"
        assert COUNCIL_LINK_PATH in asked.text and "Không có gì thay đổi trên máy này." in asked.text
        assert db_state(o.province) == before  # nothing trusted, nothing recorded

        # the recorded message box answers "Mở trang Hội đồng"
        page = window.page("evaluation")
        assert page is not None and window.current_page_name() == "evaluation"
        assert page.tabs.currentIndex() == 2 and page.tabs.tabText(2) == "Hội đồng"
        council = page.council
        assert council.pending_enrollment == pack.path
        assert COUNCIL_LINK_PATH == "Đánh giá → Hội đồng → Ghi danh máy chấm điểm…"  # the real labels
        assert COUNCIL_LINK_PATH.endswith(f" → {page.tabs.tabText(2)} → {council.laptop_button.text()}")
        assert "“ghi-danh-may.ocoppkg” đã được chọn sẵn" in messages.texts("info")[-1]

        # the officer picks TV2 and presses the button: no file dialog, that file's fingerprint check
        _settled(qtbot, page)
        select_row(council.table, 1)
        council.laptop_button.click()
        qtbot.waitUntil(lambda: council.laptops.dialog is not None, timeout=10_000)
        dialog = council.laptops.dialog
        assert dialog.fingerprint.text() == read_aloud and "TV2" in dialog.windowTitle()
        dialog.confirm_box.setChecked(True)
        dialog.apply_button.click()
        qtbot.waitUntil(
            lambda: "Từ nay nhận phiếu chấm của TV2" in messages.texts("info")[-1], timeout=10_000
        )
        _settled(qtbot, page)
        assert [r.member_label for r in ProvinceEvaluatorPackages(o.province).links(o.round_id)] == ["TV2"]
        assert council.pending_enrollment is None
        assert not [m for m in messages.shown if m.kind in ("warn", "bug")]
        wait_for_tasks(10_000)
    finally:
        o.close()


def test_with_a_member_selected_the_link_dialog_opens_at_once(
    qtbot,
    tmp_path: Path,
    _template_dir: Path,  # type: ignore[no-untyped-def]
    files,
    messages,
) -> None:
    o = make_offices(tmp_path, _template_dir)
    try:
        pack = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh-may.ocoppkg")
        window, sync = _window(qtbot, o.province)
        page = window.show_page("evaluation")
        council = page.show_tab("council")
        _settled(qtbot, page)
        select_row(council.table, 0)
        window.show_page("sync")

        sync.actions.import_package(pack.path)
        qtbot.waitUntil(lambda: council.laptops.dialog is not None, timeout=10_000)
        assert window.current_page_name() == "evaluation" and "TV1" in council.laptops.dialog.windowTitle()
        council.laptops.dialog.reject()  # the officer changes their mind: still nothing linked
        assert ProvinceEvaluatorPackages(o.province).links(o.round_id) == []
        wait_for_tasks(10_000)
    finally:
        o.close()


def test_declining_stays_on_the_sync_page(
    qtbot, tmp_path: Path, _template_dir: Path, files, messages
) -> None:  # type: ignore[no-untyped-def]
    o = make_offices(tmp_path, _template_dir)
    try:
        pack = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh-may.ocoppkg")
        window, sync = _window(qtbot, o.province)
        messages.answer = False  # "Đóng"
        flow = sync.actions.import_package(pack.path)
        qtbot.waitUntil(lambda: bool(messages.texts("ask")), timeout=10_000)
        assert (
            flow.dialog is None and window.current_page_name() == "sync" and window.page("evaluation") is None
        )
        wait_for_tasks(10_000)
    finally:
        o.close()


def test_elsewhere_the_enrollment_is_a_plain_refusal(
    qtbot,
    tmp_path: Path,
    _template_dir: Path,  # type: ignore[no-untyped-def]
    files,
    messages,
) -> None:
    o = make_offices(tmp_path, _template_dir)
    commune = open_installation(tmp_path / "commune", _template_dir, "commune", "00004", "Nguyễn Văn An")
    try:
        pack = EvaluatorPackages(o.evaluator).export_enrollment(o.folder / "ghi-danh-may.ocoppkg")
        window, sync = _window(qtbot, commune)
        before = db_state(commune)
        sync.actions.import_package(pack.path)
        qtbot.waitUntil(lambda: bool(messages.texts("warn")), timeout=10_000)
        [text] = messages.texts("warn")
        assert "chỉ nhập được ở cơ quan OCOP cấp tỉnh" in text and not messages.texts("ask")
        assert window.current_page_name() == "sync" and db_state(commune) == before
        wait_for_tasks(10_000)
    finally:
        commune.close()
        o.close()

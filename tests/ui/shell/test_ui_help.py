"""The user guide inside the app: F1 opens the guide's page for the page shown (by role), every
page the app names exists, every link between pages resolves, the search ignores diacritics, and
the first-steps checklist shows what the data says is done."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.ui.kit import help_pages
from ocop_desktop.ui.kit.help_window import HelpWindow
from ocop_desktop.ui.shell.app import build_main_window
from ocop_desktop.ui.shell.first_steps_dialog import STEP_TEXTS, FirstStepsDialog
from ocop_desktop.ui.shell.pages import PAGE_NAMES

EXPECTED_F1 = {
    "commune": {
        "home": "tong-quan",
        "producers": "chu-the-san-pham",
        "products": "chu-the-san-pham",
        "dossiers": "ho-so-xa",
        "evaluation": "tinh",
        "sync": "dong-bo",
        "reports": "in-an",
        "settings": "sao-luu",
    },
    "province": {"dossiers": "tinh", "evaluation": "tinh", "sync": "dong-bo"},
}


def test_every_page_the_app_names_exists_and_every_link_resolves() -> None:
    names = {p.name for p in help_pages.pages()}
    named = {
        *help_pages.PAGE_HELP.values(),
        *help_pages.ROLE_PAGE_HELP.values(),
        *(page for _what, _where, page in STEP_TEXTS.values()),
        help_pages.INDEX,
    }
    assert named <= names
    for page in help_pages.pages():
        assert page.title and page.title != page.name, page.name
        assert set(page.links) <= names, (page.name, set(page.links) - names)
        for image in page.images:
            assert (help_pages.help_dir() / image).is_file(), (page.name, image)
    index = help_pages.page(help_pages.INDEX)
    assert set(index.links) == names - {help_pages.INDEX}  # the index lists every page
    assert set(help_pages.PAGE_HELP) == set(PAGE_NAMES)  # F1 knows every page of the window


def test_search_ignores_diacritics_and_puts_titles_first() -> None:
    hits = [p.name for p in help_pages.search("sao luu")]
    assert hits[0] == "sao-luu"
    assert "bat-dau" in [p.name for p in help_pages.search("DAU VAN TAY")]
    assert help_pages.search("khong co chu nay xyz") == []
    assert len(help_pages.search("")) == len(help_pages.pages())


def test_f1_opens_the_guide_page_of_the_page_shown(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.summary is not None)
    assert window.guide_action.shortcut().toString() == "F1"
    assert window.guide_action.text() == "Hướng dẫn sử dụng"
    for name, guide in EXPECTED_F1["commune"].items():
        window.show_page(name)
        window.guide_action.trigger()
        assert isinstance(window.help_window, HelpWindow)
        assert window.help_window.current == guide, name
        assert window.help_window.isVisible()
        window.help_window.close()  # open again, it would be raised (offscreen Qt warns on raise)


def test_f1_follows_the_role(qtbot, province_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(province_ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.summary is not None)
    for name, guide in EXPECTED_F1["province"].items():
        window.show_page(name)
        help_window = window.open_help()
        assert isinstance(help_window, HelpWindow)
        assert help_window.current == guide, name
        help_window.close()


def test_links_and_search_in_the_help_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = HelpWindow()
    qtbot.addWidget(window)
    window.open_at("index")
    assert window.current == "index"
    assert "Hướng dẫn sử dụng OCOP Desktop" in window.windowTitle()
    window.browser.anchorClicked.emit(QUrl("bat-dau.md"))
    assert window.current == "bat-dau"
    assert "Thiết lập tin cậy" in window.browser.toPlainText()
    picture = window.browser.loadResource(2, QUrl("img/gui-lan-dau.png"))  # QTextDocument.ImageResource
    assert not picture.isNull()
    window.search.setText("phim tat")
    assert window.list.count() >= 1
    assert window.list.item(0).text() == "Phím tắt"
    window.search.returnPressed.emit()
    assert window.current == "phim-tat"
    window.show_page("no-such-page")
    assert window.current == "index"
    window.close()


def test_first_steps_reflect_the_data(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    dialog = window.open_first_steps()
    assert isinstance(dialog, FirstStepsDialog)
    qtbot.waitUntil(lambda: dialog.steps is not None)
    assert "xã/phường" in dialog.heading.text()
    assert "1/7" in dialog.heading.text()
    assert dialog.body.text().count("☑") == 1
    assert dialog.body.text().count("☐") == 6
    opened: list[str] = []
    dialog.openHelp.connect(opened.append)
    dialog.body.linkActivated.emit("bat-dau")
    assert opened == ["bat-dau"]
    dialog.close()


def test_f1_in_a_dossier_window_opens_the_dossier_page(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    from helpers.dossier_ui import build_editor, new_dossier

    editor = build_editor(ctx, new_dossier(ctx))
    qtbot.addWidget(editor)
    shown = editor.open_help()
    assert isinstance(shown, HelpWindow)
    assert shown.current == "ho-so-xa"
    assert shown.parentWidget() is editor  # the editor has no main window here: its own help window
    shown.close()

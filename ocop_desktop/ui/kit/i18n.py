"""Languages: Vietnamese is written in the source; English comes from Qt Linguist files
(`resources/translations/ocop_desktop_en.ts` -> `.qm`). Switching installs or removes the
translator; Qt then sends every widget a LanguageChange event and they retranslate.

Qt ships no Vietnamese for its own texts (the file dialog, the text-field menu, standard
buttons, the wizard's and the print dialog's): `qtbase_vi.ts` -> `.qm` holds the ones the app
shows, installed in Vietnamese mode. Installing a translator later would retranslate every
widget, so it is loaded here, with the language, before the first window (a ~20 KB file).

Numbers and dates stay in Vietnamese format (vi_VN) in both languages: the records are
Vietnamese administrative documents.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ocop_desktop.paths import resource

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language: never translated
_installed: list[QTranslator] = []
_current = "vi"


def translation_file(language: str) -> str:
    return str(resource(f"translations/ocop_desktop_{language}.qm"))


def qt_translation_file(language: str) -> str:
    """Our translation of Qt's own texts into `language` (only Vietnamese: Qt ships the others)."""
    return str(resource(f"translations/qtbase_{language}.qm"))


def install_language(language: str) -> str:
    """Make `language` the UI language now; returns the language actually in effect."""
    global _current
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    while _installed:
        app.removeTranslator(_installed.pop())
    _current = "vi"
    if language == "vi":
        _install(app, qt_translation_file("vi"))
    else:
        if _install(app, translation_file(language)):
            _current = language
        else:
            log.warning("no translation file for %r, staying in Vietnamese", language)
            _install(app, qt_translation_file("vi"))
    return _current


def _install(app: QCoreApplication, path: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(path):
        log.warning("translation file %s could not be loaded", path)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def current_language() -> str:
    return _current

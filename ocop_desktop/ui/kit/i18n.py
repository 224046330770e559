"""Languages: Vietnamese is written in the source; English comes from Qt Linguist files
(`resources/translations/ocop_desktop_en.ts` -> `.qm`). Switching installs or removes the
translator; Qt then sends every widget a LanguageChange event and they retranslate.

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
    if language != "vi":
        translator = QTranslator(app)
        if translator.load(translation_file(language)):
            app.installTranslator(translator)
            _installed.append(translator)
            _current = language
        else:
            log.warning("no translation file for %r, staying in Vietnamese", language)
    return _current


def current_language() -> str:
    return _current

"""The application's one palette: every colour the widgets use, named once, and the small label
helpers that apply them. A colour is a `QColor`; widgets styled with a style sheet use the
`*_STYLE` strings (or `colour.name()`).

Table cells take a pair (background, foreground), `None` keeping the view's own; the score sheet
paints its cards by hand with its own, stronger shades (`SHEET_*`), which read well as thin
stripes and small text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel

# -- text ---------------------------------------------------------------------------------------
ERROR = QColor("#b3261e")  # refused values, missing papers, overdue
OK = QColor("#1b5e20")  # saved, complete
MUTED = QColor("#5f6368")  # hints, captions, what does not apply
CAPTION = QColor("#555555")  # the evaluator's subtitles, counts and field names
NOTE = QColor("#666666")  # the evaluator's notes under a panel
WARNING_TEXT = QColor("#8a5300")  # a warning line in a dialog
COMPLETE = QColor("#008000")  # a sheet scored in full, in the evaluator's list (Qt's darkGreen)
ERROR_STYLE = f"color: {ERROR.name()};"
OK_STYLE = f"color: {OK.name()};"
MUTED_STYLE = f"color: {MUTED.name()};"
CAPTION_STYLE = f"color: {CAPTION.name()};"

# -- table cells: (background, foreground) -----------------------------------------------------
Colours = tuple[QColor | None, QColor | None]
GOOD_FILL = QColor("#e6f4ea")
WARN_FILL = QColor("#fff3cd")
BAD_FILL = QColor("#fde0dc")
INFO_FILL = QColor("#e8f0fe")
GOOD: Colours = (GOOD_FILL, OK)
WARN: Colours = (WARN_FILL, QColor("#7a4d00"))  # also a deadline that is near
BAD: Colours = (BAD_FILL, ERROR)  # also a deadline that is past, a score far from the others
INFO: Colours = (INFO_FILL, QColor("#174ea6"))
GREYED: Colours = (None, MUTED)
URGENCY_COLOURS: dict[str, Colours] = {"due_soon": WARN, "overdue": BAD}  # by domain.deadlines.Urgency
GROUP_FILL = QColor("#eef1f5")  # the heading row of a group of rows
KNOCKOUT_FILL = QColor("#fdecea")  # a paper whose absence eliminates the product
TOTAL_FILL = QColor("#f1f3f4")  # the totals of a matrix (the council's members × criteria)

# -- bars and boxes set off from the page ------------------------------------------------------
PANEL_FILL = QColor("#f4f7fb")  # the evaluator's top bar and its fingerprint box
PANEL_EDGE = QColor("#d5dde8")  # the line under the evaluator's top bar
PANEL_FRAME = QColor("#c9d6e6")  # the frame of the evaluator's fingerprint box
KEY_FILL = QColor("#f8f9fa")  # a fingerprint on the sync pages
KEY_FRAME = QColor("#dadce0")
PAGE_FRAME = QColor(0, 0, 0, 90)  # around each page of the print preview (its backdrop is MUTED)

# -- banners (a coloured message line, `kit.banner.Banner`) --------------------------------------
_BANNER = "background:%s; color:%s; border:1px solid %s; border-radius:4px; padding:6px 10px;"
BANNER_STYLES = {
    "warn": _BANNER % ("#fff3cd", "#5c3b00", "#f0c36d"),
    "error": _BANNER % ("#fde0dc", "#8c1d18", "#f2b8b5"),
    "ok": _BANNER % ("#e6f4ea", "#1b5e20", "#a8dab5"),
    "info": _BANNER % ("#e8f0fe", "#174ea6", "#aecbfa"),
}

# -- the score sheet (`ui.scoring`, painted by hand) ---------------------------------------------
ACCENT = QColor("#1f6fb2")
STAR_COLOR = QColor("#a34f00")
SHEET_GOOD = QColor("#2e7d32")
SHEET_WARN = QColor("#c77700")
SHEET_BAD = QColor("#c62828")
UNANSWERED = QColor("#b0b7bf")
CARD_BORDER = QColor("#d5dae0")
CHECKED_FILL = QColor(31, 111, 178, 34)  # ACCENT, faint
HOVER_FILL = QColor(31, 111, 178, 14)  # ACCENT, fainter
CURRENT_FILL = QColor("#f3f8fd")
PART_FILL = QColor("#e8eef5")
CHIP_FILL = QColor("#e3ecf6")  # an evidence file cited by a criterion
CHIP_TEXT = QColor("#174a78")
READ_ONLY_FILL = QColor("#fff4e0")  # the banner of a sheet that can only be viewed
READ_ONLY_TEXT = QColor("#7a4a00")


def bold(label: QLabel, scale: float = 1.0) -> QLabel:
    """`label` in bold, `scale` times the size."""
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def required_label(text: str, required: bool) -> str:
    """Rich text of a field label; required fields end with a red star."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return f"{escaped} <span style='color:{ERROR.name()}'>*</span>" if required else escaped

"""Shared pieces of the rule-file validator (validate.py, validate_sheet.py): the format's
constants and a problem collector with small type checks."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from ocop_desktop.domain.rules.canonical import HASH_FIELD, PROCEDURE_FIELD

FORMAT = "ocop-ruleset"
FORMAT_VERSIONS = (1,)
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
STOP_KINDS = ("stop", "eliminate", "not_evaluated")
STOP_TRIGGERS = ("flag", "zero_points")
TOP_KEYS = {
    "format",
    "format_version",
    "id",
    "title",
    "legal_reference",
    "effective_from",
    "effective_to",
    "source",
    "star_marker_rule",
    "star_bands",
    "part_maxima",
    "total",
    "product_groups",
    "knockouts",
    "corrections",
    "suspect_values",
    "sets",
    HASH_FIELD,
}
# Optional: files written before procedures were data have no procedure section (their content
# hash is the same as with one: the section is hashed on its own, see canonical.py).
OPTIONAL_TOP_KEYS = frozenset({PROCEDURE_FIELD})
SET_KEYS = {
    "number",
    "code",
    "name",
    "product_group",
    "group",
    "lead_ministries",
    "header",
    "footer",
    "knockout_clause",
    "knockouts",
    "stops",
    "max",
    "parts",
}
PART_KEYS = {"code", "title", "printed_title", "max", "groups"}
GROUP_KEYS = {"code", "title", "max", "notes", "criteria"}
CRITERION_KEYS = {
    "code",
    "title",
    "max",
    "notes",
    "group_level",
    "applies_if",
    "cases",
    "options",
    "criteria",
}
OPTION_KEYS = {"label", "points", "star", "case", "synthetic"}
STOP_KEYS = {"id", "criterion", "kind", "trigger", "label", "criteria", "note"}


def is_int(v: Any) -> bool:
    return type(v) is int  # bool is an int subclass and floats are not exact: both refused


def is_date(v: Any) -> bool:
    try:
        return isinstance(v, str) and date.fromisoformat(v).isoformat() == v
    except ValueError:
        return False


class Checker:
    """Collects problems; helpers check one value and say where it is."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def bad(self, where: str, what: str) -> None:
        self.found.append(f"{where}: {what}" if where else what)

    def obj(self, v: Any, where: str, required: set[str], optional: frozenset[str] = frozenset()) -> bool:
        if not isinstance(v, dict):
            self.bad(where, "phải là một đối tượng JSON")
            return False
        missing = sorted(required - v.keys())
        extra = sorted(v.keys() - required - optional)
        if missing:
            self.bad(where, "thiếu trường " + ", ".join(missing))
        if extra:
            self.bad(where, "có trường lạ " + ", ".join(extra))
        return not missing

    def text(self, v: Any, where: str, *, empty: bool = False, null: bool = False) -> None:
        if v is None and null:
            return
        if not isinstance(v, str) or (not empty and not v.strip()):
            self.bad(where, "phải là chuỗi chữ" + ("" if empty else " không rỗng"))
        elif unicodedata.normalize("NFC", v) != v:
            self.bad(where, "chữ chưa chuẩn hóa NFC")

    def texts(self, v: Any, where: str) -> None:
        if not isinstance(v, list):
            self.bad(where, "phải là danh sách chuỗi")
            return
        for i, item in enumerate(v):
            self.text(item, f"{where}[{i}]", empty=True)

    def integer(self, v: Any, where: str, low: int = 0) -> bool:
        if not is_int(v) or v < low:
            self.bad(where, f"phải là số nguyên ≥ {low} (gặp {v!r})")
            return False
        return True

"""Checks of the `procedure` section of a rule-set document (format 2, see validate.py): the
numbers of the procedure, each with the legal basis it comes from, and the section's own hash.

    "procedure": {
      "commune_review": {"working_days": 15, "basis": "…"},
      "certificate": {"validity_months": 36, "basis": "…"},
      "reevaluation_window": {"opens_days_before_expiry": 180, "closes_days_before_expiry": 120,
                              "basis": "…"},
      "council_defaults": {"max_spread": 10, "quorum": {"numerator": 3, "denominator": 4},
                           "chair_required": true, "basis": "…"},
      "content_hash": "<sha-256 of the section without this member>"
    }
"""

from __future__ import annotations

from typing import Any

from ocop_desktop.domain.rules.canonical import HASH_FIELD, PROCEDURE_FIELD, procedure_hash
from ocop_desktop.domain.rules.checks import HEX64, Checker, is_int

SECTIONS = {
    "commune_review": {"working_days"},
    "certificate": {"validity_months"},
    "reevaluation_window": {"opens_days_before_expiry", "closes_days_before_expiry"},
    "council_defaults": {"max_spread", "quorum", "chair_required"},
}
BASIS = "basis"


class ProcedureChecker:
    def __init__(self, c: Checker) -> None:
        self.c = c

    def check(self, procedure: Any) -> None:
        c, w = self.c, PROCEDURE_FIELD
        if not c.obj(procedure, w, set(SECTIONS) | {HASH_FIELD}):
            return
        found_before = len(c.found)
        for name, keys in SECTIONS.items():
            if c.obj(procedure[name], f"{w}.{name}", keys | {BASIS}):
                c.text(procedure[name][BASIS], f"{w}.{name}.{BASIS}")
        if len(c.found) == found_before:
            self.numbers(procedure)
        stored = procedure[HASH_FIELD]
        if not isinstance(stored, str) or not HEX64.match(stored):
            c.bad(f"{w}.{HASH_FIELD}", "phải là 64 chữ số hex (SHA-256)")
        elif len(c.found) == found_before and stored != procedure_hash(procedure):
            c.bad(f"{w}.{HASH_FIELD}", "không khớp nội dung: quy trình đã bị sửa sau khi phát hành")

    def numbers(self, p: dict[str, Any]) -> None:
        c, w = self.c, PROCEDURE_FIELD
        c.integer(p["commune_review"]["working_days"], f"{w}.commune_review.working_days", 1)
        c.integer(p["certificate"]["validity_months"], f"{w}.certificate.validity_months", 1)
        window = p["reevaluation_window"]
        opens = c.integer(
            window["opens_days_before_expiry"], f"{w}.reevaluation_window.opens_days_before_expiry", 1
        )
        closes = c.integer(
            window["closes_days_before_expiry"], f"{w}.reevaluation_window.closes_days_before_expiry"
        )
        if opens and closes and window["opens_days_before_expiry"] <= window["closes_days_before_expiry"]:
            c.bad(f"{w}.reevaluation_window", "ngày mở phải trước ngày đóng (số ngày trước hạn lớn hơn)")
        council = p["council_defaults"]
        c.integer(council["max_spread"], f"{w}.council_defaults.max_spread")
        if not isinstance(council["chair_required"], bool):
            c.bad(f"{w}.council_defaults.chair_required", "phải là true hoặc false")
        self.quorum(council["quorum"], f"{w}.council_defaults.quorum")

    def quorum(self, q: Any, where: str) -> None:
        c = self.c
        if not c.obj(q, where, {"numerator", "denominator"}):
            return
        n, d = q["numerator"], q["denominator"]
        if not (is_int(n) and is_int(d) and 0 < n <= d):
            c.bad(where, "phải là phân số numerator/denominator, lớn hơn 0 và không quá 1 (ví dụ 3/4)")

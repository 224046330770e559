"""Hand-written check of a rule-set document against the rules of ruleset.schema.json, plus
what a JSON Schema cannot say: sums (set = parts = groups = criteria = best option), unique
codes, references between fields, NFC text, the content hash, and the procedure section with its
own hash (validate_procedure.py).

`problems(document)` returns readable Vietnamese messages, each naming where it is; an empty
list means the document is sound. No third-party validator is needed at run time.
"""

from __future__ import annotations

from typing import Any

from ocop_desktop.domain.rules.canonical import HASH_FIELD, PROCEDURE_FIELD, content_hash
from ocop_desktop.domain.rules.checks import (
    FORMAT,
    FORMAT_VERSIONS,
    HEX64,
    ID,
    KEY,
    OPTIONAL_TOP_KEYS,
    SET_KEYS,
    TOP_KEYS,
    Checker,
    is_date,
    is_int,
)
from ocop_desktop.domain.rules.validate_procedure import ProcedureChecker
from ocop_desktop.domain.rules.validate_sheet import SheetChecker


def problems(doc: Any) -> list[str]:
    c = _DocumentChecker()
    c.document(doc)
    return c.found


class _DocumentChecker(Checker):
    def document(self, doc: Any) -> None:
        if not self.obj(doc, "", TOP_KEYS, OPTIONAL_TOP_KEYS):
            return
        if doc["format"] != FORMAT or doc["format_version"] not in FORMAT_VERSIONS:
            self.bad("format", f"không phải tệp bộ tiêu chí ({FORMAT} phiên bản {FORMAT_VERSIONS})")
            return
        if not isinstance(doc["id"], str) or not ID.match(doc["id"]):
            self.bad("id", "chỉ gồm chữ thường, số và dấu gạch ngang")
        self.text(doc["title"], "title")
        self.text(doc["star_marker_rule"], "star_marker_rule")
        self.dates(doc)
        for key in ("legal_reference", "source"):
            if not isinstance(doc[key], dict):
                self.bad(key, "phải là một đối tượng JSON")
            else:
                for k, v in doc[key].items():
                    self.text(v, f"{key}.{k}", null=True)
        self.bands(doc["star_bands"])
        self.part_maxima(doc["part_maxima"], doc["total"])
        groups = self.product_groups(doc["product_groups"])
        knockouts = self.knockout_catalogue(doc["knockouts"])
        self.notes_list(doc["corrections"], "corrections", {"set", "where", "printed", "used", "reason"})
        self.notes_list(doc["suspect_values"], "suspect_values", {"set", "where", "issue"})
        self.sets(doc, groups, knockouts)
        if PROCEDURE_FIELD in doc:
            ProcedureChecker(self).check(doc[PROCEDURE_FIELD])
        stored = doc[HASH_FIELD]
        if not isinstance(stored, str) or not HEX64.match(stored):
            self.bad(HASH_FIELD, "phải là 64 chữ số hex (SHA-256)")
        elif not self.found and stored != content_hash(doc):
            self.bad(HASH_FIELD, "không khớp nội dung: tệp đã bị sửa sau khi phát hành")

    def dates(self, doc: dict[str, Any]) -> None:
        start, end = doc["effective_from"], doc["effective_to"]
        if not is_date(start):
            self.bad("effective_from", "phải là ngày dạng YYYY-MM-DD")
        if end is not None and not is_date(end):
            self.bad("effective_to", "phải là null hoặc ngày dạng YYYY-MM-DD")
        elif end is not None and is_date(start) and end < start:
            self.bad("effective_to", "trước ngày bắt đầu hiệu lực")

    def bands(self, bands: Any) -> None:
        if not isinstance(bands, list) or not bands:
            self.bad("star_bands", "phải là danh sách không rỗng")
            return
        for i, b in enumerate(bands):
            where = f"star_bands[{i}]"
            if self.obj(b, where, {"star", "min", "certified", "recognised_by"}):
                if b["star"] != i + 1 or not is_int(b["min"]) or not isinstance(b["certified"], bool):
                    self.bad(where, "hạng sao phải là 1, 2, 3… theo thứ tự; min là số nguyên")
                elif i and not b["min"] > bands[i - 1]["min"]:
                    self.bad(where, "ngưỡng điểm phải tăng dần")
                self.text(b["recognised_by"], f"{where}.recognised_by", null=True)
        if isinstance(bands[0], dict) and bands[0].get("min") != 0:
            self.bad("star_bands[0]", "hạng thấp nhất phải bắt đầu từ 0 điểm")

    def part_maxima(self, maxima: Any, total: Any) -> None:
        if not isinstance(maxima, dict) or not maxima or not all(is_int(v) for v in maxima.values()):
            self.bad("part_maxima", "phải ánh xạ mã phần -> điểm tối đa (số nguyên)")
        elif not is_int(total) or sum(maxima.values()) != total:
            self.bad("total", f"phải bằng tổng điểm các phần ({sum(maxima.values())})")

    def product_groups(self, items: Any) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        if not isinstance(items, list):
            self.bad("product_groups", "phải là danh sách")
            return out
        for i, pg in enumerate(items):
            if self.obj(pg, f"product_groups[{i}]", {"code", "name", "groups"}) and isinstance(
                pg["groups"], list
            ):
                out[pg["code"]] = set()
                for j, g in enumerate(pg["groups"]):
                    if self.obj(g, f"product_groups[{i}].groups[{j}]", {"code", "name"}):
                        out[pg["code"]].add(g["code"])
                        self.text(g["name"], f"product_groups[{i}].groups[{j}].name")
        return out

    def knockout_catalogue(self, items: Any) -> set[str]:
        ids: set[str] = set()
        if not isinstance(items, list):
            self.bad("knockouts", "phải là danh sách")
            return ids
        for i, k in enumerate(items):
            if self.obj(k, f"knockouts[{i}]", {"id", "label"}):
                if not isinstance(k["id"], str) or not KEY.match(k["id"]) or k["id"] in ids:
                    self.bad(f"knockouts[{i}].id", "mã điều kiện loại phải là duy nhất, dạng chu_thuong")
                ids.add(str(k["id"]))
                self.text(k["label"], f"knockouts[{i}].label")
        return ids

    def notes_list(self, items: Any, where: str, keys: set[str]) -> None:
        if not isinstance(items, list):
            self.bad(where, "phải là danh sách")
            return
        for i, item in enumerate(items):
            if self.obj(item, f"{where}[{i}]", keys, frozenset({"source_note"})):
                self.integer(item["set"], f"{where}[{i}].set", 1)
                for k in sorted(set(item) - {"set"}):
                    self.text(item[k], f"{where}[{i}].{k}")

    def sets(self, doc: dict[str, Any], groups: dict[str, set[str]], knockouts: set[str]) -> None:
        sets = doc["sets"]
        if not isinstance(sets, list) or not sets:
            self.bad("sets", "phải là danh sách bộ sản phẩm không rỗng")
            return
        seen: set[Any] = set()
        for i, s in enumerate(sets):
            where = f"bộ {s.get('number', i + 1)}" if isinstance(s, dict) else f"sets[{i}]"
            if not self.obj(s, where, SET_KEYS):
                continue
            for key in ("number", "code"):
                if (key, repr(s[key])) in seen:
                    self.bad(where, f"trùng {key} {s[key]!r} với bộ khác")
                seen.add((key, repr(s[key])))
            SheetChecker(self, where, doc, groups, knockouts).check(s)

"""Checks of one sheet of a rule-set document (see validate.py): structure, types and the sums
that make a sheet add up: set max = sum of parts, part = its fixed maximum = sum of groups,
group = sum of criteria, criterion with sub-criteria = their sum, leaf = its best option (in
every alternative case)."""

from __future__ import annotations

from typing import Any

from ocop_desktop.domain.rules.checks import (
    CRITERION_KEYS,
    GROUP_KEYS,
    KEY,
    OPTION_KEYS,
    PART_KEYS,
    STOP_KEYS,
    STOP_KINDS,
    STOP_TRIGGERS,
    Checker,
    is_int,
)


class SheetChecker:
    def __init__(
        self, c: Checker, where: str, doc: dict[str, Any], groups: dict[str, set[str]], knockouts: set[str]
    ) -> None:
        self.c, self.where, self.doc, self.groups, self.knockouts = c, where, doc, groups, knockouts
        self.codes: dict[str, bool] = {}  # criterion code -> is leaf
        self.conditions: list[tuple[str, Any]] = []

    def check(self, s: dict[str, Any]) -> None:
        c, w = self.c, self.where
        c.integer(s["number"], f"{w}.number", 1)
        for key in ("code", "name"):
            c.text(s[key], f"{w}.{key}")
        if s["product_group"] not in self.groups or s["group"] not in self.groups.get(s["product_group"], ()):
            c.bad(w, f"ngành/nhóm {s['product_group']!r}/{s['group']!r} không có trong product_groups")
        for key in ("lead_ministries", "header", "footer"):
            c.texts(s[key], f"{w}.{key}")
        c.text(s["knockout_clause"], f"{w}.knockout_clause", null=True)
        if not isinstance(s["knockouts"], list) or len(set(map(str, s["knockouts"]))) != len(s["knockouts"]):
            c.bad(f"{w}.knockouts", "phải là danh sách mã không trùng")
        else:
            for k in s["knockouts"]:
                if k not in self.knockouts:
                    c.bad(f"{w}.knockouts", f"mã điều kiện loại {k!r} không có trong danh mục knockouts")
        self.parts(s)
        self.stops(s["stops"])
        for code, cond in self.conditions:
            if cond["criterion"] not in self.codes or not self.codes[cond["criterion"]]:
                c.bad(f"{w}, tiêu chí {code}", f"applies_if trỏ tới tiêu chí {cond['criterion']!r} không có")

    def parts(self, s: dict[str, Any]) -> None:
        c, w = self.c, self.where
        maxima = self.doc["part_maxima"] if isinstance(self.doc["part_maxima"], dict) else {}
        parts = s["parts"]
        if not isinstance(parts, list) or [p.get("code") for p in parts if isinstance(p, dict)] != list(
            maxima
        ):
            c.bad(f"{w}.parts", f"phải gồm đúng các phần {', '.join(maxima)} theo thứ tự")
            return
        if c.integer(s["max"], f"{w}.max") and s["max"] != self.doc["total"]:
            c.bad(f"{w}.max", f"điểm tối đa {s['max']} khác tổng quy định {self.doc['total']}")
        total = 0
        for p in parts:
            pw = f"{w}, phần {p['code']}"
            if not c.obj(p, pw, PART_KEYS) or not c.integer(p["max"], f"{pw}.max"):
                continue
            c.text(p["title"], f"{pw}.title")
            c.text(p["printed_title"], f"{pw}.printed_title")
            if p["max"] != maxima[p["code"]]:
                c.bad(pw, f"điểm tối đa {p['max']} khác quy định {maxima[p['code']]}")
            groups = p["groups"] if isinstance(p["groups"], list) else []
            if not groups:
                c.bad(pw, "không có nhóm tiêu chí")
            sums = [self.group(g, pw) for g in groups]
            if None not in sums and sum(sums) != p["max"]:  # type: ignore[arg-type]
                c.bad(pw, f"tổng điểm các nhóm {sum(sums)} khác điểm tối đa {p['max']}")  # type: ignore[arg-type]
            total += p["max"]
        if total != s["max"]:
            c.bad(w, f"tổng điểm các phần {total} khác điểm tối đa {s['max']}")

    def group(self, g: Any, pw: str) -> int | None:
        c = self.c
        gw = f"{self.where}, nhóm {g.get('code') if isinstance(g, dict) else '?'}"
        if not c.obj(g, gw, GROUP_KEYS) or not c.integer(g["max"], f"{gw}.max"):
            return None
        c.text(g["code"], f"{gw}.code")
        c.text(g["title"], f"{gw}.title")
        c.texts(g["notes"], f"{gw}.notes")
        criteria = g["criteria"] if isinstance(g["criteria"], list) else []
        if not criteria:
            c.bad(gw, "không có tiêu chí")
        sums = [self.criterion(x, None) for x in criteria]
        if None not in sums and sum(sums) != g["max"]:  # type: ignore[arg-type]
            c.bad(gw, f"tổng điểm các tiêu chí {sum(sums)} khác điểm tối đa {g['max']}")  # type: ignore[arg-type]
        return int(g["max"])

    def criterion(self, x: Any, parent: str | None) -> int | None:
        c = self.c
        code = x.get("code") if isinstance(x, dict) else None
        cw = f"{self.where}, tiêu chí {code}"
        if (
            not c.obj(x, cw, CRITERION_KEYS)
            or not isinstance(code, str)
            or not c.integer(x["max"], f"{cw}.max")
        ):
            return None
        if code in self.codes:
            c.bad(cw, "mã tiêu chí bị trùng")
        if parent is not None and not code.startswith(parent + "."):
            c.bad(cw, f"mã tiêu chí con phải bắt đầu bằng {parent}.")
        c.text(x["title"], f"{cw}.title")
        c.texts(x["notes"], f"{cw}.notes")
        c.texts(x["cases"], f"{cw}.cases")
        if not isinstance(x["group_level"], bool):
            c.bad(cw, "group_level phải là true/false")
        if x["applies_if"] is not None:
            cond = x["applies_if"]
            if c.obj(cond, f"{cw}.applies_if", {"criterion", "min_points"}):
                c.integer(cond["min_points"], f"{cw}.applies_if.min_points")
                self.conditions.append((code, cond))
        children = x["criteria"] if isinstance(x["criteria"], list) else None
        options = x["options"] if isinstance(x["options"], list) else None
        if children is None or options is None or bool(children) == bool(options):
            c.bad(cw, "phải có hoặc các phương án, hoặc các tiêu chí con (không cả hai)")
            return None
        self.codes[code] = not children
        if children:
            sums = [self.criterion(ch, code) for ch in children]
            if None not in sums and sum(sums) != x["max"]:  # type: ignore[arg-type]
                c.bad(cw, f"tổng điểm các tiêu chí con {sum(sums)} khác điểm tối đa {x['max']}")  # type: ignore[arg-type]
        else:
            self.options(options, x, cw)
        return int(x["max"])

    def options(self, options: list[Any], x: dict[str, Any], cw: str) -> None:
        c = self.c
        cases = x["cases"] if isinstance(x["cases"], list) else []
        best: dict[Any, int] = {}
        stars: set[tuple[Any, Any]] = set()
        for i, o in enumerate(options):
            ow = f"{cw}, phương án {i + 1}"
            if not c.obj(o, ow, OPTION_KEYS, frozenset({"printed_points"})) or not c.integer(
                o["points"], f"{ow}.points"
            ):
                continue
            c.text(o["label"], f"{ow}.label")
            if o["star"] not in (None, 3, 4, 5):
                c.bad(ow, f"dấu sao phải là 3, 4, 5 hoặc null (gặp {o['star']!r})")
            elif o["star"] is not None and (o["case"], o["star"]) in stars:
                c.bad(ow, f"hai phương án cùng dấu {o['star']} sao")
            stars.add((o["case"], o["star"]))
            if not isinstance(o["synthetic"], bool):
                c.bad(ow, "synthetic phải là true/false")
            if "printed_points" in o:
                c.text(o["printed_points"], f"{ow}.printed_points")
            if cases and not (is_int(o["case"]) and 0 <= o["case"] < len(cases)):
                c.bad(ow, f"case phải là số thứ tự trường hợp 0–{len(cases) - 1}")
            elif not cases and o["case"] is not None:
                c.bad(ow, "case phải là null khi tiêu chí không chia trường hợp")
            key = o["case"] if cases else None
            best[key] = max(best.get(key, 0), o["points"])
        if cases and set(best) != set(range(len(cases))):
            c.bad(cw, "mỗi trường hợp phải có ít nhất một phương án")
        for key, top in best.items():
            if top != x["max"]:
                label = f" (trường hợp {key + 1})" if key is not None else ""
                c.bad(cw, f"điểm tối đa {x['max']} khác điểm phương án cao nhất {top}{label}")

    def stops(self, stops: Any) -> None:
        c, w = self.c, self.where
        if not isinstance(stops, list):
            c.bad(f"{w}.stops", "phải là danh sách")
            return
        ids: set[str] = set()
        for i, st in enumerate(stops):
            sw = f"{w}.stops[{i}]"
            if not c.obj(st, sw, STOP_KEYS):
                continue
            if not isinstance(st["id"], str) or not KEY.match(st["id"]) or st["id"] in ids:
                c.bad(sw, "mã điểm dừng phải là duy nhất trong bộ, dạng chu_thuong")
            ids.add(str(st["id"]))
            if st["criterion"] not in self.codes:
                c.bad(sw, f"tiêu chí {st['criterion']!r} không có trong phiếu")
            if st["kind"] not in STOP_KINDS or st["trigger"] not in STOP_TRIGGERS:
                c.bad(sw, f"kind phải thuộc {STOP_KINDS}, trigger thuộc {STOP_TRIGGERS}")
            watched = st["criteria"] if isinstance(st["criteria"], list) else []
            if not watched or any(not self.codes.get(code) for code in watched if isinstance(code, str)):
                c.bad(sw, "criteria phải liệt kê các tiêu chí chấm điểm có trong phiếu")
            c.text(st["label"], f"{sw}.label")
            c.text(st["note"], f"{sw}.note")

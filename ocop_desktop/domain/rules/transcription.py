"""Convert the shared transcription of QĐ 26/2026 Phụ lục II (ocop/qd26-2026-phuluc2-criteria.json)
into this project's rule-set format (resources/rulesets/ruleset.schema.json).

`convert` is pure and deterministic: the committed resources/rulesets/qd26-2026.json is exactly
`dumps(convert(source, procedure))`, and a test keeps it so. Facts the transcription does not carry
in structured form are derived here from its verbatim text (knock-out clauses, stop notes, the
"only with a product story" note) or taken from Phụ lục I (`classification`). The procedure
section comes from the articles of the decision, not from Phụ lục II: it is hand-written data,
passed in (the committed file's own section when regenerating) and only hashed here.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ocop_desktop.domain.rules import classification
from ocop_desktop.domain.rules.canonical import HASH_FIELD, content_hash, procedure_hash
from ocop_desktop.domain.text import nfc

RULESET_ID = "qd26-2026"
FORMAT = "ocop-ruleset"
FORMAT_VERSION = 1
STORY_NOTE = "Chỉ áp dụng khi có câu chuyện sản phẩm"
PART_POINTS = re.compile(r"\s*\(\s*\d+\s*điểm\s*\)\s*$", re.IGNORECASE)

# Dossier-level knock-outs ("Hồ sơ bị loại khi: ..."): id, short label, text that marks it in
# the clause (lower case). The clause itself is kept verbatim on each sheet.
KNOCKOUTS: list[tuple[str, str, str]] = [
    ("forged_dossier", "Giả mạo hồ sơ", "giả mạo hồ sơ"),
    (
        "food_safety_certificate",
        "Không tuân thủ đầy đủ quy định về giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "đủ điều kiện an toàn thực phẩm",
    ),
    (
        "gmp",
        "Không tuân thủ đầy đủ quy định về giấy chứng nhận cơ sở đủ điều kiện sản xuất "
        "(GMP đối với thực phẩm bảo vệ sức khỏe hoặc tương đương)",
        "gmp",
    ),
    (
        "declaration_labelling_advertising",
        "Hồ sơ công bố chất lượng, ghi nhãn, quảng cáo sản phẩm không đáp ứng quy định",
        "ghi nhãn sản phẩm, quảng cáo",
    ),
    (
        "production_conditions",
        "Không có đủ điều kiện bắt buộc để sản xuất sản phẩm theo quy định quản lý chuyên ngành",
        "điều kiện bắt buộc để sản xuất",
    ),
    ("product_declaration", "Không có bản công bố sản phẩm (hoặc tương đương)", "bản công bố sản phẩm"),
    ("production_licence", "Không có giấy phép sản xuất theo quy định", "giấy phép sản xuất"),
    ("registration_dossier", "Không đáp ứng về hồ sơ đăng ký theo quy định", "hồ sơ đăng ký theo quy định"),
]

# Criterion-level stops, recognised from the verbatim notes: id, kind, trigger, label, test.
STOPS: list[tuple[str, str, str, str, Any]] = [
    (
        "foreign_matter",
        "stop",
        "flag",
        "Có tạp chất không chấp nhận được (nguy cơ mất an toàn thực phẩm)",
        lambda n: (
            "tạp chất" in n
            and ("không đánh giá các bước tiếp theo" in n or "không xem xét các chỉ tiêu khác" in n)
        ),
    ),
    (
        "imported_raw_material",
        "eliminate",
        "flag",
        "Sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc",
        lambda n: "nguyên liệu nhập khẩu" in n,
    ),
    (
        "copied_product",
        "eliminate",
        "flag",
        "Giống hệt sản phẩm của nhà sản xuất khác, chỉ thay đổi tên sản phẩm, nhà sản xuất",
        lambda n: "giống hệt sản phẩm" in n,
    ),
    (
        "ip_infringement",
        "eliminate",
        "flag",
        "Sản phẩm vi phạm sở hữu trí tuệ",
        lambda n: "vi phạm sở hữu trí tuệ" in n,
    ),
    (
        "sensory_zero",
        "stop",
        "zero_points",
        "Được 0 điểm tại một trong các chỉ tiêu cảm quan",
        lambda n: "0 điểm tại một trong các chỉ tiêu trên" in n,
    ),
    (
        "no_product_declaration",
        "stop",
        "flag",
        "Không có Phiếu công bố sản phẩm theo quy định",
        lambda n: "phiếu công bố sản phẩm" in n and "không đánh giá các bước tiếp theo" in n,
    ),
    (
        "key_product_line",
        "not_evaluated",
        "flag",
        "Sản phẩm phổ biến của nhóm sản phẩm chủ lực, không nổi trội về chất lượng và đặc sắc",
        lambda n: "không đánh giá những sản phẩm có tính phổ biến" in n,
    ),
]

# Vietnamese wording of the transcriber's (English) remarks, for administrators.
SUSPECT_VI: dict[tuple[int, str], tuple[str, str]] = {
    (7, "3.1"): (
        "tiêu chí 3.1",
        "Phương án 2 (Công ty TNHH/DNTN/CTCP vốn góp cộng đồng <51%) in 1 điểm; mọi bộ khác "
        "cho 2 điểm. Có thể là lỗi in, CHƯA sửa.",
    ),
    (23, "6.2"): (
        "tiêu chí 6.2",
        "Hai phương án đầu đều 1 điểm (Chấp nhận được = 1, Phù hợp = 1). Có thể là lỗi in, CHƯA sửa.",
    ),
    (23, "9"): (
        "tiêu chí 9",
        'Điểm tối đa in là "4 1" (có thể là dấu chú thích); dùng 4, khớp tổng Phần C = 35.',
    ),
    (26, "Phần A header"): (
        "tiêu đề Phần A",
        'Tiêu đề Phần A ghi "35 Điểm" nhưng cột điểm và tổng các nhóm là 40; dùng 40.',
    ),
    (26, "8, 9, 15"): (
        "tiêu chí 8, 9, 15",
        "Phương án chia thành hai trường hợp (Trường hợp 1/2); người đánh giá chọn đúng một "
        "trường hợp; chỉ số phương án chạy liên tục qua các trường hợp theo thứ tự in.",
    ),
}

BANDS_RECOGNISED_BY = {
    3: "Chủ tịch Ủy ban nhân dân cấp tỉnh",
    4: "Chủ tịch Ủy ban nhân dân cấp tỉnh",
    5: "Bộ trưởng Bộ Nông nghiệp và Môi trường",
}


def convert(source: dict[str, Any], procedure: dict[str, Any]) -> dict[str, Any]:
    corrections = [_correction(c) for c in source["corrections_applied"]]
    sets = []
    for src in source["sets"]:
        doc, extra = _set(src)
        sets.append(doc)
        corrections.extend(extra)
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": RULESET_ID,
        "title": nfc(source["title"]),
        "legal_reference": {
            "document": source["legal_document"],
            "title": "Ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm",
            "annex": "Phụ lục II",
            "signed": source["signed"],
            "effective": source["effective"],
            "url": source["official_url"],
        },
        "effective_from": source["effective"],
        "effective_to": None,
        "source": {
            "note": "Chuyển tự động từ bản chép dữ liệu Phụ lục II "
            "(ocop/qd26-2026-phuluc2-criteria.json) bằng ocop_desktop.domain.rules.transcription; "
            "cần đối chiếu với văn bản gốc trên Công báo.",
            "copy_used": source["copy_used"],
            "replaces": source["replaces"],
        },
        "star_marker_rule": "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao "
        "(*** - 3 sao; **** - 4 sao; ***** - 5 sao)",
        "star_bands": _bands(source["star_bands"]),
        "part_maxima": {p["code"]: int(p["max"]) for p in source["sets"][0]["parts"]},
        "total": int(source["sets"][0]["total"]),
        "procedure": {k: v for k, v in procedure.items() if k != HASH_FIELD},
        "product_groups": classification.product_groups_document(),
        "knockouts": [{"id": i, "label": label} for i, label, _ in KNOCKOUTS],
        "corrections": sorted(corrections, key=lambda c: c["set"]),
        "suspect_values": [_suspect(s) for s in source["suspect_values_not_corrected"]],
        "sets": sets,
    }
    document = _nfc_all(document)
    document["procedure"][HASH_FIELD] = procedure_hash(document["procedure"])
    document["content_hash"] = content_hash(document)
    return document


def _nfc_all(value: Any) -> Any:
    """Every string NFC (the format requires it); white space is left verbatim."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc_all(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc_all(v) for k, v in value.items()}
    return value


def _bands(src: list[dict[str, Any]]) -> list[dict[str, Any]]:
    bands = sorted(src, key=lambda b: b["stars"])
    return [
        {
            "star": b["stars"],
            "min": int(b["min"]),
            "certified": b["stars"] >= 3,
            "recognised_by": BANDS_RECOGNISED_BY.get(b["stars"]),
        }
        for b in bands
    ]


def _correction(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "set": c["set"],
        "where": f"tiêu chí {c['criterion']}",
        "printed": str(c["from"]),
        "used": str(c["to"]),
        "reason": f"Điểm in {c['from']} không khớp điểm tối đa của tiêu chí; "
        f"coi là lỗi đánh máy, dùng {c['to']}.",
        "source_note": c["reason"],
    }


def _suspect(s: dict[str, Any]) -> dict[str, Any]:
    where, issue = SUSPECT_VI.get((s["set"], s["criterion"]), (s["criterion"], s["issue"]))
    return {"set": s["set"], "where": where, "issue": issue, "source_note": s["issue"]}


def _set(src: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    number = src["no"]
    code, group, ministries = classification.SETS[number]
    header, corrections = _dedupe_header(number, src["header"])
    clause = next((line for line in header if "bị loại khi" in line.casefold()), None)
    parts = [_part(p) for p in src["parts"]]
    doc = {
        "number": number,
        "code": code,
        "name": src["name"],
        "product_group": code.split(".")[0],
        "group": group,
        "lead_ministries": ministries,
        "header": header,
        "footer": list(src["footer"]),
        "knockout_clause": clause,
        "knockouts": [i for i, _, marker in KNOCKOUTS if clause and marker in clause.casefold()],
        "stops": _stops(parts),
        "max": int(src["total"]),
        "parts": parts,
    }
    return doc, corrections


def _dedupe_header(number: int, lines: list[str]) -> tuple[list[str], list[dict[str, Any]]]:
    kept: list[str] = []
    corrections = []
    for line in lines:
        if kept and kept[-1] == line:
            corrections.append(
                {
                    "set": number,
                    "where": "tiêu đề phiếu",
                    "printed": "dòng lặp 2 lần",
                    "used": "1 lần",
                    "reason": f'Dòng lặp lại liền nhau trong bản sao văn bản, giữ một dòng: "{line}"',
                    "source_note": "duplicate consecutive header line",
                }
            )
            continue
        kept.append(line)
    return kept, corrections


def _part(src: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": src["code"],
        "title": PART_POINTS.sub("", src["title"]),
        "printed_title": src["title"],
        "max": int(src["max"]),
        "groups": [_group(g) for g in src["groups"]],
    }


def _group(src: dict[str, Any]) -> dict[str, Any]:
    story = next((c["code"] for c in src["criteria"] if c["title"].startswith("Câu chuyện sản phẩm")), None)
    return {
        "code": src["code"],
        "title": src["title"],
        "max": int(src["max"]),
        "notes": list(src["notes"]),
        "criteria": [_criterion(c, story) for c in src["criteria"]],
    }


def _criterion(src: dict[str, Any], story: str | None) -> dict[str, Any]:
    cases = list(src.get("variants", []))
    conditional = any(STORY_NOTE in n for n in src["notes"]) and story is not None
    options = []
    for o in src["options"]:
        option: dict[str, Any] = {
            "label": o["label"],
            "points": int(o["points"]),
            "star": o["min_star_marker"],
            "case": cases.index(o["variant"]) if cases else None,
            "synthetic": bool(o.get("synthetic", False)),
        }
        if "source_value" in o:
            option["printed_points"] = o["source_value"]
        options.append(option)
    return {
        "code": src["code"],
        "title": src["title"],
        "max": int(src["max"]),
        "notes": list(src["notes"]),
        "group_level": bool(src.get("group_level", False)),
        "applies_if": {"criterion": story, "min_points": 1} if conditional else None,
        "cases": cases,
        "options": options,
        "criteria": [_criterion(s, story) for s in src.get("subs", [])],
    }


def _stops(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stops = []
    for part in parts:
        for group in part["groups"]:
            leaves = [leaf for c in group["criteria"] for leaf in _leaves(c)]
            for node in (n for c in group["criteria"] for n in _nodes(c)):
                for note in node["notes"]:
                    for stop_id, kind, trigger, label, test in STOPS:
                        if not test(note.casefold()):
                            continue
                        if trigger == "zero_points":  # "one of the criteria above": this one and those before
                            codes = [leaf["code"] for leaf in leaves]
                            watched = codes[: codes.index(node["code"]) + 1]
                        else:
                            watched = [node["code"]]
                        stops.append(
                            {
                                "id": stop_id,
                                "criterion": node["code"],
                                "kind": kind,
                                "trigger": trigger,
                                "label": label,
                                "criteria": watched,
                                "note": note,
                            }
                        )
    return stops


def _nodes(c: dict[str, Any]) -> list[dict[str, Any]]:
    return [c] + [n for s in c["criteria"] for n in _nodes(s)]


def _leaves(c: dict[str, Any]) -> list[dict[str, Any]]:
    return [c] if not c["criteria"] else [leaf for s in c["criteria"] for leaf in _leaves(s)]

"""Read a rule-set file, refuse it unless it is sound and untampered, build the objects.

Every failure is a `RuleSetError` (a UserError) whose Vietnamese message names the file and
the first problems; the full list is in `detail`. Nothing half-valid is ever returned.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ocop_desktop.domain.rules.errors import RuleSetError
from ocop_desktop.domain.rules.model import (
    Condition,
    Correction,
    Criterion,
    Group,
    Knockout,
    Option,
    Part,
    Procedure,
    ProductSet,
    RuleSet,
    Sheet,
    StarBand,
    Stop,
    SuspectValue,
)
from ocop_desktop.domain.rules.notices import sheet_notices
from ocop_desktop.domain.rules.validate import problems

SCHEMA_FILE = "ruleset.schema.json"
SHOWN_PROBLEMS = 5


def load_ruleset(path: Path) -> RuleSet:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleSetError(f"Không đọc được tệp bộ tiêu chí {path.name}: {exc.strerror or exc}.") from exc
    return parse_ruleset(raw, source=path.name)


def parse_ruleset(raw: bytes | str, *, source: str = "(không tên)") -> RuleSet:
    document = _decode(raw, source)
    found = problems(document)
    if found:
        shown = "; ".join(found[:SHOWN_PROBLEMS])
        more = f" (và {len(found) - SHOWN_PROBLEMS} lỗi khác)" if len(found) > SHOWN_PROBLEMS else ""
        raise RuleSetError(
            f"Tệp bộ tiêu chí {source} không hợp lệ, không dùng được: {shown}{more}.", detail="\n".join(found)
        )
    return build(document, source=source)


def _decode(raw: bytes | str, source: str) -> Any:
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise RuleSetError(f"Tệp bộ tiêu chí {source} không phải văn bản UTF-8.") from exc
    except json.JSONDecodeError as exc:
        raise RuleSetError(
            f"Tệp bộ tiêu chí {source} không phải JSON hợp lệ "
            f"(dòng {exc.lineno}, cột {exc.colno}: {exc.msg})."
        ) from exc
    except ValueError as exc:
        raise RuleSetError(f"Tệp bộ tiêu chí {source} không phải JSON hợp lệ: {exc}.") from exc


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A repeated key would let a file show one value to a reader and another to the parser.
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f'khóa "{key}" xuất hiện hai lần trong một đối tượng')
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"giá trị {name} không được phép")


def build(doc: Mapping[str, Any], *, source: str = "") -> RuleSet:
    """Objects from a document that `validate.problems` accepted."""
    bands = tuple(
        StarBand(b["star"], b["min"], b["certified"], b["recognised_by"]) for b in doc["star_bands"]
    )
    catalogue = {k["id"]: Knockout(k["id"], k["label"]) for k in doc["knockouts"]}
    names = {pg["code"]: pg["name"] for pg in doc["product_groups"]}
    names.update({g["code"]: g["name"] for pg in doc["product_groups"] for g in pg["groups"]})
    procedure = _procedure(doc["procedure"]) if "procedure" in doc else None
    plain = tuple(
        Sheet(
            ruleset_id=doc["id"],
            ruleset_hash=doc["content_hash"],
            product_set=ProductSet(
                s["number"],
                s["code"],
                s["name"],
                s["product_group"],
                names[s["product_group"]],
                s["group"],
                names[s["group"]],
                tuple(s["lead_ministries"]),
            ),
            header=tuple(s["header"]),
            footer=tuple(s["footer"]),
            knockout_clause=s["knockout_clause"],
            knockouts=tuple(catalogue[k] for k in s["knockouts"]),
            stops=tuple(
                Stop(
                    st["id"],
                    st["criterion"],
                    st["kind"],
                    st["trigger"],
                    st["label"],
                    tuple(st["criteria"]),
                    st["note"],
                )
                for st in s["stops"]
            ),
            max=s["max"],
            parts=tuple(_part(p) for p in s["parts"]),
            bands=bands,
            procedure=procedure,
        )
        for s in doc["sets"]
    )
    corrections = tuple(
        Correction(c["set"], c["where"], c["printed"], c["used"], c["reason"]) for c in doc["corrections"]
    )
    suspects = tuple(SuspectValue(s["set"], s["where"], s["issue"]) for s in doc["suspect_values"])
    sheets = tuple(_with_notices(sheet, corrections, suspects) for sheet in plain)
    return RuleSet(
        id=doc["id"],
        title=doc["title"],
        legal_reference=MappingProxyType(dict(doc["legal_reference"])),
        effective_from=date.fromisoformat(doc["effective_from"]),
        effective_to=date.fromisoformat(doc["effective_to"]) if doc["effective_to"] else None,
        star_marker_rule=doc["star_marker_rule"],
        bands=bands,
        part_maxima=MappingProxyType(dict(doc["part_maxima"])),
        total=doc["total"],
        knockouts=tuple(catalogue.values()),
        corrections=corrections,
        suspect_values=suspects,
        sheets=sheets,
        content_hash=doc["content_hash"],
        procedure=procedure,
        source_file=source,
        document=MappingProxyType(dict(doc)),
    )


def _with_notices(
    sheet: Sheet, corrections: tuple[Correction, ...], suspects: tuple[SuspectValue, ...]
) -> Sheet:
    notices = sheet_notices(
        sheet.number, corrections, suspects, sheet.has_criterion, (p.code for p in sheet.parts)
    )
    return replace(sheet, notices=notices) if notices else sheet


def _procedure(p: Mapping[str, Any]) -> Procedure:
    window, council = p["reevaluation_window"], p["council_defaults"]
    return Procedure(
        commune_working_days=p["commune_review"]["working_days"],
        certificate_months=p["certificate"]["validity_months"],
        reevaluation_opens_days=window["opens_days_before_expiry"],
        reevaluation_closes_days=window["closes_days_before_expiry"],
        council_max_spread=council["max_spread"],
        council_quorum=Fraction(council["quorum"]["numerator"], council["quorum"]["denominator"]),
        council_chair_required=council["chair_required"],
        content_hash=p["content_hash"],
    )


def _part(p: Mapping[str, Any]) -> Part:
    groups = tuple(
        Group(g["code"], g["title"], g["max"], tuple(g["notes"]), tuple(_criterion(c) for c in g["criteria"]))
        for g in p["groups"]
    )
    return Part(p["code"], p["title"], p["printed_title"], p["max"], groups)


def _criterion(c: Mapping[str, Any]) -> Criterion:
    cond = c["applies_if"]
    return Criterion(
        code=c["code"],
        title=c["title"],
        max=c["max"],
        notes=tuple(c["notes"]),
        options=tuple(
            Option(i, o["label"], o["points"], o["star"], o["case"], o["synthetic"], o.get("printed_points"))
            for i, o in enumerate(c["options"])
        ),
        children=tuple(_criterion(x) for x in c["criteria"]),
        cases=tuple(c["cases"]),
        group_level=c["group_level"],
        applies_if=Condition(cond["criterion"], cond["min_points"]) if cond else None,
    )


def choose_copy(known: RuleSet, found: RuleSet, *, found_at: str = "") -> RuleSet:
    """Two files with one id (bundled, and installed by a reference pack): the same rules, or refused.

    The same criteria (content hash) with a procedure on one side only is the same rule set, once
    written before procedures were data: a reference pack installed by an earlier release left
    that copy beside the bundled file. The copy with the procedure is kept (otherwise the later
    one). Two different procedures under one id are refused: a change of procedure is a new id.
    `found_at` names the second file in the messages (its full path), by default its file name."""
    where = f"{known.source_file} và {found_at or found.source_file}"
    if known.content_hash != found.content_hash:
        raise RuleSetError(
            f"Có hai bộ tiêu chí khác nhau cùng mã “{found.id}” ({where}). "
            "Bản đính chính phải mang mã mới; hãy đề nghị tỉnh kiểm tra gói."
        )
    if found.procedure is None:
        return known if known.procedure is not None else found
    if known.procedure is not None and known.procedure.content_hash != found.procedure.content_hash:
        raise RuleSetError(
            f"Có hai quy trình khác nhau trong cùng bộ tiêu chí “{found.id}” ({where}). "
            "Quy trình thay đổi phải mang mã bộ tiêu chí mới; hãy đề nghị tỉnh kiểm tra gói."
        )
    return found


def ruleset_files(directory: Path) -> list[Path]:
    """The rule files of a folder: every *.json except the schema."""
    return sorted(p for p in directory.glob("*.json") if p.name != SCHEMA_FILE)

"""Checking the records of an incoming package before anything touches the database.

The package is signed by a trusted office, so a bad record is a bug or a newer version on the
sender's side, not an attack; it is still refused with a clear message rather than half applied.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any, cast

from ocop_desktop.domain.dossiers import Status
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.sync.records import COMMUNE, PROVINCE_STATUSES, RECORD_SCHEMA, part_hash

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
STATUSES = frozenset(s.value for s in Status)


def bad_record(name: str, what: str) -> PackageRefused:
    return PackageRefused(
        "malformed",
        f"Hồ sơ “{name}” trong gói không đúng cấu trúc ({what}). Hãy đề nghị bên gửi "
        "cập nhật OCOP Desktop và xuất lại gói.",
    )


def load_json(name: str, raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad_record(name, "không phải JSON") from exc


def parse_record(name: str, raw: bytes, dossier_id: str, part: str) -> dict[str, Any]:
    rec: Any = load_json(name, raw)  # JSON from the package: each part is checked by `_need` before use
    _need(name, isinstance(rec, dict), "không phải một đối tượng")
    schema = rec.get("schema")
    _need(name, isinstance(schema, int), "thiếu số phiên bản")
    if schema > RECORD_SCHEMA:
        raise PackageRefused(
            "future_version",
            f"Hồ sơ “{name}” được ghi theo phiên bản {schema}, mới hơn phiên bản "
            "máy này đọc được. Hãy cập nhật OCOP Desktop rồi nhập lại.",
        )
    _need(name, rec.get("dossier_id") == dossier_id, "mã hồ sơ khác tên tệp")
    _need(name, rec.get("part") == part, f"gói loại này phải mang phần “{part}”")
    for key in ("version", "seen_version"):
        _need(name, _int(rec.get(key)) and rec[key] >= (1 if key == "version" else 0), f"trường {key}")
    _need(name, isinstance(rec.get("hash"), str) and bool(_HEX64.match(rec["hash"])), "mã băm")
    _need(name, rec.get("status") in STATUSES, "trạng thái")
    data: Any = rec.get("data")
    _need(name, isinstance(data, dict), "thiếu dữ liệu")
    (_commune if part == COMMUNE else _province)(name, dossier_id, data)
    events: Any = rec.get("events")
    _need(name, isinstance(events, list), "nhật ký")
    for e in events:
        _need(
            name,
            isinstance(e, dict)
            and _uuid(e.get("id"))
            and e.get("dossier_id") == dossier_id
            and all(isinstance(e.get(k), str) for k in ("action", "from_status", "to_status", "at")),
            "nhật ký",
        )
        _dates(name, e, ("at",), stamp=True)
    _need(name, part_hash(part, data) == rec["hash"], "mã băm không khớp nội dung")
    return cast("dict[str, Any]", rec)


def _commune(name: str, dossier_id: str, data: dict[str, Any]) -> None:
    d: Any = data.get("dossier")
    producer: Any = data.get("producer")
    product: Any = data.get("product")
    _need(name, isinstance(d, dict) and d.get("id") == dossier_id, "phần hồ sơ")
    _need(name, isinstance(producer, dict) and _uuid(producer.get("id")), "phần chủ thể")
    _need(
        name,
        isinstance(product, dict)
        and product.get("id") == d.get("product_id")
        and product.get("producer_id") == producer.get("id"),
        "phần sản phẩm",
    )
    _need(name, isinstance(d.get("forms"), dict), "biểu mẫu")
    for row, keys in (
        (d, ("registration_type", "ruleset_id", "ruleset_hash")),
        (producer, ("name", "kind", "commune_code")),
        (product, ("name", "ruleset_id", "commune_code")),
    ):
        _need(name, all(isinstance(row.get(k), str) and row[k] for k in keys), "trường bắt buộc")
    _need(
        name,
        _int(d.get("product_set")) and _int(product.get("product_set")) and _int(product.get("seq")),
        "bộ sản phẩm",
    )
    _dates(name, d, ("received_on", "deadline"))
    items: Any = data.get("checklist")
    _need(name, isinstance(items, list), "danh mục")
    for item in items:
        _need(
            name,
            isinstance(item, dict)
            and _uuid(item.get("id"))
            and item.get("dossier_id") == dossier_id
            and all(isinstance(item.get(k), str) for k in ("key", "requirement", "status")),
            "mục danh mục",
        )
        _dates(name, item, ("expires_on",))
    sheet: Any = data.get("self_assessment")
    _need(
        name,
        sheet is None
        or (
            isinstance(sheet, dict)
            and _uuid(sheet.get("id"))
            and sheet.get("dossier_id") == dossier_id
            and isinstance(sheet.get("answers"), dict)
        ),
        "phiếu tự đánh giá",
    )
    attachments: Any = data.get("attachments")
    _need(name, isinstance(attachments, list), "tệp đính kèm")
    for a in attachments:
        _need(
            name,
            isinstance(a, dict)
            and _uuid(a.get("id"))
            and a.get("dossier_id") == dossier_id
            and isinstance(a.get("blob_sha256"), str)
            and bool(_HEX64.match(a["blob_sha256"]))
            and isinstance(a.get("filename"), str)
            and _int(a.get("size"))
            and isinstance(a.get("media_type"), str),
            "tệp đính kèm",
        )


def _province(name: str, dossier_id: str, data: dict[str, Any]) -> None:
    _need(name, data.get("status") is None or data.get("status") in PROVINCE_STATUSES, "trạng thái của tỉnh")
    _need(name, isinstance(data.get("return_reasons"), str), "lý do trả")
    certificates: Any = data.get("certificates")
    _need(name, isinstance(certificates, list), "giấy chứng nhận")
    for c in certificates:
        _need(
            name,
            isinstance(c, dict)
            and _uuid(c.get("id"))
            and c.get("dossier_id") == dossier_id
            and _int(c.get("stars"))
            and isinstance(c.get("decision_number"), str),
            "giấy chứng nhận",
        )
        _dates(name, c, ("decision_date", "valid_until", "revoked_on"))
        _need(
            name, c.get("decision_date") is not None and c.get("valid_until") is not None, "ngày quyết định"
        )


def _need(name: str, ok: bool, what: str) -> None:
    if not ok:
        raise bad_record(name, what)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _uuid(value: Any) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value))


def _dates(name: str, row: dict[str, Any], keys: tuple[str, ...], *, stamp: bool = False) -> None:
    for key in keys:
        value = row.get(key)
        if value is None:
            continue
        try:
            (datetime if stamp else date).fromisoformat(value)
        except (TypeError, ValueError):
            raise bad_record(name, f"ngày “{key}”") from None

"""Checking the records of an incoming package before anything touches the database.

Every JSON file of a package is read by the bounded parser (`ocoppkg.limits`); a record then goes
through its schema (`schema.RECORD`: types, lengths, enumerations, dates, revisions, rule sets
and product sets known here) and the checks that tie its parts together (ids, hash). The same
checks run in `verify`, the dry run and the import, so a package that `verify` accepts is one the
import can write. A bad record is refused with its name and the reason, never half applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg import limits
from ocop_desktop.ocoppkg import schema as sc
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.services.sync.records import COMMUNE, FIVE_STAR_REVIEW, RECORD_SCHEMA, part_hash
from ocop_desktop.services.sync.schema import RuleCatalog, check_record


def bad_record(name: str, what: str) -> PackageRefused:
    return PackageRefused(
        "malformed",
        f"Hồ sơ “{name}” trong gói không đúng cấu trúc ({what}). Hãy đề nghị bên gửi "
        "cập nhật OCOP Desktop và xuất lại gói.",
    )


def load_json(name: str, raw: bytes) -> Any:
    """The JSON of one package file (record, payload), within the limits of `ocoppkg.limits`."""
    return limits.parse(raw, name, max_bytes=fmt.MAX_JSON_BYTES)


def parse_record(
    name: str, raw: bytes, dossier_id: str, part: str, catalog: RuleCatalog | None = None
) -> dict[str, Any]:
    """The record in file `name` (the dossier `dossier_id` by its file name), checked."""
    return valid_record(name, load_json(name, raw), dossier_id, part, catalog or RuleCatalog.here())


def valid_record(name: str, rec: Any, dossier_id: str, part: str, catalog: RuleCatalog) -> dict[str, Any]:
    """`rec` (parsed JSON) if it is a valid record of `part` for `dossier_id`; else `PackageRefused`."""
    _need(name, isinstance(rec, dict), "không phải một đối tượng")
    schema = rec.get("schema")
    if type(schema) is int and schema > RECORD_SCHEMA:
        raise PackageRefused(
            "future_version",
            f"Hồ sơ “{name}” được ghi theo phiên bản {schema}, mới hơn phiên bản "
            "máy này đọc được. Hãy cập nhật OCOP Desktop rồi nhập lại.",
        )
    try:
        check_record(rec, part, catalog)
    except sc.Invalid as exc:
        raise bad_record(name, str(exc)) from None
    _need(name, rec["dossier_id"] == dossier_id, "mã hồ sơ khác tên tệp")
    data = rec["data"]
    if part == COMMUNE:
        _commune(name, dossier_id, data)
    else:
        _own_rows(name, dossier_id, data["certificates"], "giấy chứng nhận")
        review = data.get(FIVE_STAR_REVIEW)
        if review is not None:
            _own_rows(name, dossier_id, [review], "đề nghị công nhận 5 sao")
    _own_rows(name, dossier_id, rec["events"], "nhật ký")
    _need(name, part_hash(part, data) == rec["hash"], "mã băm không khớp nội dung")
    return cast("dict[str, Any]", rec)  # an object: checked by its schema


def _commune(name: str, dossier_id: str, data: dict[str, Any]) -> None:
    """The parts of a commune record name each other: the dossier, its product and producer."""
    d, producer, product = data["dossier"], data["producer"], data["product"]
    _need(name, d["id"] == dossier_id, "phần hồ sơ")
    _need(
        name, product["id"] == d["product_id"] and product["producer_id"] == producer["id"], "phần sản phẩm"
    )
    _own_rows(name, dossier_id, data["checklist"], "mục danh mục")
    _need(
        name, len({i["key"] for i in data["checklist"]}) == len(data["checklist"]), "hai mục danh mục cùng mã"
    )
    _own_rows(name, dossier_id, data["attachments"], "tệp đính kèm")
    shas = {a["blob_sha256"] for a in data["attachments"]}
    _need(name, len(shas) == len(data["attachments"]), "một tệp đính kèm có hai lần")
    sheet = data["self_assessment"]
    if sheet is not None:
        _own_rows(name, dossier_id, [sheet], "phiếu tự đánh giá")


def _own_rows(name: str, dossier_id: str, rows: Iterable[dict[str, Any]], what: str) -> None:
    """Rows of this dossier, each id once."""
    ids = set()
    for r in rows:
        _need(name, r.get("dossier_id") == dossier_id, f"{what} {r['id'][:8]} thuộc hồ sơ khác")
        _need(name, r["id"] not in ids, f"{what} {r['id'][:8]} có hai lần")
        ids.add(r["id"])


def _need(name: str, ok: bool, what: str) -> None:
    if not ok:
        raise bad_record(name, what)

"""The schema of dossier records (docs/sync-package.md §4), derived from the store's models.

Every column a record row may set is checked against its SQLAlchemy column — type, `String(n)`
length, nullable — so that the schema cannot drift from what the store holds; the domain adds what
a column type cannot say (enumerations, revisions ≥ 1, product sets, SHA-256 and UUID shapes).
Required: the primary key and every non-nullable column without a default, plus what the importer
reads. Unknown keys are ignored, whatever their type (a newer sender); a row's known keys are the
only ones `records.json_values` writes, so nothing unchecked reaches the database.

Rule sets are data of this machine (`RuleCatalog`): a record made under a rule set this machine
does not have, or for a product set that rule set does not define, is refused — the store could
neither show nor score it. The payloads of the other kinds are in `payload_schema.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, Integer, Numeric, String, Table

from ocop_desktop.domain.checklist import ItemStatus, Requirement
from ocop_desktop.domain.dossiers import Action, RegistrationType, Status
from ocop_desktop.domain.producers import ProducerKind
from ocop_desktop.domain.province import FiveStarRule
from ocop_desktop.ocoppkg import schema as sc
from ocop_desktop.services.registry.certificates import KNOWN_RULESETS, IssuingLevel
from ocop_desktop.services.sync.records import (
    COMMUNE,
    DOSSIER_PROVINCE_FIELDS,
    FIVE_STAR_REVIEW,
    PROVINCE,
    PROVINCE_STATUSES,
    RECORD_SCHEMA,
    WITHDRAWAL,
)
from ocop_desktop.store.base import Base
from ocop_desktop.store.models import (
    Attachment,
    Blob,
    Certificate,
    ChecklistItem,
    Dossier,
    DossierEvent,
    FiveStarReview,
    Producer,
    Product,
    ScoreSheet,
)

MAX_CODE = 20  # a criterion code ("3.1.2"), the key of answers, notes and evidence
MAX_OPTION = 99  # an answer is the index of an option in printed order (sheets have a handful)


def column_check(column: Column[Any]) -> sc.Check:
    """The check of one column's values, from its type (nullability is added by `row`)."""
    kind = column.type
    if isinstance(kind, String):  # Text too (no length)
        if kind.length == 36 and (column.key == "id" or column.key.endswith("_id")):
            return sc.uuid  # every row and office id is a UUID (store.base.new_uuid)
        # A string the store requires and has no default for is never empty (a name, a code).
        return sc.text(kind.length, min_len=1 if column.key in _required(column) else 0)
    if isinstance(kind, Boolean):
        return sc.boolean
    if isinstance(kind, Integer):  # BigInteger too; |n| < 2^63 is the parser's
        return sc.integer(1) if column.key == "revision" else sc.integer()
    if isinstance(kind, (Float, Numeric)):
        return sc.number()
    if isinstance(kind, DateTime):
        return sc.iso_datetime
    if isinstance(kind, Date):
        return sc.iso_date
    if isinstance(kind, JSON):
        return sc.anything
    raise AssertionError(f"no check for {column} ({kind!r}): add one before a record carries it")


def columns(model: type[Base], overrides: Mapping[str, sc.Check] | None = None) -> dict[str, sc.Check]:
    """Every column's check (domain `overrides` first), nullable where the column is."""
    out: dict[str, sc.Check] = {}
    for column in _table(model).columns:
        check = (overrides or {}).get(column.key) or column_check(column)
        out[column.key] = sc.nullable(check) if column.nullable else check
    return out


def _table(model: type[Base]) -> Table:
    return cast("Table", model.__table__)  # declarative models are mapped to one Table each


def required_columns(model: type[Base]) -> set[str]:
    """The primary key and the non-nullable columns the store has no default for."""
    return {key for c in _table(model).columns for key in _required(c)}


def _required(column: Column[Any]) -> tuple[str, ...]:
    needed = column.primary_key or (
        not column.nullable and column.default is None and column.server_default is None
    )
    return (column.key,) if needed else ()


def row(
    model: type[Base],
    overrides: Mapping[str, sc.Check] | None = None,
    *,
    extra: Mapping[str, sc.Check] | None = None,
    required: Iterable[str] = (),
    optional: Iterable[str] = (),
) -> sc.Check:
    """A row of `model` as a record carries it (plus `extra` keys that are not its columns)."""
    fields = {**columns(model, overrides), **(extra or {})}
    return sc.obj(fields, (required_columns(model) | set(required)) - set(optional))


def _sheet_maps() -> dict[str, sc.Check]:
    code = sc.text(MAX_CODE, min_len=1)
    return {
        "answers": sc.mapping(sc.integer(0, MAX_OPTION), code),
        "knockouts": sc.array(sc.text(40)),
        "notes": sc.mapping(sc.text(), code),
        "evidence": sc.mapping(sc.array(sc.text()), code),
        "total": sc.number(0),
        "star": sc.integer(0, 5),
    }


_STATUS = sc.one_of({s.value for s in Status})
_BLOB = {
    k: v for k, v in columns(Blob, {"size": sc.integer(0), "pages": sc.integer(0)}).items() if k != "sha256"
}
_BLOB.pop("created_at")

EVENT = row(
    DossierEvent,
    {"action": sc.one_of({a.value for a in Action}), "from_status": _STATUS, "to_status": _STATUS},
    required=("at",),
)
COMMUNE_DATA = sc.obj(
    {
        "dossier": row(
            Dossier,
            {
                "registration_type": sc.one_of({t.value for t in RegistrationType}),
                "ruleset_hash": sc.hex64,
                "product_set": sc.integer(1),
                "receipt_seq": sc.integer(1),
                "status": _STATUS,
                "forms": sc.mapping(sc.anything),  # sections by key; their fields are the forms' business
            },
            optional=DOSSIER_PROVINCE_FIELDS,  # the province's part travels in results records
            required=("forms",),  # the record is the dossier's full state: no forms would erase them
        ),
        "producer": row(Producer, {"kind": sc.one_of({k.value for k in ProducerKind})}),
        "product": row(Product, {"product_set": sc.integer(1), "seq": sc.integer(1)}),
        "checklist": sc.array(
            row(
                ChecklistItem,
                {
                    "requirement": sc.one_of({r.value for r in Requirement}),
                    "status": sc.one_of({s.value for s in ItemStatus}),
                },
                required=("status",),
            )
        ),
        "self_assessment": sc.nullable(
            row(
                ScoreSheet,
                {
                    "kind": sc.one_of(
                        {"self", "member"}
                    ),  # a member sheet is refused by ownership, saying why,
                    "ruleset_hash": sc.hex64,
                    "product_set": sc.integer(1),
                    **_sheet_maps(),
                },
            )
        ),
        "attachments": sc.array(
            row(
                Attachment,
                {"blob_sha256": sc.hex64, "filename": sc.text(255, min_len=1)},
                extra=_BLOB,
                required=("size", "media_type"),
            )
        ),
        # optional: the producer withdrew the dossier ("Hủy hồ sơ"), with the reason it gave
        WITHDRAWAL: sc.obj({"reason": sc.text(), "at": sc.nullable(sc.iso_datetime)}, required=("reason",)),
    },
    required=("dossier", "producer", "product", "checklist", "self_assessment", "attachments"),
)
# Optional in results (readers before it ignore it): the 5★ proposal and the ministry's result.
FIVE_STAR = row(
    FiveStarReview,
    {
        "council_star": sc.integer(0, 5),
        "council_total": sc.number(0),
        "central_stars": sc.one_of({0, 3, 4, 5}),
        "central_total": sc.number(0),
        "rule": sc.one_of({r.value for r in FiveStarRule}),
        "ruleset_hash": sc.hex64,
        "floors": sc.mapping(sc.anything),
    },
)
PROVINCE_DATA = sc.obj(
    {
        "status": sc.nullable(sc.one_of(PROVINCE_STATUSES)),
        FIVE_STAR_REVIEW: sc.nullable(FIVE_STAR),
        "return_reasons": columns(Dossier)["return_reasons"],
        "certificates": sc.array(
            row(
                Certificate,
                {
                    "stars": sc.one_of({3, 4, 5}),  # what registry.certificates issues
                    "issuing_level": sc.one_of({lvl.value for lvl in IssuingLevel}),
                    "total": sc.number(0),
                },
            )
        ),
    },
    required=("status", "return_reasons", "certificates"),
)


def _record(part: str, data: sc.Check) -> sc.Check:
    return sc.obj(
        {
            "schema": sc.integer(1, RECORD_SCHEMA),
            "dossier_id": sc.uuid,
            "part": sc.one_of({part}),
            "status": _STATUS,
            "version": sc.integer(1),
            "seen_version": sc.integer(0),
            "hash": sc.hex64,
            "data": data,
            "events": sc.array(EVENT),
        },
        required=(
            "schema",
            "dossier_id",
            "part",
            "status",
            "version",
            "seen_version",
            "hash",
            "data",
            "events",
        ),
    )


RECORD = {COMMUNE: _record(COMMUNE, COMMUNE_DATA), PROVINCE: _record(PROVINCE, PROVINCE_DATA)}


@dataclass(frozen=True)
class RuleCatalog:
    """The rule sets this machine has (id → its product set numbers), and the older ones whose
    certificates it still records (registry.certificates.KNOWN_RULESETS)."""

    sets: Mapping[str, frozenset[int]]
    historical: frozenset[str] = frozenset(KNOWN_RULESETS)

    @classmethod
    def here(cls) -> RuleCatalog:
        from ocop_desktop.services.core.rules import RuleService

        rulesets = RuleService().list_rulesets()
        return cls({r.id: frozenset(p.number for p in r.product_sets()) for r in rulesets})

    def check(self, row: Mapping[str, Any]) -> None:
        """`row`'s `ruleset_id` is one this machine has, and its `product_set` one of that rule set's."""
        ruleset_id, number = row["ruleset_id"], row["product_set"]
        if ruleset_id not in self.sets:
            raise sc.Invalid(
                f"bộ tiêu chí “{ruleset_id}” không có trên máy này (hãy cài gói dữ liệu tham chiếu mới "
                "nhất của tỉnh hoặc cập nhật OCOP Desktop)"
            ).at("ruleset_id")
        if number not in self.sets[ruleset_id]:
            shown = (
                f"{min(self.sets[ruleset_id])}–{max(self.sets[ruleset_id])}" if self.sets[ruleset_id] else "—"
            )
            raise sc.Invalid(f"bộ sản phẩm {number} không có trong bộ tiêu chí {ruleset_id} ({shown})").at(
                "product_set"
            )

    def check_certificate(self, row: Mapping[str, Any]) -> None:
        if row["ruleset_id"] not in self.sets and row["ruleset_id"] not in self.historical:
            raise sc.Invalid(f"bộ tiêu chí “{row['ruleset_id']}” không rõ").at("ruleset_id")


def check_record(rec: Any, part: str, catalog: RuleCatalog) -> None:
    """The record's shape (`RECORD`), then its rule sets and product sets; raises `sc.Invalid`."""
    RECORD[part](rec)
    data = rec["data"]
    if part == COMMUNE:
        for key in ("dossier", "product", "self_assessment"):
            if data[key] is not None:
                try:
                    catalog.check(data[key])
                except sc.Invalid as exc:
                    raise exc.at(key).at("data") from None
    else:
        for index, certificate in enumerate(data["certificates"]):
            try:
                catalog.check_certificate(certificate)
            except sc.Invalid as exc:
                raise exc.at(index).at("certificates").at("data") from None

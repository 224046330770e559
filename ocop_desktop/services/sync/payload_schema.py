"""The schema of every `payload.json` (docs/sync-package.md §4 and §13): enrollment and reference
packs, receipts, evaluator assignments and scores, 5★ proposals.

Built like the records' (`schema.py`): field types and string lengths come from the store's columns
the values end up in (offices, keys, products, rounds, sheets), the domain adds enumerations and
shapes. Unknown keys are ignored; a missing required key, a wrong type, a `schema` number below 1
or above what this version reads is refused — by `check_payload`, which every importer (and so
`verify`, `inspect` and the dry run) calls before it uses a value.
"""

from __future__ import annotations

from typing import Any

from ocop_desktop.domain.dossiers import RegistrationType
from ocop_desktop.domain.province import FiveStarRule
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg import schema as sc
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.manifest import ROLES
from ocop_desktop.services.sync.keys import ALGORITHMS
from ocop_desktop.services.sync.schema import MAX_CODE, MAX_OPTION, RuleCatalog, columns
from ocop_desktop.services.sync.types import OUTCOMES
from ocop_desktop.store.models import Attachment, Blob, Office, Producer, Product, YearPlan
from ocop_desktop.store.models.evaluator import EvaluatorSheet
from ocop_desktop.store.models.province import AdvisoryNote, CouncilMember, EvaluationRound

SCHEMA = 1  # of the evaluator and proposal payloads (evaluator_payloads.SCHEMA)

_OFFICE_COLUMNS = columns(Office, {"role": sc.one_of(ROLES)})
OFFICE = sc.obj(
    {"office_id": sc.uuid, **{k: _OFFICE_COLUMNS[k] for k in ("name", "unit_code", "role")}},
    required=("office_id", "name", "unit_code", "role"),
)
KEY = sc.obj(
    {
        "purpose": sc.one_of(ALGORITHMS),
        "algorithm": sc.one_of(set(ALGORITHMS.values())),
        "public_key": sc.text(64, min_len=1),  # base64 of 32 bytes; trust.parse_key checks the rest
        "fingerprint": sc.hex64,
    },
    required=("purpose", "algorithm", "public_key", "fingerprint"),
)
KEYS = sc.array(KEY, min_items=2, max_items=2)
_FILE = sc.obj({"name": sc.text(120, min_len=1), "sha256": sc.hex64}, required=("name", "sha256"))

_B64 = sc.text(200, min_len=1)
# the province's mailbox, each office's credentials sealed to its key (services/sync/mailbox_pack.py)
MAILBOX = sc.obj(
    {
        "endpoint": sc.text(300, min_len=1),
        "bucket": sc.text(63, min_len=3),
        "region": sc.text(40),
        "province_office_id": sc.uuid,
        "allow_http": sc.boolean,
        "offices": sc.array(
            sc.obj(
                {
                    "office_id": sc.uuid,
                    "scheme": sc.text(60, min_len=1),
                    "recipient_key": sc.hex64,
                    "ephemeral_public_key": _B64,
                    "nonce": _B64,
                    "wrapped_key": _B64,
                    "sealed": sc.text(2000, min_len=1),
                },
                required=(
                    "office_id",
                    "scheme",
                    "recipient_key",
                    "ephemeral_public_key",
                    "nonce",
                    "wrapped_key",
                    "sealed",
                ),
            ),
            max_items=fmt.MAX_ENTRIES,
        ),
    },
    required=("endpoint", "bucket", "province_office_id", "offices"),
)
ENROLLMENT = sc.obj({"office": OFFICE, "keys": KEYS}, required=("office", "keys"))
_COUNT = sc.integer(0, 1_000_000)
_PLAN_COLUMNS = columns(
    YearPlan,
    {
        "year": sc.integer(2000, 2100),
        "commune_code": sc.text(10, min_len=1),  # only lines that name a commune travel
        "new_products": _COUNT,
        "upgrades": _COUNT,
        "reevaluations": _COUNT,
    },
)
_PLAN_FIELDS = ("year", "commune_code", "product_group", "new_products", "upgrades", "reevaluations")
# the province's plan lines for its communes (services/sync/plans_pack.py): optional, so older readers
# (which ignore unknown keys) still read the pack
PLAN_LINE = sc.obj({k: _PLAN_COLUMNS[k] for k in _PLAN_FIELDS}, required=_PLAN_FIELDS)
# the lines for one round of a year (number and last day of its period), in a field of their own: an older
# reader, which knows only `plans` and would take them for whole-year lines, ignores it
_ROUND_FIELDS = (*_PLAN_FIELDS, "round_number", "period_end")
_ROUND_CHECKS = {**_PLAN_COLUMNS, "round_number": sc.integer(1, 12), "period_end": sc.iso_date}
PLAN_ROUND_LINE = sc.obj({k: _ROUND_CHECKS[k] for k in _ROUND_FIELDS}, required=_ROUND_FIELDS)
REFERENCE = sc.obj(
    {
        "office": OFFICE,
        "keys": KEYS,
        "files": sc.array(_FILE, max_items=fmt.MAX_ENTRIES),
        "mailbox": MAILBOX,
        "plans": sc.array(PLAN_LINE, max_items=fmt.MAX_ENTRIES),
        "plan_rounds": sc.array(PLAN_ROUND_LINE, max_items=fmt.MAX_ENTRIES),
    },
    required=("office", "keys", "files"),
)
RECEIPT = sc.obj(
    {
        "receipt_for": sc.obj(
            {
                "package_id": sc.uuid,
                "manifest_sha256": sc.hex64,
                "kind": sc.one_of({k.value for k in fmt.Kind}),
                "sequence": sc.integer(1),
                "sender_office_id": sc.uuid,
            },
            required=("package_id", "manifest_sha256"),
        ),
        "received_at": sc.iso_datetime,
        "outcomes": sc.array(
            sc.obj(
                {
                    "dossier_id": sc.uuid,
                    "outcome": sc.one_of(OUTCOMES),
                    "version": sc.integer(1),
                    "reason": sc.text(),
                },
                required=("dossier_id", "outcome", "version"),
            )
        ),
        "blobs_held": sc.array(sc.hex64, max_items=fmt.MAX_ENTRIES),
    },
    required=("receipt_for", "outcomes", "blobs_held"),
)

_CODE = sc.text(MAX_CODE, min_len=1)
_ANSWERS = sc.mapping(sc.integer(0, MAX_OPTION), _CODE)
_NOTES = sc.mapping(sc.text(), _CODE)
_IDS = sc.array(sc.text(40, min_len=1))  # knockout and stop ids of a rule set
_SHEET = columns(EvaluatorSheet, {"answers": _ANSWERS, "knockouts": _IDS, "stops": _IDS, "notes": _NOTES})
SCORES = sc.obj(
    {
        "schema": sc.integer(1, SCHEMA),
        "round_id": sc.uuid,
        "member_id": sc.uuid,
        "assignment_package_id": sc.uuid,
        "sheets": sc.array(
            sc.obj(
                {
                    "dossier_id": sc.uuid,
                    **{
                        k: _SHEET[k]
                        for k in ("ruleset_hash", "answers", "knockouts", "stops", "opinion", "notes")
                    },
                    "ruleset_hash": sc.hex64,
                },
                required=("dossier_id", "ruleset_hash", "answers"),
            ),
            min_items=1,
        ),
    },
    required=("schema", "round_id", "member_id", "sheets"),
)

_ROUND = columns(EvaluationRound)
_BLOB = columns(Blob, {"size": sc.integer(0)})
_ATTACHMENT = columns(Attachment)
_ADVISORY = columns(AdvisoryNote)
_EVIDENCE = sc.obj(
    {
        "sha256": sc.hex64,
        "filename": _ATTACHMENT["filename"],
        "size": _BLOB["size"],
        "media_type": _BLOB["media_type"],
        "checklist_key": _ATTACHMENT["checklist_key"],
        "criteria": sc.array(_CODE),
    },
    required=("sha256", "filename"),
)
_NOTE = sc.obj(
    {
        "kind": _ADVISORY["kind"],
        "text": _ADVISORY["text"],
        "noted_on": _ADVISORY["noted_on"],
        "sha256": sc.nullable(sc.hex64),
        "filename": sc.nullable(_ADVISORY["filename"]),
    },
    required=("kind", "text"),
)
ASSIGNED_DOSSIER = sc.obj(
    {
        "dossier_id": sc.uuid,
        "revision": sc.integer(1),
        "product_name": columns(Product)["name"],
        "product_code": sc.text(24),
        "producer_name": columns(Producer)["name"],
        "product_set": sc.integer(1),
        "registration_type": sc.one_of({t.value for t in RegistrationType}),
        "ruleset_id": sc.text(40, min_len=1),
        "ruleset_hash": sc.hex64,
        "forms": sc.mapping(sc.anything),
        "self_answers": _ANSWERS,
        "evidence": sc.array(_EVIDENCE),
        "advisory": sc.array(_NOTE),
        "current_sheet": sc.nullable(
            sc.obj({"answers": _ANSWERS, "knockouts": _IDS, "opinion": sc.text(), "notes": _NOTES})
        ),
    },
    required=(
        "dossier_id",
        "revision",
        "product_name",
        "producer_name",
        "product_set",
        "registration_type",
        "ruleset_id",
        "ruleset_hash",
        "forms",
        "self_answers",
        "evidence",
        "advisory",
    ),
)
ASSIGNMENT = sc.obj(
    {
        "schema": sc.integer(1, SCHEMA),
        "round_id": sc.uuid,
        "round_label": _ROUND["name"],
        "council_name": _ROUND["council_name"],
        "council_mode": _ROUND["council_mode"],
        "rules": sc.obj({k: _ROUND[k] for k in ("max_spread", "quorum", "chair_required", "floor_rule")}),
        "member_id": sc.uuid,
        "member_label": sc.text(20),
        "member_name": columns(CouncilMember)["name"],
        "dossiers": sc.array(ASSIGNED_DOSSIER, min_items=1),
    },
    required=("schema", "round_id", "round_label", "council_name", "rules", "member_id", "member_label")
    + ("member_name", "dossiers"),
)
EVALUATOR_ASSIGNMENT = sc.obj(
    {
        "schema": sc.integer(1, SCHEMA),
        "office": OFFICE,
        "keys": KEYS,
        "assignment": ASSIGNMENT,
        "mailbox": MAILBOX,
    },
    required=("schema", "office", "keys", "assignment"),
)
PROPOSAL = sc.obj(
    {
        "entry": sc.obj(
            {
                "dossier_id": sc.uuid,
                "mean_total": sc.nullable(sc.number(0)),
                "proposed_star": sc.nullable(sc.integer(0, 5)),
                "star": sc.nullable(sc.integer(0, 5)),
            },
            required=("dossier_id",),
        ),
        "evidence": sc.array(sc.obj({"sha256": sc.hex64}, required=("sha256",))),
        # optional (a proposal made before it has none): the reading and the floors, met or not
        "five_star": sc.obj(
            {
                "rule": sc.one_of({r.value for r in FiveStarRule}),
                "band_min": sc.integer(0, 100),
                "floors_met": sc.boolean,
                "unmet": sc.array(sc.text(40)),
            },
            required=("rule", "floors_met"),
        ),
        "product": sc.obj({"name": columns(Product)["name"]}),
        "producer": sc.obj({"name": columns(Producer)["name"], "commune_code": sc.text(8)}),
    },
    required=("entry", "evidence"),
)
FIVE_STAR = sc.obj(
    {
        "schema": sc.integer(1, SCHEMA),
        "office": OFFICE,
        "keys": KEYS,
        "round": sc.obj({"label": sc.text(200)}),
        "proposals": sc.array(PROPOSAL, min_items=1),
    },
    required=("schema", "office", "keys", "proposals"),
)

BY_KIND = {
    fmt.Kind.ENROLLMENT: ENROLLMENT,
    fmt.Kind.REFERENCE: REFERENCE,
    fmt.Kind.RECEIPT: RECEIPT,
    fmt.Kind.EVALUATOR_ASSIGNMENT: EVALUATOR_ASSIGNMENT,
    fmt.Kind.EVALUATOR_SCORES: SCORES,
    fmt.Kind.FIVE_STAR_PROPOSAL: FIVE_STAR,
}


def check_payload(kind: str, name: str, doc: Any, catalog: RuleCatalog | None = None) -> dict[str, Any]:
    """`doc` if it is a valid payload of a package of `kind`; else `PackageRefused` naming the file
    and the field. A `schema` newer than this version is `future_version`."""
    if isinstance(doc, dict) and type(doc.get("schema")) is int and doc["schema"] > SCHEMA:
        raise PackageRefused(
            "future_version",
            "Nội dung gói được ghi theo phiên bản mới hơn máy này đọc được. Hãy "
            "cập nhật OCOP Desktop rồi nhập lại.",
        )
    shape = BY_KIND.get(fmt.Kind(kind))
    if shape is None:  # dossier kinds carry records, not a payload (the reader's listing refuses one)
        raise PackageRefused(
            "malformed", f"Gói loại “{fmt.Kind(kind).label}” không mang tệp nội dung “{name}”."
        )
    try:
        shape(doc)
        if kind == fmt.Kind.EVALUATOR_ASSIGNMENT:
            _assigned_sets(doc["assignment"]["dossiers"], catalog or RuleCatalog.here())
    except sc.Invalid as exc:
        raise PackageRefused(
            "malformed",
            f"Nội dung “{name}” của gói không đúng cấu trúc ({exc}). Hãy đề nghị bên gửi cập nhật "
            "OCOP Desktop và xuất lại gói.",
        ) from None
    return doc  # type: ignore[no-any-return]  # checked above: an object


def _assigned_sets(dossiers: list[dict[str, Any]], catalog: RuleCatalog) -> None:
    """A dossier's product set is one of its rule set's, when this laptop has that rule set (when
    it has not, the import warns: the member cannot score before updating)."""
    for index, d in enumerate(dossiers):
        if d["ruleset_id"] in catalog.sets:
            try:
                catalog.check(d)
            except sc.Invalid as exc:
                raise exc.at(index).at("dossiers").at("assignment") from None

"""The dry run: each row of a register file becomes create / update / skip / refuse, with the actions it
would take and why. The same plan, made again inside the import's transaction, is what `apply` writes,
so the preview and the import cannot disagree, and a file imported twice plans nothing the second time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ocop_desktop.domain.deadlines import certificate_valid_until
from ocop_desktop.domain.products import PRODUCT_CODE, product_code
from ocop_desktop.domain.register.rows import RegisterRow
from ocop_desktop.domain.rules.model import Procedure
from ocop_desktop.domain.text import fold
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.register.known import (
    Known,
    KnownCertificate,
    KnownProducer,
    KnownProduct,
    certificate_key,
)
from ocop_desktop.services.register.scope import Commune, Scope
from ocop_desktop.services.registry.certificates import CertificateInput, validate_certificate
from ocop_desktop.store.base import new_uuid


class Outcome(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"
    REFUSE = "refuse"

    @property
    def label(self) -> str:
        return {"create": "Tạo mới", "update": "Cập nhật", "skip": "Bỏ qua", "refuse": "Từ chối"}[self.value]


@dataclass(frozen=True)
class RowPlan:
    line: int
    outcome: Outcome
    producer: str
    product: str
    commune: str
    stars: int | None
    actions: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Op:
    """One write: `kind` is producer / product / certificate, `id` the record, `values` what to set
    (all of a new record's fields, or only the changed ones)."""

    kind: str
    new: bool
    id: str
    values: Mapping[str, object]


@dataclass
class _Row:
    """The plan of one row as it is being made."""

    ops: list[Op] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Planner:
    def __init__(
        self, scope: Scope, known: Known, *, ruleset_id: str, set_names: dict[int, str], today: date
    ):
        self.scope, self.known, self.today = scope, known, today
        self.ruleset_id, self.set_names = ruleset_id, set_names
        self.ops: list[Op] = []
        self._procedures: dict[str, Procedure] = {}
        self._seen: dict[tuple[object, ...], int] = {}

    def plan(self, row: RegisterRow) -> RowPlan:
        mark = self.known.mark()
        r = _Row(notes=list(row.notes), reasons=list(row.problems))
        where = self.scope.resolve(row.commune)
        if where.problem:
            r.reasons.append(where.problem)
        former = where.former or row.former_unit
        if where.former and where.commune is not None:
            r.notes.append(
                f"“{where.former}” không còn là xã/phường; giữ làm đơn vị cũ, ghi vào {where.commune.name}."
            )
        if not r.reasons and where.commune is not None:
            self._plan_records(row, where.commune, former, r)
        commune_name = where.commune.name if where.commune else row.commune
        stars = row.certificate.stars if row.certificate else None
        if r.reasons:
            self.known.rollback(mark)
            return RowPlan(
                row.line,
                Outcome.REFUSE,
                row.producer_name,
                row.product_name,
                commune_name,
                stars,
                (),
                tuple(r.reasons),
                tuple(r.notes),
            )
        self.ops.extend(r.ops)
        outcome = Outcome.CREATE if any(o.new for o in r.ops) else Outcome.UPDATE if r.ops else Outcome.SKIP
        if outcome is Outcome.SKIP and not r.actions:
            r.actions.append("Đã có, không thay đổi.")
        return RowPlan(
            row.line,
            outcome,
            row.producer_name,
            row.product_name,
            commune_name,
            stars,
            tuple(r.actions),
            (),
            tuple(r.notes),
        )

    # -- the three records -------------------------------------------------------------------------
    def _plan_records(self, row: RegisterRow, commune: Commune, former: str, r: _Row) -> None:
        producer = self._producer(row, commune, former, r)
        if producer is None or not row.product_name:
            if producer is not None:
                self._once(("producer", producer.id), row.line, r)
            return
        product = self._product(row, producer, commune, r)
        if product is None:
            return
        if row.certificate is None:
            self._once(("product", product.id), row.line, r)
            return
        self._certificate(row, product, former, r)

    def _valid_until(self, basis_id: str, decided: date) -> date:
        """What `issue_certificate` would compute (the procedure of the certificate's rule set), once per
        basis instead of once per row, and known to the plan so that a re-run compares it."""
        if basis_id not in self._procedures:
            self._procedures[basis_id] = RuleService().procedure(basis_id, self.today)
        return certificate_valid_until(decided, self._procedures[basis_id])

    def _once(self, key: tuple[object, ...], line: int, r: _Row) -> None:
        first = self._seen.get(key)
        if first is None:
            self._seen[key] = line
            self.known.journal.append(lambda: self._forget(key))
        elif first != line:
            r.reasons.append(f"Trùng với dòng {first}.")
            r.ops.clear()

    def _forget(self, key: tuple[object, ...]) -> None:
        self._seen.pop(key, None)

    def _producer(self, row: RegisterRow, commune: Commune, former: str, r: _Row) -> KnownProducer | None:
        k = self.known
        found = k.producers_by_tax.get(row.tax_code) if row.tax_code else None
        if found is not None and found.commune_code != commune.code:
            where = self.scope.communes.get(found.commune_code)
            r.reasons.append(
                f"Mã số thuế {row.tax_code} đã là của chủ thể “{found.name}” ở "
                f"{where.name if where else found.commune_code}."
            )
            return None
        if found is None:
            found = k.producers_by_name.get((fold(row.producer_name), commune.code))
            if found is not None and row.tax_code and found.tax_code and found.tax_code != row.tax_code:
                r.reasons.append(
                    f"Chủ thể “{found.name}” ở {commune.name} đã có mã số thuế khác ({found.tax_code})."
                )
                return None
        values = self._producer_values(row, former)
        if found is None:
            found = KnownProducer(new_uuid(), row.producer_name, commune.code, row.tax_code, values, row.line)
            k.add_producer(found)
            all_values = {
                "name": row.producer_name,
                "commune_code": commune.code,
                "tax_code": row.tax_code,
                **values,
            }
            r.ops.append(Op("producer", True, found.id, all_values))
            r.actions.append(f"Tạo chủ thể “{row.producer_name}”.")
            return found
        if found.line is not None and found.line != row.line:
            return found  # planned by an earlier row of this file: that row's values stand
        # A known producer keeps what the file does not say (a guessed kind, an address of the former unit).
        said = {
            **values,
            "kind": values["kind"] if row.kind_given else "",
            "address": row.address and values["address"],
        }
        changes = {f: val for f, val in said.items() if val and val != found.values.get(f)}
        if row.tax_code and not found.tax_code:
            changes["tax_code"] = row.tax_code
        if row.producer_name != found.name and row.tax_code and found.tax_code == row.tax_code:
            changes["name"] = row.producer_name
        if changes:
            k.change(found, {f: str(v) for f, v in changes.items()}, row.line)
            r.ops.append(Op("producer", False, found.id, changes))
            r.actions.append(f"Cập nhật chủ thể “{found.name}”: {_fields(changes)}.")
        return found

    @staticmethod
    def _producer_values(row: RegisterRow, former: str) -> dict[str, object]:
        address = row.address
        if former and fold(former) not in fold(address):
            address = f"{address}; đơn vị cũ: {former}" if address else f"Đơn vị cũ: {former}"
        return {
            "kind": row.producer_kind.value,
            "address": address,
            "phone": row.phone,
            "email": row.email,
            "representative": row.representative,
            "representative_title": row.representative_title,
        }

    def _product(
        self, row: RegisterRow, producer: KnownProducer, commune: Commune, r: _Row
    ) -> KnownProduct | None:
        k = self.known
        code_ok = bool(PRODUCT_CODE.match(row.product_code))
        found = k.products_by_code.get(row.product_code) if code_ok else None
        if found is not None and found.producer_id != producer.id:
            r.reasons.append(
                f"Mã sản phẩm {row.product_code} đã là của sản phẩm “{found.name}” của chủ thể khác."
            )
            return None
        found = found or k.products_by_name.get((producer.id, fold(row.product_name)))
        if found is None:
            return self._new_product(row, producer, commune, code_ok, r)
        changes: dict[str, object] = {}
        if row.product_set is not None and row.product_set != found.values["product_set"]:
            changes["product_set"] = row.product_set
        for f in ("brand", "packaging"):
            if getattr(row, f) and getattr(row, f) != found.values[f]:
                changes[f] = getattr(row, f)
        if changes and (found.line is None or found.line == row.line):
            k.change(found, changes, row.line)
            r.ops.append(Op("product", False, found.id, changes))
            r.actions.append(f"Cập nhật sản phẩm “{found.name}”: {_fields(changes)}.")
        return found

    def _new_product(
        self, row: RegisterRow, producer: KnownProducer, commune: Commune, code_ok: bool, r: _Row
    ) -> KnownProduct | None:
        if row.product_set is None:
            r.reasons.append("Thiếu bộ sản phẩm (cột “Bộ sản phẩm”, số 1–26): cần để tạo sản phẩm mới.")
            return None
        m = PRODUCT_CODE.match(row.product_code) if code_ok else None
        if m and (m["commune"] != commune.code or m["province"] != commune.province_code):
            r.notes.append(f"Mã {row.product_code} không phải của {commune.name}; cấp mã mới.")
            m = None
        if m:
            seq, code = int(m["seq"]), row.product_code
        else:
            seq, code = self._fresh_code(commune, row.year or self.today.year)
        description = f"Mã cũ: {row.product_code}" if row.product_code and not m else ""
        p = KnownProduct(
            new_uuid(),
            producer.id,
            row.product_name,
            code,
            {"product_set": row.product_set, "brand": row.brand, "packaging": row.packaging},
            row.line,
        )
        self.known.add_product(p)
        values: dict[str, object] = {
            "producer_id": producer.id,
            "name": row.product_name,
            "ruleset_id": self.ruleset_id,
            "product_set": row.product_set,
            "code": code,
            "commune_code": commune.code,
            "seq": seq,
            "description": description,
            "brand": row.brand,
            "packaging": row.packaging,
            "producer_name": producer.name,
            "set_name": self.set_names.get(row.product_set, ""),
        }
        r.ops.append(Op("product", True, p.id, values))
        r.actions.append(f"Tạo sản phẩm “{row.product_name}” (mã {code}).")
        return p

    def _fresh_code(self, commune: Commune, year: int) -> tuple[int, str]:
        while True:
            seq = self.known.take_seq(commune.code)
            code = product_code(commune.province_code, commune.code, seq, year)
            if code not in self.known.products_by_code:
                return seq, code

    def _certificate(self, row: RegisterRow, product: KnownProduct, former: str, r: _Row) -> None:
        c = row.certificate
        assert c is not None
        # A former district that recognised a 3★ product no longer exists: its name stays as the issuer.
        issuer = c.issuer or (former if c.issuing_level == "district" else "")
        data = CertificateInput(
            product.id,
            c.stars,
            c.decision_number,
            c.decision_date,
            c.issuing_level,
            c.basis.id,
            issuer=issuer,
            total=c.total,
            valid_until=c.valid_until or self._valid_until(c.basis.id, c.decision_date),
        )
        problems = validate_certificate(data, self.today)
        if problems:
            r.reasons.extend(problems.values())
            return
        key = certificate_key(product.id, c.decision_number, c.decision_date)
        self._once(("certificate", *key), row.line, r)
        if r.reasons:
            return
        found = self.known.certificates.get(key)
        values: dict[str, object] = {
            "stars": c.stars,
            "issuing_level": c.issuing_level,
            "issuer": issuer,
            "total": c.total,
            "valid_until": data.valid_until,
            "ruleset_id": c.basis.id,
        }
        label = f"{c.stars} sao, QĐ {c.decision_number} ngày {c.decision_date:%d/%m/%Y} ({c.basis.label})"
        if found is None:
            new = KnownCertificate(new_uuid(), values, row.line)
            self.known.add_certificate(key, new)
            r.ops.append(Op("certificate", True, new.id, {"input": data}))
            r.actions.append(f"Tạo giấy chứng nhận {label}.")
            return
        changes = {f: v for f, v in values.items() if v not in (None, "") and v != found.values.get(f)}
        if changes:
            self.known.change(found, changes, row.line)
            r.ops.append(Op("certificate", False, found.id, changes))
            r.actions.append(f"Cập nhật giấy chứng nhận {label}: {_fields(changes)}.")


FIELD_LABELS = {
    "name": "tên",
    "kind": "loại hình",
    "tax_code": "mã số thuế",
    "address": "địa chỉ",
    "phone": "điện thoại",
    "email": "thư điện tử",
    "representative": "người đại diện",
    "representative_title": "chức vụ",
    "product_set": "bộ sản phẩm",
    "brand": "nhãn hiệu",
    "packaging": "quy cách",
    "stars": "hạng sao",
    "issuing_level": "cấp công nhận",
    "issuer": "cơ quan công nhận",
    "total": "tổng điểm",
    "valid_until": "hiệu lực đến",
    "ruleset_id": "căn cứ",
}


def _fields(changes: Mapping[str, object]) -> str:
    return ", ".join(FIELD_LABELS.get(f, f) for f in changes)

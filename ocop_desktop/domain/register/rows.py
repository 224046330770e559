"""One row of a register file, read into what it says about a producer, a product and a certificate.

`read_row` never raises: a row comes back with its normalised values, or with the reasons it is refused
(several at once, so that the officer fixes the file in one pass). Whether the commune exists, whether
the producer is already known, is the service's business; this is the part that needs no database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from ocop_desktop.domain.deadlines import term_end
from ocop_desktop.domain.producers import (
    ProducerKind,
    normalise_phone,
    normalise_tax_code,
    phone_problem,
    tax_code_problem,
)
from ocop_desktop.domain.products import PRODUCT_CODE
from ocop_desktop.domain.register import values as v
from ocop_desktop.domain.register.legal_bases import LegalBases, LegalBasis
from ocop_desktop.domain.text import fold, nfc

T = TypeVar("T")

LEVEL_LABELS = {"district": "cấp huyện", "province": "cấp tỉnh", "ministry": "Bộ"}


@dataclass(frozen=True)
class ProductSets:
    """How a product set may be written: its number, its code ("I.1.a") or its name, folded."""

    by_key: Mapping[str, int]

    @classmethod
    def of(cls, sets: Mapping[int, tuple[str, str]]) -> ProductSets:
        """`sets`: number -> (code, name)."""
        keys: dict[str, int] = {}
        for number, (code, name) in sets.items():
            keys[str(number)] = number
            keys[fold(code)] = number
            keys[fold(name)] = number
        return cls(keys)

    def find(self, cell: v.Cell) -> v.Read[int]:
        raw = v.text(cell)
        if not raw:
            return v.Read()
        key = fold(raw)
        found = self.by_key.get(key) or self.by_key.get(
            key.removeprefix("bo ").removeprefix("bo san pham ").strip()
        )
        if found is None:
            return v.Read(problem=f"Bộ sản phẩm “{raw}” không có (ghi số 1–26, mã như I.1.a hoặc tên bộ).")
        return v.Read(found)


@dataclass(frozen=True)
class RowContext:
    bases: LegalBases
    product_sets: ProductSets
    today: date


@dataclass(frozen=True)
class CertificateFacts:
    stars: int
    decision_number: str
    decision_date: date
    issuing_level: str
    basis: LegalBasis
    issuer: str
    total: float | None
    valid_until: date | None  # None: the rule set's procedure says (the basis has no months of its own)


@dataclass(frozen=True)
class RegisterRow:
    """A row as read. `problems` non-empty = refused; `notes` are warnings shown next to it."""

    line: int
    producer_name: str = ""
    producer_kind: ProducerKind = ProducerKind.PRODUCTION_HOUSEHOLD
    kind_given: bool = False  # written in the file, not guessed: only then may it change a known producer
    tax_code: str = ""
    representative: str = ""
    representative_title: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    commune: str = ""
    former_unit: str = ""
    product_name: str = ""
    product_code: str = ""
    product_set: int | None = None
    brand: str = ""
    packaging: str = ""
    year: int | None = None
    certificate: CertificateFacts | None = None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def refused(self) -> bool:
        return bool(self.problems)


def read_row(line: int, cells: Mapping[str, v.Cell], ctx: RowContext) -> RegisterRow:
    """Read the cells of one row (column key -> cell); see the module doc. Never raises."""
    problems: list[str] = []
    notes: list[str] = []

    def got(read: v.Read[T]) -> T | None:
        if read.problem:
            problems.append(read.problem)
        return read.value

    name = v.text(cells.get("producer_name"))
    kind, kind_note = v.producer_kind(cells.get("producer_kind"), name)
    if kind_note and name:
        notes.append(kind_note)
    tax = normalise_tax_code(v.digits_cell(cells.get("tax_code"), 10))
    if tax and (msg := tax_code_problem(tax, kind)):
        problems.append(msg)
    phone = normalise_phone(v.digits_cell(cells.get("phone"), 10))
    if phone and (msg := phone_problem(phone)):
        notes.append(msg + " Bỏ qua số này.")
        phone = ""
    product_name = v.text(cells.get("product_name"))
    code = v.text(cells.get("product_code")).upper()
    if code and not PRODUCT_CODE.match(code):
        notes.append(f"Mã sản phẩm “{code}” không theo dạng T-X-STT-YYYY; giữ trong mô tả, cấp mã mới.")
    if not name:
        problems.append("Thiếu tên chủ thể.")
    product_set = got(ctx.product_sets.find(cells.get("product_set")))
    year_read = got(v.year(cells.get("year")))
    certificate = _certificate(cells, ctx, problems, notes)
    if certificate is not None and not product_name:
        problems.append("Có hạng sao nhưng thiếu tên sản phẩm.")
    if certificate is not None and isinstance(year_read, int) and year_read != certificate.decision_date.year:
        notes.append(
            f"Năm công nhận {year_read} khác năm của ngày quyết định; dùng năm {year_read} cho mã sản phẩm."
        )
    return RegisterRow(
        line=line,
        producer_name=name,
        producer_kind=kind,
        kind_given=bool(v.text(cells.get("producer_kind"))) and kind_note is None,
        tax_code=tax,
        representative=v.text(cells.get("representative")),
        representative_title=v.text(cells.get("representative_title")),
        phone=phone,
        email=v.text(cells.get("email")).lower(),
        address=v.text(cells.get("address")),
        commune=v.text(cells.get("commune")),
        former_unit=v.text(cells.get("former_unit")),
        product_name=product_name,
        product_code=code,
        product_set=product_set if isinstance(product_set, int) else None,
        brand=v.text(cells.get("brand")),
        packaging=v.text(cells.get("packaging")),
        year=year_read
        if isinstance(year_read, int)
        else (certificate.decision_date.year if certificate else None),
        certificate=certificate,
        problems=tuple(problems),
        notes=tuple(notes),
    )


def _certificate(
    cells: Mapping[str, v.Cell], ctx: RowContext, problems: list[str], notes: list[str]
) -> CertificateFacts | None:
    """The certificate a row records, when it gives a star; its legal basis and level inferred when absent."""
    stars_read = v.stars(cells.get("stars"))
    number = nfc(v.text(cells.get("decision_number")))
    decided = v.day(cells.get("decision_date"), "Ngày quyết định")
    if stars_read.problem:
        problems.append(stars_read.problem)
        return None
    if stars_read.value is None:
        if number or decided.value:
            problems.append("Có quyết định công nhận nhưng thiếu hạng sao.")
        return None
    stars = stars_read.value
    if not number:
        problems.append("Thiếu số quyết định công nhận.")
    if decided.problem or decided.value is None:
        problems.append(decided.problem or "Thiếu ngày quyết định công nhận.")
        return None
    when = decided.value
    if when > ctx.today:
        problems.append(f"Ngày quyết định {when:%d/%m/%Y} ở tương lai.")
    basis = _basis(cells.get("legal_basis"), when, ctx.bases, problems, notes)
    level_read = v.issuing_level(cells.get("issuing_level"))
    total = v.score(cells.get("total"))
    until = v.day(cells.get("valid_until"), "Ngày hết hạn")
    for read in (level_read, total, until):
        if read.problem:
            problems.append(read.problem)
    if basis is None or not number or problems:
        return None
    usual = basis.levels_for(stars, when)
    level = level_read.value or (usual[0] if usual else None)
    if level is None:
        problems.append(f"Theo {basis.label}, không cấp nào công nhận {stars} sao vào ngày {when:%d/%m/%Y}.")
        return None
    if level_read.value and level not in usual:
        notes.append(
            f"Theo {basis.label}, {stars} sao ngày {when:%d/%m/%Y} do "
            f"{' hoặc '.join(LEVEL_LABELS[u] for u in usual) or 'không cấp nào'} công nhận; kiểm tra cột Cấp."
        )
    valid_until = until.value
    if valid_until is None and basis.certificate_months:
        valid_until = term_end(when, basis.certificate_months)
    return CertificateFacts(
        stars, number, when, level, basis, v.text(cells.get("issuer")), total.value, valid_until
    )


def _basis(
    cell: v.Cell, when: date, bases: LegalBases, problems: list[str], notes: list[str]
) -> LegalBasis | None:
    raw = v.text(cell)
    if raw:
        found = bases.find(raw)
        if found is None:
            problems.append(f"Căn cứ “{raw}” không rõ (ví dụ: QĐ 1048/2019, QĐ 148/2023, QĐ 26/2026).")
        elif when < found.effective_from:
            problems.append(
                f"Ngày quyết định {when:%d/%m/%Y} có trước ngày {found.label} có hiệu lực "
                f"({found.effective_from:%d/%m/%Y}); kiểm tra cột Căn cứ hoặc ngày quyết định."
            )
            return None
        elif not found.in_force(when):
            notes.append(f"Ngày quyết định {when:%d/%m/%Y} ngoài thời gian hiệu lực của {found.label}.")
        return found
    in_force = bases.on(when)
    if not in_force:
        problems.append(f"Ngày quyết định {when:%d/%m/%Y} trước mọi căn cứ đã biết; ghi cột Căn cứ.")
        return None
    if len(in_force) > 1:
        notes.append(
            f"Ngày {when:%d/%m/%Y} thuộc giai đoạn chuyển tiếp ({', '.join(b.label for b in in_force)}); "
            f"ghi là {in_force[0].label}, ghi cột Căn cứ nếu khác."
        )
    return in_force[0]

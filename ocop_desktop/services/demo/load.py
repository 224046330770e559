"""Demo data: realistic producers and products in real communes, reproducible by seed.

Commune scale: a dozen producers in this office's commune. Province scale: the sizing target of
DESIGN.md §4 (5,000 producers, 20,000 products) spread over the province's communes, written
with bulk inserts so it takes seconds, not minutes.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select

from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.domain.products import product_code
from ocop_desktop.domain.text import fold
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.services.demo import catalogue as cat
from ocop_desktop.services.registry.producers import producer_search_key
from ocop_desktop.services.registry.products import current_ruleset_id, product_set_names
from ocop_desktop.store.audit import audited_execute
from ocop_desktop.store.base import new_uuid, utcnow
from ocop_desktop.store.concurrency import PRODUCT_NUMBERS, serialise
from ocop_desktop.store.models import AdminUnit, Producer, Product

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext


DEMO_PROVINCE = "66"  # Đắk Lắk
SCALES = {"commune": (12, 30), "province": (5_000, 20_000)}
KIND_WEIGHTS = [
    ("htx", 32),
    ("dn", 22),
    ("ho_kinh_doanh", 20),
    ("ho_san_xuat", 12),
    ("tht", 8),
    ("trang_trai", 5),
    ("hiep_hoi", 1),
]


@dataclass(frozen=True)
class _Owner:
    """A producer row to insert, with what its products are drawn from."""

    row: dict[str, object]
    product_set: int
    commune: tuple[str, str, str]  # code, name, province code


def load_demo_data(
    ctx: AppContext,
    *,
    scale: str = "commune",
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
    size: tuple[int, int] | None = None,
) -> dict[str, object]:
    """`progress` receives a line per stage (with counts); `size` (producers, products) overrides the
    scale's, for tests of the province scale in seconds."""
    say = progress or (lambda _text: None)
    started = time.perf_counter()
    rng = random.Random(seed)
    office = ctx.office_or_none()
    if office is None:
        role = "commune" if scale == "commune" else "province"
        unit = _demo_unit(ctx, role)
        initialise(ctx, role, unit, "Nguyễn Thị Hoa")
        office = ctx.office()
    communes = _communes_for(ctx, office.unit_code, office.role)
    n_producers, n_products = size or SCALES[scale]
    producers = [_producer(rng, rng.choice(communes)) for _ in range(n_producers)]
    ruleset_id = current_ruleset_id()
    names = product_set_names(ruleset_id)
    with ctx.unit_of_work() as s:
        stamp = {
            "revision": 1,
            "created_at": utcnow(),
            "updated_at": utcnow(),
            "updated_by_office_id": office.id,
            "updated_by_officer_id": ctx.officer_id,
        }
        rows = [{**p.row, **stamp} for p in producers]
        audited_execute(s, insert(Producer), Producer.__table__, [r["id"] for r in rows], rows)
        serialise(s, PRODUCT_NUMBERS)
        seqs: dict[str, int] = dict(
            s.execute(
                select(Product.commune_code, func.max(Product.seq)).group_by(Product.commune_code)
            ).all()
        )
        products: list[dict[str, object]] = []
        for i in range(n_products):
            owner = producers[i] if i < len(producers) else rng.choice(producers)
            products.append({**_product(rng, owner, seqs, ruleset_id, names), **stamp})
        audited_execute(s, insert(Product), Product.__table__, [str(p["id"]) for p in products], products)
    say(
        f"Chủ thể: {len(producers):,}; sản phẩm: {len(products):,} ({time.perf_counter() - started:.1f} giây)"
    )
    dossiers: object = 0
    if scale == "province":
        from ocop_desktop.services.core.rules import RuleService
        from ocop_desktop.services.demo.province import add_province_volume
        from ocop_desktop.store.blobs import BlobStore

        with ctx.unit_of_work() as s:
            stamp = {
                "revision": 1,
                "created_at": utcnow(),
                "updated_at": utcnow(),
                "updated_by_office_id": office.id,
                "updated_by_officer_id": ctx.officer_id,
            }
            dossiers = add_province_volume(
                s,
                BlobStore(ctx.paths.blobs_dir),
                products,
                RuleService().get(ruleset_id),
                stamp,
                rng,
                date.today(),
                communes=communes,
                progress=say,
            )
    if scale == "commune" and office.role == "commune":
        from ocop_desktop.services.demo.dossiers import add_demo_dossiers

        dossiers = add_demo_dossiers(ctx, [str(p["id"]) for p in products[:8]], rng, date.today())
    return {
        "office": office.name,
        "producers": len(producers),
        "products": len(products),
        "dossiers": dossiers,
        "seed": seed,
        "scale": scale,
    }


def _demo_unit(ctx: AppContext, role: str) -> str:
    with ctx.read() as s:
        if role == "province":
            return DEMO_PROVINCE
        code = s.scalar(
            select(AdminUnit.code)
            .where(AdminUnit.parent_code == DEMO_PROVINCE, AdminUnit.level == "commune")
            .where(AdminUnit.search_key.contains("buon don"))
        )
        return code or str(s.scalar(select(AdminUnit.code).where(AdminUnit.parent_code == DEMO_PROVINCE)))


def _communes_for(ctx: AppContext, unit_code: str, role: str) -> list[tuple[str, str, str]]:
    """(code, name, province code) of the communes the demo data may use."""
    with ctx.read() as s:
        unit = s.get(AdminUnit, unit_code)
        assert unit is not None
        if unit.level == "commune":
            return [(unit.code, unit.name, unit.parent_code or "")]
        rows = s.execute(
            select(AdminUnit.code, AdminUnit.name).where(AdminUnit.parent_code == unit.code)
        ).all()
        return [(code, name, unit.code) for code, name in rows]


def _person(rng: random.Random) -> str:
    female = rng.random() < 0.5
    middle = rng.choice(cat.MIDDLE_F if female else cat.MIDDLE_M)
    given = rng.choice(cat.GIVEN_F if female else cat.GIVEN_M)
    return f"{rng.choice(cat.SURNAMES)} {middle} {given}"


def _place(commune_name: str) -> str:
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if commune_name.startswith(prefix):
            return commune_name[len(prefix) :]
    return commune_name


def _producer(rng: random.Random, commune: tuple[str, str, str]) -> _Owner:
    code, commune_name, _province = commune
    kind = rng.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
    person = _person(rng)
    product_set = 26 if kind == "hiep_hoi" else rng.choice([s for s in cat.PRODUCTS if s != 26])
    name = cat.PRODUCER_PATTERNS[kind].format(
        place=_place(commune_name),
        village=rng.choice(cat.VILLAGES),
        person=person,
        product=rng.choice(cat.PRODUCTS[product_set]).split()[0],
        word=rng.choice(cat.COMPANY_WORDS),
        trade=rng.choice(cat.TRADES),
    )
    household = ProducerKind(kind).is_household
    tax = (
        ""
        if household and rng.random() < 0.3
        else "".join(str(rng.randint(0, 9)) for _ in range(12 if household else 10))
    )
    data = ProducerInput(
        name=name,
        kind=ProducerKind(kind),
        commune_code=code,
        address=f"{rng.choice(cat.VILLAGES)}, {commune_name}",
        tax_code=tax,
        phone="0" + rng.choice("35789") + "".join(str(rng.randint(0, 9)) for _ in range(8)),
        representative=person,
        representative_title=cat.TITLES[kind],
    )
    row: dict[str, object] = {k: getattr(data, k) for k in ProducerInput.__dataclass_fields__}
    row.update(id=new_uuid(), kind=kind, search_key=producer_search_key(data, commune_name))
    return _Owner(row, product_set, commune)


def _product(
    rng: random.Random, owner: _Owner, seqs: dict[str, int], ruleset_id: str, names: dict[int, str]
) -> dict[str, object]:
    code, commune_name, province = owner.commune
    product_set = (
        owner.product_set if rng.random() < 0.7 else rng.choice([s for s in cat.PRODUCTS if s != 26])
    )
    name = f"{rng.choice(cat.PRODUCTS[product_set])} {_place(commune_name)}"
    seqs[code] = seqs.get(code, 0) + 1
    year = rng.choice([date.today().year - 2, date.today().year - 1, date.today().year])
    pcode = product_code(province, code, seqs[code], year)
    return {
        "id": new_uuid(),
        "producer_id": owner.row["id"],
        "name": name,
        "ruleset_id": ruleset_id,
        "product_set": product_set,
        "code": pcode,
        "commune_code": code,
        "seq": seqs[code],
        "description": "",
        "brand": "",
        "packaging": "",
        "search_key": fold(f"{name} {owner.row['name']} {names.get(product_set, '')} {pcode}"),
    }

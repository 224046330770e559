"""Danh mục sản phẩm OCOP: every product certified and valid on a day, with its producer's contact, for
trade promotion, fairs and the province's entries on the national OCOP portal (provincial OCOP plans put
trade promotion and e-commerce next to certification). One table, so it is also a CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.services.reports.facts import (
    Area,
    area_products,
    certificate_facts,
    current_by_product,
    plain_rows,
)
from ocop_desktop.services.reports.model import Cell, Report, ReportTable
from ocop_desktop.store.models import Producer

TITLE = "Danh mục sản phẩm OCOP còn hiệu lực"
HEADERS = (
    "Mã sản phẩm",
    "Sản phẩm",
    "Bộ sản phẩm",
    "Hạng sao",
    "Chủ thể",
    "Người đại diện",
    "Địa chỉ",
    "Điện thoại",
    "Thư điện tử",
    "Số quyết định",
    "Hiệu lực đến",
)  # the commune is in the address; the group in the set's number (A4 fits 11 columns)

SetNames = Callable[[str, int], str]  # (rule set, set number) -> "14 – Rượu trắng"


def catalogue_report(s: Session, area: Area, on: date, set_names: SetNames) -> Report:
    """The products whose certificate is valid on `on` (the latest decision when an upgrade overlaps),
    by product code (so by commune), each with its producer's address and contacts."""
    products = area_products(s, area)
    current = current_by_product(certificate_facts(s, area, valid_on=on), on)
    owners = {c.producer_id for c in current.values()}
    contacts = {
        r[0]: r[1:]
        for r in plain_rows(
            s,
            select(
                Producer.id,
                Producer.name,
                Producer.address,
                Producer.phone,
                Producer.email,
                Producer.representative,
            ),
        )
        if r[0] in owners
    }
    rows: list[tuple[Cell, ...]] = []
    for c in current.values():
        product = products[c.product_id]
        name, address, phone, email, representative = contacts.get(c.producer_id, ("", "", "", "", ""))
        rows.append(
            (
                product[5] or "",
                product[6],
                set_names(c.product_ruleset, c.product_set),
                c.stars,
                name,
                representative,
                address,
                phone,
                email,
                c.decision_number,
                c.valid_until,
            )
        )
    rows.sort(key=lambda r: (str(r[0]), str(r[1])))  # the code: province, commune, running number
    stars = {n: sum(1 for r in rows if r[3] == n) for n in (3, 4, 5)}
    figures: tuple[tuple[str, Cell], ...] = (
        ("Sản phẩm trong danh mục", len(rows)),
        *((f"{n} sao", count) for n, count in stars.items()),
    )
    table = ReportTable("catalogue", TITLE, HEADERS, tuple(rows))
    return Report("catalogue", TITLE, on, area.label, (table,), figures)


def write_csv(report: Report, path: Path) -> Path:
    """A one-table report as CSV: UTF-8 with a byte-order mark (Excel then reads the Vietnamese right),
    dates dd/mm/yyyy; written atomically."""
    if len(report.tables) != 1:
        from ocop_desktop.domain.errors import UserError

        raise UserError("Báo cáo này có nhiều bảng: hãy xuất ra Excel (--xlsx) thay vì CSV.")
    table = report.tables[0]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([f"{v:%d/%m/%Y}" if isinstance(v, date) else ("" if v is None else v) for v in row])
    atomic_write_bytes(Path(path), out.getvalue().encode("utf-8-sig"))
    return Path(path)

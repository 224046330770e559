"""What needs the office's attention now, for the home page: dossiers near or past their commune deadline,
dossiers returned for supplements, dossiers waiting at the province's inbox, certificates whose
re-evaluation window is open or that expired with no successor, and work not yet sent or not yet
receipted. Each item counts all its records and names the first few, so the page can open them.

Qt-free, read-only, built from the same facts as the reports (one pass over the area's dossiers and
certificates), so a number on the home page and the report it opens always agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import select

from ocop_desktop.domain.deadlines import Urgency, urgency
from ocop_desktop.domain.dossiers import Status
from ocop_desktop.services.reports.charts import Chart, charts_for
from ocop_desktop.services.reports.dossier_facts import DossierFact, dossier_facts
from ocop_desktop.services.reports.expiry import Expiry, ExpiryLists
from ocop_desktop.services.reports.facts import area_products, office_area
from ocop_desktop.services.reports.model import Cell, Report
from ocop_desktop.services.reports.service import ReportService
from ocop_desktop.services.sync.status import SyncStatusService
from ocop_desktop.store.models import Dossier, Producer, Product

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

SHOWN = 8  # records named under an item; the rest are behind "Xem tất cả"
HOME_CHARTS = ("by_star", "targets", "province_targets")


class Severity(StrEnum):
    DANGER = "danger"  # past a legal deadline, or lost validity
    WARNING = "warning"  # a deadline is near, or the officer must act
    INFO = "info"  # waiting on someone else


@dataclass(frozen=True)
class AttentionRecord:
    kind: str  # "dossier" | "product": what the page opens
    id: str
    label: str  # "Cà phê Ea Phê — HTX Ea Phê"
    note: str  # "quá hạn 3 ngày", "hạn nộp 12/05/2027"
    day: date | None = None  # the date the note is about: deadline, last filing day, expiry
    find: str = ""  # what finds it in its list: a product's code (unique), else its name


@dataclass(frozen=True)
class AttentionItem:
    key: str  # stable: overdue, due_soon, returned, inbox, reevaluation, expired, unsent, unreceipted
    title: str
    severity: Severity
    count: int
    records: tuple[AttentionRecord, ...]  # at most SHOWN
    goto: str  # where "Xem tất cả" leads: "reports/<name>" or a page name


@dataclass(frozen=True)
class HomeSummary:
    on: date
    scope: str
    role: str
    items: tuple[AttentionItem, ...]  # only those with something in them, the most urgent first
    figures: tuple[tuple[str, Cell], ...]  # the year's key figures against its targets
    charts: tuple[Chart, ...] = ()  # products by star; targets against achieved (own, and the province's)


class AttentionService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._reports = ReportService(ctx)

    def summary(self, on: date) -> HomeSummary:
        office = self._ctx.office()
        if office.role == "evaluator":  # a council member's laptop holds no dossiers of its own
            return HomeSummary(on, office.name, office.role, (), ())
        with self._ctx.read() as s:
            area = office_area(s, office.role, office.unit_code)
            dossiers = dossier_facts(s, area_products(s, area))
        items = [
            *_deadline_items(dossiers, on),
            *self._status_items(dossiers, office.role),
            *_expiry_items(self._reports.expiry_lists(on), on),
            *self._sync_items(),
        ]
        order = list(Severity)
        items.sort(key=lambda i: order.index(i.severity))
        certified, targets = self._reports.certified(on), self._reports.targets(on)
        charts = tuple(c for c in (*charts_for(certified), *charts_for(targets)) if c.key in HOME_CHARTS)
        return HomeSummary(
            on,
            area.label,
            office.role,
            tuple(i for i in items if i.count),
            _figures(on, certified, targets),
            charts,
        )

    def _status_items(self, dossiers: list[DossierFact], role: str) -> list[AttentionItem]:
        returned = [d.id for d in dossiers if d.status == Status.RETURNED.value]
        title = (
            "Hồ sơ tỉnh trả lại, chờ chủ thể bổ sung"
            if role == "commune"
            else "Hồ sơ đã trả lại, chờ xã gửi bổ sung"
        )
        items = [self._dossier_item("returned", title, Severity.WARNING, returned, "dossiers")]
        if role == "province":
            waiting = [d.id for d in dossiers if d.status == Status.SENT.value]
            items.append(
                self._dossier_item(
                    "inbox", "Hồ sơ xã gửi lên, chờ tỉnh tiếp nhận", Severity.WARNING, waiting, "evaluation"
                )
            )
        return items

    def _dossier_item(
        self, key: str, title: str, severity: Severity, ids: list[str], goto: str
    ) -> AttentionItem:
        names = self._dossier_labels(ids[:SHOWN])
        records = tuple(AttentionRecord("dossier", i, names.get(i, i), "") for i in ids[:SHOWN])
        return AttentionItem(key, title, severity, len(ids), records, goto)

    def _dossier_labels(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        with self._ctx.read() as s:
            rows = s.execute(
                select(Dossier.id, Product.name, Producer.name)
                .join(Product, Product.id == Dossier.product_id)
                .join(Producer, Producer.id == Product.producer_id)
                .where(Dossier.id.in_(ids))
            )
            return {did: f"{product} — {producer}" for did, product, producer in rows}

    def _sync_items(self) -> list[AttentionItem]:
        status = SyncStatusService(self._ctx)
        unsent = status.unsent()
        waiting = sum(p.unacknowledged for p in status.peers())
        return [
            AttentionItem(
                "unsent",
                "Hồ sơ chưa gửi đi (từ 7 ngày trở lên)",
                Severity.WARNING,
                len(unsent),
                tuple(
                    AttentionRecord(
                        "dossier", u.dossier_id, f"{u.product_name} — {u.producer_name}", u.reason
                    )
                    for u in unsent[:SHOWN]
                ),
                "sync",
            ),
            AttentionItem("unreceipted", "Gói đã gửi, chưa có biên nhận", Severity.INFO, waiting, (), "sync"),
        ]


def _figures(on: date, certified: Report, targets: Report) -> tuple[tuple[str, Cell], ...]:
    """The certified counts and the year's results, with "achieved/target" of new products for the area-wide
    line of the office's plan and, at a commune, of the province's targets for it."""
    out: list[tuple[str, Cell]] = [*certified.figures, *(f for f in targets.figures if f[1] is not None)]
    labels = {
        "targets": f"Chỉ tiêu sản phẩm mới năm {on.year}",
        "province_targets": f"Chỉ tiêu tỉnh giao: sản phẩm mới năm {on.year}",
    }
    for table in targets.tables:
        # the office's own plan: its area-wide line; the province's targets: the commune's every-group line
        area_wide = table.key == "province_targets"
        whole = next(
            (r for r in table.rows if r[1] == "Tất cả" and (area_wide or r[0] == "Toàn địa bàn")), None
        )
        if whole is not None and table.key in labels:
            out.append((labels[table.key], f"{whole[3]}/{whole[2]}"))
    return tuple(out)


def _deadline_items(dossiers: list[DossierFact], on: date) -> list[AttentionItem]:
    late: list[DossierFact] = []
    soon: list[DossierFact] = []
    for d in dossiers:
        if d.status != Status.RECEIVED.value or d.deadline is None:
            continue
        state = urgency(d.deadline, on)
        if state is Urgency.OVERDUE:
            late.append(d)
        elif state is Urgency.DUE_SOON:
            soon.append(d)

    def records(rows: list[DossierFact]) -> tuple[AttentionRecord, ...]:
        rows = sorted(rows, key=lambda d: (d.deadline or on, d.receipt_number))
        return tuple(
            AttentionRecord("dossier", d.id, d.product_name, _deadline_note(d.deadline, on), d.deadline)
            for d in rows[:SHOWN]
        )

    return [
        AttentionItem(
            "overdue", "Quá hạn đánh giá cấp xã", Severity.DANGER, len(late), records(late), "reports/overdue"
        ),
        AttentionItem(
            "due_soon",
            "Sắp đến hạn đánh giá cấp xã",
            Severity.WARNING,
            len(soon),
            records(soon),
            "reports/overdue",
        ),
    ]


def _deadline_note(deadline: date | None, on: date) -> str:
    if deadline is None:
        return ""
    days = (deadline - on).days
    if days < 0:
        return f"quá hạn {-days} ngày ({deadline:%d/%m/%Y})"
    return f"hạn {deadline:%d/%m/%Y} (còn {days} ngày)"


def _expiry_items(lists: ExpiryLists, on: date) -> list[AttentionItem]:
    def label(e: Expiry) -> str:
        return f"{e.name} — {e.producer}" if e.producer else e.name

    due = sorted(lists.due.entries(), key=lambda e: (e.closes or on, e.product_id))
    expired = lists.expired.entries(SHOWN)  # the latest expiry first (the count: the whole list)
    return [
        AttentionItem(
            "reevaluation",
            "Giấy chứng nhận đến kỳ đánh giá lại",
            Severity.WARNING,
            len(due),
            tuple(
                AttentionRecord(
                    "product",
                    e.product_id,
                    label(e),
                    f"hạn nộp hồ sơ {e.closes:%d/%m/%Y}" if e.closes else "",
                    e.closes,
                    e.code or e.name,
                )
                for e in due[:SHOWN]
            ),
            "reports/expiring",
        ),
        AttentionItem(
            "expired",
            "Giấy chứng nhận đã hết hiệu lực, chưa có giấy mới",
            Severity.DANGER,
            len(lists.expired),
            tuple(
                AttentionRecord(
                    "product",
                    e.product_id,
                    label(e),
                    f"hết hạn {e.valid_until:%d/%m/%Y}",
                    e.valid_until,
                    e.code or e.name,
                )
                for e in expired
            ),
            "reports/expiring",
        ),
    ]

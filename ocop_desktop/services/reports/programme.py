"""The reports on the work itself: dossiers by status and by round, pass rates per round, upgrades, returns
and their reasons, overdue commune checks, and year against year for the certified counts. Pure functions
of the facts read by `ReportService`; Qt-free, checked cell by cell in the tests."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from ocop_desktop.domain.deadlines import Urgency, urgency
from ocop_desktop.domain.dossiers import RegistrationType, Status
from ocop_desktop.domain.province import EntryStatus
from ocop_desktop.services.province.common import round_name
from ocop_desktop.services.reports.counts import History
from ocop_desktop.services.reports.dossier_facts import RoundFact
from ocop_desktop.services.reports.facts import Area, CertificateFact
from ocop_desktop.services.reports.model import Cell, Report, ReportTable

STARS = (3, 4, 5)
REG_TYPES = tuple(RegistrationType)
RECOGNISED = {EntryStatus.DECIDED.value}
REFUSED = {EntryStatus.NOT_RECOGNISED.value}
WITHDRAWN = EntryStatus.WITHDRAWN.value


def _pct(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _round_key(r: RoundFact) -> tuple[int, int, bool]:
    return (r.year, r.number, r.extra)


EntryCounts = list[tuple[str, str, int | None, int]]  # (round id, entry status, star, number)


def dossiers_report(
    area: Area,
    on: date,
    per_type: Counter[tuple[str, str]],
    entries: EntryCounts,
    in_rounds: int,
    rounds: dict[str, RoundFact],
) -> Report:
    """Every dossier of the area by its status now (and registration type), and by round by entry status.
    `per_type`: (status, registration type) -> dossiers; `in_rounds`: dossiers in a round."""
    per_status: dict[str, Counter[str]] = {st.value: Counter() for st in Status}
    for (status, reg), n in per_type.items():
        per_status.setdefault(status, Counter())[reg] += n
    status_rows: tuple[tuple[Cell, ...], ...] = tuple(
        (
            Status(st).label if st in Status._value2member_map_ else st,
            *(c[t.value] for t in REG_TYPES),
            c.total(),
        )
        for st, c in per_status.items()
    )
    by_type: list[Cell] = [sum(c[t.value] for c in per_status.values()) for t in REG_TYPES]
    status_table = ReportTable(
        "by_status",
        "Hồ sơ theo trạng thái",
        ("Trạng thái", *(t.label for t in REG_TYPES), "Tổng"),
        status_rows,
        ("Tổng cộng", *by_type, per_type.total()),
    )
    per_round: dict[str, Counter[str]] = {}
    for rid, status, _star, n in entries:
        per_round.setdefault(rid, Counter())[status] += n
    ordered = sorted((rid for rid in per_round if rid in rounds), key=lambda rid: _round_key(rounds[rid]))
    round_rows = tuple(
        (round_name(rounds[rid].year, rounds[rid].number, rounds[rid].extra),)
        + tuple(per_round[rid][st.value] for st in EntryStatus)
        + (per_round[rid].total(),)
        for rid in ordered
    )
    sums: list[Cell] = [sum(per_round[rid][st.value] for rid in ordered) for st in EntryStatus]
    round_table = ReportTable(
        "by_round",
        "Hồ sơ theo đợt đánh giá",
        ("Đợt", *(st.label for st in EntryStatus), "Tổng"),
        round_rows,
        ("Tổng cộng", *sums, sum(per_round[rid].total() for rid in ordered)),
    )
    figures: tuple[tuple[str, Cell], ...] = (
        ("Tổng số hồ sơ", per_type.total()),
        ("Hồ sơ đã vào đợt đánh giá", in_rounds),
    )
    return Report(
        "dossiers", "Hồ sơ theo trạng thái và theo đợt", on, area.label, (status_table, round_table), figures
    )


def pass_rates_report(area: Area, on: date, entries: EntryCounts, rounds: dict[str, RoundFact]) -> Report:
    """Per round: dossiers assigned, recognised (a decision), not recognised, still in evaluation, the rate
    recognised / assigned, and the recognised by star."""
    per_round: dict[str, list[int]] = {}  # assigned, recognised, refused, then the recognised by star
    for rid, status, star, n in entries:
        if rid not in rounds or status == WITHDRAWN:  # the producer withdrew it: never evaluated (issue 15)
            continue
        c = per_round.setdefault(rid, [0] * (3 + len(STARS)))
        c[0] += n
        if status in RECOGNISED:
            c[1] += n
            if star in STARS:
                c[3 + STARS.index(star)] += n
        elif status in REFUSED:
            c[2] += n
    rows: list[tuple[Cell, ...]] = []
    totals = [0] * 7
    for rid in sorted(per_round, key=lambda r: _round_key(rounds[r])):
        assigned, ok, refused, *stars = per_round[rid]
        counts = [assigned, ok, refused, assigned - ok - refused, *stars]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        r = rounds[rid]
        rows.append((round_name(r.year, r.number, r.extra), *counts[:4], _pct(ok, assigned), *stars))
    headers = (
        "Đợt",
        "Số hồ sơ",
        "Được công nhận",
        "Không đủ điều kiện",
        "Đang đánh giá",
        "Tỷ lệ công nhận (%)",
        "3 sao",
        "4 sao",
        "5 sao",
    )
    total: tuple[Cell, ...] = ("Tổng cộng", *totals[:4], _pct(totals[1], totals[0]), *totals[4:])
    table = ReportTable("pass_rates", "Tỷ lệ công nhận theo đợt", headers, tuple(rows), total)
    figures: tuple[tuple[str, Cell], ...] = (
        ("Hồ sơ đã phân vào đợt", totals[0]),
        ("Được công nhận", totals[1]),
        ("Tỷ lệ công nhận (%)", _pct(totals[1], totals[0])),
    )
    return Report("pass_rates", "Tỷ lệ công nhận theo đợt đánh giá", on, area.label, (table,), figures)


def upgrades(facts: Iterable[CertificateFact], on: date) -> list[tuple[CertificateFact, int]]:
    """(certificate, stars before) for each certificate decided by `on` with more stars than the
    product's previous certificate. (The report counts the same in SQL: `counts.upgrade_counts`.)"""
    by_product: dict[str, list[CertificateFact]] = {}
    for f in facts:
        if f.decision_date <= on:
            by_product.setdefault(f.product_id, []).append(f)
    out = []
    for certs in by_product.values():
        certs.sort(key=lambda f: (f.decision_date, f.stars))
        for before, after in zip(certs, certs[1:], strict=False):
            if after.stars > before.stars:
                out.append((after, before.stars))
    return out


def upgrades_report(area: Area, on: date, ups: Counter[tuple[int, int, int]], wanted: Counter[str]) -> Report:
    """`ups`: (year decided, stars before, stars after) -> upgrades; `wanted`: upgrade dossiers by status."""
    steps = ((3, 4), (4, 5), (3, 5))
    per_year: dict[int, Counter[tuple[int, int]]] = {}
    for (year, before, after), n in ups.items():
        per_year.setdefault(year, Counter())[(before, after)] += n
    rows = tuple((year, *(c[s] for s in steps), c.total()) for year, c in sorted(per_year.items()))
    sums: list[Cell] = [sum(c[s] for c in per_year.values()) for s in steps]
    achieved = ReportTable(
        "upgrades_by_year",
        "Sản phẩm được nâng hạng theo năm công nhận",
        ("Năm", "3 → 4 sao", "4 → 5 sao", "3 → 5 sao", "Tổng"),
        rows,
        ("Tổng cộng", *sums, ups.total()),
    )
    pending = ReportTable(
        "upgrade_dossiers",
        "Hồ sơ nâng hạng theo trạng thái",
        ("Trạng thái", "Số hồ sơ"),
        tuple((st.label, wanted[st.value]) for st in Status),
        ("Tổng cộng", wanted.total()),
    )
    figures: tuple[tuple[str, Cell], ...] = (
        (f"Nâng hạng trong năm {on.year}", per_year.get(on.year, Counter()).total()),
        ("Hồ sơ nâng hạng", wanted.total()),
    )
    return Report("upgrades", "Nâng hạng sản phẩm OCOP", on, area.label, (achieved, pending), figures)


def reasons(note: str) -> list[str]:
    """The reasons of one return: one a line, list marks and trailing punctuation dropped."""
    out = []
    for line in note.splitlines():
        text = line.strip().lstrip("-•*+ ").strip().rstrip(".;").strip()
        if text:
            out.append(text)
    return out or ["(không ghi lý do)"]


def returns_report(
    area: Area,
    on: date,
    events: list[tuple[str, date, str, str]],
    undated: list[tuple[str, str, str]],
    waiting: int,
) -> Report:
    """Returns made in the year of `on` up to `on`: by reason, and by commune. A dossier returned with no
    return event here (the province's decision received in a package or on paper) counts once, with the
    reasons it carries, as a return of unknown day. `events`: (dossier, day, note, commune);
    `undated`: (dossier, reasons, commune); `waiting`: dossiers returned, waiting for their correction."""
    start = date(on.year, 1, 1)
    counted = [(d, note, c) for d, day, note, c in events if start <= day <= on]
    counted += undated
    by_reason = Counter(r for _, note, _ in counted for r in reasons(note))
    per_commune: dict[str, tuple[int, set[str]]] = {}
    for did, _, code in counted:
        n, ids = per_commune.get(code, (0, set()))
        ids.add(did)
        per_commune[code] = (n + 1, ids)
    reason_table = ReportTable(
        "return_reasons",
        f"Lý do trả lại hồ sơ (năm {on.year})",
        ("Lý do", "Số lần"),
        tuple((r, n) for r, n in sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0]))),
        ("Tổng cộng", sum(by_reason.values())),
    )
    commune_table = ReportTable(
        "returns_by_commune",
        f"Hồ sơ bị trả lại theo xã/phường (năm {on.year})",
        ("Mã xã", "Xã/phường", "Số lần trả lại", "Số hồ sơ"),
        tuple(
            (code, area.communes.get(code, code), n, len(ids))
            for code, (n, ids) in sorted(per_commune.items())
        ),
        ("Tổng cộng", "", len(counted), len({d for d, _, _ in counted})),
    )
    figures: tuple[tuple[str, Cell], ...] = (
        ("Lần trả lại trong năm", len(counted)),
        ("Trong đó không rõ ngày trả lại", len(undated)),
        ("Hồ sơ đang chờ bổ sung", waiting),
    )
    return Report(
        "returns", "Hồ sơ bị trả lại và lý do", on, area.label, (reason_table, commune_table), figures
    )


def overdue_report(area: Area, on: date, waiting: list[tuple[Any, ...]]) -> Report:
    """Dossiers received by a commune and not yet checked (Mẫu 03) whose deadline is past or near.
    `waiting`: (dossier, received, deadline, receipt, product code, product name, commune), as
    `counts.waiting_check` reads them (days as their ISO text)."""
    late: list[tuple[Cell, ...]] = []
    soon: list[tuple[Cell, ...]] = []
    per_commune: Counter[str] = Counter()
    for _id, received, deadline_text, receipt, code, name, commune in waiting:
        deadline = _day(deadline_text)
        assert deadline is not None  # selected with a deadline
        state = urgency(deadline, on)
        if state is Urgency.OK:
            continue
        row = (
            receipt or "",
            code or "",
            name,
            area.communes.get(commune, commune),
            _day(received),
            deadline,
            (on - deadline).days,
        )
        (late if state is Urgency.OVERDUE else soon).append(row)
        if state is Urgency.OVERDUE:
            per_commune[commune] += 1
    headers = (
        "Số phiếu",
        "Mã sản phẩm",
        "Sản phẩm",
        "Xã/phường",
        "Ngày tiếp nhận",
        "Hạn đánh giá",
        "Quá hạn (ngày)",
    )

    def by_deadline(r: tuple[Cell, ...]) -> tuple[str, str]:
        return (str(r[5]), str(r[0]))

    tables = (
        ReportTable("overdue", "Quá hạn đánh giá cấp xã", headers, tuple(sorted(late, key=by_deadline))),
        ReportTable("due_soon", "Sắp đến hạn đánh giá cấp xã", headers, tuple(sorted(soon, key=by_deadline))),
        ReportTable(
            "overdue_by_commune",
            "Quá hạn theo xã/phường",
            ("Mã xã", "Xã/phường", "Số hồ sơ quá hạn"),
            tuple((code, area.communes.get(code, code), n) for code, n in sorted(per_commune.items())),
            ("Tổng cộng", "", len(late)),
        ),
    )
    figures: tuple[tuple[str, Cell], ...] = (("Quá hạn", len(late)), ("Sắp đến hạn", len(soon)))
    return Report("overdue", "Hồ sơ quá hạn đánh giá cấp xã", on, area.label, tables, figures)


def _valid_stars(history: History, days: list[str]) -> list[Counter[int]]:
    """For each day (sorted ISO text), the stars of each product's certificate valid that day: the latest
    decision, then the most stars, as `facts.current_by_product` chooses. `history` comes grouped by
    product (in index order); a certificate is valid on a run of consecutive days, found by bisection."""
    out: list[Counter[int]] = [Counter() for _ in days]
    runs: list[tuple[int, int, str, int]] = []  # (first day, past the last day, decided, stars) of a product

    def flush() -> None:
        if len(runs) == 1:  # most products: one certificate, nothing to choose
            start, end, _, stars = runs[0]
            for i in range(start, end):
                out[i][stars] += 1
        elif runs:
            chosen: dict[int, tuple[str, int]] = {}
            for start, end, decided, stars in runs:
                for i in range(start, end):
                    known = chosen.get(i)
                    if known is None or (decided, stars) > known:
                        chosen[i] = (decided, stars)
            for i, (_, stars) in chosen.items():
                out[i][stars] += 1
        runs.clear()

    product = None
    for pid, stars, decided, until, revoked in history:
        if pid != product:
            flush()
            product = pid
        end = bisect_right(days, until)
        if revoked is not None:
            end = min(end, bisect_left(days, revoked))  # valid while the revocation is still to come
        start = bisect_left(days, decided)
        if start < end:
            runs.append((start, end, decided, stars))
    flush()
    return out


def _day(value: Any) -> date | None:
    """A day as the driver gives it: ISO text on SQLite (and through `store.raw` on PostgreSQL)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def years_report(area: Area, on: date, history: History) -> Report:
    """Each year from the first decision to `on`: products valid at the year's end (on `on` for this
    year) by star, certificates decided in the year, and the change of the valid count. `history`:
    (product, stars, decided, valid until, revoked) with days as ISO text, which compares as the days do."""
    first = int(min(h[2] for h in history)[:4]) if history else on.year
    today = on.isoformat()
    decided = Counter(h[2][:4] for h in history if h[2] <= today)  # by year, as text
    days = [on if year == on.year else date(year, 12, 31) for year in range(first, on.year + 1)]
    per_day = _valid_stars(history, [d.isoformat() for d in days])
    rows: list[tuple[Cell, ...]] = []
    previous: int | None = None
    for day, count in zip(days, per_day, strict=True):
        stars = [count[n] for n in STARS]
        total = sum(stars)
        change: Cell = total - previous if previous is not None else None
        rows.append((day.year, day, *stars, total, decided[f"{day.year:04d}"], change))
        previous = total
    table = ReportTable(
        "years",
        "Sản phẩm OCOP còn hiệu lực qua các năm",
        (
            "Năm",
            "Tính đến ngày",
            "3 sao",
            "4 sao",
            "5 sao",
            "Tổng",
            "Giấy chứng nhận cấp trong năm",
            "Tăng/giảm",
        ),
        tuple(rows),
    )
    this_year = rows[-1][5] if rows else 0
    figures: tuple[tuple[str, Cell], ...] = (
        (f"Còn hiệu lực ({on:%d/%m/%Y})", this_year),
        ("Tăng/giảm so với cuối năm trước", rows[-1][7] if rows else None),
    )
    return Report("years", "So sánh sản phẩm OCOP qua các năm", on, area.label, (table,), figures)

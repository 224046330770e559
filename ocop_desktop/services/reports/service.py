"""The reports of issue 14 that need no plan data yet: certified products valid on a day (by star, commune,
product group, product set, year of recognition, issuing level), coverage of communes, and certificates
expiring (re-evaluation window open) or expired. Qt-free; figures checked cell by cell in the tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ocop_desktop.domain.dossiers import RegistrationType
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.rules.model import Procedure, ProductSet
from ocop_desktop.services.core.legal_bases import legal_bases
from ocop_desktop.services.core.rules import RuleService
from ocop_desktop.services.registry.certificates import IssuingLevel
from ocop_desktop.services.reports import counts, programme
from ocop_desktop.services.reports.catalogue import catalogue_report
from ocop_desktop.services.reports.dossier_facts import round_facts
from ocop_desktop.services.reports.expiry import ExpiryLists, due_list, due_rows, expired_list, expired_rows
from ocop_desktop.services.reports.facts import (
    Area,
    CertificateFact,
    certificate_facts,
    current_by_product,
    current_per_commune,
    decided_in,
    office_area,
)
from ocop_desktop.services.reports.model import Cell, Report, ReportTable
from ocop_desktop.services.reports.plans import PlanService, targets_report

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

STARS = (3, 4, 5)
STAR_HEADERS = ("3 sao", "4 sao", "5 sao", "Tổng")


class ReportService:
    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self._rules = RuleService()

    @property
    def ctx(self) -> AppContext:
        return self._ctx

    def _load(self, valid_on: date | None = None) -> tuple[Area, list[CertificateFact]]:
        office = self._ctx.office()
        with self._ctx.read() as s:
            area = office_area(s, office.role, office.unit_code)
            return area, certificate_facts(s, area, valid_on=valid_on)

    # -- certified products ------------------------------------------------------------------------
    def certified(self, on: date) -> Report:
        area, facts = self._load(valid_on=on)
        current = list(current_by_product(facts, on).values())
        sets = self._sets(current)
        # Thousands of products share a few hundred signatures: count those once, label each once.
        kinds = Counter(
            _Kind(
                c.commune_code,
                c.commune_name,
                c.product_ruleset,
                c.product_set,
                c.decision_date.year,
                c.issuing_level,
                c.ruleset_id,
                c.stars,
            )
            for c in current
        )
        levels = {lvl.value: lvl.label for lvl in IssuingLevel}
        bases = legal_bases().labels()
        tables = (
            ReportTable(
                "by_star",
                "Sản phẩm OCOP còn hiệu lực theo hạng sao",
                ("Hạng sao", "Số sản phẩm"),
                tuple((f"{n} sao", sum(1 for c in current if c.stars == n)) for n in STARS),
                ("Tổng cộng", len(current)),
            ),
            _by_star(
                kinds,
                "by_commune",
                "Theo xã/phường",
                ("Mã xã", "Xã/phường"),
                lambda c: (c.commune_code, c.commune_name),
            ),
            _by_star(
                kinds,
                "by_product_group",
                "Theo ngành (nhóm sản phẩm)",
                ("Mã", "Ngành"),
                lambda c: _group(sets, c),
            ),
            _by_star(
                kinds,
                "by_product_set",
                "Theo bộ sản phẩm",
                ("Bộ", "Tên bộ sản phẩm"),
                lambda c: (c.product_set, sets[(c.product_ruleset, c.product_set)][2]),
            ),
            _by_star(kinds, "by_year", "Theo năm công nhận", ("Năm",), lambda c: (c.year,)),
            _by_star(
                kinds,
                "by_issuing_level",
                "Theo cấp công nhận",
                ("Cấp công nhận",),
                lambda c: (levels.get(c.issuing_level, c.issuing_level),),
            ),
            _by_star(
                kinds,
                "by_legal_basis",
                "Theo căn cứ công nhận",
                ("Căn cứ",),
                lambda c: (bases.get(c.ruleset_id, c.ruleset_id),),
            ),
        )
        figures = (
            ("Sản phẩm còn hiệu lực", len(current)),
            ("Chủ thể có sản phẩm", len({c.producer_id for c in current})),
        )
        return Report("certified", "Sản phẩm OCOP còn hiệu lực", on, area.label, tables, figures)

    def _sets(self, facts: Iterable[CertificateFact]) -> dict[tuple[str, int], tuple[str, str, str]]:
        """(rule set, set number) -> (group code, group name, set name), from each product's own rule set."""
        out: dict[tuple[str, int], tuple[str, str, str]] = {}
        for ruleset_id in {f.product_ruleset for f in facts}:
            product_sets: list[ProductSet] = self._rules.product_sets(ruleset_id)
            for ps in product_sets:
                out[(ruleset_id, ps.number)] = (ps.product_group, ps.product_group_name, ps.name)
        for f in facts:
            out.setdefault((f.product_ruleset, f.product_set), ("?", "Không rõ", f"Bộ {f.product_set}"))
        return {k: (g, gn, n) for k, (g, gn, n) in out.items()}

    # -- coverage ----------------------------------------------------------------------------------
    def coverage(self, on: date) -> Report:
        """Communes with a product of 3★ or more valid on `on`, out of every commune of the area."""
        area = self._area()
        with self._ctx.read() as s:
            per_commune = current_per_commune(s, area, on)
        covered = sum(1 for code in area.communes if per_commune[code])
        total = len(area.communes)
        share = round(100 * covered / total, 1) if total else 0.0
        rows = tuple(
            (code, name, per_commune[code], "có" if per_commune[code] else "chưa")
            for code, name in sorted(area.communes.items(), key=lambda kv: kv[0])
        )
        table = ReportTable(
            "coverage",
            "Xã/phường có sản phẩm OCOP từ 3 sao",
            ("Mã xã", "Xã/phường", "Số sản phẩm", "Có sản phẩm"),
            rows,
            ("Tổng cộng", f"{covered}/{total} xã/phường", sum(per_commune.values()), f"{share}%"),
        )
        figures = (("Xã/phường có sản phẩm", covered), ("Tổng số xã/phường", total), ("Tỷ lệ (%)", share))
        return Report("coverage", "Độ phủ sản phẩm OCOP theo xã/phường", on, area.label, (table,), figures)

    # -- expiring and expired ----------------------------------------------------------------------
    def expiry_lists(self, on: date) -> ExpiryLists:
        """Certificates valid on `on` whose re-evaluation window has opened (with the window); certificates
        expired (not revoked) with no newer certificate valid on `on` for their product."""
        area = self._area()
        procedures: dict[str, Procedure] = {}

        def procedure(ruleset_id: str) -> Procedure:
            if ruleset_id not in procedures:
                procedures[ruleset_id] = self._rules.procedure(ruleset_id, on)
            return procedures[ruleset_id]

        with self._ctx.read() as s:
            due = due_rows(s, on, self._widest_window(on))
            ended = expired_rows(s, on)
        return ExpiryLists(area, due_list(due, area, on, procedure), expired_list(ended, area, on))

    def _widest_window(self, on: date) -> int:
        """The most days before expiry a re-evaluation window opens, under any procedure a certificate
        may follow (its rule set's, or the one in force on `on`)."""
        procedures = [r.procedure for r in self._rules.list_rulesets() if r.procedure is not None]
        try:
            procedures.append(self._rules.procedure(None, on))
        except UserError:
            pass
        return max((p.reevaluation_opens_days for p in procedures), default=0)

    def expiring(self, on: date) -> Report:
        lists = self.expiry_lists(on)
        headers = (
            "Mã sản phẩm",
            "Sản phẩm",
            "Chủ thể",
            "Xã/phường",
            "Hạng sao",
            "Số quyết định",
            "Hiệu lực đến",
            "Mở cửa sổ đánh giá lại",
            "Hạn nộp hồ sơ",
            "Còn (ngày)",
        )
        tables = (
            ReportTable("expiring", "Đến kỳ đánh giá lại (cửa sổ đã mở)", headers, lists.due.rows),
            ReportTable(
                "expired", "Đã hết hiệu lực, chưa có giấy chứng nhận mới", headers, lists.expired.rows
            ),
        )
        figures = (("Đến kỳ đánh giá lại", len(lists.due)), ("Đã hết hiệu lực", len(lists.expired)))
        return Report(
            "expiring", "Giấy chứng nhận sắp hết hạn và đã hết hạn", on, lists.area.label, tables, figures
        )

    # -- the catalogue of certified products (trade promotion, the national portal) --------------------
    def catalogue(self, on: date) -> Report:
        office = self._ctx.office()
        sets: dict[str, dict[int, ProductSet]] = {}

        def set_names(ruleset_id: str, number: int) -> str:
            if ruleset_id not in sets:
                sets[ruleset_id] = {ps.number: ps for ps in self._rules.product_sets(ruleset_id)}
            ps = sets[ruleset_id].get(number)
            return f"{number} – {ps.name}" if ps else f"Bộ {number}"

        with self._ctx.read() as s:
            area = office_area(s, office.role, office.unit_code)
            return catalogue_report(s, area, on, set_names)

    # -- the work: dossiers, rounds, upgrades, returns, deadlines, years ------------------------------
    # Counted by the database (`counts`): one tuple per dossier would cost more than the report may take.
    def _area(self) -> Area:
        office = self._ctx.office()
        with self._ctx.read() as s:
            return office_area(s, office.role, office.unit_code)

    def dossiers(self, on: date) -> Report:
        area = self._area()
        with self._ctx.read() as s:
            per_type = counts.dossier_counts(s, area)
            entries = counts.entry_counts(s, area)
            in_rounds = counts.dossiers_in_rounds(s, area)
            rounds = round_facts(s)
        return programme.dossiers_report(area, on, per_type, entries, in_rounds, rounds)

    def pass_rates(self, on: date) -> Report:
        area = self._area()
        with self._ctx.read() as s:
            entries = counts.entry_counts(s, area)
            rounds = round_facts(s)
        return programme.pass_rates_report(area, on, entries, rounds)

    def upgrades(self, on: date) -> Report:
        area = self._area()
        upgrade = RegistrationType.UPGRADE.value
        with self._ctx.read() as s:
            ups = counts.upgrade_counts(s, area, on)
            per_type = counts.dossier_counts(s, area, registration_type=upgrade)
        wanted = Counter({status: n for (status, _), n in per_type.items()})
        return programme.upgrades_report(area, on, ups, wanted)

    def returns(self, on: date) -> Report:
        area = self._area()
        with self._ctx.read() as s:
            dated, undated, waiting = counts.return_lists(s, area, on)
        return programme.returns_report(area, on, dated, undated, waiting)

    def overdue(self, on: date) -> Report:
        area = self._area()
        with self._ctx.read() as s:
            waiting = counts.waiting_check(s, area)
        return programme.overdue_report(area, on, waiting)

    def years(self, on: date) -> Report:
        area = self._area()
        with self._ctx.read() as s:
            history = counts.certificate_history(s, area)
        return programme.years_report(area, on, history)

    def targets(self, on: date) -> Report:
        area = self._area()
        with self._ctx.read() as s:  # the products decided this year, with their earlier certificates
            facts = certificate_facts(s, area, where=decided_in(date(on.year, 1, 1), on))
        sets = self._sets(facts)
        plans = PlanService(self._ctx)
        lines = plans.lines(on.year)
        given = plans.province_targets(on.year) if self._ctx.office().role == "commune" else None

        def group_of(c: CertificateFact) -> tuple[str, str]:
            code, name, _ = sets[(c.product_ruleset, c.product_set)]
            return code, name

        return targets_report(area, on, lines, facts, group_of, self.product_groups(on), given)

    def product_groups(self, on: date) -> dict[str, str]:
        """Code -> name of the product groups a plan line may name: those of every rule set, named as in
        the one in force on `on` when there is one."""
        out: dict[str, str] = {}
        for ruleset in self._rules.list_rulesets():
            out.update(
                {ps.product_group: ps.product_group_name for ps in self._rules.product_sets(ruleset.id)}
            )
        try:
            current = self._rules.product_sets(self._rules.in_force(on).id)
        except UserError:
            return out
        return out | {ps.product_group: ps.product_group_name for ps in current}


REPORT_NAMES = {
    "certified": "Sản phẩm OCOP còn hiệu lực",
    "coverage": "Độ phủ theo xã/phường",
    "expiring": "Giấy chứng nhận sắp hết hạn, đã hết hạn",
    "dossiers": "Hồ sơ theo trạng thái và theo đợt",
    "pass_rates": "Tỷ lệ công nhận theo đợt",
    "upgrades": "Nâng hạng",
    "returns": "Hồ sơ bị trả lại và lý do",
    "overdue": "Quá hạn đánh giá cấp xã",
    "years": "So sánh qua các năm",
    "targets": "Chỉ tiêu và kết quả thực hiện",
    "catalogue": "Danh mục sản phẩm OCOP (xúc tiến thương mại)",
}


def build(service: ReportService, name: str, on: date) -> Report:
    if name not in REPORT_NAMES:
        raise KeyError(name)
    with service.ctx.shared_read():  # the office's area and the figures in one transaction (one snapshot)
        report: Report = getattr(service, name)(on)
    return report


class _Kind(NamedTuple):
    """What the certified report tells certificates apart by."""

    commune_code: str
    commune_name: str
    product_ruleset: str
    product_set: int
    year: int
    issuing_level: str
    ruleset_id: str
    stars: int


def _group(sets: dict[tuple[str, int], tuple[str, str, str]], c: _Kind) -> tuple[Cell, ...]:
    code, name, _ = sets[(c.product_ruleset, c.product_set)]
    return (code, name)


def _by_star(
    kinds: Counter[_Kind],
    key: str,
    title: str,
    heads: tuple[str, ...],
    label: Callable[[_Kind], tuple[Cell, ...]],
) -> ReportTable:
    """One row per label (sorted), the count of each star and the row total, and a total row."""
    counts: dict[tuple[Cell, ...], Counter[int]] = {}
    for kind, n in kinds.items():
        name = label(kind)
        found = counts.get(name)
        if found is None:
            found = counts[name] = Counter()
        found[kind.stars] += n
    rows = tuple(
        (*lbl, *(c[n] for n in STARS), sum(c.values()))
        for lbl, c in sorted(counts.items(), key=lambda kv: _sortable(kv[0]))
    )
    sums: list[Cell] = [sum(c[n] for c in counts.values()) for n in STARS]
    sums.append(sum(sum(c.values()) for c in counts.values()))
    blanks: list[Cell] = [""] * (len(heads) - 1)
    total: tuple[Cell, ...] = ("Tổng cộng", *blanks, *sums)
    return ReportTable(key, title, (*heads, *STAR_HEADERS), rows, total)


def _sortable(label: tuple[Cell, ...]) -> tuple[str, ...]:
    return tuple(f"{v:>10}" if isinstance(v, int) else str(v) for v in label)

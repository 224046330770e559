"""The home page's "what needs attention" on the small province of the report tests: every count compared
with the lists written by hand there, and with the reports the lines open (they must agree)."""

from __future__ import annotations

from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.registry.products import ProductService
from ocop_desktop.services.reports.attention import SHOWN, AttentionService, Severity
from ocop_desktop.services.reports.service import ReportService
from tests.services.reports.test_programme import work as work  # noqa: F401 - the fixture
from tests.services.reports.test_reports import ON
from tests.services.reports.test_reports import province as province  # noqa: F401 - the fixture


def test_counts_and_names_what_needs_attention(work: AppContext) -> None:  # noqa: F811
    summary = AttentionService(work).summary(ON)
    items = {i.key: i for i in summary.items}
    assert summary.role == "province" and summary.scope
    # deadlines: Rượu past (20/08), Tinh dầu within five days (03/09); Bánh (01/12) is not listed
    assert [r.label for r in items["overdue"].records] == ["Rượu"]
    assert "quá hạn" in items["overdue"].records[0].note
    assert [r.label for r in items["due_soon"].records] == ["Tinh dầu"]
    # statuses: Chè returned, Gạo's upgrade sent and waiting at the province's inbox
    assert items["returned"].count == 1 and items["returned"].records[0].label.startswith("Chè — ")
    assert items["inbox"].count == 1 and items["inbox"].records[0].label.startswith("Gạo — ")
    assert all(r.kind == "dossier" for key in ("overdue", "returned", "inbox") for r in items[key].records)
    # certificates: the same lists as the "expiring" report the lines open
    report = ReportService(work).expiring(ON)
    assert items["reevaluation"].count == len(report.table("expiring").rows) == 1
    assert items["expired"].count == len(report.table("expired").rows) == 2
    assert {r.label.split(" — ")[0] for r in items["expired"].records} == {"Chè", "Gạo"}
    codes = {p.name: p.code or p.name for p in ProductService(work).search("")}
    assert {r.find for r in items["expired"].records} == {codes["Chè"], codes["Gạo"]}  # the list finds it
    assert items["expired"].goto == "reports/expiring" and items["overdue"].goto == "reports/overdue"
    # nothing empty is shown, the most urgent first
    assert all(i.count for i in summary.items)
    order = [i.severity for i in summary.items]
    assert order == sorted(order, key=list(Severity).index)
    assert all(len(i.records) <= SHOWN for i in summary.items)


def test_the_year_figures_are_the_reports_figures(work: AppContext) -> None:  # noqa: F811
    figures = dict(AttentionService(work).summary(ON).figures)
    reports = ReportService(work)
    for label, value in (*reports.certified(ON).figures, *reports.targets(ON).figures):
        assert figures[label] == value


def test_a_commune_sees_only_its_own(ctx: AppContext) -> None:
    summary = AttentionService(ctx).summary(ON)
    assert summary.role == "commune"
    assert "inbox" not in {i.key for i in summary.items}  # a commune has no province inbox

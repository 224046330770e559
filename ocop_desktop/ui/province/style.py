"""Shared looks of the evaluation tabs: the columns of a round's dossiers, entry status colours,
star and score texts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from ocop_desktop.ui.kit.domain_labels import label_text
from ocop_desktop.ui.kit.formatting import format_date, format_number
from ocop_desktop.ui.kit.style import BAD, GOOD, GREYED, INFO, WARN, Colours
from ocop_desktop.ui.kit.tables import Col

translate = QCoreApplication.translate
ENTRY_COLOURS = {
    "assigned": None,
    "needs_rescore": WARN,
    "aggregated": INFO,
    "proposed": GOOD,
    "not_recognised": GREYED,
    "decided": GOOD,
    "central_result": INFO,
    "withdrawn": GREYED,  # the producer withdrew it (issue 15): kept for the record, out of the round
}


def stars(n: int | None) -> str:
    return "" if not n else "★" * n


def score_text(value: float | None) -> str:
    return "" if value is None else format_number(value, 2).rstrip("0").rstrip(",")


def status_text(e: Any) -> str:
    """The entry's status; a withdrawn one says when ("Đã rút hồ sơ ngày 18/11/2026")."""
    if e.status == "withdrawn" and e.withdrawn_on is not None:
        return translate("EvaluationStyle", "Đã rút hồ sơ ngày %1").replace("%1", format_date(e.withdrawn_on))
    return label_text(e.status_label)


def status_tip(e: Any) -> str:
    if e.status == "withdrawn":
        lines = [
            translate(
                "EvaluationStyle",
                "Chủ thể đã rút hồ sơ ở xã; hồ sơ không còn được chấm, tổng hợp, "
                "xếp hạng hay xét công nhận. Phiếu chấm đã nhập được giữ để lưu.",
            )
        ]
        if e.withdrawal_reason:
            lines.append(translate("EvaluationStyle", "Lý do: %1").replace("%1", e.withdrawal_reason))
        return "\n".join(lines)
    return "\n".join(e.problems)


def entry_colours(e: Any) -> Any:
    if e.status in ("aggregated", "assigned") and e.valid is False:
        return BAD
    return ENTRY_COLOURS.get(e.status)


def entry_columns(owner: Any, *, compact: bool = False, results: bool = False) -> list[Col]:
    """The round's dossiers: № / product / producer / commune / set / sheets / status / mean / star.
    A dossier its producer withdrew is greyed in every column (kept for the record, out of the round)."""
    return [replace(c, colours=_greyed_if_withdrawn(c.colours)) for c in _entry_columns(compact, results)]


def _greyed_if_withdrawn(colours: Callable[[Any], Colours | None] | None) -> Callable[[Any], Colours | None]:
    def pick(e: Any) -> Colours | None:
        if e.status == "withdrawn":
            return GREYED
        return colours(e) if colours is not None else None

    return pick


def _entry_columns(compact: bool, results: bool) -> list[Col]:
    columns = [
        Col(lambda: translate("EvaluationStyle", "STT"), lambda e: e.seq, 4, right=True),
        Col(lambda: translate("EvaluationStyle", "Sản phẩm"), lambda e: e.product_name),
        Col(lambda: translate("EvaluationStyle", "Chủ thể"), lambda e: e.producer_name, 26),
        Col(lambda: translate("EvaluationStyle", "Xã"), lambda e: e.commune_name, 18),
        Col(lambda: translate("EvaluationStyle", "Bộ"), lambda e: e.product_set, 4, right=True),
        Col(
            lambda: translate("EvaluationStyle", "Phiếu"),
            lambda e: f"{e.sheets}/{e.expected}",
            6,
            right=True,
            colours=lambda e: GOOD if e.fully_scored else None,
        ),
        Col(
            lambda: translate("EvaluationStyle", "Trạng thái"),
            status_text,
            22,
            colours=entry_colours,
            tip=status_tip,
        ),
        Col(
            lambda: translate("EvaluationStyle", "Điểm TB"), lambda e: score_text(e.mean_total), 8, right=True
        ),
        Col(
            lambda: translate("EvaluationStyle", "Chênh lệch"),
            lambda e: "" if e.spread is None else e.spread,
            9,
            right=True,
            colours=lambda e: BAD if e.status == "needs_rescore" else None,
        ),
        Col(lambda: translate("EvaluationStyle", "Hạng"), rank_text, 7, tip=rank_tip),
    ]
    if results:  # the proposals: no producer or set, the result in front
        return [columns[i] for i in (0, 1, 3, 6, 7, 9)]
    if compact:  # a narrow picker: №, product (coloured by its status, named in the tooltip), sheets, mean
        return [
            Col(columns[0].title, columns[0].value, 3, right=True),
            Col(
                columns[1].title,
                columns[1].value,
                colours=entry_colours,
                tip=lambda e: "\n".join((e.product_name, status_text(e), status_tip(e))).strip(),
            ),
            Col(columns[5].title, columns[5].value, 5, right=True, colours=columns[5].colours),
            Col(columns[7].title, columns[7].value, 7, right=True),
        ]
    return columns


def rank_text(e: Any) -> str:
    """The star the round gives: the central council's once the ministry's result is in (Art. 7.4),
    else the proposal (5★ for a product proposed to the ministry), else the council's."""
    if e.status == "central_result":
        return stars(e.central_stars)
    return stars(e.proposed_star or (e.star if e.valid else None))


def rank_tip(e: Any) -> str:
    if not e.five_star:
        return ""
    return (
        translate("EvaluationStyle", "Đề nghị Bộ công nhận 5 sao; Hội đồng cấp tỉnh: %1 sao; %2")
        .replace("%1", str(e.star or 0))
        .replace("%2", floors_text(e))
    )


def floors_text(e: Any) -> str:
    unmet = ", ".join(e.unmet_floors)
    if unmet:
        return translate("EvaluationStyle", "Chưa đạt: %1").replace("%1", unmet)
    return translate("EvaluationStyle", "Đạt đủ")


def central_text(e: Any) -> str:
    """The ministry's result on a 5★ proposal, as the 5★ list shows it."""
    if e.central_date is None:
        return translate("EvaluationStyle", "Chờ kết quả của Bộ") if e.status == "proposed" else ""
    points = score_text(e.central_total)
    if e.central_stars == 5:
        text = translate("EvaluationStyle", "Bộ công nhận 5★ (%1 điểm)").replace("%1", points)
    elif e.central_stars in (3, 4):
        text = (
            translate("EvaluationStyle", "%1 (%2 điểm): tỉnh công nhận")
            .replace("%1", stars(e.central_stars))
            .replace("%2", points)
        )
    else:
        text = translate("EvaluationStyle", "Không công nhận (%1 điểm)").replace("%1", points)
    return f"{text} — {e.central_number}"


def five_star_columns(owner: Any) -> list[Col]:
    """The products proposed to the ministry: their council result, floors met or not, the
    ministry's result."""
    return [
        Col(lambda: translate("EvaluationStyle", "STT"), lambda e: e.seq, 4, right=True),
        Col(lambda: translate("EvaluationStyle", "Sản phẩm"), lambda e: e.product_name, 30),
        Col(lambda: translate("EvaluationStyle", "Xã"), lambda e: e.commune_name, 16),
        Col(
            lambda: translate("EvaluationStyle", "Điểm TB"), lambda e: score_text(e.mean_total), 8, right=True
        ),
        Col(lambda: translate("EvaluationStyle", "Sao HĐ tỉnh"), lambda e: stars(e.star), 10),
        Col(
            lambda: translate("EvaluationStyle", "Yêu cầu tối thiểu đến 5★"),
            floors_text,
            24,
            colours=lambda e: BAD if e.unmet_floors else GOOD,
        ),
        Col(lambda: translate("EvaluationStyle", "Kết quả của Bộ"), central_text, tip=central_text),
    ]

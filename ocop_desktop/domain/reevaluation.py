"""Re-evaluation at expiry (QĐ 26/2026 Art. 7.6 and 12.3): when a dossier may be filed, how long a
certificate stays valid when it was filed late, and how long the province has to decide.

- Art. 7.6.a: the producer files "không sớm hơn 180 ngày và không muộn hơn 120 ngày tính đến ngày hết
  thời hạn của giấy chứng nhận" — the window of `deadlines.reevaluation_window`, its numbers in the
  rule set's procedure;
- Art. 12.3: a product due for re-evaluation whose filing cannot meet that window keeps its certificate
  "đến ngày có kết quả xử lý của cơ quan có thẩm quyền, nhưng không quá 180 ngày tính từ ngày hết thời
  hạn" (the grace);
- Art. 7.6.g: the re-evaluation takes "không quá 45 ngày kể từ ngày nhận đủ hồ sơ đề nghị của UBND cấp
  xã hoặc UBND cấp tỉnh" — counted, as the Civil Code counts days (BLDS 2015 Art. 147), from the day
  after the province received the commune's complete dossier.

The grace and the 45 days are data (`resources/reevaluation.json`, one entry per rule-set id), apart
from the rule set so that its procedure (and hash) stays as published. Art. 12.3 sits among the
transitional articles but names no end date; it is applied to every late filing, as it reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from ocop_desktop.domain.deadlines import Window, reevaluation_window
from ocop_desktop.domain.errors import UserError
from ocop_desktop.domain.rules.model import Procedure


@dataclass(frozen=True)
class ReevaluationRules:
    ruleset_id: str
    completion_days: int  # Art. 7.6.g
    completion_basis: str
    grace_days: int  # Art. 12.3
    grace_basis: str

    def grace_until(self, valid_until: date) -> date:
        """The last day a certificate filed for late can still be valid (`grace_days` after expiry)."""
        return valid_until + timedelta(days=self.grace_days)

    def completion_deadline(self, province_received_on: date) -> date:
        """The province's last day to finish a re-evaluation received complete on that day."""
        return province_received_on + timedelta(days=self.completion_days)


def parse_reevaluation_rules(doc: Mapping[str, Any]) -> dict[str, ReevaluationRules]:
    """Rule-set id -> rules; a malformed file is refused as a whole."""
    if doc.get("format") != "ocop-reevaluation-rules" or doc.get("format_version") != 1:
        raise UserError("Tệp quy định đánh giá lại (reevaluation.json) không đúng định dạng.")
    found: dict[str, ReevaluationRules] = {}
    for i, e in enumerate(doc.get("rules") or []):
        try:
            rules = ReevaluationRules(
                str(e["ruleset_id"]),
                _days(e["completion"]["days"]),
                str(e["completion"]["basis"]),
                _days(e["grace"]["days_after_expiry"]),
                str(e["grace"]["basis"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise UserError(f"Tệp quy định đánh giá lại: mục thứ {i + 1} không hợp lệ ({exc}).") from exc
        found[rules.ruleset_id] = rules
    if not found:
        raise UserError("Tệp quy định đánh giá lại không có mục nào.")
    return found


def _days(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"số ngày {value!r}")
    return value


class Filing(StrEnum):
    IN_WINDOW = "in_window"
    EARLY = "early"  # before the window opens
    LATE = "late"  # after it closes, the certificate still valid
    GRACE = "grace"  # after expiry, within the grace of Art. 12.3
    EXPIRED = "expired"  # after the grace: no certificate to re-evaluate


@dataclass(frozen=True)
class FilingCheck:
    filing: Filing
    on: date
    valid_until: date
    window: Window
    grace_until: date

    @property
    def in_window(self) -> bool:
        return self.filing is Filing.IN_WINDOW

    def message(self) -> str:
        """What the officer reads when the filing is outside the window (empty inside it)."""
        w, d, until = self.window, self.on, f"{self.valid_until:%d/%m/%Y}"
        window = (
            f"Hồ sơ đánh giá lại nộp từ {w.opens:%d/%m/%Y} đến {w.closes:%d/%m/%Y} (không sớm hơn "
            f"{(self.valid_until - w.opens).days} và không muộn hơn {(self.valid_until - w.closes).days} "
            f"ngày trước ngày giấy chứng nhận hết hạn {until}; điểm a khoản 6 Điều 7 QĐ 26/2026/QĐ-TTg)."
        )
        grace = (
            f"Theo khoản 3 Điều 12, giấy chứng nhận tiếp tục có hiệu lực đến khi có kết quả xử lý, nhưng "
            f"không quá ngày {self.grace_until:%d/%m/%Y}."
        )
        if self.filing is Filing.EARLY:
            return f"Ngày {d:%d/%m/%Y} còn sớm {(w.opens - d).days} ngày. {window}"
        if self.filing is Filing.LATE:
            return f"Ngày {d:%d/%m/%Y} đã quá thời hạn nộp {(d - w.closes).days} ngày. {window} {grace}"
        if self.filing is Filing.GRACE:
            return f"Giấy chứng nhận đã hết hạn ngày {until}; hồ sơ nộp muộn. {window} {grace}"
        if self.filing is Filing.EXPIRED:
            return (
                f"Giấy chứng nhận đã hết hạn ngày {until} và đã quá ngày {self.grace_until:%d/%m/%Y} "
                "(khoản 3 Điều 12): không còn giấy chứng nhận để đánh giá lại; hãy lập hồ sơ "
                "đánh giá lần đầu."
            )
        return ""


def check_filing(on: date, valid_until: date, procedure: Procedure, rules: ReevaluationRules) -> FilingCheck:
    """Where a re-evaluation filed on `on` stands against the window of a certificate valid until
    `valid_until` (its last valid day)."""
    window = reevaluation_window(valid_until, procedure)
    grace_until = rules.grace_until(valid_until)
    if on < window.opens:
        filing = Filing.EARLY
    elif on <= window.closes:
        filing = Filing.IN_WINDOW
    elif on <= valid_until:
        filing = Filing.LATE
    elif on <= grace_until:
        filing = Filing.GRACE
    else:
        filing = Filing.EXPIRED
    return FilingCheck(filing, on, valid_until, window, grace_until)


def valid_through(valid_until: date, rules: ReevaluationRules, *, filed_late: bool) -> date:
    """The last day a certificate is valid: its own, or — while a re-evaluation filed outside the window
    awaits its result — up to the end of the grace (Art. 12.3)."""
    return rules.grace_until(valid_until) if filed_late else valid_until

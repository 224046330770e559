"""Where a product's certificate stands on a day, as the products list shows and filters it.

The state is read from the product's current certificate (the newest not revoked) and the rule set's
re-evaluation window: the producer may file from `reevaluation_opens_days` before expiry
(QĐ 26/2026 Art. 12), so from that day the certificate is "due for re-evaluation"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class CertificateState(StrEnum):
    NONE = "none"
    VALID = "valid"
    DUE = "due"  # the re-evaluation window is open
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return {
            CertificateState.NONE: "Chưa có chứng nhận",
            CertificateState.VALID: "Còn hiệu lực",
            CertificateState.DUE: "Đến kỳ đánh giá lại",
            CertificateState.EXPIRED: "Hết hạn",
        }[self]


def certificate_state(valid_until: date | None, today: date, opens_days: int) -> CertificateState:
    if valid_until is None:
        return CertificateState.NONE
    if valid_until < today:
        return CertificateState.EXPIRED
    if valid_until <= today + timedelta(days=opens_days):
        return CertificateState.DUE
    return CertificateState.VALID


@dataclass(frozen=True)
class StateBounds:
    """The `valid_until` range of each state on `today`, so a list filters in SQL what
    `certificate_state` would say of each row: (first day or None, last day or None)."""

    today: date
    opens_days: int

    def valid_until_range(self, state: CertificateState) -> tuple[date | None, date | None]:
        window_end = self.today + timedelta(days=self.opens_days)
        return {
            CertificateState.EXPIRED: (None, self.today - timedelta(days=1)),
            CertificateState.DUE: (self.today, window_end),
            CertificateState.VALID: (window_end + timedelta(days=1), None),
            CertificateState.NONE: (None, None),
        }[state]

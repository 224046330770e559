"""Dossier lifecycle: registration types, statuses, allowed transitions, receipt numbers.

Every change of status is an explicit action (recorded by the service with officer and time);
this module only says which actions are allowed from which status.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RegistrationType(StrEnum):
    FIRST = "first"
    UPGRADE = "upgrade"
    REEVALUATION = "reevaluation"

    @property
    def label(self) -> str:
        return {"first": "Đánh giá lần đầu", "upgrade": "Nâng hạng", "reevaluation": "Đánh giá lại"}[
            self.value
        ]


class Status(StrEnum):
    DRAFT = "draft"
    COMPLETE = "complete"
    RECEIVED = "received"
    COMMUNE_CHECKED = "commune_checked"
    SENT = "sent"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    DECIDED = "decided"
    WITHDRAWN = "withdrawn"  # "Hủy hồ sơ": the producer withdrew it after it left the office

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.DRAFT: "Đang soạn",
    Status.COMPLETE: "Đủ thành phần",
    Status.RECEIVED: "Đã tiếp nhận",
    Status.COMMUNE_CHECKED: "Xã đã đánh giá (Mẫu 03)",
    Status.SENT: "Đã gửi tỉnh",
    Status.ACCEPTED: "Tỉnh đã tiếp nhận",
    Status.RETURNED: "Tỉnh trả lại để bổ sung",
    Status.DECIDED: "Đã có quyết định",
    Status.WITHDRAWN: "Đã hủy (chủ thể rút)",
}


class Action(StrEnum):
    MARK_COMPLETE = "mark_complete"
    REOPEN = "reopen"
    RECEIVE = "receive"
    COMMUNE_CHECK = "commune_check"
    SEND = "send"
    ACCEPT = "accept"
    RETURN = "return"
    DECIDE = "decide"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.MARK_COMPLETE: "Xác nhận đủ thành phần",
    Action.REOPEN: "Mở lại để sửa",
    Action.RECEIVE: "Tiếp nhận và cấp số phiếu",
    Action.COMMUNE_CHECK: "Hoàn thành đánh giá của xã (Mẫu 03)",
    Action.SEND: "Gửi hồ sơ lên tỉnh",
    Action.ACCEPT: "Tỉnh tiếp nhận",
    Action.RETURN: "Tỉnh trả lại",
    Action.DECIDE: "Có quyết định công nhận",
    Action.WITHDRAW: "Hủy hồ sơ",
}

# A withdrawal ends a dossier for good (the producer files a new one later); a decided or withdrawn
# dossier has nothing left to withdraw.
WITHDRAWABLE = frozenset(Status) - {Status.DECIDED, Status.WITHDRAWN}
# Never received, never sent: such a dossier is deleted ("Xóa hồ sơ nháp"), not withdrawn.
NEVER_LEFT = frozenset({Status.DRAFT, Status.COMPLETE})

# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[Action, tuple[frozenset[Status], Status]] = {
    Action.MARK_COMPLETE: (frozenset({Status.DRAFT}), Status.COMPLETE),
    Action.REOPEN: (frozenset({Status.COMPLETE, Status.RETURNED}), Status.DRAFT),
    Action.RECEIVE: (frozenset({Status.COMPLETE}), Status.RECEIVED),
    Action.COMMUNE_CHECK: (frozenset({Status.RECEIVED}), Status.COMMUNE_CHECKED),
    Action.SEND: (frozenset({Status.COMMUNE_CHECKED}), Status.SENT),
    Action.ACCEPT: (frozenset({Status.SENT}), Status.ACCEPTED),
    Action.RETURN: (frozenset({Status.SENT, Status.ACCEPTED}), Status.RETURNED),
    Action.DECIDE: (frozenset({Status.ACCEPTED}), Status.DECIDED),
    Action.WITHDRAW: (WITHDRAWABLE, Status.WITHDRAWN),
}

# The producer's forms can be edited until the dossier leaves the commune.
EDITABLE = frozenset(
    {Status.DRAFT, Status.COMPLETE, Status.RECEIVED, Status.COMMUNE_CHECKED, Status.RETURNED}
)


def next_status(current: Status, action: Action) -> Status | None:
    """The status after `action`, or None when the action is not allowed now."""
    sources, target = TRANSITIONS[action]
    return target if current in sources else None


# Who takes each step (docs/sync-package.md §6, "Who owns what"): the commune prepares and sends,
# the province accepts, returns and decides. An office is offered only its own steps. A decision is
# never a bare step: it is taken with its number and certificates (services/province/results).
COMMUNE_ACTIONS = frozenset(
    {Action.MARK_COMPLETE, Action.REOPEN, Action.RECEIVE, Action.COMMUNE_CHECK, Action.SEND, Action.WITHDRAW}
)
PROVINCE_ACTIONS = frozenset({Action.ACCEPT, Action.RETURN, Action.DECIDE})
STEPS_BY_ROLE: dict[str, frozenset[Action]] = {
    "commune": COMMUNE_ACTIONS,
    "province": frozenset({Action.ACCEPT, Action.RETURN}),
}


def allowed_actions(current: Status, role: str | None = None) -> list[Action]:
    """The steps open from `current`; given the office's `role`, only the steps that office takes
    itself (an evaluator laptop takes none)."""
    mine = frozenset(Action) if role is None else STEPS_BY_ROLE.get(role, frozenset())
    return [a for a, (sources, _) in TRANSITIONS.items() if current in sources and a in mine]


def may_withdraw(current: Status, received: bool) -> bool:
    """The producer may withdraw a dossier that left the office (received, numbered or further on) and
    is not closed yet; one that never left it is deleted instead."""
    return current in WITHDRAWABLE and (received or current not in NEVER_LEFT)


def withdrawal_problems(current: Status, received: bool, reason: str) -> dict[str, str]:
    """Why a withdrawal cannot be recorded ({} when it can): the reason is required, it stays in the
    dossier's history and the audit log."""
    if not may_withdraw(current, received):
        if current in NEVER_LEFT:
            return {"": "Hồ sơ chưa tiếp nhận: hãy dùng “Xóa hồ sơ nháp” thay vì hủy."}
        return {"": f"Không thể hủy hồ sơ đang “{current.label}”."}
    if not reason.strip():
        return {"note": "Cần ghi rõ lý do hủy hồ sơ (chủ thể rút hồ sơ vì sao, theo văn bản nào)."}
    return {}


def paper_outcomes(current: Status, role: str) -> list[Action]:
    """The province's outcomes a commune may record from a paper document it received (a letter
    returning the dossier, a decision): the province's steps open from `current`. Never offered as
    plain buttons, and never sent back to the province (the record stays on the commune's machine)."""
    if role != "commune":
        return []
    return [a for a in allowed_actions(current) if a in PROVINCE_ACTIONS]


@dataclass(frozen=True)
class ReceiptNumber:
    """`NN/PĐK-T-X-YYYY`: the commune's running number of the year, province and commune codes."""

    seq: int
    province_code: str
    commune_code: str
    year: int

    def __str__(self) -> str:
        return f"{self.seq:02d}/PĐK-{self.province_code}-{self.commune_code}-{self.year}"

"""What a round entry's history says of its producer's withdrawal (issue 15): the lines
`withdrawals.withdraw_entry` and `WithdrawalService.note_withdrawals` append, read back for the rows
every screen shows (`common.entry_rows`). A leaf: the rows' module and the service both use it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.services.dossiers.reevaluation import vietnam_day
from ocop_desktop.store.models.province import RoundEntry

WITHDRAWN_EVENT = "withdrawn"  # the withdrawal applied: when, why, where the entry stood
NOTED_EVENT = "withdrawal_noted"  # the council secretary saw the notice

Facts = tuple[date | None, str, bool]  # the day in Vietnam the producer withdrew, the reason, notice seen


def withdrawal_facts(history: list[dict[str, Any]]) -> Facts:
    """(the day the producer withdrew, the reason, notice seen) from an entry's history."""
    events = [h.get("event") for h in history]
    at = len(events) - 1 - events[::-1].index(WITHDRAWN_EVENT) if WITHDRAWN_EVENT in events else None
    if at is None:
        return None, "", True
    found = history[at]
    raw = found.get("withdrawn_at") or found.get("at")
    on = vietnam_day(datetime.fromisoformat(raw)) if isinstance(raw, str) else None
    noted = NOTED_EVENT in events[at + 1 :]
    return on, str(found.get("reason") or ""), noted


def withdrawals_of(s: Session, entry_ids: list[str]) -> dict[str, Facts]:
    """The facts of these (withdrawn) entries, by entry id, in one query."""
    if not entry_ids:
        return {}
    found = s.execute(select(RoundEntry.id, RoundEntry.history).where(RoundEntry.id.in_(entry_ids)))
    return {entry_id: withdrawal_facts(list(history or [])) for entry_id, history in found}

"""Archiving closed dossiers ("Lưu trữ"): an office's cabinet, not the law. A dossier whose procedure
has ended — recognised (decided), not recognised by its council, or withdrawn by its producer — may be
set aside once the year it closed in is over; archived, it leaves the default lists and can always be
restored. Nothing of the dossier changes: archiving is a note of this office, never sent anywhere."""

from __future__ import annotations

from datetime import date

from ocop_desktop.domain.dossiers import Status

# The dossier's own status says it is closed …
CLOSED_STATUSES = frozenset({Status.DECIDED, Status.WITHDRAWN})
# … or, at the province, its round entry does (the council did not recognise it: the dossier stays
# "accepted", the entry carries the outcome; domain.province.EntryStatus)
CLOSING_ENTRY_STATUSES = frozenset({"not_recognised"})


def is_closed(status: Status, entry_status: str | None = None) -> bool:
    return status in CLOSED_STATUSES or (entry_status or "") in CLOSING_ENTRY_STATUSES


def archive_problem(status: Status, entry_status: str | None, closed_on: date | None, today: date) -> str:
    """Why the dossier cannot be archived now ("" when it can)."""
    if not is_closed(status, entry_status):
        return (
            f"Hồ sơ đang “{status.label}”: chỉ lưu trữ hồ sơ đã kết thúc "
            "(đã có quyết định, không được công nhận, hoặc đã hủy)."
        )
    if closed_on is None or closed_on.year >= today.year:
        return f"Hồ sơ kết thúc trong năm {today.year}: chỉ lưu trữ hồ sơ đã kết thúc từ các năm trước."
    return ""

"""What a sender's package numbers say, shown as warnings in every preview (never a refusal: each
package carries the full state of what it holds, and versions, not numbers, decide what is applied).

Every office numbers the packages it writes 1, 2, 3… (`sender.sequence`) and chains each to the
previous one (`previous_sha256`). Compared with the packages imported here from the same office:

- a number **reused** by another package (another id) — the sender's machine was restored from a
  backup or reinstalled, or the package was not made by it;
- a number **older** than the last one received — packages arriving out of order (or a restored
  machine);
- numbers **missing** before it, for a commune (it sends only to its province, so the province
  should see every number; a province numbers packages for all its communes, so a commune cannot
  expect consecutive ones) — said as a count and the first few numbers: the work and the text never
  grow with the size of the gap (a hostile number of 2^62 costs what 2 costs);
- a **broken chain**: the package imported here with the number before this one is not the one this
  package says came before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from ocop_desktop.ocoppkg.manifest import Manifest
from ocop_desktop.store.models import SyncPackage

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

COMMUNE = "commune"
SHOWN = 5  # missing numbers named in the gap warning


def sequence_warnings(ctx: AppContext, m: Manifest) -> list[str]:
    """The warnings about `m`'s number, against the other packages imported here from its sender."""
    with ctx.read() as s:
        earlier = s.execute(
            select(SyncPackage.sequence, SyncPackage.manifest_sha256, SyncPackage.recorded_at)
            .where(
                SyncPackage.direction == "in",
                SyncPackage.sender_office_id == m.sender_id,
                SyncPackage.id != m.package_id,
            )
            .order_by(SyncPackage.sequence)
        ).all()
    name, number = m.sender.name[:80], m.sequence
    warnings = []
    same = [row for row in earlier if row.sequence == number]
    if same:
        warnings.append(
            f"Số thứ tự {number} của gói này đã được “{name}” dùng cho một gói khác đã nhận ngày "
            f"{same[0].recorded_at:%d/%m/%Y}: máy bên gửi có thể đã được khôi phục từ bản sao lưu hoặc "
            "cài lại, hoặc gói không phải do máy đó tạo ra. Hãy hỏi lại bên gửi trước khi nhập."
        )
    elif earlier and earlier[-1].sequence > number:
        warnings.append(
            f"Gói này (số {number}) cũ hơn gói số {earlier[-1].sequence} đã nhận từ “{name}”: các gói "
            "đến không theo thứ tự, hoặc máy bên gửi đã được khôi phục từ bản sao lưu."
        )
    if m.sender.role == COMMUNE:
        warnings.extend(_gap(name, number, [row.sequence for row in earlier if row.sequence < number]))
    before = next((row for row in earlier if row.sequence == number - 1), None)
    if before is not None and before.manifest_sha256 != m.previous_sha256:
        warnings.append(
            "Chuỗi gói của bên gửi không khớp với gói trước đã nhận (có thể máy bên gửi đã được khôi "
            "phục từ bản sao lưu)."
        )
    return warnings


def _gap(name: str, number: int, below: list[int]) -> list[str]:
    """The numbers 1 … number-1 not in `below` (sorted), as a count and the first few: the loop runs
    at most len(below) + SHOWN times, whatever the gap."""
    received = set(below)
    missing = (number - 1) - len(received)
    if missing <= 0:
        return []
    first: list[int] = []
    candidate = 1
    while len(first) < min(SHOWN, missing):
        if candidate not in received:
            first.append(candidate)
        candidate += 1
    shown = ", ".join(map(str, first)) + ("…" if missing > len(first) else "")
    return [
        f"Chưa nhận được {missing} gói trước gói này từ “{name}” (số {shown}); gói này vẫn được xử lý "
        "bình thường (mỗi hồ sơ mang trạng thái đầy đủ)."
    ]

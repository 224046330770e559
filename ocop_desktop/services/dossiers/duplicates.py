"""A product has one dossier of a kind at a time: a second first evaluation (or upgrade, or
re-evaluation) while the first has no decision yet is a mistake far more often than a wish (issue 15),
so it is refused unless the officer insists. A decided or withdrawn dossier is closed and does not count."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ocop_desktop.domain.dossiers import RegistrationType, Status
from ocop_desktop.domain.errors import ConflictError
from ocop_desktop.store.models import Dossier, Product


class DuplicateDossier(ConflictError):
    """The product already has an open dossier; `open` names them (receipt number or date, status)."""

    def __init__(self, message: str, open_dossiers: list[str]) -> None:
        super().__init__(message)
        self.open_dossiers = open_dossiers


def refuse_duplicate(s: Session, product: Product, registration: RegistrationType) -> None:
    open_ = s.scalars(
        select(Dossier)
        .where(
            Dossier.product_id == product.id,
            Dossier.registration_type == registration.value,
            Dossier.status.not_in([Status.DECIDED.value, Status.WITHDRAWN.value]),  # closed ones do not count
        )
        .order_by(Dossier.created_at)
    ).all()
    if not open_:
        return
    named = [
        f"{d.receipt_number or f'lập ngày {d.created_at:%d/%m/%Y}'} — "
        f"{RegistrationType(d.registration_type).label}, {Status(d.status).label}"
        for d in open_
    ]
    raise DuplicateDossier(
        f"Sản phẩm “{product.name}” đã có {len(open_)} hồ sơ chưa có quyết định: {'; '.join(named)}. "
        "Hãy mở hồ sơ đó thay vì lập hồ sơ mới.",
        named,
    )

"""The dossier window's open job reads through one shared session (`AppContext.shared_read`): at a
server desk each read transaction costs its own round trips."""

from __future__ import annotations

from ocop_desktop.services.core.context import AppContext


def test_the_dossier_window_reads_in_one_transaction(ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from helpers.builders import make_product
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.ui.dossiers import ops

    dossier = DossierService(ctx).create(make_product(ctx), "first").row.id
    opened: list[object] = []
    real = ctx.sessions

    def counting() -> object:
        session = real()
        opened.append(session)
        return session

    monkeypatch.setattr(ctx, "sessions", counting)
    data = ops.open_dossier(None, ctx, dossier)
    assert data.detail.row.id == dossier
    assert len(opened) <= 2  # the shared read, and at most the officer's name read once (was one per read)

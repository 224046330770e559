"""Builders shared by the dossier UI tests: real PDFs of any size, a product ready for a dossier,
dossiers in a given state, and the editor of one."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfWriter


def write_pdf(
    folder: Path, name: str, pages: int = 1, *, password: str | None = None, page_bytes: int = 0
) -> Path:
    """A real PDF; `page_bytes` of comment lines per page make it as big as a scan."""
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    filler = (b"% " + b"x" * 97 + b"\n") * (page_bytes // 100)
    for i in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        if filler:
            stream = DecodedStreamObject()
            stream.set_data(filler + f"% page {i}\n".encode())
            page[NameObject("/Contents")] = writer._add_object(stream)
    if password:
        writer.encrypt(password)
    buf = io.BytesIO()
    writer.write(buf)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(buf.getvalue())
    return path


def new_dossier(ctx, registration_type: str = "first") -> str:  # type: ignore[no-untyped-def]
    """A draft dossier for a fresh food product (set 13: the food-safety certificate is a knock-out)."""
    from helpers.builders import make_product
    from ocop_desktop.services.dossiers.service import DossierService

    return DossierService(ctx).create(make_product(ctx), registration_type).row.id


def complete_dossier(ctx, dossier_id: str, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Everything a dossier needs before it can be marked complete, through the services."""
    from helpers.builders import answer_everything, fill_producer_forms, provide_required
    from ocop_desktop.services.dossiers.service import DossierService

    fill_producer_forms(DossierService(ctx), dossier_id)
    provide_required(ctx, dossier_id, folder)
    answer_everything(ctx, dossier_id)


MAU03 = {
    "local_raw_material_percent": "80",
    "raw_material_assessment": "Nguyên liệu trong xã.",
    "workers_total": 20,
    "workers_local": 18,
    "labour_assessment": "Lao động địa phương.",
    "idea_origin": "truyen_thong",
    "idea_assessment": "Truyền thống.",
    "identity_assessment": "Bản sắc.",
    "officer_conclusion": "Đề nghị tỉnh đánh giá.",
}


def sent_dossier(ctx, folder: Path) -> str:  # type: ignore[no-untyped-def]
    """A dossier the commune has sent to the province."""
    from ocop_desktop.services.dossiers.service import DossierService

    service = DossierService(ctx)
    dossier_id = new_dossier(ctx)
    complete_dossier(ctx, dossier_id, folder)
    service.act(dossier_id, "mark_complete")
    d = service.act(dossier_id, "receive")
    service.save_section(dossier_id, "mau03", MAU03, expected_revision=d.row.revision)
    service.act(dossier_id, "commune_check")
    service.act(dossier_id, "send")
    return dossier_id


def build_editor(ctx, dossier_id: str, **kwargs):  # type: ignore[no-untyped-def]
    """The dossier editor as the list page opens it (its content read first, here at once)."""
    from ocop_desktop.ui.dossiers import ops
    from ocop_desktop.ui.dossiers.editor import DossierEditor

    return DossierEditor(ctx, ops.open_dossier(None, ctx, dossier_id), **kwargs)

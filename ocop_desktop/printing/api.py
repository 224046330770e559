"""Public entry points: render a form from its DTO to PDF bytes or to a file (atomically)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.printing.data_sheet import SheetData
from ocop_desktop.printing.errors import PrintingError
from ocop_desktop.printing.forms import FormSpec
from ocop_desktop.printing.hashing import content_hash
from ocop_desktop.printing.page import build_pdf
from ocop_desktop.printing.qr import QrPayload


def _registry() -> dict[str, FormSpec]:
    # Imported here so that importing the package stays cheap (ReportLab is loaded on first use).
    from ocop_desktop.printing.forms import (
        certificate,
        checklist,
        council,
        mau01,
        mau02,
        mau03,
        receipt,
        results,
        sheet,
        supplement,
    )

    specs = [
        mau01.SPEC,
        mau02.SPEC,
        mau03.SPEC,
        sheet.SPEC,
        receipt.SPEC,
        checklist.SPEC,
        certificate.SPEC,
        results.SPEC,
        council.SPEC,
        supplement.SPEC,
    ]
    return {spec.name: spec for spec in specs}


def forms() -> dict[str, FormSpec]:
    """Every printable form by its command-line name."""
    return _registry()


def spec_for(form: str) -> FormSpec:
    specs = _registry()
    if form not in specs:
        raise PrintingError(f"Không có mẫu in “{form}”. Các mẫu có: {', '.join(sorted(specs))}.")
    return specs[form]


def blank(form: str) -> Any:
    """The DTO of a blank form (dotted lines, empty boxes). A scoring sheet needs its rule set:
    build `SheetData(sheet=ruleset.sheet(n))` instead."""
    spec = spec_for(form)
    if spec.dto is SheetData:
        raise PrintingError("Phiếu chấm điểm cần chọn bộ sản phẩm (ví dụ: --set 1).")
    return spec.dto()


def payload_for(spec: FormSpec, data: Any) -> QrPayload:
    ref = getattr(data, "ref", None)
    ref_id = getattr(ref, "id", "") or ""
    if not ref_id and isinstance(data, SheetData):
        # A blank sheet is identified by its rule set and set number.
        return QrPayload(
            form=spec.name,
            ref_kind="set",
            ref_id=f"{data.sheet.ruleset_id}/{data.sheet.number}",
            revision=None,
            content_hash=content_hash(data),
        )
    kind = getattr(ref, "kind", spec.ref_kind) if ref_id else "blank"
    if kind == "dossier" and spec.ref_kind != "dossier":
        kind = spec.ref_kind
    revision = getattr(ref, "revision", None) if ref_id else None
    return QrPayload(
        form=spec.name,
        ref_kind=kind,
        ref_id=ref_id or spec.name,
        revision=revision,
        content_hash=content_hash(data),
    )


def render_bytes(form: str, data: Any) -> bytes:
    spec = spec_for(form)
    if not isinstance(data, spec.dto):
        raise PrintingError(
            f"Dữ liệu không đúng cho mẫu “{form}”.",
            detail=f"expected {spec.dto.__name__}, got {type(data).__name__}",
        )
    return build_pdf(
        spec.build(data),
        payload=payload_for(spec, data),
        title=spec.title,
        subject=spec.title,
        wide=spec.wide,
        base_size=spec.base_size,
    )


def render(form: str, data: Any, out: Path) -> Path:
    """Render `form` from `data` and write it to `out` atomically (no half-written PDF, ever)."""
    pdf = render_bytes(form, data)
    atomic_write_bytes(Path(out), pdf)
    return Path(out)

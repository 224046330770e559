"""One module per printed form. Each exposes SPEC: a FormSpec saying how to turn its DTO into
flowables; `ocop_desktop.printing.api` looks forms up by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable

from ocop_desktop.printing.page import LANDSCAPE_WIDTH, PORTRAIT_WIDTH

__all__ = ["FormSpec", "LANDSCAPE_WIDTH", "PORTRAIT_WIDTH"]


@dataclass(frozen=True)
class FormSpec:
    name: str  # as on the command line: "mau01"
    title: str  # Vietnamese name, also the PDF title
    dto: type
    build: Callable[[Any], list[Flowable]]
    wide: bool = False  # landscape
    base_size: float = 13
    ref_kind: str = "dossier"  # what the QR id names when the DTO's ref.kind is the default

    @property
    def width(self) -> float:
        return LANDSCAPE_WIDTH if self.wide else PORTRAIT_WIDTH

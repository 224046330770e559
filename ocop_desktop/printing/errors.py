"""Errors of the printing package (all things a person can act on)."""

from __future__ import annotations

from ocop_desktop.domain.errors import Cancelled, UserError


class PrintingError(UserError):
    """A form cannot be printed from the data given (unknown form, wrong kind of data)."""


__all__ = [
    "Cancelled",
    "PrintingError",
]  # Cancelled: the one cancel error, raised when a print job is cancelled

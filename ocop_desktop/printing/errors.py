"""Errors of the printing package (all things a person can act on)."""

from __future__ import annotations

from ocop_desktop.domain.errors import UserError


class PrintingError(UserError):
    """A form cannot be printed from the data given (unknown form, wrong kind of data)."""


class Cancelled(UserError):
    """The person cancelled a long print job; nothing was written."""

    def __init__(self, message: str = "Đã hủy in. Không có tệp nào được ghi.") -> None:
        super().__init__(message)

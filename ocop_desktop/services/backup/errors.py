"""Why a backup cannot be read or restored: one `BackupRefused` with a short `code` (for the UI and
tests) and a message the officer can act on. Whatever raises it has changed nothing."""

from __future__ import annotations

from ocop_desktop.domain.errors import UserError


class BackupRefused(UserError):
    """The backup file cannot be used; nothing was changed on this machine."""

    def __init__(self, code: str, message: str, *, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.code = code

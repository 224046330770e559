"""Why a backup cannot be read or restored: one `BackupRefused` with a short `code` (for the UI and
tests) and a message the officer can act on. Whatever raises it has changed nothing."""

from __future__ import annotations

from ocop_desktop.domain.errors import UserError
from ocop_desktop.paths import AppPaths, uses_server


class BackupRefused(UserError):
    """The backup file cannot be used; nothing was changed on this machine."""

    def __init__(self, code: str, message: str, *, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.code = code


def refuse_on_server(paths: AppPaths) -> None:
    """A desk on the province's server: its database is not in the folder (docs/province-server.md)."""
    if uses_server(paths.data_dir):
        raise BackupRefused(
            "on_server",
            "Máy này làm việc trên máy chủ PostgreSQL của văn phòng tỉnh: cơ sở dữ liệu được sao lưu trên "
            "máy chủ (pg_dump, do người quản trị máy chủ thực hiện), không sao lưu hay khôi phục từ máy này. "
            "Không có gì bị thay đổi.",
        )

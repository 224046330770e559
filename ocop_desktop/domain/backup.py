"""Where a person is sent to make or restore a backup: one sentence, so that every message that
mentions a backup names the same menu and command (`services/backup`, docs/backup.md)."""

from __future__ import annotations

MAKE_HINT = "Tệp > Sao lưu… (hoặc lệnh: ocop-desktop backup create)"
RESTORE_HINT = "Tệp > Khôi phục từ bản sao lưu… (hoặc lệnh: ocop-desktop backup restore)"


def restore_from_backup(what: str = "dữ liệu") -> str:
    """ "Hãy khôi phục <what> từ bản sao lưu: <where>." """
    return f"Hãy khôi phục {what} từ bản sao lưu: {RESTORE_HINT}."

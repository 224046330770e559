"""How this installation's office secrets are protected at rest, said in words for Settings, and the
move of older installations into the system keyring (`ocoppkg.keys`, `ocoppkg.keyring_store`)."""

from __future__ import annotations

import logging

from ocop_desktop.ocoppkg import keyring_store
from ocop_desktop.ocoppkg.keys import protection, upgrade_protection
from ocop_desktop.paths import AppPaths

log = logging.getLogger(__name__)

LABELS = {
    "dpapi": "Windows DPAPI: chỉ tài khoản Windows này trên máy này mở được khóa. "
    "Máy mới hoặc tài khoản khác: khôi phục từ bản sao lưu.",
    "keyring": "Kho khóa của hệ điều hành ({backend}): mật khẩu của khóa không nằm trong thư mục dữ liệu.",
    "plain": "Không có kho khóa của hệ điều hành: mật khẩu của khóa nằm trong tệp chỉ tài khoản này đọc được "
    "(thư mục “keys”). Ai chép được thư mục dữ liệu thì dùng được khóa: "
    "hãy giữ máy và các bản sao lưu cẩn thận.",
    "": "Chưa có khóa (máy chưa được thiết lập).",
}


def key_protection(paths: AppPaths) -> tuple[str, str]:
    """(kind, backend): "dpapi", "keyring" (with the keyring's name), "plain", or "" before set-up."""
    kind = protection(paths.keys_dir)
    return kind, (keyring_store.describe() or "keyring") if kind == "keyring" else ""


def key_protection_label(paths: AppPaths) -> str:
    kind, backend = key_protection(paths)
    return LABELS.get(kind, kind).format(backend=backend)


def upgrade_key_protection(paths: AppPaths) -> int:
    """Move secrets kept plain into the keyring where one exists (at start, in the background: loading
    `keyring` takes about a second). Never fails the start: a problem is logged."""
    try:
        moved = upgrade_protection(paths.keys_dir)
    except (OSError, ValueError):
        log.warning("office secrets not moved into the keyring", exc_info=True)
        return 0
    if moved:
        log.info("%d office secret(s) moved into the system keyring", moved)
    return moved

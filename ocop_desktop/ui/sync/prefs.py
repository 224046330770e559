"""How many days unsent work may wait before the sync page warns (kept next to the database, in
`sync-ui.json`, until the UI settings have a field for it)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.files import atomic_write_bytes

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

log = logging.getLogger(__name__)
DEFAULT_DAYS = 7
FILE = "sync-ui.json"


def _path(ctx: AppContext) -> Path:
    return ctx.paths.data_dir / FILE


def unsent_days(ctx: AppContext) -> int:
    try:
        value = json.loads(_path(ctx).read_text(encoding="utf-8")).get("unsent_warning_days", DEFAULT_DAYS)
    except FileNotFoundError:
        return DEFAULT_DAYS
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("sync preferences unreadable, using defaults: %s", exc)
        return DEFAULT_DAYS
    return value if isinstance(value, int) and 1 <= value <= 365 else DEFAULT_DAYS


def set_unsent_days(ctx: AppContext, days: int) -> None:
    try:
        atomic_write_bytes(_path(ctx), json.dumps({"unsent_warning_days": int(days)}).encode("utf-8"))
    except OSError as exc:  # a preference is not worth an error dialog
        log.warning("sync preferences not saved: %s", exc)

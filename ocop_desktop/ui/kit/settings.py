"""UI preferences (language, …) in a small JSON file next to the database.

Only what differs from the defaults is written; an unreadable file falls back to defaults
rather than stopping the application.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from ocop_desktop.files import atomic_write_bytes

log = logging.getLogger(__name__)

LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class UiSettings:
    language: str = "vi"
    last_officer: str = ""  # the officer chosen last on this PC, offered first at the next start
    # a desk on a server: the shared office keys' fingerprint whose prompt was put off ("Để sau")
    office_keys_later: str = ""


def load_settings(path: Path) -> UiSettings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return UiSettings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable, using defaults: %s", path, exc)
        return UiSettings()
    if not isinstance(raw, dict):
        return UiSettings()
    known = {f.name for f in fields(UiSettings)}
    settings = replace(UiSettings(), **{k: v for k, v in raw.items() if k in known and isinstance(v, str)})
    if settings.language not in LANGUAGES:
        settings = replace(settings, language="vi")
    return settings


def save_settings(path: Path, settings: UiSettings) -> None:
    defaults = asdict(UiSettings())
    changed = {k: v for k, v in asdict(settings).items() if defaults.get(k) != v}
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, json.dumps(changed, ensure_ascii=False, indent=2).encode("utf-8"))

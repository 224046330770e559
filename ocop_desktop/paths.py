"""Where things live: user data (database, blobs, keys, logs) and bundled resources.

One resolver serves the source tree, an installed wheel and a PyInstaller bundle, so no
other module needs to know how the application was started.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ocop_desktop import APP_AUTHOR, APP_NAME

DATA_DIR_ENV = "OCOP_DESKTOP_DATA_DIR"
DB_FILENAME = "ocop.sqlite3"
DATABASE_CHOICE_FILENAME = "database.json"  # a province desk's server URL (store.engines)
DATABASE_ENV = "OCOP_DESKTOP_DATABASE"  # `--database URL` for this run, like --data-dir


def uses_server(data_dir: Path) -> bool:
    """The installation works on a database server, not the SQLite file (cheap: no SQLAlchemy)."""
    return bool(os.environ.get(DATABASE_ENV, "").strip()) or (data_dir / DATABASE_CHOICE_FILENAME).exists()


def shared_blobs_of(data_dir: Path) -> Path | None:
    """The shared scans folder named in `database.json`, if any (a damaged file is said when the store
    opens: `store.engines.configured_url`)."""
    path = data_dir / DATABASE_CHOICE_FILENAME
    if not path.exists():
        return None
    import json

    try:
        folder = json.loads(path.read_text(encoding="utf-8")).get("blobs")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(folder) if isinstance(folder, str) and folder.strip() else None


def resources_root() -> Path:
    """The `resources/` folder: next to the package in a checkout, `_resources` in a wheel,
    or inside the PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "_resources"
    if installed.is_dir():
        return installed
    return package_dir.parent / "resources"


def resource(relative: str) -> Path:
    """Path of a bundled resource file, e.g. ``resource("fonts/BeVietnamPro-Regular.ttf")``."""
    rel = Path(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise ValueError(f"resource paths are relative to resources/: {relative!r}")
    return resources_root() / rel


@dataclass(frozen=True)
class AppPaths:
    """The folders of one installation. `--data-dir` puts everything under one folder."""

    data_dir: Path
    log_dir: Path
    # The scans of a province office whose desks share a database server: a folder every desk reaches
    # (`database.json` "blobs", docs/province-server.md); None: `blobs/` in the data folder.
    shared_blobs: Path | None = None

    @classmethod
    def for_data_dir(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(data_dir=root, log_dir=root / "logs", shared_blobs=shared_blobs_of(root))
        import platformdirs  # only when no folder is given (saves start-up time otherwise)

        root = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        return cls(
            data_dir=root,
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
            shared_blobs=shared_blobs_of(root),
        )

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def blobs_dir(self) -> Path:
        return self.shared_blobs or self.data_dir / "blobs"

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_path(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def windows_path(self) -> Path:
        """Where the windows' last sizes and places are kept (`ui/kit/geometry.py`)."""
        return self.data_dir / "windows.json"

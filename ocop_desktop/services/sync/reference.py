"""Reference files carried by reference packs: rule sets (and their errata), the holiday calendar
and the dossier checklists.

Installed files go to `<data dir>/reference/<rulesets|calendar|checklists>/<name>.json`. The
province exports the files it uses: an installed (or hand-placed) file there wins over the one
bundled with the application.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ocop_desktop.domain.deadlines import HolidayCalendar
from ocop_desktop.domain.rules.errors import RuleSetError
from ocop_desktop.domain.rules.loader import parse_ruleset
from ocop_desktop.files import atomic_write_bytes
from ocop_desktop.ocoppkg import limits
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.format import MAX_JSON_BYTES, REFERENCE_NAME
from ocop_desktop.paths import resource

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

CATEGORIES = ("rulesets", "calendar", "checklists")
SCHEMA_FILE = "ruleset.schema.json"


def installed_dir(ctx: AppContext) -> Path:
    return ctx.paths.data_dir / "reference"


def reference_files(ctx: AppContext) -> dict[str, bytes]:
    """Package name -> bytes of every reference file in use here."""
    found: dict[str, Path] = {}
    for category in CATEGORIES:
        for folder in (resource(category), installed_dir(ctx) / category):  # installed ones last: they win
            if folder.is_dir():
                for path in sorted(folder.glob("*.json")):
                    if path.name != SCHEMA_FILE:
                        found[f"reference/{category}/{path.name}"] = path
    return {name: path.read_bytes() for name, path in found.items()}


def check_reference_file(name: str, data: bytes) -> str:
    """A short description of a valid file; refuses one that this version could not use."""
    match = REFERENCE_NAME.match(name)
    assert match is not None
    category = match.group(1)
    doc = limits.parse(data, name, max_bytes=MAX_JSON_BYTES)  # bounded, before any other reader
    try:
        if category == "rulesets":
            ruleset = parse_ruleset(data, source=match.group(2))
            return f"Bộ tiêu chí {ruleset.id} (mã băm {ruleset.content_hash[:12]}…)"
        if not isinstance(doc, dict):
            raise ValueError("not an object")
        if category == "calendar":
            HolidayCalendar.from_data(doc)
            return f"Lịch nghỉ lễ, phiên bản {doc.get('version', '?')}"
        if not isinstance(doc.get("items"), list):
            raise ValueError("no items")
        return f"Danh mục hồ sơ {doc.get('id', match.group(2))}"
    except (RuleSetError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PackageRefused(
            "malformed",
            f"Tệp tham chiếu “{name}” trong gói không dùng được ({exc}). "
            "Hãy đề nghị tỉnh kiểm tra và xuất lại gói.",
        ) from exc


def changed(ctx: AppContext, files: dict[str, bytes]) -> list[str]:
    """The names of `files` that `install` would write (not installed yet, or different)."""
    root = installed_dir(ctx)
    return [
        name
        for name, data in sorted(files.items())
        if not (root / name.removeprefix("reference/")).is_file()
        or (root / name.removeprefix("reference/")).read_bytes() != data
    ]


def install(ctx: AppContext, files: dict[str, bytes]) -> list[str]:
    """Write the files (each atomically); returns the names that changed. An importer calls it last
    in its transaction, once every row is written, so that a refused package installs nothing."""
    names = changed(ctx, files)
    root = installed_dir(ctx)
    for name in names:
        atomic_write_bytes(root / name.removeprefix("reference/"), files[name])
    if names:
        from ocop_desktop.services.core.reference import forget_cached

        forget_cached()
    return names

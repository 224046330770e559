"""The rule sets shipped under resources/rulesets/, loaded once per file version and cached.

No database: a rule set is data that ships with the application (or arrives in a signed
reference pack and is dropped into the same folder). Every file is validated and its hash
checked on load; a bad file makes every call fail loudly rather than score with doubtful rules.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from ocop_desktop.domain.rules.errors import RuleSetError
from ocop_desktop.domain.rules.loader import choose_copy, load_ruleset, ruleset_files
from ocop_desktop.domain.rules.model import Procedure, ProductSet, RuleSet, Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.paths import resource

_cache: dict[tuple[str, int, int], RuleSet] = {}
_lock = threading.Lock()


def rulesets_dir() -> Path:
    return resource("rulesets")


def _default_dirs() -> list[Path]:
    from ocop_desktop.services.core.reference import installed_root

    installed = installed_root()
    extra = installed / "rulesets" if installed is not None else None
    return [rulesets_dir()] + ([extra] if extra is not None and extra.is_dir() else [])


class RuleService:
    """Rule sets bundled in `resources/rulesets`, plus those installed by reference packs
    (`<data dir>/reference/rulesets`). A rule set never changes under its id: an erratum comes
    as a new id, so every score stays tied to the exact rules (id + hash) it was made with."""

    def __init__(self, directory: Path | None = None) -> None:
        self._dirs = [directory] if directory else _default_dirs()

    def list_rulesets(self) -> list[RuleSet]:
        """All rule sets, oldest first (by effective date)."""
        by_id: dict[str, RuleSet] = {}
        for folder in self._dirs:
            for path in ruleset_files(folder):
                ruleset = _load(path)
                known = by_id.get(ruleset.id)
                by_id[ruleset.id] = (
                    ruleset if known is None else choose_copy(known, ruleset, found_at=str(path))
                )
        return sorted(by_id.values(), key=lambda r: (r.effective_from, r.id))

    def get(self, ruleset_id: str) -> RuleSet:
        for ruleset in self.list_rulesets():
            if ruleset.id == ruleset_id:
                return ruleset
        known = ", ".join(r.id for r in self.list_rulesets()) or "không có"
        raise RuleSetError(f'Không có bộ tiêu chí "{ruleset_id}" (hiện có: {known}).')

    def in_force(self, on: date) -> RuleSet:
        """The rule set in force on a day; the latest to start wins if two overlap."""
        candidates = [r for r in self.list_rulesets() if r.in_force(on)]
        if not candidates:
            raise RuleSetError(f"Không có bộ tiêu chí nào có hiệu lực vào ngày {on:%d/%m/%Y}.")
        return candidates[-1]

    def resolve(self, ruleset_id: str | None = None, on: date | None = None) -> RuleSet:
        return self.get(ruleset_id) if ruleset_id else self.in_force(on or date.today())

    def procedure(self, ruleset_id: str | None = None, on: date | None = None) -> Procedure:
        """The procedure (deadlines, certificate validity, council defaults) a record follows: that of
        the rule set it is pinned to. For an act with no record yet, or a record whose rule set this
        machine lacks (a certificate under QĐ 148) or which predates procedure data (a format-1 file),
        that of the latest rule set in force on `on` (today) that has one."""
        if ruleset_id:
            pinned = next((r for r in self.list_rulesets() if r.id == ruleset_id), None)
            if pinned is not None and pinned.procedure is not None:
                return pinned.procedure
        day = on or date.today()
        in_force = [r.procedure for r in self.list_rulesets() if r.in_force(day) and r.procedure is not None]
        if not in_force:
            raise RuleSetError(f"Không có bộ tiêu chí nào có quy trình áp dụng vào ngày {day:%d/%m/%Y}.")
        return in_force[-1]

    def product_sets(self, ruleset_id: str | None = None) -> list[ProductSet]:
        return list(self.resolve(ruleset_id).product_sets())

    def sheet(self, set_ref: int | str, ruleset_id: str | None = None) -> Sheet:
        return self.resolve(ruleset_id).sheet(set_ref)

    def score(
        self,
        set_ref: int | str,
        answers: Mapping[str, int],
        knockouts: Iterable[str] = (),
        stops: Iterable[str] = (),
        ruleset_id: str | None = None,
    ) -> ScoreResult:
        return score(self.sheet(set_ref, ruleset_id), answers, knockouts, stops)


def _load(path: Path) -> RuleSet:
    try:
        stat = path.stat()
    except OSError as exc:
        raise RuleSetError(f"Không đọc được tệp bộ tiêu chí {path.name}.") from exc
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _lock:
        cached = _cache.get(key)
        if cached is None:
            cached = load_ruleset(path)
            _cache[key] = cached
        return cached

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
from ocop_desktop.domain.rules.loader import load_ruleset, ruleset_files
from ocop_desktop.domain.rules.model import ProductSet, RuleSet, Sheet
from ocop_desktop.domain.rules.scoring import ScoreResult, score
from ocop_desktop.paths import resource

_cache: dict[tuple[str, int, int], RuleSet] = {}
_lock = threading.Lock()


def rulesets_dir() -> Path:
    return resource("rulesets")


class RuleService:
    def __init__(self, directory: Path | None = None) -> None:
        self._dir = directory or rulesets_dir()

    def list_rulesets(self) -> list[RuleSet]:
        """All rule sets, oldest first (by effective date)."""
        loaded = [_load(path) for path in ruleset_files(self._dir)]
        ids = [r.id for r in loaded]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise RuleSetError(f"Có nhiều tệp cùng mã bộ tiêu chí {', '.join(duplicates)} trong {self._dir}.")
        return sorted(loaded, key=lambda r: (r.effective_from, r.id))

    def get(self, ruleset_id: str) -> RuleSet:
        for ruleset in self.list_rulesets():
            if ruleset.id == ruleset_id:
                return ruleset
        known = ", ".join(r.id for r in self.list_rulesets()) or "không có"
        raise RuleSetError(f"Không có bộ tiêu chí \"{ruleset_id}\" (hiện có: {known}).")

    def in_force(self, on: date) -> RuleSet:
        """The rule set in force on a day; the latest to start wins if two overlap."""
        candidates = [r for r in self.list_rulesets() if r.in_force(on)]
        if not candidates:
            raise RuleSetError(f"Không có bộ tiêu chí nào có hiệu lực vào ngày {on:%d/%m/%Y}.")
        return candidates[-1]

    def resolve(self, ruleset_id: str | None = None, on: date | None = None) -> RuleSet:
        return self.get(ruleset_id) if ruleset_id else self.in_force(on or date.today())

    def product_sets(self, ruleset_id: str | None = None) -> list[ProductSet]:
        return list(self.resolve(ruleset_id).product_sets())

    def sheet(self, set_ref: int | str, ruleset_id: str | None = None) -> Sheet:
        return self.resolve(ruleset_id).sheet(set_ref)

    def score(self, set_ref: int | str, answers: Mapping[str, int], knockouts: Iterable[str] = (),
              stops: Iterable[str] = (), ruleset_id: str | None = None) -> ScoreResult:
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

"""Where a correction or a suspect value of a rule set applies on its sheet.

The rule file records the place in words (`where`, Vietnamese, inside the hashed content):
"tiêu chí 3.1", "tiêu chí 8, 9, 15", "tiêu đề Phần A", "tiêu đề phiếu". Reading the place from
those words, rather than from new members, leaves the file and its content hash as they are (every
record pins that hash) and keeps the file readable by earlier releases, which refuse unknown members.
A place that names nothing on the sheet falls back to the sheet as a whole: a note is never lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ocop_desktop.domain.rules.model import Correction, Notice, SuspectValue

CORRECTION = "correction"
SUSPECT = "suspect"
_CRITERIA = re.compile(r"^tiêu chí\s+(?P<codes>.+)$", re.I)
_PART = re.compile(r"^tiêu đề phần\s+(?P<part>[a-z])$", re.I)
_SEPARATOR = re.compile(r"\s*(?:,|;|\bvà\b)\s*", re.I)


def locate(
    where: str, has_criterion: Callable[[str], bool], parts: Iterable[str]
) -> tuple[tuple[str, ...], str | None]:
    """(criterion codes, part code) named by `where`; both empty for the sheet as a whole."""
    text = " ".join(where.split())
    match = _CRITERIA.match(text)
    if match:
        codes = tuple(c.rstrip(".") for c in _SEPARATOR.split(match["codes"]) if c)
        if codes and all(has_criterion(c) for c in codes):
            return codes, None
    match = _PART.match(text)
    if match and match["part"].upper() in set(parts):
        return (), match["part"].upper()
    return (), None


def sheet_notices(
    number: int,
    corrections: Iterable[Correction],
    suspects: Iterable[SuspectValue],
    has_criterion: Callable[[str], bool],
    parts: Iterable[str],
) -> tuple[Notice, ...]:
    """The notices of sheet `number`, corrections first, each in the order of the file."""
    part_codes = tuple(parts)
    found = [(CORRECTION, c.set, c.where, c.reason) for c in corrections if c.set == number]
    found += [(SUSPECT, s.set, s.where, s.issue) for s in suspects if s.set == number]
    out = []
    for kind, set_number, where, text in found:
        criteria, part = locate(where, has_criterion, part_codes)
        out.append(Notice(kind, set_number, where, text, criteria, part))
    return tuple(out)

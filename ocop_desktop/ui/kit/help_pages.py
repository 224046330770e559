"""The user guide as data: Markdown pages under `resources/help/vi/` (one file a page, the first
`# ` line is its title, links between pages are relative `name.md`), which page F1 opens for each
page of the main window, and a search that ignores diacritics. No Qt here: the help window shows
what this reads; tests check that every page named exists and every link resolves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ocop_desktop.domain.text import fold
from ocop_desktop.paths import resource

INDEX = "index"
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")

# main-window page -> guide page; a role may have its own ("evaluation" is the council's work at
# the province, the member's own sheets on an evaluator laptop)
PAGE_HELP: dict[str, str] = {
    "home": "tong-quan",
    "producers": "chu-the-san-pham",
    "products": "chu-the-san-pham",
    "dossiers": "ho-so-xa",
    "evaluation": "tinh",
    "sync": "dong-bo",
    "reports": "in-an",
    "settings": "sao-luu",
}
ROLE_PAGE_HELP: dict[tuple[str, str], str] = {
    ("province", "dossiers"): "tinh",
    ("evaluator", "evaluation"): "giam-khao",
    ("evaluator", "dossiers"): "giam-khao",
}


@dataclass(frozen=True)
class HelpPage:
    name: str  # file stem, e.g. "bat-dau"
    title: str
    text: str  # Markdown

    @property
    def links(self) -> list[str]:
        """The guide pages this page links to (by name)."""
        return [target.removesuffix(".md") for target in _LINK.findall(self.text) if target.endswith(".md")]

    @property
    def images(self) -> list[str]:
        """The pictures this page shows, relative to the guide's folder (`img/…png`)."""
        return _IMAGE.findall(self.text)


def help_dir(language: str = "vi") -> Path:
    return resource(f"help/{language}")


@cache
def pages(language: str = "vi") -> tuple[HelpPage, ...]:
    """Every page of the guide: the index first, then the others in the index's order."""
    found = {path.stem: _read(path) for path in sorted(help_dir(language).glob("*.md"))}
    order = [INDEX, *found[INDEX].links] if INDEX in found else []
    ordered = [found[name] for name in dict.fromkeys(order) if name in found]
    return (*ordered, *(p for name, p in found.items() if name not in order))


def page(name: str, language: str = "vi") -> HelpPage:
    for p in pages(language):
        if p.name == name:
            return p
    raise KeyError(name)


def page_for(main_page: str, role: str = "") -> str:
    """The guide page F1 opens on the main window's page `main_page` (the index if none)."""
    return ROLE_PAGE_HELP.get((role, main_page)) or PAGE_HELP.get(main_page, INDEX)


def search(query: str, language: str = "vi") -> list[HelpPage]:
    """Pages holding every word of `query`, diacritics and case ignored ("sao luu" finds "Sao lưu");
    pages whose title holds them first."""
    words = fold(query).split()
    if not words:
        return list(pages(language))
    hits = [p for p in pages(language) if all(w in _folded(p) for w in words)]
    return sorted(hits, key=lambda p: not all(w in fold(p.title) for w in words))


def first_match(text: str, query: str) -> int:
    """Index of the first line of `text` holding the first word of `query` (diacritics ignored);
    -1 if none."""
    words = fold(query).split()
    if not words:
        return -1
    return next((i for i, line in enumerate(text.splitlines()) if words[0] in fold(line)), -1)


def _folded(p: HelpPage) -> str:
    return fold(p.title + " " + p.text)


def _read(path: Path) -> HelpPage:
    text = path.read_text(encoding="utf-8")
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), path.stem)
    return HelpPage(path.stem, title, text)

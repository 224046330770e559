"""Text rules: everything is NFC on the way in, and search ignores Vietnamese diacritics."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def nfc(value: str) -> str:
    """NFC-normalise and trim; internal runs of white space become one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def nfc_multiline(value: str) -> str:
    """NFC-normalise free text but keep its line breaks."""
    lines = unicodedata.normalize("NFC", value).replace("\r\n", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


@lru_cache(maxsize=16384)  # registers and lists fold the same names, communes and words again and again
def fold(value: str) -> str:
    """Search key: lower case, no diacritics, đ -> d ("Cà phê Đắk" -> "ca phe dak")."""
    return _SPACES.sub(" ", _strip_marks(value).casefold()).strip()


def quick_fold(text: str) -> str:
    """`fold` for search keys, at C speed (60,000 names: 0.2 s instead of 1.5 s):
    diacritics and every other non-ASCII character dropped, spaces not collapsed."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return plain.encode("ascii", "ignore").decode("ascii").casefold()


def slug(value: str, *, limit: int = 60, fallback: str = "", keep_case: bool = False) -> str:
    """A file-name stem: ASCII letters and digits joined by hyphens, diacritics dropped, at most
    `limit` characters, `fallback` when nothing is left. "Cà phê bột Đắk Hà" -> "ca-phe-bot-dak-ha"
    ("Ca-phe-bot-Dak-Ha" with `keep_case`)."""
    plain = _strip_marks(value) if keep_case else fold(value)
    cleaned = _NOT_ALNUM.sub("-", plain).strip("-")
    return cleaned[:limit].rstrip("-") or fallback


def _strip_marks(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def matches(query: str, *haystacks: str) -> bool:
    """True when every word of the query occurs in one of the haystacks, diacritics ignored."""
    words = fold(query).split()
    joined = " ".join(fold(h) for h in haystacks if h)
    return all(w in joined for w in words)

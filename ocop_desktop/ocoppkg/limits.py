"""Bounded JSON: every JSON file read from a package (the manifest before its signature is checked,
then records, payloads and reference files) is parsed here, within limits a hostile file cannot
get around (docs/sync-package.md §12).

Python's `json` recurses once per nesting level and keeps every value it meets, so a signed-looking
manifest of 50 000 nested arrays would end in a `RecursionError` and a file of a million empty
objects in a large allocation. Before `json.loads` runs, one pass over the bytes (all in C: `split`,
`translate`, `accumulate`) measures what is outside strings — nesting depth, number of values —
and looks for number tokens that could be too large; numbers, long strings and lone surrogates
are then checked exactly, and only when such a token or string can be there at all (a record of
ordinary dossier data never takes that slower path). Anything beyond a limit is refused as
`PackageRefused("malformed")`, never another exception.
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

from ocop_desktop.ocoppkg.errors import PackageRefused

MAX_DEPTH = 64  # arrays and objects inside each other; real records nest about 6 deep, rule sets 13
MAX_VALUES = 1_000_000  # `[`, `{` and `,` outside strings: a bound on how many values a file makes
MAX_STRING = 1 << 20  # characters in one string, key or value (a form's longest text is far shorter)
INT_LIMIT = 1 << 63  # an integer n must have |n| < 2^63: what SQLite's INTEGER holds

_STEP = [0] * 256  # +1 on an opening bracket, -1 on a closing one: a running sum is the depth
for _c in b"[{":
    _STEP[_c] = 1
for _c in b"]}":
    _STEP[_c] = -1
_NOT_STRUCTURE = bytes(c for c in range(256) if c not in b"[]{},")
# Number tokens mapped to a few letters, so that C's substring search finds the suspicious ones:
# 19 digits or more (≥ 10^18, maybe ≥ 2^63) or a 3-digit exponent (maybe infinite once parsed).
_NUMBER_SHAPE = bytes(
    ord("0") if chr(c).isdigit() else ord("e") if c in b"eE" else ord("+") if c in b"+-" else ord(" ")
    for c in range(256)
)
_LONG_DIGITS = b"0" * 19
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class MalformedJson(PackageRefused):
    """A package file that is not JSON within the limits; `syntax`: not JSON at all."""

    def __init__(self, name: str, why: str, *, syntax: bool = False) -> None:
        super().__init__(
            "malformed",
            f"Tệp “{name[:120]}” trong gói không đọc được ({why}). Hãy đề nghị bên gửi xuất lại gói "
            "bằng OCOP Desktop.",
        )
        self.syntax = syntax


class _Refused(Exception):
    """Raised by the number hooks inside `json.loads` (which passes it through untouched)."""


def parse(raw: bytes, name: str, *, max_bytes: int) -> Any:
    """The JSON value in `raw` (UTF-8), or `MalformedJson` naming the file `name` and the limit."""
    if len(raw) > max_bytes:
        raise MalformedJson(name, f"lớn hơn giới hạn {max_bytes} byte")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedJson(name, "không phải văn bản UTF-8", syntax=True) from None
    escapes = b"\\" in raw
    outside, inside = _split_strings(raw, name, escapes)
    _check_structure(outside, name)
    exact_numbers = _suspicious_numbers(outside)
    try:
        if exact_numbers:
            value = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
        else:
            value = json.loads(text, parse_constant=_constant)
    except _Refused as exc:
        raise MalformedJson(name, str(exc)) from None
    except ValueError as exc:  # JSONDecodeError, or an integer of more than 4300 digits
        raise MalformedJson(name, f"không phải JSON hợp lệ: {str(exc)[:120]}", syntax=True) from None
    except RecursionError:  # cannot happen within MAX_DEPTH; a refusal rather than a crash if it did
        raise MalformedJson(name, f"lồng nhau quá {MAX_DEPTH} tầng") from None
    if inside > MAX_STRING or (escapes and _SURROGATE_ESCAPE.search(raw)):
        _check_strings(value, name)
    return value


def _split_strings(raw: bytes, name: str, escapes: bool) -> tuple[bytes, int]:
    """The bytes outside JSON strings, and an upper bound of the longest string's length.

    In valid JSON a backslash only starts a two-character escape, so removing `\\\\` pairs and
    then `\\"` leaves exactly the quotes that open and close strings."""
    unescaped = raw.replace(b"\\\\", b"").replace(b'\\"', b"") if escapes else raw
    parts = unescaped.split(b'"')
    if len(parts) % 2 == 0:
        raise MalformedJson(name, "không phải JSON hợp lệ: một chuỗi không được đóng", syntax=True)
    # Escapes take more bytes than the characters they stand for, so the raw length bounds the text.
    longest = (
        max(map(len, parts[1::2]), default=0) + (len(raw) - len(unescaped)) if len(raw) > MAX_STRING else 0
    )
    return b"".join(parts[0::2]), longest


def _check_structure(outside: bytes, name: str) -> None:
    structure = outside.translate(None, _NOT_STRUCTURE)
    values = structure.count(b"[") + structure.count(b"{") + structure.count(b",")
    if values > MAX_VALUES or len(structure) > 2 * MAX_VALUES:
        raise MalformedJson(name, f"có hơn {MAX_VALUES} giá trị")
    if max(accumulate(map(_STEP.__getitem__, structure)), default=0) > MAX_DEPTH:
        raise MalformedJson(name, f"lồng nhau quá {MAX_DEPTH} tầng")


def _suspicious_numbers(outside: bytes) -> bool:
    shape = outside.translate(_NUMBER_SHAPE)
    return _LONG_DIGITS in shape or b"e000" in shape or b"e+000" in shape


def _int(token: str) -> int:
    value = int(token) if len(token) <= 20 else INT_LIMIT  # no need to read a 4000-digit number
    if not -INT_LIMIT < value < INT_LIMIT:
        raise _Refused(f"số {token[:24]}… vượt giới hạn ±2^63 mà cơ sở dữ liệu lưu được")
    return value


def _float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _Refused(f"số {token[:24]} quá lớn")
    return value


def _constant(token: str) -> Any:
    raise _Refused(f"giá trị {token} không được phép trong JSON")


def _check_strings(value: Any, name: str) -> None:
    """Every string (keys too) within MAX_STRING characters and without a lone surrogate (which
    no UTF-8 text can hold). Iterative: the depth is bounded, but no recursion is needed."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            if len(item) > MAX_STRING:
                raise MalformedJson(name, f"có chuỗi dài hơn {MAX_STRING} ký tự")
            if _SURROGATE.search(item):
                raise MalformedJson(name, "có ký tự UTF-16 lẻ cặp (\\ud800–\\udfff)")

"""Small composable checks for JSON read from packages: types, ranges, lengths, enumerations, dates.

A check is a function that takes a parsed JSON value and returns nothing, or raises `Invalid` with
the reason in Vietnamese; objects and arrays add the key or index on the way out, so a refusal
says exactly where (`data.product.product_set: phải là số nguyên từ 1 đến 26`). Unknown keys of an
object are ignored, whatever their type (a newer sender's optional fields, docs/sync-package.md §3);
a missing required key is refused. The checks of the manifest, records and payloads are built from
these (`manifest.py`, `services/sync/schema.py`).

Checks are plain closures with no work done on success beyond the type and range tests, because
they run over every value of every record of a package.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, datetime
from typing import Any

from ocop_desktop.ocoppkg.limits import INT_LIMIT

Check = Callable[[Any], None]

INT_MAX = INT_LIMIT - 1
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HEX64 = re.compile(r"[0-9a-f]{64}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ABSENT = object()
MAX_DATETIME = 40  # "2026-12-03T16:04:02.123456+07:00" and its variants


class Invalid(Exception):
    """A value that does not fit: `why`, and `path` from the document's root to it."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why
        self.path: list[str | int] = []

    def at(self, step: str | int) -> Invalid:
        self.path.insert(0, step)
        return self

    def where(self) -> str:
        out = ""
        for step in self.path:
            out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
        return out

    def __str__(self) -> str:
        return f"{self.where()[:200]}: {self.why}" if self.path else self.why


def text(max_len: int | None = None, *, min_len: int = 0) -> Check:
    """A string of `min_len`..`max_len` characters (None: only the parser's limit)."""
    why = (
        "phải là chuỗi" + (" không rỗng" if min_len else "") + (f" tối đa {max_len} ký tự" if max_len else "")
    )
    top = max_len if max_len is not None else INT_LIMIT

    def check(value: Any) -> None:
        if type(value) is not str or not min_len <= len(value) <= top:
            raise Invalid(why)

    return check


def matching(pattern: re.Pattern[str], what: str) -> Check:
    """A string that matches `pattern` in full; `what` names the shape for the message."""

    def check(value: Any) -> None:
        if type(value) is not str or pattern.fullmatch(value) is None:
            raise Invalid(f"phải là {what}")

    return check


uuid = matching(UUID, "mã UUID (chữ thường)")
hex64 = matching(HEX64, "mã SHA-256 (64 chữ số hex thường)")


def integer(low: int = -INT_MAX, high: int = INT_MAX) -> Check:
    """An integer (not a boolean) in `low`..`high`."""
    why = (
        f"phải là số {low}"
        if low == high
        else f"phải là số nguyên từ {low} trở lên"
        if high == INT_MAX
        else f"phải là số nguyên từ {low} đến {high}"
    )

    def check(value: Any) -> None:
        if type(value) is not int or not low <= value <= high:
            raise Invalid(why)

    return check


def number(low: float = -INT_MAX, high: float = INT_MAX) -> Check:
    """An integer or a decimal number (finite: the parser refuses the others) in `low`..`high`."""
    why = f"phải là số từ {low:g} trở lên" if high == INT_MAX else f"phải là số từ {low:g} đến {high:g}"

    def check(value: Any) -> None:
        if type(value) not in (int, float) or not low <= value <= high:
            raise Invalid(why)

    return check


def boolean(value: Any) -> None:
    if type(value) is not bool:
        raise Invalid("phải là true hoặc false")


def anything(value: Any) -> None:
    """Any JSON value (already bounded by the parser)."""


def one_of(allowed: Collection[Any], what: str = "") -> Check:
    """One of `allowed` (strings or numbers; `what` replaces the list in the message)."""
    choices = frozenset(allowed)
    shown = what or ", ".join(sorted(map(str, choices)))
    why = f"phải là một trong: {shown}"

    def check(value: Any) -> None:
        if type(value) not in (str, int) or value not in choices:
            raise Invalid(why)

    return check


def iso_date(value: Any) -> None:
    """A calendar date written YYYY-MM-DD that exists."""
    if type(value) is not str or _DATE.fullmatch(value) is None:
        raise Invalid("phải là ngày dạng YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise Invalid(f"ngày “{value}” không có thật") from None


def iso_datetime(value: Any) -> None:
    """A date and time in ISO 8601 that Python reads (what the store keeps)."""
    if type(value) is not str or len(value) > MAX_DATETIME:
        raise Invalid("phải là thời điểm dạng ISO 8601")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(f"thời điểm “{value[:40]}” không đọc được") from None


def nullable(check: Check) -> Check:
    def nullable_check(value: Any) -> None:
        if value is not None:
            check(value)

    nullable_check.inner = check  # type: ignore[attr-defined]  # `obj` tests None itself: one call less
    return nullable_check


def array(item: Check, *, min_items: int = 0, max_items: int | None = None) -> Check:
    top = max_items if max_items is not None else INT_LIMIT
    why = "phải là danh sách" + (
        f" có từ {min_items} đến {max_items} phần tử"
        if max_items is not None
        else (f" có ít nhất {min_items} phần tử" if min_items else "")
    )

    def check(value: Any) -> None:
        if type(value) is not list or not min_items <= len(value) <= top:
            raise Invalid(why)
        for index, element in enumerate(value):
            try:
                item(element)
            except Invalid as exc:
                raise exc.at(index) from None

    return check


def mapping(values: Check, keys: Check | None = None) -> Check:
    """An object used as a dictionary (keys chosen by the data, e.g. criterion codes)."""

    def check(value: Any) -> None:
        if type(value) is not dict:
            raise Invalid("phải là một đối tượng JSON")
        for key, element in value.items():
            try:
                if keys is not None:
                    keys(key)
                values(element)
            except Invalid as exc:
                raise exc.at(key) from None

    return check


def obj(fields: Mapping[str, Check], required: Iterable[str] = ()) -> Check:
    """An object with these fields; unknown keys are ignored, a missing required one is refused."""
    needed = frozenset(required)
    assert needed <= set(fields), needed - set(fields)
    # (key, check, may be null, required): the hot loop of every record, so one lookup per field
    items = tuple(
        (key, getattr(field, "inner", field), hasattr(field, "inner"), key in needed)
        for key, field in fields.items()
    )

    def check(value: Any) -> None:
        if type(value) is not dict:
            raise Invalid("phải là một đối tượng JSON")
        get = value.get
        for key, field, may_be_null, must_be_there in items:
            element = get(key, _ABSENT)
            if element is _ABSENT:
                if must_be_there:
                    raise Invalid("thiếu trường bắt buộc").at(key)
            elif element is not None or not may_be_null:
                try:
                    field(element)
                except Invalid as exc:
                    raise exc.at(key) from None

    return check


def all_of(*checks: Check) -> Check:
    def check(value: Any) -> None:
        for each in checks:
            each(value)

    return check

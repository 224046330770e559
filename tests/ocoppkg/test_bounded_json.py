"""The bounded JSON parser every package file goes through (ocoppkg/limits.py): whatever the bytes,
it returns the value `json.loads` would, or refuses with `PackageRefused("malformed")` — exactly
when a limit is broken — and never raises anything else (no RecursionError, no MemoryError)."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.limits import INT_LIMIT, MAX_DEPTH, MAX_STRING, MAX_VALUES, MalformedJson, parse

BIG = 32 << 20
# Characters that matter to the structure scan: brackets, quotes and backslashes inside strings.
TRICKY = st.text(st.sampled_from('[]{}",\\:/e+-0u') | st.characters(), max_size=12)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(1 << 64), 1 << 64)
    | st.floats(allow_nan=True, allow_infinity=True)
    | TRICKY
    | st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010, blacklist_categories=()), max_size=3)
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(TRICKY, inner, max_size=5),
    max_leaves=40,
)


def breaks_a_limit(value: Any, depth: int = 0) -> bool:
    """The oracle, written independently of the parser (hypothesis values are small: recursion is fine)."""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int):
        return not -INT_LIMIT < value < INT_LIMIT
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, str):
        return len(value) > MAX_STRING or any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if depth + 1 > MAX_DEPTH:
        return True
    items = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]
    return any((k is not None and breaks_a_limit(k)) or breaks_a_limit(v, depth + 1) for k, v in items)


def same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True) and type(a) is type(b)


@settings(max_examples=400, deadline=None)
@given(value=JSON_VALUES, ascii_only=st.booleans(), indent=st.sampled_from([None, 1]))
def test_any_json_value_is_returned_or_refused_exactly_at_the_limits(
    value: Any, ascii_only: bool, indent: int | None
) -> None:
    raw = json.dumps(value, ensure_ascii=ascii_only, indent=indent).encode("utf-8", "surrogatepass")
    try:
        # What the text means: JSON joins an escaped surrogate pair into one character; a surrogate
        # written raw is not UTF-8 at all.
        meant = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        with pytest.raises(MalformedJson, match="UTF-8"):
            parse(raw, "x.json", max_bytes=BIG)
        return
    try:
        parsed = parse(raw, "x.json", max_bytes=BIG)
    except PackageRefused as exc:
        assert exc.code == "malformed"
        assert breaks_a_limit(meant), (value, exc.message)
    else:
        assert not breaks_a_limit(meant)
        assert same(parsed, meant)


@settings(max_examples=400, deadline=None)
@given(data=st.binary(max_size=300) | TRICKY.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_are_returned_or_refused(data: bytes) -> None:
    try:
        value = parse(data, "x.json", max_bytes=BIG)
    except PackageRefused as exc:
        assert exc.code == "malformed" and exc.message.endswith("Không có gì thay đổi trên máy này.")
    else:
        assert same(value, json.loads(data))


@settings(max_examples=200, deadline=None)
@given(kinds=st.lists(st.sampled_from("[{"), min_size=0, max_size=3 * MAX_DEPTH), hidden=st.integers(0, 200))
def test_nesting_is_refused_beyond_the_limit_and_brackets_in_strings_do_not_count(
    kinds: list[str], hidden: int
) -> None:
    opening = "".join('{"k":' if k == "{" else "[" for k in kinds)
    closing = "".join("}" if k == "{" else "]" for k in reversed(kinds))
    # Brackets inside a string (before the nesting) must neither add depth nor hide any.
    raw = f"[{json.dumps(']' * hidden + '[' * hidden)}, {opening}0{closing}]".encode()
    if len(kinds) + 1 > MAX_DEPTH:
        with pytest.raises(MalformedJson, match="lồng nhau"):
            parse(raw, "x.json", max_bytes=BIG)
    else:
        assert same(parse(raw, "x.json", max_bytes=BIG), json.loads(raw))


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"[" * 50_000 + b"]" * 50_000, "lồng nhau quá 64 tầng"),
        (b"[" + b"{}," * MAX_VALUES + b"{}]", f"hơn {MAX_VALUES} giá trị"),
        (b"]" * (2 * MAX_VALUES + 1), f"hơn {MAX_VALUES} giá trị"),
        (b"[9223372036854775808]", "2^63"),
        (b"[-9223372036854775808]", "2^63"),
        (b"[" + b"9" * 5000 + b"]", "2^63"),
        (b"[1e400]", "quá lớn"),
        (b"[-Infinity]", "-Infinity"),
        (b'["\\udc00"]', "lẻ cặp"),
        (b'"' + b"x" * (MAX_STRING + 1) + b'"', f"dài hơn {MAX_STRING} ký tự"),
        (b'{"a": 1}', "lớn hơn giới hạn 4 byte"),
        (b"\xef\xbb\xbf{}", "không phải JSON"),
        (b'["a\\"]', "không được đóng"),
    ],
)
def test_each_limit_has_its_reason(raw: bytes, words: str) -> None:
    with pytest.raises(MalformedJson) as info:
        parse(raw, "records/x.json", max_bytes=4 if words.startswith("lớn hơn") else BIG)
    assert words in info.value.message and "records/x.json" in info.value.message


def test_the_largest_values_inside_the_limits_are_read() -> None:
    assert parse(b"[9223372036854775807, -9223372036854775807, 1e308]", "x", max_bytes=BIG) == [
        INT_LIMIT - 1,
        -(INT_LIMIT - 1),
        1e308,
    ]
    assert parse(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH, "x", max_bytes=BIG) is not None
    assert parse(b'"\\ud83d\\ude00 \\\\" ', "x", max_bytes=BIG) == "😀 \\"

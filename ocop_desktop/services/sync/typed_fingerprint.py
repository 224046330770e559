"""A fingerprint typed by the officer is checked wherever one is accepted.

`--confirm-fingerprint` (and the screens' confirmation field) says "I compared this package's key
with the one read out on the phone". Trusting a new key checks it (`trust.check_confirmation`);
but the dry run, `verify`, and the import of a package from an office already trusted took it and
ignored it, so a wrong fingerprint passed silently. Every door that accepts one calls
`check_typed` once the package is open (its signature checked): a fingerprint that is not the one
of the key that signed the package is refused, whatever the kind.
"""

from __future__ import annotations

from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import normalise_readable, readable_from_fingerprint
from ocop_desktop.ocoppkg.manifest import Manifest


def check_typed(m: Manifest | None, typed: str | None) -> None:
    """Refuse `typed` (None or empty: nothing typed) unless it is the fingerprint of the key that
    signed `m` (`m.signing_key`, which the signature check has tied to the key). No manifest: the
    package could not be read, and opening it has refused it already."""
    if not typed or m is None:
        return
    expected = readable_from_fingerprint(m.signing_key)
    if normalise_readable(typed) != expected:
        raise PackageRefused(
            "fingerprint_mismatch",
            f"Dấu vân tay bạn nhập không khớp với khóa đã ký gói này (khóa của “{m.sender.name[:80]}”, "
            f"dấu vân tay {expected}). Đừng tin cậy gói này; hãy gọi lại cho cơ quan gửi để kiểm tra.",
        )

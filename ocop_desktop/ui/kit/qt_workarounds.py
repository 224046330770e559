"""A speed-up for the Qt binding's import hook, applied once the QApplication is configured.

Every PySide6 6.x: an import hook (`__feature__` support) calls `inspect.getsource()` on each
module imported after PySide6, only to look for the word "PySide6". `faster_feature_check()`
gives the same answer from the file's bytes, 2–3 times faster (350 modules: 27 ms → 11 ms).

(PySide6 6.12.0 lost a reference to `True` per `emit()`; pyproject excludes that release, and
`tests/ui/kit/test_ui_binding_refcounts.py` catches a binding that does it again.)
"""

from __future__ import annotations

import sys


def faster_feature_check() -> bool:
    """Swap PySide6's per-import source scan for a byte search; True when swapped (idempotent)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "ocop_fast", False):
        return original is not None

    def mod_uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not (isinstance(path, str) and path.endswith(".py")):
            return bool(original(module))  # built-in, compiled or frozen: PySide6's own answer
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False  # as inspect.getsource() failing: "no source, no PySide6"

    mod_uses_pyside.ocop_fast = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]
    return True

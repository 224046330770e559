"""Work-arounds for defects of the Qt binding we ship, each detected before it is applied.

PySide6 6.12.0 on Python 3.11: `SignalInstance.emit()` returns `True` without taking a new
reference, so every emit from Python removes one reference from `True`. After a few thousand
emits CPython aborts ("bool_dealloc: deallocating True or False"). We measure the leak with a
probe object and, only if it is there, wrap `emit` to give the reference back. On a binding
without the defect (or on Python >= 3.12, where True is immortal) nothing is changed.

Every PySide6 6.x: an import hook (`__feature__` support) calls `inspect.getsource()` on each
module imported after PySide6, only to look for the word "PySide6". `faster_feature_check()`
gives the same answer from the file's bytes, 2–3 times faster (350 modules: 27 ms → 11 ms).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)
_installed = False
_PROBES = 64


class _Probe(QObject):
    ping = Signal()


def _incref_true(times: int) -> None:
    import ctypes

    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    for _ in range(times):
        incref(True)


def _true_refs_lost_per_emit() -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        _incref_true(lost)  # give back what the measurement itself took
    return round(lost / _PROBES)


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


def install() -> bool:
    """Apply the work-arounds this binding needs; True when the emit fix was applied (idempotent)."""
    global _installed
    faster_feature_check()
    if _installed:
        return True
    import PySide6

    if tuple(PySide6.__version_info__[:2]) != (6, 12):  # the only release seen with the defect (pyproject
        return False  # excludes 6.12.0; a test watches for a recurrence)
    if _true_refs_lost_per_emit() != 1:
        return False
    import ctypes

    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        if result is True:
            incref(True)  # the reference the binding forgot to take
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    if _true_refs_lost_per_emit() != 0:  # never make it worse
        SignalInstance.emit = original  # type: ignore[method-assign]
        log.warning("could not compensate the PySide6 emit reference leak")
        return False
    _installed = True
    log.info("PySide6 emit reference leak detected and compensated")
    return True

"""Windows DPAPI (CryptProtectData) through ctypes: data only this Windows user can decrypt."""

from __future__ import annotations

import ctypes
from ctypes import wintypes


class _Blob(ctypes.Structure):
    _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]


def _call(func_name: str, data: bytes) -> bytes:  # pragma: no cover - Windows only
    crypt32 = ctypes.windll.crypt32  # type: ignore[attr-defined]
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    buf = ctypes.create_string_buffer(data, len(data))
    blob_in = _Blob(len(data), ctypes.cast(buf, ctypes.POINTER(ctypes.c_char)))
    blob_out = _Blob()
    func = getattr(crypt32, func_name)
    if not func(ctypes.byref(blob_in), None, None, None, None, 0x1, ctypes.byref(blob_out)):
        raise OSError(ctypes.GetLastError(), f"{func_name} failed")  # type: ignore[attr-defined]
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData)
    finally:
        kernel32.LocalFree(blob_out.pbData)


def protect(data: bytes) -> bytes:  # pragma: no cover - Windows only
    return _call("CryptProtectData", data)


def unprotect(data: bytes) -> bytes:  # pragma: no cover - Windows only
    return _call("CryptUnprotectData", data)

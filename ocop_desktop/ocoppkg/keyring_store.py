"""The operating system's keyring (macOS Keychain, Secret Service on Linux desktops, …) through the
`keyring` package, for the office secrets on systems without DPAPI.

A secret goes into the keyring under a random entry name; the file next to the key then holds only
`keyring:<name>`, so copying the data folder (or stealing the disk of a locked session) no longer
gives the key. Where no keyring answers — a server, CI, a Linux session without a Secret Service,
`OCOP_DESKTOP_KEYRING=off` — secrets stay in files only this user can read, as before; `describe()`
says which protection is in force, and Settings shows it.

`keyring` costs about a second to import and probe, so it is loaded only when a secret is written or
read through it, and the migration of older files runs in the background (`upgrade_files`)."""

from __future__ import annotations

import base64
import logging
import os
import secrets
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "OCOP Desktop"
OFF_ENV = "OCOP_DESKTOP_KEYRING"  # "off": never use the keyring (portable use, tests)
PREFIX = b"keyring:"


@cache
def _backend() -> Any | None:
    """The keyring that will keep secrets, or None when there is none worth the name."""
    if os.environ.get(OFF_ENV, "").lower() in ("off", "0", "no"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring setup means "no keyring", never a crash
        log.info("no usable keyring", exc_info=True)
        return None
    chained = getattr(backend, "backends", None)
    if isinstance(backend, fail.Keyring) or chained == [] or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def available() -> bool:
    return _backend() is not None


def describe() -> str:
    """The keyring's name as the system calls it ("" when none)."""
    backend = _backend()
    return getattr(backend, "name", type(backend).__name__) if backend is not None else ""


def store(data: bytes) -> bytes | None:
    """Keep `data` in the keyring; the reference to write in its file, or None when that failed."""
    backend = _backend()
    if backend is None:
        return None
    name = f"secret-{secrets.token_hex(12)}"
    try:
        backend.set_password(SERVICE, name, base64.b64encode(data).decode("ascii"))
        if backend.get_password(SERVICE, name) != base64.b64encode(data).decode("ascii"):
            return None
    except Exception:  # noqa: BLE001 - a locked or refusing keyring: keep the file protection
        log.warning("the keyring refused a secret; kept in a private file", exc_info=True)
        return None
    return PREFIX + name.encode("ascii")


def load(reference: bytes) -> bytes:
    """The secret a `keyring:<name>` reference points to; ValueError when the keyring lacks it."""
    backend = _backend()
    name = reference[len(PREFIX) :].decode("ascii", "replace")
    try:
        value = backend.get_password(SERVICE, name) if backend is not None else None
    except Exception as exc:  # noqa: BLE001
        raise ValueError(f"keyring unavailable: {exc}") from exc
    if value is None:
        raise ValueError(f"secret {name} not in this system's keyring")
    return base64.b64decode(value)

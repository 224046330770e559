"""A real `keyring` backend that keeps its entries in a dict: the keyring code path, end to end,
without touching the keyring of the machine running the tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import keyring.core
from keyring.backend import KeyringBackend

from ocop_desktop.ocoppkg import keyring_store


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Within the block, this process's keyring is a fresh `MemoryKeyring`."""
    backend = MemoryKeyring()
    # not get_keyring(): the first call would choose this very class (a viable backend, once defined)
    previous = keyring.core._keyring_backend
    off = os.environ.pop(keyring_store.OFF_ENV, None)
    keyring.set_keyring(backend)
    keyring_store._backend.cache_clear()
    try:
        yield backend
    finally:
        keyring.core._keyring_backend = previous
        if off is not None:
            os.environ[keyring_store.OFF_ENV] = off
        keyring_store._backend.cache_clear()

"""Dialogs opened without a nested event loop (`open()`), kept by their owner while they show."""

from __future__ import annotations


def forget(owner: object, attr: str, dialog: object) -> None:
    """`owner.<attr>` stops pointing at a dialog that was closed (and is being deleted)."""
    if getattr(owner, attr, None) is dialog:
        setattr(owner, attr, None)

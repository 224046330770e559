"""Where packages sit in the mailbox bucket (docs/mailbox.md):

- what an office sends to its province: `inbox/<province-office>/<sender-office>/<package-id>.ocoppkg`;
- what the province sends to one office: `outbox/<office>/<package-id>.ocoppkg`, and to every office of
  the province (a reference pack for all communes): `outbox/all/<package-id>.ocoppkg`.

Keys hold ids only (UUIDs): no names, nothing personal, nothing a person types."""

from __future__ import annotations

SUFFIX = ".ocoppkg"
EVERYONE = "all"


def inbox_key(province_office_id: str, sender_office_id: str, package_id: str) -> str:
    return f"inbox/{province_office_id}/{sender_office_id}/{package_id}{SUFFIX}"


def outbox_key(recipient_office_id: str | None, package_id: str) -> str:
    return f"outbox/{recipient_office_id or EVERYONE}/{package_id}{SUFFIX}"


def fetch_prefixes(office_id: str, role: str = "commune") -> tuple[str, ...]:
    """What an office (not the province) collects: its own prefix, and a commune the one for every
    commune (an evaluator laptop is never the recipient of a pack to all communes)."""
    own = f"outbox/{office_id}/"
    return (own, f"outbox/{EVERYONE}/") if role == "commune" else (own,)


def province_prefix(province_office_id: str) -> str:
    return f"inbox/{province_office_id}/"


def package_id_of(key: str) -> str | None:
    """The package id a key names, or None for anything else in the bucket."""
    name = key.rsplit("/", 1)[-1]
    if not name.endswith(SUFFIX):
        return None
    stem = name[: -len(SUFFIX)]
    return stem if len(stem) == 36 and stem.count("-") == 4 else None


def deletable(key: str) -> bool:
    """Whether the office that fetched `key` may tidy it once imported: what was addressed to it alone
    (the province's inbox, an office's own outbox), never the packs to every commune."""
    return key.startswith("inbox/") or (
        key.startswith("outbox/") and not key.startswith(f"outbox/{EVERYONE}/")
    )

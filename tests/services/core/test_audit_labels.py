"""The change log names every audited table in Vietnamese (no raw table name like `five_star_review`)."""

from __future__ import annotations

from ocop_desktop.services.core.audit import TABLE_LABELS
from ocop_desktop.store.audit.canonical import audited_tables


def test_every_audited_table_has_a_label() -> None:
    missing = sorted(set(audited_tables()) - set(TABLE_LABELS))
    assert not missing, missing

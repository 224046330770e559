"""The audit log (docs/officers-and-audit.md): recorded at every flush, chained, verifiable."""

from ocop_desktop.store.audit.canonical import audited_tables, is_audited
from ocop_desktop.store.audit.recorder import ACTOR_OFFICER_NAME, AUDIT, audited_execute, record_change
from ocop_desktop.store.audit.seal import mark_pending, record_bulk_inserts, seal_if_pending
from ocop_desktop.store.audit.verify import Problem, VerifyReport, verify

__all__ = [
    "ACTOR_OFFICER_NAME",
    "AUDIT",
    "Problem",
    "VerifyReport",
    "audited_execute",
    "audited_tables",
    "is_audited",
    "mark_pending",
    "record_bulk_inserts",
    "record_change",
    "seal_if_pending",
    "verify",
]

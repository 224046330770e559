"""How the window names this installation's role (the summary itself is read by `ops.office_summary`)."""

from __future__ import annotations

from ocop_desktop.services.core.office import OfficeSummaryData
from ocop_desktop.services.core.setup import Role
from ocop_desktop.ui.kit.domain_labels import label_text


def role_label(summary: OfficeSummaryData) -> str:
    return label_text(Role(summary.role).label)

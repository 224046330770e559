"""Fixtures of the printing tests. The PDF checks themselves (structure, fonts, text, QR codes) are
plain functions in `tests/helpers/pdf.py`, shared with any test that reads a PDF back."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def ruleset():  # type: ignore[no-untyped-def]
    from ocop_desktop.services.core.rules import RuleService

    return RuleService().get("qd26-2026")

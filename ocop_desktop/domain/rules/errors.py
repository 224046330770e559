"""Errors of the rule-set and scoring code. Both are things a person can act on: a rule file
that must be replaced, or an answer sheet that must be corrected."""

from __future__ import annotations

from ocop_desktop.domain.errors import UserError


class RuleSetError(UserError):
    """A rule-set file is missing, malformed or tampered with, or no rule set fits a request."""


class ScoringError(UserError):
    """The answers do not fit the sheet. The offending criterion codes are kept in lists so
    that a form can highlight them."""

    def __init__(
        self,
        message: str,
        *,
        missing: tuple[str, ...] = (),
        unknown: tuple[str, ...] = (),
        out_of_range: tuple[str, ...] = (),
        mixed_cases: tuple[str, ...] = (),
        detail: str = "",
    ) -> None:
        super().__init__(message, detail=detail)
        self.missing = missing
        self.unknown = unknown
        self.out_of_range = out_of_range
        self.mixed_cases = mixed_cases  # criteria answered in different alternative cases

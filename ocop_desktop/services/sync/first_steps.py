"""The first steps of a new office, per role, and which of them the data shows as done: the office
set up, the other office trusted (a confirmed key), the first record, the first package sent or
received. The help window's checklist reads this; the words are the UI's.

Some steps cannot be seen in the data (a backup copied to a USB stick): they are not listed here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ocop_desktop.ocoppkg.format import Kind
from ocop_desktop.store.models import (
    CouncilMember,
    Dossier,
    EvaluationRound,
    EvaluatorSheet,
    KeyRecord,
    Office,
    Producer,
    ReceivedAssignment,
    RecognitionDecision,
    SyncPackage,
)

if TYPE_CHECKING:
    from ocop_desktop.services.core.context import AppContext

# role -> the step keys in the order an office takes them
STEPS: dict[str, tuple[str, ...]] = {
    "commune": (
        "office",
        "enrollment_sent",
        "province_trusted",
        "first_producer",
        "first_dossier",
        "first_submission_sent",
        "first_results_received",
    ),
    "province": (
        "office",
        "commune_trusted",
        "first_submission_received",
        "first_round",
        "first_council",
        "first_decision",
        "first_results_sent",
    ),
    "evaluator": (
        "office",
        "enrollment_sent",
        "province_trusted",
        "first_assignment",
        "first_sheet",
        "first_scores_sent",
    ),
}


@dataclass(frozen=True)
class Step:
    key: str
    done: bool


@dataclass(frozen=True)
class FirstSteps:
    role: str  # "" before the office is set up
    steps: tuple[Step, ...]

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)


def first_steps(ctx: AppContext) -> FirstSteps:
    """The checklist of this office's role, each step ticked from the data (one read)."""
    office = ctx.office_or_none()
    if office is None:
        return FirstSteps("", (Step("office", False),))
    with ctx.read() as s:
        return FirstSteps(office.role, tuple(Step(key, _done(s, key)) for key in STEPS[office.role]))


def _any(s: Session, *where: object) -> bool:
    return bool(s.scalar(select(exists().where(*where))))  # type: ignore[arg-type]


def _package(s: Session, direction: str, kind: Kind) -> bool:
    return _any(s, SyncPackage.direction == direction, SyncPackage.kind == kind.value)


def _trusted(s: Session, role: str) -> bool:
    return _any(
        s, KeyRecord.trusted.is_(True), KeyRecord.office_id == Office.id, Office.role == role, ~Office.is_self
    )


def _done(s: Session, key: str) -> bool:  # noqa: PLR0911 - one line per step reads best
    match key:
        case "office":
            return True
        case "enrollment_sent":
            return _package(s, "out", Kind.ENROLLMENT)
        case "province_trusted":
            return _trusted(s, "province")
        case "commune_trusted":
            return _trusted(s, "commune")
        case "first_producer":
            return _any(s, Producer.id.is_not(None))
        case "first_dossier":
            return _any(s, Dossier.id.is_not(None))
        case "first_submission_sent":
            return _package(s, "out", Kind.SUBMISSION)
        case "first_submission_received":
            return _package(s, "in", Kind.SUBMISSION)
        case "first_results_received":
            return _package(s, "in", Kind.RESULTS)
        case "first_results_sent":
            return _package(s, "out", Kind.RESULTS)
        case "first_round":
            return _any(s, EvaluationRound.id.is_not(None))
        case "first_council":
            return _any(s, CouncilMember.id.is_not(None))
        case "first_decision":
            return _any(s, RecognitionDecision.id.is_not(None))
        case "first_assignment":
            return _any(s, ReceivedAssignment.id.is_not(None))
        case "first_sheet":
            return _any(s, EvaluatorSheet.id.is_not(None))
        case "first_scores_sent":
            return _package(s, "out", Kind.EVALUATOR_SCORES)
    raise KeyError(key)

"""The score-sheet editor (issue 3): the official sheet of a product set, scored live by the engine,
reused by the self-assessment (Mẫu 02 Part III) and council scoring."""

from ocop_desktop.ui.scoring.editor import ScoreSheetEditor
from ocop_desktop.ui.scoring.store import (
    AttachmentRef,
    MemoryStore,
    SelfAssessmentStore,
    SheetData,
    SheetEdit,
    SheetStore,
)

__all__ = [
    "AttachmentRef",
    "MemoryStore",
    "ScoreSheetEditor",
    "SelfAssessmentStore",
    "SheetData",
    "SheetEdit",
    "SheetStore",
]

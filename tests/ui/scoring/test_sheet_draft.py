"""`SheetDraft`, the editor's entries between two saves, without Qt: a fresh copy of what the store
returned, changes that say whether they changed anything (and mark the draft unsaved), and the edit
handed back to the store."""

from __future__ import annotations

from helpers.province import sheet_of
from ocop_desktop.ui.scoring.draft import SheetDraft
from ocop_desktop.ui.scoring.store import AttachmentRef, SheetData


def test_a_draft_copies_the_data_and_tracks_what_changed() -> None:
    data = SheetData(
        sheet=sheet_of(),
        answers={"1.1": 0},
        stops=("stop-a",),
        notes={"1.1": "Đã xem"},
        evidence={"1.1": ("a",)},
        revision=3,
        attachments=(AttachmentRef("a", "giay-phep.pdf"),),
        kind="member",
    )
    draft = SheetDraft.of(data, stops_supported=False)
    assert (draft.kind, draft.revision, draft.stops, draft.dirty) == ("member", 3, [], False)
    draft.answers["1.2"] = 1
    assert data.answers == {"1.1": 0}  # a copy: the store's data is never changed

    assert not draft.answer("1.1", 0) and not draft.dirty  # the same answer again changes nothing
    assert draft.answer("1.1", None) and draft.dirty and "1.1" not in draft.answers
    assert draft.set_flag(draft.knockouts, "ko-1", True) and not draft.set_flag(draft.knockouts, "ko-1", True)
    assert draft.set_flag(draft.knockouts, "ko-1", False) and draft.knockouts == []
    assert not draft.cite("1.1", ["a", "a"]) and draft.cite("1.1", ["b", "a", "b"])
    assert draft.evidence["1.1"] == ("b", "a")
    assert draft.evidence_names("1.1", "(tệp đã xóa)") == ["(tệp đã xóa)", "giay-phep.pdf"]
    assert draft.cite("1.1", []) and "1.1" not in draft.evidence
    draft.note("1.2", "   ")
    draft.note("1.1", "")
    assert draft.set_opinion("Đạt.")

    edit = draft.edit()
    assert edit.notes == {} and edit.answers == {"1.2": 1} and edit.opinion == "Đạt."
    draft.saved(4)
    assert (draft.revision, draft.dirty) == (4, False)

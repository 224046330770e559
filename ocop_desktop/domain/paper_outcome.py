"""A province's outcome that reached the commune on paper (a letter returning the dossier, an
acceptance, a recognition decision) instead of in a results package.

The commune records it so that its own work can go on (a returned dossier can be reopened): which
document, of what date, who signed it, and how the paper came. It is the commune's note of what it
received, never the province's act: it stays on the commune's machine (docs/sync-package.md §6,
"Paper outcomes"), and the results package, when it comes, still applies by the usual rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ocop_desktop.domain.dossiers import Action
from ocop_desktop.domain.text import nfc, nfc_multiline

NUMBER_MAX, SIGNER_MAX, SOURCE_MAX, CONTENT_MAX = 60, 150, 150, 2000

# What the officer reads in the history for each outcome recorded from paper.
PAPER_LABELS = {
    Action.ACCEPT: "Ghi nhận: tỉnh đã tiếp nhận (theo văn bản giấy)",
    Action.RETURN: "Ghi nhận: tỉnh trả lại (theo văn bản giấy)",
    Action.DECIDE: "Ghi nhận: tỉnh đã có quyết định (theo văn bản giấy)",
}


@dataclass(frozen=True)
class PaperDocument:
    number: str  # the document's number, e.g. "125/SNNMT-PTNT"
    signed_on: date | None  # its date
    signer: str  # who signed it (name, title)
    received_via: str  # how the paper came: post, by hand at the province's office, a scan by e-mail…
    content: str  # the reasons of a return; a summary otherwise

    def cleaned(self) -> PaperDocument:
        return PaperDocument(
            nfc(self.number).strip(),
            self.signed_on,
            nfc(self.signer).strip(),
            nfc(self.received_via).strip(),
            nfc_multiline(self.content).strip(),
        )


def paper_problems(outcome: Action, doc: PaperDocument, today: date) -> dict[str, str]:
    """What keeps `doc` from being recorded as the province's `outcome`, by field; empty when fine."""
    problems: dict[str, str] = {}
    required = (
        ("number", doc.number, NUMBER_MAX, "Cần ghi số văn bản của tỉnh."),
        ("signer", doc.signer, SIGNER_MAX, "Cần ghi người ký văn bản."),
        ("received_via", doc.received_via, SOURCE_MAX, "Cần ghi văn bản đến xã bằng cách nào."),
    )
    for key, value, limit, missing in required:
        if not value:
            problems[key] = missing
        elif len(value) > limit:
            problems[key] = f"Tối đa {limit} ký tự."
    if doc.signed_on is None:
        problems["signed_on"] = "Cần ghi ngày của văn bản (dd/mm/yyyy)."
    elif doc.signed_on > today:
        problems["signed_on"] = f"Ngày văn bản {doc.signed_on:%d/%m/%Y} ở tương lai."
    if outcome is Action.RETURN and not doc.content:
        problems["content"] = "Cần ghi lý do tỉnh trả lại, như trong văn bản."
    elif len(doc.content) > CONTENT_MAX:
        problems["content"] = f"Tối đa {CONTENT_MAX} ký tự."
    return problems


def paper_note(doc: PaperDocument) -> str:
    """The history note of an outcome recorded from paper: it names the document and its way here."""
    assert doc.signed_on is not None
    note = (
        f"Theo văn bản giấy số {doc.number} ngày {doc.signed_on:%d/%m/%Y}, người ký: {doc.signer}; "
        f"nhận qua: {doc.received_via}. Xã ghi nhận, không qua gói kết quả của tỉnh."
    )
    return f"{note}\n{doc.content}" if doc.content else note

"""No Vietnamese left in English mode: the domain's labels (statuses, registration types, steps,
producer kinds, council modes…) are shown through `label_text`, whose table knows every one of
them; the English translation file translates them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ocop_desktop.domain import (
    certificate_state,
    checklist,
    deadlines,
    dossiers,
    paper_outcome,
    producers,
    province,
)
from ocop_desktop.domain.dossiers import RegistrationType, Status
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.setup import Role
from ocop_desktop.ui.kit.domain_labels import LABELS, label_text
from ocop_desktop.ui.kit.i18n import install_language
from ocop_desktop.ui.shell.app import build_main_window

ENUMS = (
    dossiers.RegistrationType,
    dossiers.Status,
    dossiers.Action,
    producers.ProducerKind,
    province.EntryStatus,
    province.CouncilMode,
    province.MemberRole,
    province.NoteKind,
    checklist.Requirement,
    checklist.ItemStatus,
    deadlines.Urgency,
    certificate_state.CertificateState,
    Role,
)


@pytest.fixture
def english() -> Iterator[None]:
    assert install_language("en") == "en"
    yield
    install_language("vi")


def test_the_table_knows_every_domain_label() -> None:
    labels = {member.label for enum in ENUMS for member in enum}
    labels |= set(paper_outcome.PAPER_LABELS.values())
    assert labels <= set(LABELS), labels - set(LABELS)


@pytest.mark.usefixtures("english")
def test_english_mode_shows_statuses_and_types_in_english() -> None:
    assert label_text(Status.SENT.label) == "Sent to the province"
    assert label_text(RegistrationType.FIRST.label) == "First evaluation"
    for label in LABELS:
        assert label_text(label) != label, label  # every label has its English


def test_vietnamese_mode_shows_them_as_they_are() -> None:
    install_language("vi")
    assert label_text(Status.SENT.label) == "Đã gửi tỉnh"


def test_dossier_status_filter_follows_the_language(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    page = window.show_page("dossiers")
    assert page.status_filter.itemText(1) == "Đang soạn"
    install_language("en")
    try:
        qtbot.waitUntil(lambda: page.status_filter.itemText(1) == "Draft")
        assert page.status_filter.itemText(5) == "Sent to the province"
    finally:
        install_language("vi")
    qtbot.waitUntil(lambda: page.status_filter.itemText(1) == "Đang soạn")


def test_the_wizard_names_the_roles_in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.shell.first_run import RolePage

    install_language("en")
    try:
        page = RolePage()
        qtbot.addWidget(page)
        names = [b.text() for b in page.group.buttons() if b is not page.server]
        assert names == [label_text(role.label) for role in Role]
        assert all(name != role.label for name, role in zip(names, Role, strict=True))  # not the Vietnamese
    finally:
        install_language("vi")


def test_dialog_choices_name_the_domain_in_english(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Council roles, producer kinds, note kinds and issuing levels offered in the dialogs' lists (found
    in Vietnamese by the English dialog sweep)."""
    from ocop_desktop.ui.province.dialogs import MemberDialog
    from ocop_desktop.ui.registry.producer_dialog import ProducerDialog

    install_language("en")
    try:
        member, producer = MemberDialog(), ProducerDialog(ctx)
        for dialog in (member, producer):
            qtbot.addWidget(dialog)
        roles = [member.role.itemText(i) for i in range(member.role.count())]
        kinds = [producer.kind.itemText(i) for i in range(producer.kind.count())]
        assert roles == [label_text(r.label) for r in province.MemberRole]
        assert kinds == [label_text(k.label) for k in producers.ProducerKind]
        assert "Thành viên" not in roles and all(
            k != v.label for k, v in zip(kinds, producers.ProducerKind, strict=True)
        )
    finally:
        install_language("vi")


def test_the_export_dialog_names_statuses_and_sync_states_in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.sync.export_dialog import ExportDialog
    from ocop_desktop.ui.sync.jobs import Candidate

    install_language("en")
    try:
        checked = Status.COMMUNE_CHECKED.label
        dialog = ExportDialog(
            "commune", [Candidate("d1", "Cà phê", "HTX", checked, "Chưa gửi", True, state_key="not_sent")]
        )
        qtbot.addWidget(dialog)
        row = [dialog.model.data(dialog.model.index(0, c)) for c in range(4)]
        assert row[2] == label_text(checked) != checked and row[3] == "Not sent"
    finally:
        install_language("vi")

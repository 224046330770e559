"""Who owns what in evaluator packages (docs/sync-package.md §6): a laptop's scores write only its
member's sheets of the assignment it received; an assignment never replaces one another office
sent; a laptop cannot send dossiers as a commune. Hostile packages are real exports edited and
signed again with the sender's real key; each is refused with nothing changed."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from helpers.evaluator import Offices, enroll, score_assigned
from helpers.ownership import A_UNIT, refused
from helpers.package_surgery import edit_json_entries, resign
from helpers.province import answers_for, sent_dossier, sheet_of
from helpers.sync import TODAY, link, open_installation, ready_dossier
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.rounds import RoundService
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Dossier, Office
from ocop_desktop.store.models.evaluator import ReceivedAssignment


def _scored(o: Offices) -> bytes:
    """TV1's laptop: enrolled, assignment imported, both dossiers scored; its genuine scores package."""
    enroll(o, "TV1")
    province = ProvinceEvaluatorPackages(o.province)
    out = province.export_assignment(o.round_id, "TV1", o.folder / "assignment.ocoppkg")
    EvaluatorPackages(o.evaluator).import_assignment(
        out.path, confirm_fingerprint=PackageService(o.province).own_keys().signing.readable
    )
    score_assigned(o, [95, 75])
    return EvaluatorPackages(o.evaluator).export_scores(o.folder / "scores.ocoppkg").path.read_bytes()


def _scores_with(o: Offices, package: bytes, name: str, change: Callable[[dict[str, Any]], None]) -> Path:
    def edit(entry: str, doc: Any) -> tuple[str, Any] | None:
        change(doc)
        return entry, doc

    recipient = KeyStore(o.province.paths.keys_dir).encryption_key()
    signer = KeyStore(o.evaluator.paths.keys_dir).signing_key()
    path = o.folder / name
    path.write_bytes(edit_json_entries(package, signer, recipient, edit))
    return path


def test_scores_write_only_the_members_sheets_of_its_assignment(offices: Offices) -> None:
    o = offices
    package = _scored(o)
    # a dossier put into the round after the assignment was sent: not the laptop's to score
    late = sent_dossier(o.province, "Cà phê Ba Sao")
    InboxService(o.province, today=TODAY).accept(late)
    RoundService(o.province, today=TODAY).assign(o.round_id, [late])
    with o.province.read() as s:
        pin = s.get(Dossier, late).ruleset_hash  # type: ignore[union-attr]

    def extra_sheet(payload: dict[str, Any]) -> None:
        sheet = {**payload["sheets"][0], "dossier_id": late, "ruleset_hash": pin}
        sheet["answers"] = answers_for(sheet_of(), 90, keep_floors=5)
        payload["sheets"].append(sheet)

    path = _scores_with(o, package, "late.ocoppkg", extra_sheet)
    refused(o.province, path, "not_assigned", "phiếu thứ 3", late[:8], "Cà phê Ba Sao", "TV1")

    # sheets claimed for TV2 from TV1's laptop (a laptop is linked to one member of a round: moving it
    # takes the explicit key-change path, test_sync_identity_evaluator.py): TV1's assignment gives none
    path = _scores_with(o, package, "tv2.ocoppkg", lambda p: p.update(member_id=o.members[1]))
    refused(o.province, path, "not_linked", "không phải khóa đã ghi danh cho thành viên")

    unknown = _scores_with(o, package, "nothing.ocoppkg", lambda p: p.update(assignment_package_id=_uuid()))
    refused(o.province, unknown, "not_assigned", "không dựa trên gói phân công")

    path = o.folder / "genuine.ocoppkg"
    path.write_bytes(package)
    assert [
        d.outcome for d in ProvinceEvaluatorPackages(o.province).import_scores(path).preview.dossiers
    ] == ["new", "new"]


def test_an_assignment_never_replaces_one_another_office_sent(offices: Offices) -> None:
    """The laptop holds TV1's assignment from an office it knew before (an earlier installation of the
    province, say): a package of the province it trusts now does not overwrite it."""
    o = offices
    _scored(o)
    earlier = _uuid()
    with o.evaluator.unit_of_work() as s:
        s.add(Office(id=earlier, role="province", unit_code="01", name="Sở NN&MT (máy cũ)"))
        s.flush()
        s.scalars(select(ReceivedAssignment)).one().province_office_id = earlier
    again = ProvinceEvaluatorPackages(o.province).export_assignment(
        o.round_id, "TV1", o.folder / "a2.ocoppkg"
    )
    refused(o.evaluator, again.path, "not_owner", "Đợt 2/2026", "TV1", "cơ quan khác")


def _uuid() -> str:
    return str(uuid.uuid4())


def test_an_evaluator_laptop_cannot_send_dossiers_as_a_commune(
    offices: Offices, tmp_path: Path, _template_dir: Path
) -> None:
    """The laptop's key is trusted at the province; a submission it signs while its manifest says
    "commune" is refused by the role the province recorded for that key."""
    o = offices
    enroll(o, "TV1")
    commune = open_installation(tmp_path / "c", _template_dir, "commune", A_UNIT, "Phạm Văn Cường")
    o.others.append(commune)
    link(commune, o.province, o.folder)
    ready_dossier(commune, tmp_path / "scans", commune=A_UNIT, producer="HTX Cửa Nam", product="Trà sen")
    sent = PackageService(commune).export_dossiers(tmp_path / "s.ocoppkg", pending=True).path.read_bytes()
    laptop = PackageService(o.evaluator).own_keys()

    def as_laptop(m: dict[str, Any]) -> None:
        m["sender"].update(office_id=laptop.office_id, signing_key=laptop.signing.fingerprint)

    path = o.folder / "from-laptop.ocoppkg"
    path.write_bytes(resign(sent, KeyStore(o.evaluator.paths.keys_dir).signing_key(), as_laptop))
    refused(o.province, path, "not_owner", "chỉ UBND cấp xã")

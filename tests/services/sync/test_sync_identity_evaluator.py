"""Identities that cannot be taken over, evaluator side (issue 19, docs/sync-package.md §5 and
§13): an evaluator laptop's enrollment cannot take over the link of another laptop or of another
member without the explicit key-change path, and a province presenting another key in an
assignment is a key change at the laptop too. Every refusal changes nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from helpers.evaluator import Offices, enroll, other_evaluator
from helpers.identity import readable, refused, trusted_keys
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.sync.evaluator_laptop import EvaluatorPackages
from ocop_desktop.services.sync.evaluator_province import ProvinceEvaluatorPackages
from ocop_desktop.store.models import SyncPackage
from ocop_desktop.store.models.evaluator import EvaluatorLink


def linked(o: Offices) -> dict[str, str]:
    """member label → the laptop's office id."""
    return {r.member_label: r.office_id for r in ProvinceEvaluatorPackages(o.province).links(o.round_id)}


def test_a_second_laptop_takes_over_a_members_link_only_through_the_explicit_path(
    offices: Offices, tmp_path: Path, _template_dir: Path
) -> None:
    o = offices
    enroll(o, "TV1")
    first, second = o.evaluator, other_evaluator(o, tmp_path, _template_dir, "Lê Văn Công")
    pack = EvaluatorPackages(second).export_enrollment(o.folder / "second.ocoppkg").path
    province = ProvinceEvaluatorPackages(o.province)
    assert province.preview_enrollment(pack).key_change is None  # as a laptop, it is new here
    change = province.preview_enrollment(pack, round_id=o.round_id, member="TV1").key_change
    assert change is not None and change.office_name.startswith("máy chấm điểm của TV1")
    assert (change.old_fingerprint, change.new_fingerprint) == (readable(first), readable(second))
    message = refused(
        "identity_changed",
        lambda: province.import_enrollment(pack, o.round_id, "TV1", confirm_fingerprint=readable(second)),
        o.province,
    )
    assert readable(first) in message and "TV1" in message
    refused(
        "key_change_mismatch",
        lambda: province.import_enrollment(
            pack, o.round_id, "TV1", confirm_fingerprint=readable(second), confirm_key_change=readable(second)
        ),
        o.province,
    )
    refused(
        "fingerprint_unconfirmed",
        lambda: province.import_enrollment(pack, o.round_id, "TV1", confirm_key_change=readable(first)),
        o.province,
    )
    assert linked(o) == {"TV1": first.office().id}
    province.import_enrollment(
        pack, o.round_id, "TV1", confirm_fingerprint=readable(second), confirm_key_change=readable(first)
    )
    assert linked(o) == {"TV1": second.office().id}


def test_a_laptop_of_another_member_moves_only_through_the_explicit_path(offices: Offices) -> None:
    o = offices
    enroll(o, "TV1")
    laptop, fp = o.evaluator, readable(o.evaluator)
    pack = EvaluatorPackages(laptop).export_enrollment(o.folder / "again.ocoppkg").path
    province = ProvinceEvaluatorPackages(o.province)
    change = province.preview_enrollment(pack, round_id=o.round_id, member="TV2").key_change
    assert change is not None and change.old_fingerprint == change.new_fingerprint == fp
    assert "thôi chấm cho TV1" in change.differences[0]
    refused(
        "identity_changed",
        lambda: province.import_enrollment(pack, o.round_id, "TV2", confirm_fingerprint=fp),
        o.province,
    )
    refused("identity_changed", lambda: province.link(o.round_id, "TV3", laptop.office().id), o.province)
    assert linked(o) == {"TV1": laptop.office().id}
    province.import_enrollment(pack, o.round_id, "TV2", confirm_fingerprint=fp, confirm_key_change=fp)
    assert linked(o) == {"TV2": laptop.office().id}  # moved: it no longer speaks for TV1
    with o.province.read() as s:
        assert s.scalars(select(EvaluatorLink)).all()[0].linked_by_officer_id == o.province.officer_id
    # the same link again is no change at all
    province.link(o.round_id, "TV2", laptop.office().id)


def test_a_province_presenting_another_key_in_an_assignment_is_a_key_change(offices: Offices) -> None:
    o = offices
    enroll(o, "TV1")
    province, laptop = ProvinceEvaluatorPackages(o.province), EvaluatorPackages(o.evaluator)
    old = readable(o.province)
    first = province.export_assignment(o.round_id, "TV1", o.folder / "a1.ocoppkg").path
    assert laptop.import_assignment(first, confirm_fingerprint=old).applied
    old_keys = set(trusted_keys(o.evaluator, o.province.office().id))
    for path in o.province.paths.keys_dir.iterdir():  # the province's PC was replaced
        path.unlink()
    KeyStore(o.province.paths.keys_dir).create_signing_key()
    new = readable(o.province)
    exported = province.export_assignment(o.round_id, "TV1", o.folder / "a2.ocoppkg")
    second = exported.path
    change = laptop.preview_assignment(second).key_change
    assert change is not None and (change.old_fingerprint, change.new_fingerprint) == (old, new)
    refused(
        "identity_changed", lambda: laptop.import_assignment(second, confirm_fingerprint=new), o.evaluator
    )
    refused(
        "key_change_mismatch",
        lambda: laptop.import_assignment(second, confirm_fingerprint=new, confirm_key_change=new),
        o.evaluator,
    )
    assert laptop.import_assignment(second, confirm_fingerprint=new, confirm_key_change=old).applied
    keys = trusted_keys(o.evaluator, o.province.office().id)
    assert all(not keys[fp].trusted and keys[fp].retired_at is not None for fp in old_keys)
    assert all(keys[fp].retired_by_package_id == exported.package_id for fp in old_keys)
    with o.evaluator.read() as s:
        row = s.get(SyncPackage, exported.package_id)
        assert row is not None and row.outcomes["key_change"]["new_fingerprint"] == new

"""Identities that cannot be taken over (issue 19, docs/sync-package.md §5): an enrollment or
reference pack reusing a known office id with another key, name, unit or role is refused and
changes nothing (database, blob store, data folder); a legitimate key change (a lost PC, a renamed
commune) goes only through the explicit path and keeps the replaced key, retired; the first
enrollment of a new office is as before."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers.identity import claiming, readable, refused, signing_key, trusted_keys
from helpers.package_surgery import entries, resign
from helpers.sync import Pair, open_installation, ready_dossier
from ocop_desktop.ocoppkg import format as fmt
from ocop_desktop.ocoppkg.errors import PackageRefused
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Office, SyncPackage

B = "UBND Phường Hoàn Kiếm"  # the pair's commune: the office whose id is reused


@pytest.fixture
def rogue(pair: Pair, _template_dir: Path) -> Iterator[Callable[[str, str], AppContext]]:
    """Other installations of the attacker: `rogue(role, unit)` (any unit of the province passes
    the hierarchy check, so only the identity rule stands in the way)."""
    made: list[AppContext] = []

    def make(role: str, unit: str) -> AppContext:
        ctx = open_installation(
            pair.folder.parent / f"rogue-{len(made)}", _template_dir, role, unit, "Kẻ Gian"
        )
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


def genuine_dossier_still_imports(pair: Pair, files: Path, name: str) -> None:
    ready_dossier(pair.commune, files)
    sent = PackageService(pair.commune).export_dossiers(pair.send(name), pending=True)
    result = PackageService(pair.province).import_package(sent.path)
    assert result.applied and {d.outcome for d in result.preview.dossiers} == {"new"}


# -- the take-over of the issue ------------------------------------------------------------------
@pytest.mark.parametrize("changes", [{}, {"name": "UBND Phường Hoàn Kiếm (mới)"}], ids=["key", "key+name"])
def test_an_enrollment_reusing_a_known_office_id_cannot_take_it_over(
    pair: Pair, rogue: Callable[[str, str], AppContext], tmp_path: Path, changes: dict[str, str]
) -> None:
    attacker = rogue("commune", "00004")
    own = PackageService(attacker).export_enrollment(tmp_path / "own.ocoppkg").path
    pack = claiming(own, signing_key(attacker), pair.commune, tmp_path / "takeover.ocoppkg", **changes)
    province = PackageService(pair.province)
    # shown as a key change of B, never as a new office
    preview = province.preview(pack)
    change = preview.key_change
    assert change is not None and preview.needs_confirmation
    assert (change.office_id, change.office_name) == (pair.commune.office().id, B)
    assert (change.old_fingerprint, change.new_fingerprint) == (readable(pair.commune), readable(attacker))
    assert any(d.startswith("khóa ký") for d in change.differences)
    assert any(d.startswith("tên") for d in change.differences) == bool(changes)
    # the ordinary confirmation of a new office (the attacker reads out its own fingerprint): refused
    message = refused(
        "identity_changed",
        lambda: province.import_package(pack, confirm_fingerprint=readable(attacker)),
        pair.province,
    )
    assert B in message and readable(pair.commune) in message and readable(attacker) in message
    # an acknowledgement that is not B's trusted fingerprint: refused, at the dry run already
    for call in (province.preview, province.import_package):
        refused(
            "key_change_mismatch",
            lambda call=call: call(  # type: ignore[misc]
                pack, confirm_fingerprint=readable(attacker), confirm_key_change=readable(attacker)
            ),
            pair.province,
        )
    with pair.province.read() as s:
        assert s.get(Office, pair.commune.office().id).name == B  # type: ignore[union-attr]
    genuine_dossier_still_imports(pair, tmp_path / "scans", "genuine.ocoppkg")


@pytest.mark.parametrize(
    "changes",
    [{"unit_code": "00004"}, {"role": "province"}, {"role": "evaluator"}],
    ids=["unit", "role", "laptop"],
)
def test_a_known_office_id_under_another_unit_or_role_is_always_refused(
    pair: Pair, rogue: Callable[[str, str], AppContext], tmp_path: Path, changes: dict[str, str]
) -> None:
    attacker = rogue("commune", "00004")
    own = PackageService(attacker).export_enrollment(tmp_path / "own.ocoppkg").path
    pack = claiming(own, signing_key(attacker), pair.commune, tmp_path / "takeover.ocoppkg", **changes)
    province = PackageService(pair.province)
    explicit = {"confirm_fingerprint": readable(attacker), "confirm_key_change": readable(pair.commune)}
    for call in (province.preview, province.verify, province.import_package):
        message = refused("identity_changed", lambda call=call: call(pack, **explicit), pair.province)  # type: ignore[misc]
        assert B in message and "→" in message
    genuine_dossier_still_imports(pair, tmp_path / "scans", "genuine.ocoppkg")


def test_a_reference_pack_claiming_the_province_id_with_another_key_is_refused(
    pair: Pair, rogue: Callable[[str, str], AppContext], tmp_path: Path
) -> None:
    attacker = rogue("province", "01")
    own = PackageService(attacker).export_reference(tmp_path / "own.ocoppkg").path
    pack = claiming(own, signing_key(attacker), pair.province, tmp_path / "takeover.ocoppkg")
    commune = PackageService(pair.commune)
    change = commune.preview(pack).key_change
    assert change is not None and change.old_fingerprint == readable(pair.province)
    message = refused(
        "identity_changed",
        lambda: commune.import_package(pack, confirm_fingerprint=readable(attacker)),
        pair.commune,
    )
    assert pair.province.office().name in message
    # the province's genuine packages still import, checked with its trusted key
    ref = PackageService(pair.province).export_reference(pair.send("reference-2.ocoppkg"))
    result = commune.import_package(ref.path)
    assert result.applied and result.preview.key_change is None and not result.preview.needs_confirmation


def test_a_key_of_another_office_is_refused(
    pair: Pair, rogue: Callable[[str, str], AppContext], tmp_path: Path
) -> None:
    """A new office id carrying B's public encryption key (public, so anyone can copy it)."""
    attacker = rogue("commune", "00004")
    own = PackageService(attacker).export_enrollment(tmp_path / "own.ocoppkg").path
    theirs = PackageService(pair.commune).own_keys().encryption

    def borrow(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        doc = json.loads(dict(items)[fmt.PAYLOAD])
        b_key = json.loads(dict(_enrollment_items(pair, tmp_path))[fmt.PAYLOAD])["keys"]
        doc["keys"] = [k for k in doc["keys"] if k["purpose"] == "signing"] + [
            k for k in b_key if k["fingerprint"] == theirs.fingerprint
        ]
        return [(n, json.dumps(doc).encode() if n == fmt.PAYLOAD else d) for n, d in items]

    pack = tmp_path / "borrowed.ocoppkg"
    pack.write_bytes(resign(own.read_bytes(), signing_key(attacker), files=borrow, relist=True))
    message = refused(
        "identity_changed",
        lambda: PackageService(pair.province).import_package(pack, confirm_fingerprint=readable(attacker)),
        pair.province,
    )
    assert B in message


def _enrollment_items(pair: Pair, tmp_path: Path) -> list[tuple[str, bytes]]:
    return entries(PackageService(pair.commune).export_enrollment(tmp_path / "b.ocoppkg").path.read_bytes())


# -- the legitimate changes ----------------------------------------------------------------------
def test_a_replaced_key_goes_only_through_the_explicit_path_and_the_old_one_is_retired(
    pair: Pair, tmp_path: Path
) -> None:
    commune, province = PackageService(pair.commune), PackageService(pair.province)
    b_id, old = pair.commune.office().id, readable(pair.commune)
    old_keys = set(trusted_keys(pair.province, b_id))
    ready_dossier(pair.commune, tmp_path / "scans")
    signed_before = commune.export_dossiers(pair.send("old-key.ocoppkg"), pending=True).path
    old_enrollment = commune.export_enrollment(pair.send("old-enrollment.ocoppkg")).path
    for path in pair.commune.paths.keys_dir.iterdir():  # the PC was lost: a new installation of keys
        path.unlink()
    KeyStore(pair.commune.paths.keys_dir).create_signing_key()
    new = readable(pair.commune)
    enrollment = commune.export_enrollment(pair.send("new-enrollment.ocoppkg"))
    change = province.preview(enrollment.path).key_change
    assert change is not None and (change.office_name, change.old_fingerprint, change.new_fingerprint) == (
        B,
        old,
        new,
    )
    refused(
        "identity_changed",
        lambda: province.import_package(enrollment.path, confirm_fingerprint=new),
        pair.province,
    )
    refused(
        "fingerprint_unconfirmed",
        lambda: province.import_package(enrollment.path, confirm_key_change=old),
        pair.province,
    )
    refused(
        "fingerprint_mismatch",
        lambda: province.import_package(enrollment.path, confirm_fingerprint=old, confirm_key_change=old),
        pair.province,
    )
    result = province.import_package(
        enrollment.path, confirm_fingerprint=new, confirm_key_change=old.replace(" ", ".")
    )
    assert result.applied and result.preview.key_change == change
    keys = trusted_keys(pair.province, b_id)
    assert {fp for fp, k in keys.items() if k.trusted} == {
        commune.own_keys().signing.fingerprint,
        commune.own_keys().encryption.fingerprint,
    }
    for fp in old_keys:  # kept, retired: when, by whom, by which package
        k = keys[fp]
        assert not k.trusted and k.retired_at is not None
        assert (k.retired_by_officer_id, k.retired_by_package_id) == (
            pair.province.officer_id,
            enrollment.package_id,
        )
    with pair.province.read() as s:
        row = s.get(SyncPackage, enrollment.package_id)
        assert row is not None and row.outcomes["key_change"]["old_fingerprint"] == old
    # the old key is never trusted again, the new one works
    refused("unknown_sender", lambda: province.import_package(signed_before), pair.province)
    refused(
        "key_retired",
        lambda: province.import_package(old_enrollment, confirm_fingerprint=old, confirm_key_change=new),
        pair.province,
    )
    genuine_dossier_still_imports(pair, tmp_path / "scans-2", "new-key.ocoppkg")


def test_a_renamed_commune_is_confirmed_as_a_key_change_with_the_same_key(pair: Pair) -> None:
    with pair.commune.unit_of_work() as s:
        s.get(Office, pair.commune.office().id).name = "UBND Phường Hoàn Kiếm mới"  # type: ignore[union-attr]
    pair.commune.forget_office()  # no rename command yet: the commune's own row, changed directly
    fp = readable(pair.commune)
    enrollment = PackageService(pair.commune).export_enrollment(pair.send("renamed.ocoppkg")).path
    province = PackageService(pair.province)
    change = province.preview(enrollment).key_change
    assert change is not None and change.old_fingerprint == change.new_fingerprint == fp
    assert change.differences == ("tên: “UBND Phường Hoàn Kiếm” → “UBND Phường Hoàn Kiếm mới”",)
    refused(
        "identity_changed", lambda: province.import_package(enrollment, confirm_fingerprint=fp), pair.province
    )
    assert province.import_package(enrollment, confirm_fingerprint=fp, confirm_key_change=fp).applied
    with pair.province.read() as s:
        assert s.get(Office, pair.commune.office().id).name == "UBND Phường Hoàn Kiếm mới"  # type: ignore[union-attr]
    assert all(
        k.trusted and k.retired_at is None
        for k in trusted_keys(pair.province, pair.commune.office().id).values()
    )


def test_the_first_enrollment_of_a_new_office_is_as_before(
    pair: Pair, rogue: Callable[[str, str], AppContext], tmp_path: Path
) -> None:
    newcomer = rogue("commune", "00004")
    pack = PackageService(newcomer).export_enrollment(tmp_path / "new.ocoppkg").path
    province = PackageService(pair.province)
    preview = province.preview(pack)
    assert preview.needs_confirmation and preview.key_change is None
    assert preview.fingerprint_to_confirm == readable(newcomer)
    refused("fingerprint_unconfirmed", lambda: province.import_package(pack), pair.province)
    result = province.import_package(pack, confirm_fingerprint=readable(newcomer))
    assert result.applied and result.preview.key_change is None
    keys = trusted_keys(pair.province, newcomer.office().id)
    assert len(keys) == 2 and all(k.trusted and k.retired_at is None for k in keys.values())
    # the same office again, same keys and name: nothing to confirm
    again = PackageService(newcomer).export_enrollment(tmp_path / "again.ocoppkg").path
    assert not province.preview(again).needs_confirmation and province.import_package(again).applied


def test_a_new_office_id_for_a_trusted_unit_is_a_key_change_of_the_office_trusted_until_now(
    pair: Pair, rogue: Callable[[str, str], AppContext], tmp_path: Path
) -> None:
    """A commune reinstalled without its backup (a lost PC) gets a new office id: shown as a key
    change of the office trusted for that unit, applied only with the old fingerprint typed; the old
    office's keys then retire, and the new office writes its own dossiers."""
    second = rogue("commune", "00070")  # the pair's commune, on another machine
    pack = PackageService(second).export_enrollment(tmp_path / "second.ocoppkg").path
    province = PackageService(pair.province)
    preview = province.preview(pack)
    change = preview.key_change
    assert change is not None and preview.needs_confirmation
    assert (change.office_id, change.office_name) == (pair.commune.office().id, B)
    assert (change.old_fingerprint, change.new_fingerprint) == (readable(pair.commune), readable(second))
    assert any(d.startswith("mã cơ quan") for d in change.differences)
    message = refused(
        "identity_changed",
        lambda: province.import_package(pack, confirm_fingerprint=readable(second)),
        pair.province,
    )
    assert B in message and readable(pair.commune) in message
    result = province.import_package(
        pack, confirm_fingerprint=readable(second), confirm_key_change=readable(pair.commune)
    )
    assert result.applied and result.preview.key_change == change
    old = trusted_keys(pair.province, pair.commune.office().id)
    assert old and all(not k.trusted and k.retired_at is not None for k in old.values())
    assert all(k.trusted for k in trusted_keys(pair.province, second.office().id).values())
    ready_dossier(pair.commune, tmp_path / "old-scans")  # the lost machine's packages: refused now
    stale = PackageService(pair.commune).export_dossiers(pair.send("old.ocoppkg"), pending=True).path
    with pytest.raises(PackageRefused):
        province.import_package(stale)

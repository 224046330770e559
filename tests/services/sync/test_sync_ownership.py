"""Who owns what (docs/sync-package.md §6): a trusted office writes only its own rows and its own
part. Each hostile package is a real export whose records were edited and signed again with the
sender's real key (and encrypted again to the recipient), as a sender running modified software
would; each is refused in the dry run and in the import, with the database, the blob store and the
data folder exactly as they were. The genuine packages still import."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from helpers.builders import make_product
from helpers.ownership import A_UNIT, B_UNIT, ELSEWHERE, Three, make_three, move_record, refused
from helpers.package_surgery import edit_records
from helpers.sync import TODAY, Pair, ready_dossier
from ocop_desktop.ocoppkg.keys import KeyStore
from ocop_desktop.services.province.inbox import InboxService
from ocop_desktop.services.province.results import ResultService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import Certificate, Dossier, Producer, Product


@pytest.fixture
def three(pair: Pair, tmp_path: Path, _template_dir: Path) -> Iterator[Three]:
    made = make_three(pair, tmp_path, _template_dir)
    yield made
    made.a.close()


def _units(unit: str) -> Callable[[dict[str, Any]], None]:
    def change(rec: dict[str, Any]) -> None:
        rec["data"]["producer"]["commune_code"] = unit
        rec["data"]["product"]["commune_code"] = unit

    return change


def test_a_commune_cannot_speak_for_another_commune(three: Three) -> None:
    """Manifest and records both claim B's unit (and name): the trusted unit of A's key decides."""

    def as_b(m: dict[str, Any]) -> None:
        m["sender"].update(unit_code=B_UNIT, name="UBND Phường Hoàn Kiếm")

    path = three.from_a("as-b.ocoppkg", _units(B_UNIT), as_b)
    message = refused(three.province, path, "not_owner", "Trà sen Cửa Nam", "mã xã 00070", A_UNIT)
    assert "Hồ sơ " in message
    path = three.from_a("records-b.ocoppkg", _units(B_UNIT))  # the manifest left as A's
    refused(three.province, path, "not_owner", "mã xã 00070")


def test_a_commune_cannot_write_a_commune_of_another_province(three: Three) -> None:
    def elsewhere(m: dict[str, Any]) -> None:
        m["sender"].update(unit_code=ELSEWHERE)

    path = three.from_a("elsewhere.ocoppkg", _units(ELSEWHERE), elsewhere)
    refused(three.province, path, "not_owner", f"mã xã {ELSEWHERE}")


def test_reusing_another_communes_product_or_producer_id_is_refused(three: Three) -> None:
    product, producer = three.b_row(Product), three.b_row(Producer)

    def take_product(rec: dict[str, Any]) -> None:
        data = rec["data"]
        data["product"].update(id=product.id, revision=99)  # newer: the old code overwrote B's product
        data["dossier"]["product_id"] = product.id

    refused(three.province, three.from_a("product.ocoppkg", take_product), "not_owner", product.name, B_UNIT)

    def take_producer(rec: dict[str, Any]) -> None:
        data = rec["data"]
        data["producer"].update(id=producer.id, revision=99)
        data["product"]["producer_id"] = producer.id

    refused(three.province, three.from_a("producer.ocoppkg", take_producer), "not_owner", producer.name)


def test_reusing_another_communes_dossier_id_is_refused(three: Three) -> None:
    path = three.from_a("dossier.ocoppkg", lambda rec: move_record(rec, three.b_dossier))
    refused(three.province, path, "not_owner", f"Hồ sơ {three.b_dossier[:8]}", "không phải của xã")


def test_a_row_last_written_by_a_third_office_is_not_overwritten(three: Three) -> None:
    """A product of commune A's unit on the province's machine that commune B wrote last (say, before
    the units were split): A may not overwrite it either."""
    with three.province.unit_of_work() as s:
        b_product = s.get(Product, three.b_row(Product).id)
        assert b_product is not None
        s.add(
            Product(
                id=(taken := str(uuid.uuid4())),
                producer_id=b_product.producer_id,
                name="Trà sen cũ",
                ruleset_id=b_product.ruleset_id,
                product_set=b_product.product_set,
                commune_code=A_UNIT,
                seq=99,
                updated_by_office_id=three.pair.commune.office().id,
            )
        )

    def reuse(rec: dict[str, Any]) -> None:
        rec["data"]["product"].update(id=taken, revision=99)
        rec["data"]["dossier"]["product_id"] = taken

    refused(three.province, three.from_a("third.ocoppkg", reuse), "not_owner", "cơ quan khác ghi lần cuối")


def test_a_commune_sets_only_commune_statuses_and_its_own_part(three: Three) -> None:
    def decided(rec: dict[str, Any]) -> None:
        rec["status"] = "decided"

    refused(three.province, three.from_a("decided.ocoppkg", decided), "not_own_part", "Đã có quyết định")

    def reasons(rec: dict[str, Any]) -> None:
        rec["data"]["dossier"]["return_reasons"] = "Không có gì phải bổ sung."

    refused(three.province, three.from_a("reasons.ocoppkg", reasons), "not_own_part", "return_reasons")

    def certificate(rec: dict[str, Any]) -> None:
        rec["data"]["certificates"] = [_certificate(rec["dossier_id"], rec["data"]["product"]["id"])]

    refused(three.province, three.from_a("cert.ocoppkg", certificate), "not_own_part", "certificates")

    def member_sheet(rec: dict[str, Any]) -> None:
        rec["data"]["self_assessment"].update(kind="member", member_id=str(uuid.uuid4()))

    refused(
        three.province, three.from_a("sheet.ocoppkg", member_sheet), "not_own_part", "thành viên Hội đồng"
    )

    def forged_decision(rec: dict[str, Any]) -> None:
        rec["events"].append(
            {
                "id": str(uuid.uuid4()),
                "dossier_id": rec["dossier_id"],
                "action": "decide",
                "from_status": "accepted",
                "to_status": "decided",
                "at": "2026-11-20T08:00:00",
                "office_id": three.province.office().id,
                "officer_id": None,
                "note": "",
            }
        )

    refused(three.province, three.from_a("event.ocoppkg", forged_decision), "not_own_part", "“decide”")


def _certificate(dossier_id: str, product_id: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "product_id": product_id,
        "dossier_id": dossier_id,
        "stars": 5,
        "total": 95.0,
        "decision_number": "999/QĐ-UBND",
        "decision_date": "2026-11-20",
        "issuing_level": "province",
        "issuer": "UBND Thành phố Hà Nội",
        "valid_until": "2029-11-20",
        "ruleset_id": "ocop-2024",
        "revoked_on": None,
        "revoke_reason": "",
    }


def test_the_genuine_packages_still_import_and_b_is_untouched(three: Three) -> None:
    before = {m: three.b_row(m).revision for m in (Producer, Product, Dossier)}
    path = three.pair.send("a-genuine.ocoppkg")
    path.write_bytes(three.a_package)
    result = PackageService(three.province).import_package(path)
    assert [d.outcome for d in result.preview.dossiers] == ["new"]
    assert {m: three.b_row(m).revision for m in (Producer, Product, Dossier)} == before
    with three.province.read() as s:
        units = {p.commune_code for p in s.scalars(select(Product))}
    assert units == {A_UNIT, B_UNIT}
    # A sends its dossier again: its own rows, last written by A, are A's to send
    dossier_id = result.preview.dossiers[0].dossier_id
    again = PackageService(three.a).export_dossiers(three.pair.send("a2.ocoppkg"), dossier_ids=[dossier_id])
    assert [
        d.outcome for d in PackageService(three.province).import_package(again.path).preview.dossiers
    ] == ["unchanged"]


# -- results at the commune -------------------------------------------------------------------------


@pytest.fixture
def decided(pair: Pair, tmp_path: Path) -> tuple[str, bytes]:
    """B's dossier accepted and decided at the province, and the province's results package for B."""
    dossier_id = ready_dossier(pair.commune, tmp_path / "b")
    PackageService(pair.province).import_package(
        PackageService(pair.commune).export_dossiers(pair.send("s1.ocoppkg"), pending=True).path
    )
    InboxService(pair.province, today=TODAY).accept(dossier_id)
    ResultService(pair.province, today=TODAY).decide_outside_round(
        dossier_id, stars=4, decision_number="123/QĐ-UBND", decision_date=date(2026, 11, 20), total=80
    )
    results = PackageService(pair.province).export_dossiers(pair.send("r1.ocoppkg"), to=B_UNIT, pending=True)
    return dossier_id, results.path.read_bytes()


def _from_province(pair: Pair, package: bytes, name: str, change: Callable[[dict[str, Any]], None]) -> Path:
    recipient = KeyStore(pair.commune.paths.keys_dir).encryption_key()
    signer = KeyStore(pair.province.paths.keys_dir).signing_key()
    path = pair.send(name)
    path.write_bytes(edit_records(package, signer, recipient, change))
    return path


def test_results_write_only_the_province_part(pair: Pair, decided: tuple[str, bytes]) -> None:
    dossier_id, package = decided
    other = make_product(pair.commune, producer="HTX Khác", product="Sản phẩm chưa đánh giá")

    def rename(rec: dict[str, Any]) -> None:
        rec["data"]["product"] = {"id": str(uuid.uuid4()), "name": "Tên do tỉnh đặt", "commune_code": B_UNIT}

    refused(pair.commune, _from_province(pair, package, "p1.ocoppkg", rename), "not_own_part", "product")

    def forms(rec: dict[str, Any]) -> None:
        rec["data"]["dossier"] = {"id": dossier_id, "forms": {}}

    refused(pair.commune, _from_province(pair, package, "p2.ocoppkg", forms), "not_own_part", "dossier")

    def other_product(rec: dict[str, Any]) -> None:
        rec["data"]["certificates"][0]["product_id"] = other

    path = _from_province(pair, package, "p3.ocoppkg", other_product)
    refused(pair.commune, path, "not_owner", "123/QĐ-UBND", f"Hồ sơ {dossier_id[:8]}")

    def commune_step(rec: dict[str, Any]) -> None:
        rec["events"].append(
            {
                "id": str(uuid.uuid4()),
                "dossier_id": dossier_id,
                "action": "reopen",
                "from_status": "decided",
                "to_status": "draft",
                "at": "2026-11-21T08:00:00",
                "office_id": pair.province.office().id,
                "officer_id": None,
                "note": "",
            }
        )

    refused(pair.commune, _from_province(pair, package, "p4.ocoppkg", commune_step), "not_own_part", "reopen")

    path = pair.send("genuine.ocoppkg")
    path.write_bytes(package)
    assert PackageService(pair.commune).import_package(path).applied
    with pair.commune.read() as s:
        assert s.get(Dossier, dossier_id).status == "decided"  # type: ignore[union-attr]
        assert [c.product_id for c in s.scalars(select(Certificate))] != [other]

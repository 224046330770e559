"""Lists refresh when another desk changes them: the change signal (services.core.changes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.postgres import PostgresServer  # noqa: I001
from ocop_desktop.domain.producers import ProducerInput, ProducerKind
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.changes import ChangeWatch
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.services.province.rounds import RoundInput, RoundService
from ocop_desktop.services.registry.producers import ProducerService


def producer(ctx: AppContext, name: str) -> str:
    data = ProducerInput(
        name=name,
        kind=ProducerKind.COOPERATIVE,
        commune_code="00070",
        address="Số 1 Đường Làng",
        tax_code="0101234567",
        phone="0912345678",
        representative="Lê Thị Mai",
        representative_title="Giám đốc",
    )
    return ProducerService(ctx).create(data).id


def test_a_change_is_signalled_once_with_what_it_touched(province_ctx: AppContext) -> None:
    watch = ChangeWatch(province_ctx)
    assert not watch.poll()
    producer(province_ctx, "Hợp tác xã Tín Hiệu")
    changes = watch.poll()
    assert changes.touches("registry") and not changes.touches("rounds") and not changes.touches("dossiers")
    assert not watch.poll()  # said once
    RoundService(province_ctx).create(RoundInput(2026, 1))
    changes = watch.poll()
    assert changes.touches("rounds") and not changes.touches("registry")


@pytest.fixture
def two_desks(
    tmp_path: Path, pg_server: PostgresServer, _pg_template: str
) -> Iterator[tuple[AppContext, AppContext]]:
    name = pg_server.new_database(template=_pg_template)
    first = open_app(AppPaths.for_data_dir(tmp_path / "desk1"), database=pg_server.url(name))
    initialise(first, "province", "01", "Trần Thị Bình")
    second = open_app(AppPaths.for_data_dir(tmp_path / "desk2"), database=pg_server.url(name))
    yield first, second
    second.close()
    first.close()
    pg_server.drop_database(name)


@pytest.mark.postgres
def test_a_desk_sees_what_another_desk_changed(two_desks: tuple[AppContext, AppContext]) -> None:
    first, second = two_desks
    watch = ChangeWatch(first)
    producer(second, "Hợp tác xã Bàn Bên")
    assert watch.poll().touches("registry")
    assert not watch.poll()


def test_a_dossier_changed_at_another_desk_is_named_with_who_and_not_this_desks_own(
    province_ctx: AppContext,
) -> None:
    from helpers.builders import make_product
    from ocop_desktop.services.dossiers.service import DossierService
    from ocop_desktop.store.models import Dossier

    other = open_app(province_ctx.paths)  # a second desk on the same SQLite file
    other.officer_id = province_ctx.officer_id
    try:
        watch = ChangeWatch(province_ctx)
        mine = DossierService(province_ctx).create(make_product(province_ctx), "first").row
        changes = watch.poll()
        assert changes.touches("dossiers") and mine.id not in changes.dossiers  # this desk's own
        theirs = DossierService(other).save_section(
            mine.id, "mau01", {"position": "Phó Giám đốc"}, expected_revision=mine.revision
        )
        changes = watch.poll()
        assert dict(changes.dossiers) == {mine.id: "Trần Thị Bình"}
        with pytest.raises(RuntimeError), province_ctx.unit_of_work() as s:  # rolled back: not this desk's
            d = s.get(Dossier, mine.id)
            assert d is not None
            d.forms = {**d.forms, "mau01": {**d.forms["mau01"], "position": "Kế toán trưởng"}}
            s.flush()  # its log entry is written, with the number the other desk's next entry takes
            raise RuntimeError("the officer's action failed after the change")
        DossierService(other).save_section(
            mine.id, "mau01", {"position": "Chủ nhiệm"}, expected_revision=theirs.row.revision
        )
        producer(province_ctx, "Hợp tác xã Sau Đó")  # this desk commits again, on the same connection
        assert mine.id in watch.poll().dossiers
    finally:
        other.close()

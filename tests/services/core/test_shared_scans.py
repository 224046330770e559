"""The scans of a province office whose desks share a PostgreSQL server live in one shared folder: what
one desk attaches, the other opens; `database blobs` refuses a folder it cannot write and a desk without a
server; a stale temp file of a killed desk is swept after a day, a fresh one (another desk copying a scan
in right now) is not."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from helpers.builders import make_product, pdf_file
from helpers.postgres import PostgresServer
from ocop_desktop.domain.errors import EnvironmentProblem
from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.services.core.setup import initialise
from ocop_desktop.services.dossiers.evidence import EvidenceService
from ocop_desktop.services.dossiers.service import DossierService
from ocop_desktop.store.engines import save_configured_url, save_shared_blobs
from ocop_desktop.store.sweep import sweep_shared_blobs


@pytest.mark.postgres
def test_what_one_desk_attaches_the_other_opens(
    pg_server: PostgresServer, _pg_template: str, tmp_path: Path
) -> None:
    name = pg_server.new_database(template=_pg_template)
    url, shared = pg_server.url(name), tmp_path / "share" / "ocop-blobs"
    desks = []
    for n in (1, 2):
        data = tmp_path / f"desk-{n}"
        save_configured_url(data, url)
        save_shared_blobs(data, shared)
        desks.append(open_app(AppPaths.for_data_dir(data)))
    first, second = desks
    try:
        assert first.paths.blobs_dir == second.paths.blobs_dir == shared.resolve()
        initialise(first, "commune", "00070", "Nguyễn Văn An")
        dossier = DossierService(first).create(make_product(first), "first").row.id
        added = EvidenceService(first).add_file(dossier, pdf_file(tmp_path, "giay-phep.pdf", pages=3))
        seen = EvidenceService(second).get(added.id)
        assert seen.path.read_bytes() == added.path.read_bytes() and seen.path.is_relative_to(
            shared.resolve()
        )
        assert not (tmp_path / "desk-1" / "blobs").exists()  # nothing kept on the desk itself
    finally:
        for ctx in desks:
            ctx.close()
        pg_server.drop_database(name)


def test_a_shared_folder_needs_a_server_and_write_access(tmp_path: Path) -> None:
    data = tmp_path / "desk"
    with pytest.raises(EnvironmentProblem, match="cùng máy chủ"):
        save_shared_blobs(data, tmp_path / "share")
    save_configured_url(data, "postgresql://ocop@127.0.0.1:5432/ocop")
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    with pytest.raises(EnvironmentProblem, match="Không ghi được"):
        save_shared_blobs(data, blocked / "blobs")
    assert "blobs" not in json.loads((data / "database.json").read_text(encoding="utf-8"))
    save_shared_blobs(data, tmp_path / "share")
    assert AppPaths.for_data_dir(data).blobs_dir == (tmp_path / "share").resolve()
    save_shared_blobs(data, None)
    assert AppPaths.for_data_dir(data).blobs_dir == data.resolve() / "blobs"
    assert json.loads((data / "database.json").read_text(encoding="utf-8"))["url"].startswith("postgresql")


def test_only_stale_temp_files_are_swept_from_the_shared_folder(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    fresh, stale, blob = folder / ".incoming-abc", folder / ".incoming-def", folder / "ab"
    for path in (fresh, stale):
        path.write_bytes(b"x" * 10)
    blob.mkdir()
    day_ago = time.time() - 25 * 3600
    os.utime(stale, (day_ago, day_ago))
    assert sweep_shared_blobs(folder) == [(str(stale), 10)]
    assert fresh.exists() and blob.exists() and not stale.exists()

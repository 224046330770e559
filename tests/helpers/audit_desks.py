"""Desks (processes) writing one PostgreSQL database at once, for the audit chain's concurrency test.

Each desk opens the store as the app does (`open_app` with the server's URL, its own data folder),
waits for the others, then makes `writes` audited changes, each in its own transaction: even ones
rename the office (all desks change the same record), odd ones add an officer of its own.
"""

from __future__ import annotations

from multiprocessing.synchronize import Barrier
from pathlib import Path

from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.bootstrap import open_app
from ocop_desktop.store.concurrency import locked
from ocop_desktop.store.models import Office, Officer


def desk(url: str, folder: str, desk_no: int, writes: int, start: Barrier) -> None:
    ctx = open_app(AppPaths.for_data_dir(Path(folder)), database=url)
    try:
        office_id = ctx.office().id
        start.wait(timeout=120)
        for n in range(writes):
            with ctx.unit_of_work() as s:
                if n % 2 == 0:
                    # locked as the services lock what they edit: otherwise the revision check
                    # refuses the later desk's save as a conflict
                    office = locked(s, Office, office_id)
                    assert office is not None
                    office.name = f"Văn phòng điều phối OCOP (bàn {desk_no}, lần {n})"
                else:
                    s.add(Officer(office_id=office_id, name=f"Cán bộ bàn {desk_no} số {n}"))
    finally:
        ctx.close()

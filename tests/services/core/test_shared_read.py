"""`AppContext.shared_read`: the reads of one thread share a session (one transaction, one snapshot);
other threads and later reads are untouched, and a unit of work still has its own."""

from __future__ import annotations

import threading

from ocop_desktop.services.core.context import AppContext


def test_reads_inside_share_one_session_on_this_thread_only(ctx: AppContext) -> None:
    with ctx.read() as before:
        pass
    elsewhere: list[object] = []
    with ctx.shared_read():
        with ctx.read() as first, ctx.read() as second:
            assert first is second and first is not before
            with ctx.shared_read():  # nested: still the same
                with ctx.read() as third:
                    assert third is first
            worker = threading.Thread(target=lambda: elsewhere.append(_session_of(ctx)))
            worker.start()
            worker.join()
            assert elsewhere and elsewhere[0] is not first  # another thread reads on its own
            with ctx.unit_of_work() as writing:
                assert writing is not first
    with ctx.read() as after:
        assert after is not first  # the shared session ended with the block


def _session_of(ctx: AppContext) -> object:
    with ctx.read() as s:
        return s

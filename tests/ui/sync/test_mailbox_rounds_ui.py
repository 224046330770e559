"""The mailbox's status bar word follows "Kiểm tra kết nối" and every round, and a round's imports run on
the writers' single thread (queued with the pages' writes), against a real S3 server."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable

from helpers.mailbox import OFFICE, SeaweedServer, configure
from helpers.sync import Pair, ready_dossier
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.store.models import SyncPackage
from ocop_desktop.ui.kit.tasks import wait_for_tasks, writer_pool
from ocop_desktop.ui.shell.settings_page import SettingsPage
from ocop_desktop.ui.sync.mailbox_agent import agent_for
from ocop_desktop.ui.sync.mailbox_status import MailboxIndicator

NEVER = 10**9  # ms: the agent's own first round is not wanted in these tests


@pytest.fixture(autouse=True)
def _stop_agents(pair: Pair):  # type: ignore[no-untyped-def]
    yield
    for ctx in (pair.commune, pair.province):
        agent_for(ctx).stop()
    wait_for_tasks()


def test_the_status_bar_follows_the_connection_test_and_each_round(
    qtbot, pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    MailboxService(pair.commune).configure(MailboxSettings("http://127.0.0.1:9", s3_bucket, *OFFICE))
    indicator = MailboxIndicator(pair.commune, delay_ms=NEVER)
    qtbot.addWidget(indicator)
    agent = indicator.agent
    agent.attempts = 0
    page = SettingsPage(pair.commune)
    qtbot.addWidget(page)
    qtbot.waitUntil(page.is_ready)
    qtbot.waitUntil(lambda: page.mailbox_box.endpoint.text() != "")
    assert not indicator.isVisible() or "chưa thử" in indicator.text()

    probe = page.mailbox_box.probe()  # the saved (silent) endpoint
    qtbot.waitUntil(lambda: probe.done, timeout=30_000)
    qtbot.waitUntil(lambda: agent.task is not None and agent.task.done, timeout=30_000)
    assert indicator.text().startswith("Hộp thư: không kết nối được")

    configure(pair.commune, s3_server, s3_bucket)  # the right endpoint saved; the bar knows it once tested
    probe = page.mailbox_box.probe()
    qtbot.waitUntil(lambda: probe.done, timeout=30_000)
    qtbot.waitUntil(lambda: indicator.text().startswith("Hộp thư: kết nối được"), timeout=30_000)
    assert "1 chờ gửi" in indicator.text()  # the link's enrollment, not sent by a test

    ready_dossier(pair.commune, tmp_path / "scans")
    PackageService(pair.commune).export_dossiers(tmp_path / "s.ocoppkg", pending=True)
    round_ = agent.run()
    assert round_ is not None
    qtbot.waitUntil(lambda: round_.done, timeout=60_000)
    # the submission waits for its receipt; the enrollment is sent and never gets one
    qtbot.waitUntil(lambda: "0 chờ gửi · 1 chờ biên nhận" in indicator.text())


class _Hold(QRunnable):
    """A page's long write in progress: the writers' thread is busy until `release`."""

    def __init__(self) -> None:
        super().__init__()
        self.started, self.release = threading.Event(), threading.Event()

    def run(self) -> None:
        self.started.set()
        self.release.wait(60)


def test_a_rounds_imports_wait_for_the_writers_thread(
    qtbot, pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    for ctx in (pair.commune, pair.province):
        configure(ctx, s3_server, s3_bucket)
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(tmp_path / "s.ocoppkg", pending=True)
    MailboxService(pair.commune).send()
    agent = agent_for(pair.province)
    agent.attempts = 0
    hold = _Hold()
    hold.setAutoDelete(False)
    writer_pool().start(hold)
    assert hold.started.wait(10)
    try:
        task = agent.run()
        assert task is not None
        incoming = pair.province.paths.data_dir / "mailbox" / "incoming" / f"{sent.package_id}.ocoppkg"
        qtbot.waitUntil(incoming.is_file, timeout=60_000)  # downloaded beside the writers' work
        qtbot.wait(500)
        with pair.province.read() as s:
            assert s.get(SyncPackage, sent.package_id) is None  # the import waits its turn
        assert agent.running
    finally:
        hold.release.set()
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert agent.status is not None and not agent.last_stop
    with pair.province.read() as s:
        row = s.get(SyncPackage, sent.package_id)
        assert row is not None and row.direction == "in"

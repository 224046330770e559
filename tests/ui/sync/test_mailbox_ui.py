"""The mailbox in the GUI against a real S3 server (SeaweedFS on 127.0.0.1): the settings section saves
and probes, the sync page's "Hộp thư" tab is the live queue (queued → sent → receipt), "Gửi ngay"
uploads, a cut says so in words and "Gửi ngay" resumes, and the main window sends by itself at start."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cutproxy import CutProxy
from helpers.mailbox import OFFICE, SeaweedServer, configure, queue_file, random_file
from helpers.sync import Pair, ready_dossier
from ocop_desktop.services.core.mailbox_settings import MailboxSettings
from ocop_desktop.services.mailbox.service import MailboxService
from ocop_desktop.services.sync.service import PackageService
from ocop_desktop.ui.kit.tasks import wait_for_tasks
from ocop_desktop.ui.shell.settings_page import SettingsPage
from ocop_desktop.ui.sync.mailbox_agent import agent_for
from ocop_desktop.ui.sync.outbox_tab import OutboxTab, state_text

MiB = 1024 * 1024


@pytest.fixture(autouse=True)
def _stop_agents(pair: Pair):  # type: ignore[no-untyped-def]
    yield
    for ctx in (pair.commune, pair.province):
        agent_for(ctx).stop()
    wait_for_tasks()


def _tab(qtbot, ctx) -> OutboxTab:  # type: ignore[no-untyped-def]
    tab = OutboxTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 500)
    tab.show()
    qtbot.waitUntil(lambda: tab.agent.status is not None)
    return tab


def _run(qtbot, task) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: task.done, timeout=60_000)


def test_settings_saved_probed_and_secret_never_shown(
    qtbot, pair: Pair, s3_server: SeaweedServer, s3_bucket: str
) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(pair.commune)
    qtbot.addWidget(page)
    qtbot.waitUntil(page.is_ready)
    box = page.mailbox_box
    box.endpoint.setText(s3_server.endpoint)
    box.bucket.setText(s3_bucket)
    box.access_key.setText(OFFICE[0])
    box.secret.setText("wrong-secret")
    _run(qtbot, box.probe())
    assert "mã truy cập hoặc khóa bí mật" in box.answer.text()
    box.bucket.setText("no-such-bucket-here")
    box.secret.setText(OFFICE[1])
    _run(qtbot, box.probe())
    assert "Không có thùng chứa" in box.answer.text()
    box.bucket.setText(s3_bucket)
    _run(qtbot, box.probe())
    assert box.answer.text().startswith("Kết nối được")
    _run(qtbot, box.save())
    assert "Đã lưu" in box.answer.text() and box.secret.text() == ""
    saved = MailboxService(pair.commune).settings()
    assert saved is not None and saved.secret_key == OFFICE[1] and saved.bucket == s3_bucket
    assert OFFICE[1].encode() not in (pair.commune.paths.keys_dir / "mailbox-settings.enc").read_bytes()

    again = SettingsPage(pair.commune)  # opened later: the secret is not shown back, empty keeps it
    qtbot.addWidget(again)
    qtbot.waitUntil(again.is_ready)
    assert again.mailbox_box.access_key.text() == OFFICE[0] and again.mailbox_box.secret.text() == ""
    assert "giữ nguyên" in again.mailbox_box.secret.placeholderText()
    _run(qtbot, again.mailbox_box.probe())
    assert again.mailbox_box.answer.text().startswith("Kết nối được")
    agent_for(pair.commune).stop()
    unreachable = SettingsPage(pair.commune)
    qtbot.addWidget(unreachable)
    qtbot.waitUntil(unreachable.is_ready)
    unreachable.mailbox_box.endpoint.setText("http://127.0.0.1:9")  # nothing listens
    _run(qtbot, unreachable.mailbox_box.probe())
    assert "Chưa kết nối được tới hộp thư" in unreachable.mailbox_box.answer.text()


def test_queue_shows_queued_sent_then_receipt(
    qtbot, pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    configure(pair.commune, s3_server, s3_bucket)
    configure(pair.province, s3_server, s3_bucket)
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(tmp_path / "s.ocoppkg", pending=True)
    tab = _tab(qtbot, pair.commune)
    row = next(i for i in tab.rows() if i.package_id == sent.package_id)
    assert state_text(row) == "Chờ gửi"
    assert "chờ gửi" in tab.summary.text()

    tab.send_button.click()
    _run(qtbot, tab.agent.task)
    qtbot.waitUntil(lambda: all(i.state == "uploaded" for i in tab.rows()))
    row = next(i for i in tab.rows() if i.package_id == sent.package_id)
    assert state_text(row) == "Đã gửi" and row.bytes_sent == row.size

    province = MailboxService(pair.province)
    assert sent.package_id in province.fetch().applied
    province.send()  # the receipt goes back
    tab.fetch_button.click()
    _run(qtbot, tab.agent.task)
    qtbot.waitUntil(
        lambda: any(i.package_id == sent.package_id and i.shown_state == "receipted" for i in tab.rows())
    )
    row = next(i for i in tab.rows() if i.package_id == sent.package_id)
    assert state_text(row) == "Đã có biên nhận"


def test_a_cut_is_said_in_words_and_send_now_resumes(
    qtbot, pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    configure(pair.commune, s3_server, s3_bucket)
    MailboxService(pair.commune).send()  # the link's enrollment, without faults
    proxy = CutProxy(s3_server.s3_port)
    try:
        MailboxService(pair.commune).configure(MailboxSettings(proxy.endpoint, s3_bucket, *OFFICE))
        file = random_file(tmp_path / "big.ocoppkg", 3 * 8 * MiB + 100)
        package = queue_file(pair.commune, file, recipient=pair.province.office().id)
        proxy.up_cuts = [12 * MiB]
        tab = _tab(qtbot, pair.commune)
        tab.agent.attempts = 0  # no back-off inside the run: the cut stops it
        _run(qtbot, tab.agent.send_now())
        qtbot.waitUntil(lambda: tab.problem.isVisible())
        assert "Chưa kết nối được tới hộp thư" in tab.problem.text() and proxy.cuts == 1
        row = next(i for i in tab.rows() if i.package_id == package)
        assert row.state == "uploading" and row.bytes_sent == 8 * MiB and row.last_error
        assert state_text(row) == "Đang gửi 33%"

        _run(qtbot, tab.agent.send_now())
        qtbot.waitUntil(lambda: next(i for i in tab.rows() if i.package_id == package).state == "uploaded")
        assert not tab.problem.isVisible()
        import boto3

        s3 = boto3.client("s3", **s3_server.client_args(OFFICE))
        key = f"inbox/{pair.province.office().id}/{pair.commune.office().id}/{package}.ocoppkg"
        assert s3.get_object(Bucket=s3_bucket, Key=key)["Body"].read() == file.read_bytes()
    finally:
        proxy.close()


def test_the_main_window_sends_by_itself_at_start(
    qtbot, pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.shell.main_window import MainWindow

    configure(pair.commune, s3_server, s3_bucket)
    ready_dossier(pair.commune, tmp_path / "scans")
    sent = PackageService(pair.commune).export_dossiers(tmp_path / "s.ocoppkg", pending=True)
    window = MainWindow(pair.commune)
    qtbot.addWidget(window)
    window.show()
    from ocop_desktop.ui.sync.mailbox_status import MailboxIndicator

    indicator = window.findChild(MailboxIndicator, "mailboxIndicator")
    agent = agent_for(pair.commune)
    qtbot.waitUntil(lambda: agent.task is not None, timeout=15_000)  # after the first frame, by itself
    _run(qtbot, agent.task)
    items = {i.package_id: i for i in MailboxService(pair.commune).status().items}
    assert items[sent.package_id].state == "uploaded"
    assert indicator is not None and indicator.isVisible()
    assert "kết nối được" in indicator.text() and "0 chờ gửi" in indicator.text()


def test_a_silent_endpoint_is_said_and_knocked_at_less_often(
    qtbot, pair: Pair, s3_bucket: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ocop_desktop.ui.sync.mailbox_status import MailboxIndicator

    silent = MailboxSettings("http://127.0.0.1:9", s3_bucket, *OFFICE)  # nothing listens there
    MailboxService(pair.commune).configure(silent)
    package = queue_file(
        pair.commune, random_file(tmp_path / "p.ocoppkg", 1000), recipient=pair.province.office().id
    )
    indicator = MailboxIndicator(pair.commune, delay_ms=0)
    qtbot.addWidget(indicator)
    agent = indicator.agent
    qtbot.waitUntil(lambda: agent.task is not None and agent.task.done, timeout=30_000)
    assert agent.status is not None and agent.status.reachable is False
    assert (
        indicator.text() == "Hộp thư: không kết nối được · 2 chờ gửi · 0 chờ biên nhận"
    )  # and the enrollment
    assert "Chưa kết nối được tới hộp thư" in indicator.toolTip()
    assert agent.minutes == 10 and agent.timer.isActive() and agent.timer.interval() == 10 * 60_000
    _run(qtbot, agent.run())
    assert agent.minutes == 20  # doubled again, up to an hour
    agent.paused = True
    agent.tick()  # a tick while paused probes and fetches, never sends
    _run(qtbot, agent.task)
    assert {i.package_id: i.state for i in agent.status.items}[package] == "queued"


def test_pause_keeps_the_parts_sent_and_send_now_continues(
    qtbot, pair: Pair, s3_server: SeaweedServer, s3_bucket: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    configure(pair.commune, s3_server, s3_bucket)
    MailboxService(pair.commune).send()  # the link's enrollment
    file = random_file(tmp_path / "big.ocoppkg", 4 * 8 * MiB + 10)
    package = queue_file(pair.commune, file, recipient=pair.province.office().id)
    tab = _tab(qtbot, pair.commune)
    paused: list[str] = []

    def pause_once(_fraction: float, text: str) -> None:
        if not paused and "8/32 MB" in text:  # the first part is on the server
            paused.append(text)
            tab.pause_button.click()

    tab.agent.progressed.connect(pause_once)
    tab.send_button.click()
    _run(qtbot, tab.agent.task)
    qtbot.waitUntil(lambda: not tab.agent.running and tab.step.text() == "Đã tạm dừng gửi.")
    qtbot.waitUntil(  # the queue read again after the pause
        lambda: any(i.package_id == package and i.bytes_sent >= 8 * MiB for i in tab.rows())
    )
    row = next(i for i in tab.rows() if i.package_id == package)
    assert row.state == "uploading" and row.bytes_sent < row.size and paused
    assert tab.agent.paused and tab.send_button.isEnabled() and not tab.pause_button.isEnabled()

    tab.send_button.click()
    _run(qtbot, tab.agent.task)
    qtbot.waitUntil(lambda: next(i for i in tab.rows() if i.package_id == package).state == "uploaded")
    assert not tab.agent.paused

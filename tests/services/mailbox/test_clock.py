"""A machine whose clock is wrong: the real server refuses requests signed with a skewed time
(`RequestTimeTooSkewed`); the sender stops at once with the Vietnamese message, nothing retried, and the
same settings work again once the clock is right."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from helpers.mailbox import SeaweedServer, configure, queue_file, random_file
from helpers.sync import Pair
from ocop_desktop.services.mailbox.sender import Backoff
from ocop_desktop.services.mailbox.service import MailboxService

CLOCK = "Đồng hồ của máy tính này sai lệch quá nhiều so với máy chủ hộp thư"


def _skew(monkeypatch: pytest.MonkeyPatch, delta: datetime.timedelta) -> None:
    """This process's clock as botocore reads it to sign a request (SigV4's X-Amz-Date), `delta` off."""
    import botocore.auth

    real = botocore.auth.get_current_datetime
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda *a, **k: real(*a, **k) + delta)


@pytest.mark.parametrize("hours", [-3, 2])
def test_a_wrong_clock_is_said_in_words_and_nothing_is_retried(
    pair: Pair,
    s3_server: SeaweedServer,
    s3_bucket: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hours: int,
) -> None:
    configure(pair.commune, s3_server, s3_bucket)
    service = MailboxService(pair.commune)
    assert service.probe() is None
    package = queue_file(
        pair.commune, random_file(tmp_path / "p.ocoppkg", 1000), recipient=pair.province.office().id
    )

    _skew(monkeypatch, datetime.timedelta(hours=hours))
    problem = MailboxService(pair.commune).probe()
    assert problem is not None and problem.code == "RequestTimeTooSkewed" and not problem.transient
    assert problem.message.startswith(CLOCK) and "bật tự động đồng bộ giờ" in problem.message
    waits: list[float] = []
    sent = MailboxService(pair.commune).send(backoff=Backoff(sleep=waits.append))
    assert sent.stopped == problem.message and not sent.transient and waits == []
    assert package in sent.waiting and sent.sent == [] and sent.bytes_uploaded == 0

    monkeypatch.undo()  # the clock set right: the same settings work
    again = MailboxService(pair.commune).send(backoff=Backoff(sleep=waits.append))
    assert package in again.sent and not again.stopped

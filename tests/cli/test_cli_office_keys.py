"""`office-keys share | status | fetch` with `--passphrase-file`: the administrator seals the keys, the
status says so, a wrong passphrase at another desk is refused with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_desktop.main import main
from ocop_desktop.paths import DATABASE_ENV
from ocop_desktop.services.core.context import AppContext


def test_share_then_status_and_a_wrong_fetch(
    monkeypatch: pytest.MonkeyPatch, ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(ctx.paths.data_dir)
    database = ctx.engine.url.render_as_string(hide_password=False)  # the file, or the server (--engine)
    ctx.close()
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("mật khẩu văn phòng tỉnh\n", encoding="utf-8")
    bad.write_text("mật khẩu sai hoàn toàn\n", encoding="utf-8")
    assert main(["--data-dir", data, "office-keys", "share", "--passphrase-file", str(good)]) == 0
    assert main(["--data-dir", data, "office-keys", "status"]) == 0
    assert "Khóa dùng chung: có" in capsys.readouterr().out
    other = tmp_path / "desk-2"
    monkeypatch.setenv(DATABASE_ENV, database)  # what --database sets for the run; undone after the test
    code = main(["--data-dir", str(other), "office-keys", "fetch", "--passphrase-file", str(bad)])
    assert code != 0 and "không đúng" in capsys.readouterr().err
    assert not (other / "keys").exists() or not any((other / "keys").iterdir())

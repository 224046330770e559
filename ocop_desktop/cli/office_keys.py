"""`office-keys status | share | fetch`: the office keys shared by the desks of a province office on one
database server (docs/province-server.md). `share` (an administrator, on the desk that has the keys) seals
them in the database under an office passphrase; `fetch` installs them on another desk. The passphrase
comes from a prompt (twice for `share`) or from the first line of `--passphrase-file`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ocop_desktop.cli.framework import read_passphrase
from ocop_desktop.domain.errors import UserError
from ocop_desktop.ocoppkg.keys import readable_from_fingerprint
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.services.core.key_vault import fetch_keys, share_keys, vault_state


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("office-keys", help="khóa của cơ quan dùng chung cho các máy trong văn phòng tỉnh")
    cmds = p.add_subparsers(dest="office_keys_command", metavar="LỆNH", required=True)
    cmds.add_parser("status", help="khóa trên máy này và khóa dùng chung").set_defaults(handler=_status)
    for name, text, handler in (
        ("share", "niêm phong khóa của máy này vào cơ sở dữ liệu bằng mật khẩu văn phòng", _share),
        ("fetch", "cài khóa dùng chung lên máy này bằng mật khẩu văn phòng", _fetch),
    ):
        cmd = cmds.add_parser(name, help=text)
        cmd.add_argument(
            "--passphrase-file", metavar="TỆP", type=Path, help="đọc mật khẩu từ dòng đầu của tệp"
        )
        cmd.set_defaults(handler=handler)


def _passphrase(args: argparse.Namespace, *, twice: bool = False) -> tuple[str, str]:
    return read_passphrase(args.passphrase_file, "Mật khẩu khóa của văn phòng: ", twice=twice)


def _require(ctx: AppContext | None) -> AppContext:
    if ctx is None:
        raise UserError("Lệnh này cần cơ sở dữ liệu của văn phòng.")
    return ctx


def _status(args: argparse.Namespace, ctx: AppContext | None) -> int:
    state = vault_state(_require(ctx))
    print(
        "Khóa trên máy này: "
        + ("có" if state.local else "chưa có")
        + (
            ""
            if not state.local
            else (" (khóa hiện hành)" if state.matches else " (KHÔNG phải khóa hiện hành)")
        )
    )
    if state.shared:
        print(f"Khóa dùng chung: có — {readable_from_fingerprint(state.shared_fingerprint)}")
    else:
        print("Khóa dùng chung: chưa có")
    return 0


def _share(args: argparse.Namespace, ctx: AppContext | None) -> int:
    fp = share_keys(_require(ctx), *_passphrase(args, twice=True))
    print(f"Đã niêm phong khóa của cơ quan vào cơ sở dữ liệu ({readable_from_fingerprint(fp)}).")
    print("Các máy khác trong văn phòng: office-keys fetch với cùng mật khẩu.")
    return 0


def _fetch(args: argparse.Namespace, ctx: AppContext | None) -> int:
    fp = fetch_keys(_require(ctx), _passphrase(args)[0])
    print(f"Máy này đã có khóa của cơ quan ({readable_from_fingerprint(fp)}).")
    return 0

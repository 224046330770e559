"""`database show | use URL | use-file`: which store this installation works on — the SQLite file in
the data folder (the default) or the province office's shared PostgreSQL server (docs/province-server.md).
The choice is saved in the data folder (`database.json`), so the GUI uses it too."""

from __future__ import annotations

import argparse
from pathlib import Path

from ocop_desktop.paths import AppPaths
from ocop_desktop.services.core.context import AppContext
from ocop_desktop.store import engines


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "database", help="cơ sở dữ liệu: tệp SQLite trên máy này hoặc máy chủ PostgreSQL của tỉnh"
    )
    cmds = p.add_subparsers(dest="database_command", metavar="LỆNH", required=True)
    show = cmds.add_parser("show", help="cơ sở dữ liệu đang dùng")
    show.set_defaults(handler=_show, needs_context=False)
    use = cmds.add_parser("use", help="dùng máy chủ PostgreSQL (kiểm tra kết nối, tạo bảng nếu cần, rồi lưu)")
    use.add_argument("url", metavar="URL", help="postgresql://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl")
    use.set_defaults(handler=_use, needs_context=False)
    file = cmds.add_parser("use-file", help="quay lại dùng tệp SQLite trong thư mục dữ liệu")
    file.set_defaults(handler=_use_file, needs_context=False)
    blobs = cmds.add_parser(
        "blobs", help="thư mục tài liệu (bản quét) dùng chung của các máy trong văn phòng"
    )
    where = blobs.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "folder", metavar="THƯ_MỤC", type=Path, nargs="?", help="thư mục chia sẻ, mọi máy đều ghi được"
    )
    where.add_argument("--local", action="store_true", help="quay lại thư mục blobs trong thư mục dữ liệu")
    blobs.set_defaults(handler=_blobs, needs_context=False)


def _show(args: argparse.Namespace, _ctx: AppContext | None) -> int:
    paths = AppPaths.for_data_dir(args.data_dir)
    url = engines.configured_url(paths.data_dir)
    if url is None:
        print(f"Tệp SQLite: {paths.db_path}")
    else:
        print(f"Máy chủ PostgreSQL: {engines.shown(engines.server_url(url))}")
    return 0


def _use(args: argparse.Namespace, _ctx: AppContext | None) -> int:
    paths = AppPaths.for_data_dir(args.data_dir)
    engine, _sessions = engines.open_server_database(args.url)  # unreachable: said, nothing saved
    engine.dispose()
    engines.save_configured_url(paths.data_dir, args.url)
    print(
        f"Từ nay dùng máy chủ {engines.shown(engines.server_url(args.url))} (đã lưu trong {paths.data_dir})."
    )
    return 0


def _blobs(args: argparse.Namespace, _ctx: AppContext | None) -> int:
    paths = AppPaths.for_data_dir(args.data_dir)
    engines.save_shared_blobs(paths.data_dir, None if args.local else args.folder)
    now = AppPaths.for_data_dir(args.data_dir).blobs_dir
    print(f"Tài liệu (bản quét) của máy này từ nay ở {now}.")
    if not args.local:
        print(
            "Các tài liệu đã có trong thư mục cũ không tự chuyển: chép thư mục blobs cũ vào đó "
            "(chép thêm, không ghi đè)."
        )
    return 0


def _use_file(args: argparse.Namespace, _ctx: AppContext | None) -> int:
    paths = AppPaths.for_data_dir(args.data_dir)
    engines.save_configured_url(paths.data_dir, None)
    print(f"Từ nay dùng tệp SQLite {paths.db_path}.")
    return 0

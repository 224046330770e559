"""The backup file (`.ocopbak`, format 1): a plain header, then one AES-256-GCM stream.

Layout (documented for people in docs/backup.md):

    MAGIC (8 bytes "OCOPBAK\\0") | u16 big-endian n | n bytes of header JSON | sealed chunks…

The header says how the key is derived (scrypt with its salt and costs), the chunk size, the
7-byte nonce prefix and a 16-byte passphrase verifier. The key: scrypt(passphrase in NFC, UTF-8)
gives 64 bytes, the first 32 are the AES key, the last 32 only make the verifier (HMAC-SHA256 of
a fixed label), so a wrong passphrase is told apart from a damaged file before anything is read.

The plain stream is cut into chunks of `chunk` bytes; chunk i is sealed with the nonce
`prefix || i (u32) || last (1 byte)` and the whole header as associated data: the STREAM
construction, so a reordered, dropped, truncated or appended chunk and any change to the header
make the tag fail. Stored chunks are `chunk + 16` bytes, the last one shorter or equal.

The plain stream is a sequence of members, each `u32 n | n bytes of JSON {"name", "size"[, "secret"]}`
then `size` bytes: `summary.json` first, the members, `MANIFEST.json` last (every other member's
name, size and SHA-256). Nothing may follow the manifest.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ocop_desktop.services.backup.errors import BackupRefused

MAGIC = b"OCOPBAK\x00"
FORMAT = "ocop-backup"
VERSION = 1
SUFFIX = ".ocopbak"
CHUNK = 1 << 20
TAG = 16
PREFIX = 7
SCRYPT_N = 1 << 17  # 128 MiB, about half a second: costly for a guesser, bearable once per backup
MIN_N, MAX_N = 1 << 10, 1 << 20  # what a reader accepts (tests write cheap files; no file may ask for more)
_VERIFY_LABEL = b"ocop-backup/1 passphrase check"
MAX_HEADER = 4096
MAX_MEMBER_HEADER = 4096
SUMMARY = "summary.json"
MANIFEST = "MANIFEST.json"


def _derive(passphrase: str, salt: bytes, n: int) -> tuple[bytes, bytes]:
    key = Scrypt(salt=salt, length=64, n=n, r=8, p=1).derive(
        unicodedata.normalize("NFC", passphrase).encode("utf-8")
    )
    return key[:32], key[32:]


def _verifier(check_key: bytes) -> bytes:
    return hmac.new(check_key, _VERIFY_LABEL, hashlib.sha256).digest()[:16]


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def new_header(passphrase: str, *, n: int = SCRYPT_N) -> tuple[bytes, AESGCM, bytes]:
    """The header bytes for a new file, its cipher and nonce prefix."""
    salt, prefix = os.urandom(16), os.urandom(PREFIX)
    key, check = _derive(passphrase, salt, n)
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {"name": "scrypt", "n": n, "r": 8, "p": 1, "salt": salt.hex()},
        "cipher": "aes-256-gcm-stream",
        "chunk": CHUNK,
        "nonce_prefix": prefix.hex(),
        "verifier": _verifier(check).hex(),
    }
    body = json.dumps(doc, sort_keys=True).encode("ascii")
    return MAGIC + struct.pack(">H", len(body)) + body, AESGCM(key), prefix


class Sealer:
    """Writes the sealed stream: `write()` plain bytes, `close()` seals the last chunk."""

    def __init__(self, out: IO[bytes], passphrase: str, *, n: int = SCRYPT_N) -> None:
        self._out = out
        self._header, self._aes, self._prefix = new_header(passphrase, n=n)
        out.write(self._header)
        self._buffer = bytearray()
        self._index = 0

    def write(self, data: bytes | memoryview) -> None:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep at least one byte: the last chunk is never empty
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def member(self, name: str, size: int, **extra: Any) -> None:
        head = json.dumps({"name": name, "size": size, **extra}, ensure_ascii=False).encode("utf-8")
        self.write(struct.pack(">I", len(head)) + head)

    def close(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _seal(self, plain: bytes, *, last: bool) -> None:
        self._out.write(self._aes.encrypt(_nonce(self._prefix, self._index, last), plain, self._header))
        self._index += 1


@dataclass(frozen=True)
class Header:
    raw: bytes
    n: int
    salt: bytes
    prefix: bytes
    chunk: int
    verifier: bytes


def read_header(src: IO[bytes]) -> Header:
    head = src.read(len(MAGIC) + 2)
    if len(head) < len(MAGIC) + 2 and MAGIC.startswith(head[: len(MAGIC)]) and head:
        raise damaged("tệp bị cắt ngắn")
    if len(head) < len(MAGIC) + 2 or head[: len(MAGIC)] != MAGIC:
        raise BackupRefused(
            "not_backup", "Tệp này không phải là bản sao lưu của OCOP Desktop. Không có gì bị thay đổi."
        )
    (size,) = struct.unpack(">H", head[len(MAGIC) :])
    body = src.read(size) if size <= MAX_HEADER else b""
    try:
        doc = json.loads(body)
        kdf = doc["kdf"]
        header = Header(
            head + body,
            int(kdf["n"]),
            bytes.fromhex(kdf["salt"]),
            bytes.fromhex(doc["nonce_prefix"]),
            int(doc["chunk"]),
            bytes.fromhex(doc["verifier"]),
        )
        known = doc["format"] == FORMAT and kdf["name"] == "scrypt" and (kdf["r"], kdf["p"]) == (8, 1)
    except (ValueError, KeyError, TypeError) as exc:
        raise damaged("phần đầu tệp không đọc được") from exc
    if not known or doc.get("version") != VERSION:
        raise BackupRefused(
            "unsupported",
            "Bản sao lưu này được tạo theo định dạng mà phiên bản này không đọc được. "
            "Không có gì bị thay đổi. Hãy cập nhật OCOP Desktop.",
        )
    if not (MIN_N <= header.n <= MAX_N and header.n & (header.n - 1) == 0 and len(header.prefix) == PREFIX):
        raise damaged("thông số khóa không hợp lệ")
    if not (1024 <= header.chunk <= 16 * CHUNK):
        raise damaged("cỡ khối không hợp lệ")
    return header


def open_stream(src: IO[bytes], passphrase: str) -> Iterator[bytes]:
    """The plain stream of a backup, chunk by chunk, each one authenticated before it is given.
    Raises `BackupRefused("wrong_passphrase")` at once, `damaged` where the file stops being sound."""
    header = read_header(src)
    key, check = _derive(passphrase, header.salt, header.n)
    if not hmac.compare_digest(_verifier(check), header.verifier):
        raise BackupRefused(
            "wrong_passphrase",
            "Mật khẩu không đúng (hoặc phần đầu tệp sao lưu bị hỏng). Không có gì bị thay đổi.",
        )
    return _chunks(src, header, AESGCM(key))


def _chunks(src: IO[bytes], header: Header, aes: AESGCM) -> Iterator[bytes]:
    stored = header.chunk + TAG
    current = src.read(stored)
    index = 0
    while True:
        following = src.read(stored)
        last = not following
        try:
            yield aes.decrypt(_nonce(header.prefix, index, last), current, header.raw)
        except InvalidTag as exc:
            raise damaged("tệp bị cắt ngắn hoặc bị sửa đổi" if last else "tệp bị sửa đổi") from exc
        if last:
            return
        current, index = following, index + 1


def damaged(why: str) -> BackupRefused:
    return BackupRefused(
        "damaged", f"Tệp sao lưu bị hỏng ({why}). Không có gì bị thay đổi. Hãy dùng một bản sao lưu khác."
    )

"""A TCP proxy on 127.0.0.1 between a client and a server that cuts connections on purpose: after a given
number of bytes has gone up (client → server) or down (server → client) in total, every open connection
is reset (RST, as a dropped 3G link or a NAT timing out looks to the client). Real sockets, real server:
the faults the mailbox tests put between the sender and SeaweedFS. It outlives a restart of the server
(a connection made while the server is down is reset), and counts the UploadPart requests that went up,
whichever process sent them: how many parts a fault made the sender send again."""

from __future__ import annotations

import re
import socket
import struct
import threading
from dataclasses import dataclass, field

PART_REQUEST = b"partNumber="  # in the query of an UploadPart request line only
CONTENT_LENGTH = re.compile(rb"\r\ncontent-length: *(\d+)\r\n", re.IGNORECASE)
TAIL = 64  # bytes of the previous read kept: a header line split between two reads is still seen
TOO_LARGE = (
    b"HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: text/html\r\nContent-Length: 0\r\n"
    b"Connection: close\r\n\r\n"
)


@dataclass
class CutProxy:
    target_port: int
    up_cuts: list[int] = field(default_factory=list)  # total upstream byte counts at which to cut
    down_cuts: list[int] = field(default_factory=list)
    up_flip: int | None = None  # upstream byte offset of one byte to damage (once), past TCP's checksums
    up_stall: int | None = None  # upstream byte count after which nothing more goes up (a link that hangs)
    up: int = 0  # bytes forwarded so far
    down: int = 0
    cuts: int = 0
    # a request whose Content-Length is above this is answered 413 and never reaches the server: the body
    # limit of a reverse proxy in front of the mailbox (nginx's client_max_body_size)
    up_limit: int | None = None
    part_requests: int = 0  # S3 UploadPart requests that went up (their request line), answered or not

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._open: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._released.set()
        self._listener.close()
        self._reset_all()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:  # the server is down (restarting): the client sees its connection reset
                _reset(client)
                continue
            with self._lock:
                self._open |= {client, server}
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, upstream: bool) -> None:
        tail = b""  # the last bytes forwarded up: a request line may be split between two reads
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    dst.shutdown(socket.SHUT_WR)
                    return
                if upstream and self._too_large(tail + data):
                    src.sendall(TOO_LARGE)
                    _reset(dst)
                    src.close()
                    return
                data, cut = self._count(data, upstream)
                if data:
                    if upstream:
                        tail = self._count_parts(tail, data)
                    dst.sendall(data)
                if upstream and self.up_stall is not None and self.up >= self.up_stall:
                    while self.up_stall is not None and not self._released.wait(0.05):
                        pass  # hung until the proxy closes or the stall is lifted (nothing more goes up)
                    return
                if cut:
                    self._reset_all()
                    return
        except OSError:  # this side was reset (a cut, a server going down): so is the other
            _reset(dst)
            return

    def _count_parts(self, tail: bytes, data: bytes) -> bytes:
        """Count UploadPart request lines (`PUT /bucket/key?partNumber=N&uploadId=…`) in what went up.
        A random body matching these 11 bytes is a 2^-88 chance. Returns the new tail (what a header
        split between two reads needs)."""
        found = (tail[-(len(PART_REQUEST) - 1) :] + data).count(PART_REQUEST)
        with self._lock:
            self.part_requests += found
        return (tail + data)[-TAIL:]

    def _too_large(self, window: bytes) -> bool:
        if self.up_limit is None:
            return False
        return any(int(size) > self.up_limit for size in CONTENT_LENGTH.findall(window))

    def _count(self, data: bytes, upstream: bool) -> tuple[bytes, bool]:
        """The bytes to forward before the next cut, and whether to cut after them."""
        with self._lock:
            done = self.up if upstream else self.down
            cuts = self.up_cuts if upstream else self.down_cuts
            if upstream and self.up_stall is not None and done + len(data) >= self.up_stall:
                data, cut = data[: max(self.up_stall - done, 0)], False
            elif cuts and done + len(data) >= cuts[0]:
                data = data[: cuts.pop(0) - done]
                self.cuts += 1
                cut = True
            else:
                cut = False
            if upstream and self.up_flip is not None and done <= self.up_flip < done + len(data):
                damaged = bytearray(data)
                damaged[self.up_flip - done] ^= 0xFF
                data, self.up_flip = bytes(damaged), None
            if upstream:
                self.up += len(data)
            else:
                self.down += len(data)
            return data, cut

    def _reset_all(self) -> None:
        with self._lock:
            sockets, self._open = self._open, set()
        for s in sockets:
            _reset(s)


def _reset(s: socket.socket) -> None:
    try:  # linger 0: the close sends RST; shutdown first wakes the other pump blocked in recv on
        # it (a close alone waits for that recv to return, and the peer would see nothing)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()

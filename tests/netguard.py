"""No test reaches the internet: a socket may connect to loopback (or a local Unix socket) only.

``install`` guards ``socket.socket.connect``/``connect_ex`` in this process; tests/conftest.py
installs it in the test process and puts ``tests/netguard_site`` (its ``sitecustomize``) on
``PYTHONPATH``, so every Python subprocess a test starts (crawls, servers, extraction workers) is
guarded too.  A refused connection raises ``ConnectionRefusedError`` at once and is written to the
file named by ``KZNEWS_NETGUARD_LOG``: conftest fails the test even where the code under test
(a crawl counting a failed request) swallowed the error.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Any

LOG_ENV = "KZNEWS_NETGUARD_LOG"


def is_local(address: Any) -> bool:
    """True for a loopback (host, port, ...) address or a Unix socket path."""
    if not isinstance(address, tuple):
        return True
    host = str(address[0]).split("%")[0]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name: connect() would resolve it, so it is not loopback by itself
        return False


def _refuse(address: Any) -> None:
    message = f"tests may connect to 127.0.0.1 only, not {address!r}"
    if path := os.environ.get(LOG_ENV):
        with open(path, "a", encoding="utf-8") as log:
            log.write(message + "\n")
    raise ConnectionRefusedError(message)


def install() -> None:
    """Guard this process's sockets (once)."""
    if getattr(socket.socket, "_kznews_netguard", False):
        return
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded_connect(self: socket.socket, address: Any) -> None:
        if not is_local(address):
            _refuse(address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        if not is_local(address):
            _refuse(address)
        return connect_ex(self, address)

    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    socket.socket._kznews_netguard = True  # type: ignore[attr-defined]

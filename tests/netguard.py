"""No test reaches the internet: a socket may connect to loopback (or a local Unix socket) only, and no name is
looked up in the DNS.

``install`` guards ``socket.socket.connect``/``connect_ex`` and name resolution (``getaddrinfo``,
``gethostbyname``: the C resolver's queries would leave the machine without passing ``connect``) in this process; tests/conftest.py
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


def _resolvable(host: Any) -> bool:
    """A host that needs no DNS query: an address literal, ``localhost``, or none at all."""
    if host is None or not isinstance(host, (str, bytes)):
        return True
    name = (host.decode("ascii", "replace") if isinstance(host, bytes) else host).split("%")[0].rstrip(".").lower()
    if name in ("", "localhost") or name.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _unresolved(host: Any) -> socket.gaierror:
    """What a lookup of ``host`` gives: a name under ``.invalid`` never resolves (RFC 6761: a resolver answers it
    itself, so asking is no attempt to reach the internet); any other name is a refused attempt."""
    name = str(host).rstrip(".").lower()
    if not name.endswith(".invalid"):
        _log(f"tests may look up no name in the DNS, not {host!r}")
    return socket.gaierror(socket.EAI_NONAME, f"Name or service not known: {host}")


def _log(message: str) -> None:
    if path := os.environ.get(LOG_ENV):
        with open(path, "a", encoding="utf-8") as log:
            log.write(message + "\n")


def _refuse(address: Any) -> None:
    message = f"tests may connect to 127.0.0.1 only, not {address!r}"
    _log(message)
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

    getaddrinfo, gethostbyname, gethostbyname_ex = socket.getaddrinfo, socket.gethostbyname, socket.gethostbyname_ex

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _resolvable(host):
            raise _unresolved(host)
        return getaddrinfo(host, *args, **kwargs)

    def guarded_gethostbyname(host: str) -> str:
        if not _resolvable(host):
            raise _unresolved(host)
        return gethostbyname(host)

    def guarded_gethostbyname_ex(host: str) -> Any:
        if not _resolvable(host):
            raise _unresolved(host)
        return gethostbyname_ex(host)

    socket.getaddrinfo = guarded_getaddrinfo
    socket.gethostbyname = guarded_gethostbyname
    socket.gethostbyname_ex = guarded_gethostbyname_ex
    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    socket.socket._kznews_netguard = True  # type: ignore[attr-defined]

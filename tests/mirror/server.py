"""Serve a ``MirrorSite`` on 127.0.0.1 (an ephemeral port) in a background thread.

Every request is logged to ``MirrorServer.hits`` as ground truth (what the
crawler really fetched, when, and what it got).  ``overrides`` (path -> an
``Override``) change a path's answer for reliability tests: another status,
extra headers, a delay, for the first N requests or for all; the dict may be
changed while the server runs.

Reliability additions (tests/reliability): an ``Override`` may also set the
``content_type`` (charset tests) or a transport ``fault`` -- a body shorter than
its Content-Length, a connection dropped before any answer, broken chunked
encoding, or headers sent then a stall of ``delay`` seconds before the body --
and each ``Hit`` keeps the request's headers (Host, If-None-Match...).
``peak_in_flight`` is the most requests the server was answering at once.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.mirror.site import MirrorSite


@dataclass(frozen=True)
class Hit:
    """One request as the server saw it."""

    method: str
    path: str  # path and query, as requested
    status: int
    time: float  # time.monotonic() when the request arrived
    user_agent: str | None = None
    headers: dict[str, str] = field(default_factory=dict)  # the request's headers


@dataclass
class Override:
    """A changed answer for one path (query ignored)."""

    status: int | None = None  # answer this status (body: a short text) instead of the file
    headers: dict[str, str] = field(default_factory=dict)  # e.g. {"Retry-After": "2"}
    delay: float = 0.0  # seconds to wait before answering
    times: int | None = None  # apply to the first N requests of the path only; None: always
    body: bytes | None = None  # answer this body instead (with the file's content type)
    # -- reliability additions --
    content_type: str | None = None  # answer with this Content-Type instead
    # A transport fault instead of a clean answer (after ``delay``, if any, except "stall_body"):
    #   "truncate"    Content-Length of the full body, half of it sent, connection closed
    #   "drop"        connection closed before any byte of the answer
    #   "bad_chunks"  chunked encoding with a malformed chunk size, connection closed
    #   "stall_body"  status and headers sent at once, then ``delay`` seconds before the body
    fault: str | None = None
    then: Override | None = None  # the answer once ``times`` is used up (e.g. 503, then a redirect)


@dataclass
class MirrorServer:
    """A running mirror: its base URL (no trailing slash) and the hits so far."""

    base_url: str
    hits: list[Hit]
    overrides: dict[str, Override]
    _server: _Server = field(repr=False)

    @property
    def peak_connections(self) -> int:
        """The most connections that were open at once (per-host concurrency seen)."""
        return self._server.peak

    @property
    def peak_in_flight(self) -> int:
        """The most requests being answered at once (reliability addition)."""
        return self._server.peak_in_flight

    def url(self, path: str) -> str:
        return self.base_url + path

    def hits_for(self, path: str) -> list[Hit]:
        """Hits on ``path`` (query ignored)."""
        return [h for h in self.hits if urlsplit(h.path).path == path]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: MirrorSite, overrides: dict[str, Override], ipv6: bool = False) -> None:
        self.address_family = socket.AF_INET6 if ipv6 else socket.AF_INET
        super().__init__(("::1" if ipv6 else "127.0.0.1", 0), _Handler)
        self.site = site
        self.overrides = overrides
        self.hits: list[Hit] = []
        self.base_url = f"http://{'[::1]' if ipv6 else '127.0.0.1'}:{self.server_address[1]}"
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.applied: dict[str, int] = {}  # path -> how many times its override was used
        self.connections: set[socket.socket] = set()
        self.peak = 0
        self.in_flight = 0
        self.peak_in_flight = 0

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, addr = super().get_request()
        with self.lock:
            self.connections.add(conn)
            self.peak = max(self.peak, len(self.connections))
        return conn, addr

    def shutdown_request(self, request: Any) -> None:
        with self.lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up before its answer is written (a crawl stopped or timed out, a test's socket closed) is
        normal for a test server: say nothing.  Any other error in a handler is printed, as ``socketserver`` does."""
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        """Wake handlers waiting on idle keep-alive connections so they end now."""
        with self.lock:
            for conn in self.connections:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def override(self, path: str) -> Override | None:
        with self.lock:
            rule = self.overrides.get(path)
            if rule is None:
                return None
            used = self.applied.get(path, 0)
            if rule.times is not None and used >= rule.times:
                return rule.then
            self.applied[path] = used + 1
            return rule


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    timeout = 10  # idle keep-alive connections are closed after this
    server: _Server

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        server = self.server
        with server.lock:
            server.in_flight += 1
            server.peak_in_flight = max(server.peak_in_flight, server.in_flight)
        try:
            self._answer_counted(send_body)
        finally:
            with server.lock:
                server.in_flight -= 1

    def _answer_counted(self, send_body: bool) -> None:
        arrived = time.monotonic()
        server = self.server
        path = urlsplit(self.path).path
        # a page with a query (?p=2, ?start=20) when the site has one, else the path's
        rendered = server.site.render(self.path, server.base_url) or server.site.render(path, server.base_url)
        status, content_type, body = (
            (200, *rendered) if rendered else (404, "text/plain; charset=utf-8", b"not found\n")
        )
        rule = server.override(path)
        headers: dict[str, str] = {}
        if rule is not None:
            if rule.status is not None:
                status = rule.status
                content_type = "text/plain; charset=utf-8"
                body = f"status {status}\n".encode()
            if rule.body is not None:
                body = rule.body
            if rule.content_type is not None:
                content_type = rule.content_type
            headers = rule.headers
        server.hits.append(
            Hit(self.command, self.path, status, arrived, self.headers.get("User-Agent"),
                dict(self.headers.items()))
        )
        fault = rule.fault if rule is not None else None
        if rule is not None and rule.delay and fault != "stall_body" and server.stopping.wait(rule.delay):
            self.close_connection = True
            return
        if fault is not None:
            self._fault(fault, status, content_type, body, headers, rule.delay if rule else 0.0)
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _fault(self, fault: str, status: int, content_type: str, body: bytes,
               headers: dict[str, str], delay: float) -> None:
        """Answer with a transport fault (reliability addition); the connection is closed."""
        self.close_connection = True
        if fault == "drop":
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        if fault == "bad_chunks":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"10\r\n" + body[:16] + b"\r\nzz-not-hex\r\n" + body[16:64] + b"\r\n")
            self.wfile.flush()
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if fault == "truncate":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            return
        if fault == "stall_body":
            self.wfile.flush()
            if self.server.stopping.wait(delay):
                return
            self.wfile.write(body)
            return
        raise ValueError(f"unknown fault {fault!r}")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        """Silent: ``hits`` is the log."""


@contextmanager
def serve(site: MirrorSite, overrides: dict[str, Override] | None = None, *,
          ipv6: bool = False) -> Iterator[MirrorServer]:
    """Serve ``site`` on 127.0.0.1 (or ::1) until the block ends; yields the running ``MirrorServer``."""
    server = _Server(site, overrides if overrides is not None else {}, ipv6)
    thread = threading.Thread(target=server.serve_forever, name="kznews-mirror", daemon=True)
    thread.start()
    try:
        yield MirrorServer(server.base_url, server.hits, server.overrides, server)
    finally:
        server.stopping.set()
        server.shutdown()
        server.close_connections()
        server.server_close()
        thread.join(timeout=5)

"""A loopback HTTP server with a request log, and the policy spider run in a subprocess.

The crawls run ``tests.policy_spider`` in a subprocess (Scrapy's reactor runs
once per process) against servers started here on 127.0.0.1; each server logs
every request it receives (time, Host header, path), which is the ground truth
the assertions use.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from tests.httpserver import QuietHTTPServer

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Hit:
    time: float  # time.monotonic() when the request arrived
    host: str  # the Host header's name, without the port
    path: str
    status: int


Answer = tuple[int, dict[str, str], bytes]  # status, headers, body
Route = Answer | list[Answer] | Callable[[], Answer]  # a list: one answer per request, the last repeats


class _Handler(BaseHTTPRequestHandler):
    """Answers from its server's routes; a client that hung up early is not an error."""

    server: _HTTPServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        arrived = time.monotonic()
        owner = self.server.owner
        status, headers, body = owner.answer(self.path)
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        with owner.lock:
            owner.hits.append(Hit(arrived, host, self.path, status))
        try:
            self.send_response(status)
            for name, value in {"Content-Type": "text/html", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except ConnectionError:
            pass  # e.g. the crawler timed out first

    def log_message(self, *args: Any) -> None:
        pass


class _HTTPServer(QuietHTTPServer):
    owner: LoopbackServer


class LoopbackServer:
    """An HTTP server on 127.0.0.1 answering from ``routes`` and logging every hit."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.owner = self
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, path: str) -> Answer:
        route = self.routes.get(path, (404, {}, b"not found"))
        if callable(route):
            return route()
        if isinstance(route, list):
            with self.lock:
                return route.pop(0) if len(route) > 1 else route[0]
        return route

    def paths(self, host: str | None = None) -> list[str]:
        return [h.path for h in self.hits if host is None or h.host == host]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def crawl(tmp_path: Path, urls: list[str], domains: list[str], **settings: Any) -> dict[str, Any]:
    """Run the policy spider in a subprocess; return its stats."""
    stats_path = tmp_path / "stats.json"
    config = json.dumps({"urls": urls, "domains": domains, "settings": settings})
    result = subprocess.run(
        [sys.executable, "-m", "tests.policy_spider", config, str(stats_path)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(stats_path.read_text())


def page(*links: str) -> Answer:
    return (200, {}, "".join(f'<a href="{link}">x</a>' for link in links).encode())


def redirect(to: str) -> Answer:
    return (302, {"Location": to}, b"")


NO_ROBOTS: Answer = (404, {}, b"")

"""The test servers' HTTP server says nothing when a client hangs up, and still prints any other error."""

from __future__ import annotations

import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from tests.httpserver import QuietHTTPServer


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        raise ValueError("a bug in the handler")

    def log_message(self, *args: Any) -> None:
        pass


def _exchange(port: int, data: bytes, *, reset: bool) -> None:
    """Send ``data``; then hang up with a reset (SO_LINGER 0), or wait for the server to close."""
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(data)
        if reset:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            client.recv(1)


@pytest.mark.parametrize(("data", "reset", "printed"), [
    (b"GET / HTTP/1.1\r\nHost: x\r\n", True, ""),  # half a request, then the client resets: nothing said
    (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", False, "ValueError: a bug in the handler"),
], ids=["hang-up", "handler error"])
def test_a_hang_up_is_silent_and_a_handler_error_is_printed(
        data: bytes, reset: bool, printed: str, capsys: pytest.CaptureFixture[str]) -> None:
    server = QuietHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = False  # so that server_close() waits for the handler's thread
    accept = threading.Thread(target=server.handle_request)  # one connection
    accept.start()
    _exchange(server.server_address[1], data, reset=reset)
    accept.join(timeout=5)
    server.server_close()
    err = capsys.readouterr().err
    assert (printed in err and "Traceback" in err) if printed else err == ""

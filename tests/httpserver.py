"""The test servers' HTTP server: threaded, and quiet when a client hangs up.

A crawler that times out, a crawl stopped at its limit, a test's socket closed early: the client goes before its
answer is read or written, and ``socketserver`` would print the handler's ``ConnectionResetError`` or
``BrokenPipeError`` with its traceback.  For a test server that is normal: nothing is printed.  Any other error in
a handler is printed, as ``socketserver`` does.
"""

from __future__ import annotations

import sys
from http.server import ThreadingHTTPServer
from typing import Any


class QuietHTTPServer(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` (daemon threads) that says nothing of a client's hang-up."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)

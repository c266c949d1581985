"""The ``serve`` fixture: loopback servers started per test and closed after it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.middlewares.loopback import LoopbackServer, Route


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Route]], LoopbackServer]]:
    servers: list[LoopbackServer] = []

    def start(routes: dict[str, Route]) -> LoopbackServer:
        servers.append(LoopbackServer(routes))
        return servers[-1]

    yield start
    for server in servers:
        server.close()

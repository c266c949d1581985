"""The tests' network guard: loopback only, in the test process and in the subprocesses tests start."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests import netguard
from tests.conftest import REPO

TEST_NET = ("192.0.2.1", 80)  # TEST-NET-1 (RFC 5737): never a real host


@pytest.fixture
def refused_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's refusals go to a log of its own (they are the point, not a failure)."""
    log = tmp_path / "refused.log"
    monkeypatch.setenv(netguard.LOG_ENV, str(log))
    return log


def test_a_connection_beyond_loopback_is_refused_and_logged(refused_log: Path) -> None:
    with pytest.raises(ConnectionRefusedError, match="127.0.0.1 only"):
        socket.create_connection(TEST_NET, timeout=1)
    assert "192.0.2.1" in refused_log.read_text()


def test_a_subprocess_is_guarded_too(refused_log: Path) -> None:
    code = f"import socket; socket.create_connection({TEST_NET!r}, timeout=1)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.returncode != 0
    assert "ConnectionRefusedError" in run.stderr
    assert "192.0.2.1" in refused_log.read_text()


def test_loopback_connects() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        with socket.create_connection(server.getsockname(), timeout=5):
            pass


@pytest.mark.parametrize(("address", "local"), [
    (("127.0.0.1", 80), True), (("::1", 80, 0, 0), True), (("localhost", 80), True), ("/tmp/s.sock", True),
    (("10.0.0.1", 80), False), (("www.inform.kz", 443), False),
])
def test_what_counts_as_local(address: object, local: bool) -> None:
    assert netguard.is_local(address) is local


def test_a_name_is_not_looked_up_in_the_dns(refused_log: Path) -> None:
    """The C resolver's queries would leave the machine without passing connect(): names are refused too."""
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("www.inform.kz", 443)
    with pytest.raises(socket.gaierror):
        socket.gethostbyname("tengrinews.kz")
    assert refused_log.read_text().count("look up no name") == 2


def test_a_subprocess_looks_up_no_name_either(refused_log: Path) -> None:
    code = "import socket; socket.getaddrinfo('kt.kz', 80)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.returncode != 0 and "gaierror" in run.stderr
    assert "kt.kz" in refused_log.read_text()


def test_invalid_names_fail_at_once_and_loopback_names_resolve(refused_log: Path) -> None:
    """.invalid never resolves (RFC 6761): the guard answers it itself, no attempt logged."""
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("kznews-test.invalid", 80)
    assert socket.getaddrinfo("127.0.0.1", 80) and socket.getaddrinfo("localhost", 80)
    assert socket.gethostbyname("127.0.0.1") == "127.0.0.1"
    assert not refused_log.exists()

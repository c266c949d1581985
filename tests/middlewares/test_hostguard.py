"""The host guard: only the crawled outlets' hosts, never a private address unless named."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest

from kznews.middlewares import (
    HostGuardMiddleware,
    non_public,
)
from tests.conftest import crawler_with_defaults
from tests.policy_spider import PolicySpider


def _guard(domains: tuple[str, ...], **settings: Any) -> HostGuardMiddleware:
    crawler = crawler_with_defaults(PolicySpider, settings)
    crawler.spider = PolicySpider(urls=[], domains=list(domains))
    return HostGuardMiddleware.from_crawler(crawler)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "0.0.0.0", "10.1.2.3", "172.16.0.1",
        "192.168.1.1", "169.254.169.254", "100.100.100.200", "224.0.0.1", "240.0.0.1",
        "255.255.255.255", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1",
        "64:ff9b::7f00:1", "localhost", "a.b.localhost", "metadata.google.internal",
    ],
)
def test_non_public_hosts(host: str) -> None:
    assert non_public(host)


@pytest.mark.parametrize("host", ["8.8.8.8", "2001:4860:4860::8888", "tengrinews.kz", "123.kz", "deadbeef.kz"])
def test_public_hosts(host: str) -> None:
    assert non_public(host) is None


def test_guard_allows_only_the_outlet_and_named_hosts() -> None:
    guard = _guard(("tengrinews.kz", "127.0.0.1"), KZNEWS_ALLOW_HOSTS=["10.0.0.7"])
    for url in [
        "https://tengrinews.kz/a",
        "https://kaz.tengrinews.kz/a",
        "http://127.0.0.1:8000/a",  # named (a --mirror): allowed although loopback
        "http://10.0.0.7/a",  # KZNEWS_ALLOW_HOSTS
    ]:
        guard.process_request(Request(url))
    refused = [
        "https://example.com/",
        "http://127.0.0.2/",  # loopback, not named
        "http://localhost:8000/",  # the same machine under another name
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "https://tengrinews.kz.evil.com/",
    ]
    for url in refused:
        with pytest.raises(IgnoreRequest, match="host guard"):
            guard.process_request(Request(url, dont_filter=True))
    stats = guard.crawler.stats.get_stats()
    assert stats["kznews/host_guard/refused"] == len(refused)
    assert stats["kznews/host_guard/refused_hosts"] == len(refused)


def test_guard_refuses_local_subdomains_of_a_named_host() -> None:
    guard = _guard(("localhost",))
    guard.process_request(Request("http://localhost:1/"))
    with pytest.raises(IgnoreRequest):
        guard.process_request(Request("http://admin.localhost:1/"))


def test_guard_logs_once_per_host(caplog: pytest.LogCaptureFixture) -> None:
    guard = _guard(("tengrinews.kz",))
    for _ in range(3):
        with pytest.raises(IgnoreRequest):
            guard.process_request(Request("https://evil.example/x"))
    assert len([r for r in caplog.records if "evil.example" in r.getMessage()]) == 1
    assert guard.crawler.stats.get_value("kznews/host_guard/refused") == 3


def test_guard_fails_closed_without_a_scope() -> None:
    """A spider that names no scope lets nothing through: the request fails, naming what is missing."""
    crawler = crawler_with_defaults()
    crawler.spider = object()  # type: ignore[assignment]
    with pytest.raises(TypeError, match="no `scope`"):
        HostGuardMiddleware.from_crawler(crawler).process_request(Request("https://tengrinews.kz/"))

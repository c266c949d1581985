"""Crawl-policy middlewares: unit tests, then real crawls against loopback servers.

The crawls run ``tests.policy_spider`` in a subprocess (Scrapy's reactor runs
once per process) against servers started here on 127.0.0.1; each server logs
every request it receives (time, Host header, path), which is the ground truth
the assertions use.

Telling an allowed host from a disallowed one on a single loopback address:
the spider's outlet is ``localhost`` (named explicitly, so allowed although it
is a local name), while ``127.0.0.1`` -- the same socket -- is not the
outlet's.  The ``Host`` header the server receives says which name the
crawler used, so "no request with Host 127.0.0.1" means the guard held.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred

from kznews.items import Article as ArticleRecord
from kznews.items import DiscoveryHint, PageItem, PageRecord
from kznews.middlewares import (
    ArchivedSkipMiddleware,
    HostGuardMiddleware,
    RetryAfterMiddleware,
    RobotsFailClosedMiddleware,
    changed_since,
    non_public,
    retry_after_seconds,
)
from kznews.spiders.news import NewsSpider
from kznews.storage import Archive
from tests.policy_spider import PolicySpider

REPO = Path(__file__).resolve().parents[1]


# -- unit tests --------------------------------------------------------------------------


def _guard(domains: tuple[str, ...], **settings: Any) -> HostGuardMiddleware:
    crawler = get_crawler(PolicySpider, settings)
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


def test_guard_fails_closed_without_an_outlet() -> None:
    crawler = get_crawler()
    crawler.spider = object()  # type: ignore[assignment]
    with pytest.raises(IgnoreRequest):
        HostGuardMiddleware.from_crawler(crawler).process_request(Request("https://tengrinews.kz/"))


@pytest.mark.parametrize(
    ("cls", "setting"),
    [
        (HostGuardMiddleware, "KZNEWS_HOST_GUARD_ENABLED"),
        (RetryAfterMiddleware, "KZNEWS_RETRY_AFTER_ENABLED"),
        (RobotsFailClosedMiddleware, "ROBOTSTXT_OBEY"),
        (ArchivedSkipMiddleware, "KZNEWS_INCREMENTAL"),
    ],
)
def test_each_middleware_can_be_switched_off(cls: Any, setting: str) -> None:
    with pytest.raises(NotConfigured):
        cls.from_crawler(get_crawler(settings_dict={setting: False}))


NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (b"2", 2.0),
        (" 120 ", 120.0),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True).encode(), 90.0),
        (b"Wed, 01 May 2024 11:00:00 GMT", 0.0),  # in the past: no wait
        (b"-5", None),
        (b"1.5", None),
        (b"soon", None),
        (None, None),
    ],
)
def test_retry_after_values(value: bytes | str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, now=NOW) == seconds


class _Slots:
    """The part of Scrapy's downloader that RetryAfterMiddleware touches."""

    def __init__(self, slots: dict[str, Any]) -> None:
        self.slots = slots


def test_retry_after_pauses_the_slot_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    from scrapy.core.downloader import Slot

    crawler = get_crawler(settings_dict={"KZNEWS_RETRY_AFTER_MAX": 10})
    slot = Slot(concurrency=1, delay=1.0, jitter=0.5)
    crawler.engine = type("Engine", (), {"downloader": _Slots({"kaz.example": slot})})()  # type: ignore[assignment]
    timers: list[float] = []
    monkeypatch.setattr("kznews.middlewares.retryafter.call_later", lambda delay, *a: timers.append(delay))
    mw = RetryAfterMiddleware.from_crawler(crawler)
    request = Request("https://kaz.example/a", meta={"download_slot": "kaz.example"})
    for status, value in [(200, b"5"), (429, b"soon"), (429, b"3600"), (503, b"2")]:
        mw.response_downloaded(Response(request.url, status=status, headers={"Retry-After": value}), request)
    assert (slot.delay, slot.jitter) == (10.0, 0.0)  # capped; a shorter later wait does not shorten it
    assert time.monotonic() - slot.lastseen < 1
    assert timers == [1.0]  # one restoring timer per pause
    stats = crawler.stats.get_stats()
    assert (stats["kznews/retry_after/received"], stats["kznews/retry_after/capped"]) == (2, 1)
    assert stats["kznews/retry_after/max_wait"] == 10.0
    mw.paused["kaz.example"] = (time.monotonic() - 1, 1.0, 0.5)  # the pause is over
    mw._tick("kaz.example")
    assert (slot.delay, slot.jitter) == (1.0, 0.5) and not mw.paused


def _robots(**settings: Any) -> RobotsFailClosedMiddleware:
    crawler = get_crawler(PolicySpider, {"ROBOTSTXT_OBEY": True, **settings})
    crawler.spider = PolicySpider(urls=[], domains=["kaz.example"])
    return RobotsFailClosedMiddleware.from_crawler(crawler)


async def _parsed(mw: RobotsFailClosedMiddleware, status: int, body: bytes) -> None:
    netloc = "kaz.example"
    mw._parsers[netloc] = Deferred()
    request = Request("https://kaz.example/news/1")
    await mw._parse_robots(Response("https://kaz.example/robots.txt", status=status, body=body), netloc, request)


@pytest.mark.parametrize(
    ("status", "allowed"),
    [(200, False), (503, False), (500, False), (429, False), (404, True), (403, True), (301, True)],
)
def test_robots_status_semantics(status: int, allowed: bool) -> None:
    mw = _robots()
    body = b"User-agent: *\nDisallow: /news/\n" if status == 200 else b"<html>oops</html>"
    asyncio.run(_parsed(mw, status, body))
    parser = mw._parsers["kaz.example"]
    assert parser.allowed("https://kaz.example/news/1", "kznews") is allowed


def test_robots_download_error_disallows_all() -> None:
    mw = _robots()
    mw._parsers["kaz.example"] = waiting = Deferred()
    mw._robots_error(TimeoutError("timed out"), "kaz.example")
    assert waiting.called and not waiting.result.allowed("https://kaz.example/", "kznews")
    assert mw.crawler.stats.get_value("kznews/robots/unreachable") == 1


# -- real crawls ---------------------------------------------------------------------------


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


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
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


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Route]], LoopbackServer]]:
    servers: list[LoopbackServer] = []

    def start(routes: dict[str, Route]) -> LoopbackServer:
        servers.append(LoopbackServer(routes))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


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


def _page(*links: str) -> Answer:
    return (200, {}, "".join(f'<a href="{link}">x</a>' for link in links).encode())


def _redirect(to: str) -> Answer:
    return (302, {"Location": to}, b"")


NO_ROBOTS: Answer = (404, {}, b"")


def test_crawl_redirects_and_retries_never_reach_a_host_that_is_not_allowed(tmp_path: Path, serve: Any) -> None:
    routes: dict[str, Route] = {"/robots.txt": NO_ROBOTS}
    server = serve(routes)
    local = f"http://127.0.0.1:{server.port}"
    routes.update(
        {
            "/start": _redirect(f"{local}/secret"),  # from the outlet to loopback
            "/flaky": [(503, {}, b"busy"), _redirect(f"{local}/secret")],  # the retry redirects
            "/links": _page(f"{local}/linked", "http://169.254.169.254/latest/meta-data/", "/ok"),
            "/ok": _page(),
            "/secret": _page(),
            "/linked": _page(),
        }
    )
    allowed = f"http://localhost:{server.port}"
    stats = crawl(
        tmp_path,
        [f"{allowed}/start", f"{allowed}/flaky", f"{allowed}/links", f"{local}/direct"],
        ["localhost"],
    )
    assert server.paths("127.0.0.1") == []  # no request to the host that is not allowed
    assert sorted(server.paths("localhost")) == ["/flaky", "/flaky", "/links", "/ok", "/robots.txt", "/start"]
    # refused: 2 redirects to 127.0.0.1, 1 link to it, the metadata link, the direct start URL
    assert stats["kznews/host_guard/refused"] == 5
    assert stats["kznews/host_guard/refused_hosts"] == 2
    assert "robotstxt/request_count" in stats  # robots was on, and asked of localhost only


def test_crawl_robots_fail_closed_and_crawl_delay(tmp_path: Path, serve: Any) -> None:
    polite = serve(
        {
            "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n"),
            "/start": _page("/a", "/b", "/private/x", "/private/y"),
            "/a": _page("/private/z"),
            "/b": _page(),
        }
    )
    down = serve({"/robots.txt": (503, {}, b"<h1>maintenance</h1>"), "/start": _page("/a")})
    slow = serve({"/robots.txt": lambda: (time.sleep(2), (200, {}, b""))[1], "/start": _page()})
    missing = serve({"/robots.txt": NO_ROBOTS, "/start": _page()})
    started = time.monotonic()
    stats = crawl(
        tmp_path,
        [f"http://localhost:{polite.port}/start"]
        + [f"http://127.0.0.1:{s.port}/start" for s in (down, slow, missing)],
        ["localhost", "127.0.0.1"],
        DOWNLOAD_TIMEOUT=1, RETRY_TIMES=1, AUTOTHROTTLE_ENABLED=True,
        AUTOTHROTTLE_START_DELAY=0, AUTOTHROTTLE_MAX_DELAY=0.1,
    )
    elapsed = time.monotonic() - started
    assert [p for p in polite.paths() if p.startswith("/private/")] == []  # 0 hits on disallowed paths
    assert sorted(polite.paths()) == ["/a", "/b", "/robots.txt", "/start"]
    gaps = [b.time - a.time for a, b in zip(polite.hits, polite.hits[1:])]
    assert min(gaps) >= 0.95, gaps  # Crawl-delay 1 held although AutoThrottle alone would allow 0.1 s
    assert down.paths() == ["/robots.txt", "/robots.txt"]  # 503 (and its retry): nothing else fetched
    assert set(slow.paths()) == {"/robots.txt"}  # timed out: nothing else fetched
    assert missing.paths() == ["/robots.txt", "/start"]  # 404: everything allowed
    assert stats["kznews/robots/unreachable"] == 2
    assert stats["kznews/robots/missing"] == 1
    assert stats["kznews/robots/crawl_delay"] == 1.0
    assert stats["robotstxt/forbidden"] == 5  # 3 private links + the two hosts that fail closed
    print(f"robots crawl: min gap with Crawl-delay 1: {min(gaps):.2f} s; {elapsed:.1f} s")


def test_crawl_retry_after_delays_the_retry_and_the_host(tmp_path: Path, serve: Any) -> None:
    answers = [(429, {"Retry-After": "2"}, b"slow down"), _page()]  # the first page request is throttled

    def page() -> Answer:
        return answers.pop(0) if len(answers) > 1 else answers[0]

    server = serve({"/robots.txt": NO_ROBOTS, "/a": page, "/b": page, "/c": page})
    base = f"http://127.0.0.1:{server.port}"
    # A small delay: with DOWNLOAD_DELAY = 0, Scrapy 2.19 sends a slot's whole queue at once.
    stats = crawl(tmp_path, [f"{base}/a", f"{base}/b", f"{base}/c"], ["127.0.0.1"], DOWNLOAD_DELAY=0.2)
    (throttled,) = [h for h in server.hits if h.status == 429]
    after = [h for h in server.hits if h.time > throttled.time]
    assert sorted(h.path for h in after) == ["/a", "/b", "/c"]  # the retry, and the requests queued behind it
    assert throttled.path in [h.path for h in after]
    gap = min(h.time for h in after) - throttled.time
    assert gap >= 2.0, gap  # nothing at all reached the host for 2 s
    assert gap < 3.5  # and then the crawl went on
    assert stats["kznews/retry_after/received"] == 1
    assert stats["retry/count"] == 1
    print(f"retry-after crawl: first request {gap:.2f} s after the 429 (Retry-After: 2)")


# -- incremental crawling (ArchivedSkipMiddleware) -----------------------------------------

ART = "https://kaz.example/news/a-1/"
FETCHED_AT = "2024-05-01T06:00:00+00:00"


def _archive_with(db: Path, headers: dict[str, list[str]]) -> None:
    with Archive(db) as archive:
        archive.store([PageItem(
            url=ART, status=200, headers=headers, body=b"<html>a</html>", fetched_at=FETCHED_AT,
            site=None, edition=None, kind="article",
            record=PageRecord(url=ART, kind="article", article=ArticleRecord(url=ART, headline="А")),
        )])


def _skipper(db: Path, **settings: Any) -> tuple[ArchivedSkipMiddleware, NewsSpider]:
    crawler = get_crawler(NewsSpider, {"KZNEWS_DB": str(db), **settings})
    spider = NewsSpider(url="https://kaz.example/sitemap.xml")
    crawler.spider = spider
    spider.crawler = crawler
    return ArchivedSkipMiddleware.from_crawler(crawler), spider


def _article_request(spider: NewsSpider, url: str = ART, **hint: str) -> Request:
    return Request(url, callback=spider.parse_article,
                   cb_kwargs={"lang": None, "hint": DiscoveryHint(source="sitemap", **hint)})


@pytest.mark.parametrize(
    ("hint", "changed"),
    [
        ({}, False),
        ({"lastmod": "2024-04-30"}, False),
        ({"lastmod": "2024-05-01T10:00:00+05:00"}, False),  # 05:00 UTC: before the fetch
        ({"lastmod": "2024-05-01T12:00:00+05:00"}, True),
        ({"published": "Wed, 01 May 2024 12:00:00 +0500"}, True),
        ({"lastmod": "not a date"}, False),
    ],
)
def test_changed_since(hint: dict[str, str], changed: bool) -> None:
    assert changed_since(DiscoveryHint(source="sitemap", **hint), FETCHED_AT) is changed
    assert changed_since(None, FETCHED_AT) is False


def test_incremental_skips_archived_unchanged_articles(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    _archive_with(db, {"Content-Type": ["text/html"]})
    mw, spider = _skipper(db)
    with pytest.raises(IgnoreRequest):
        mw.process_request(_article_request(spider, lastmod="2024-04-01"))
    assert mw.process_request(_article_request(spider, "https://kaz.example/news/new-2/")) is None
    # Only article requests are looked at: a sitemap at an archived URL still goes.
    assert mw.process_request(Request(ART, callback=spider.parse_sitemap)) is None
    assert mw.crawler.stats.get_value("kznews/incremental/skipped") == 1
    conn = mw.conn
    mw.process_request(_article_request(spider, "https://kaz.example/news/new-3/"))
    assert mw.conn is conn and not conn.in_transaction  # one connection, no snapshot held
    mw.spider_closed(spider, "finished")
    assert mw.conn is None


def test_incremental_changed_article_goes_as_a_conditional_get(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    _archive_with(db, {"Etag": ['"v1"'], "Last-Modified": ["Wed, 01 May 2024 05:00:00 GMT"]})
    mw, spider = _skipper(db)
    request = _article_request(spider, lastmod="2024-06-01T00:00:00+00:00")
    assert mw.process_request(request) is None
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert request.headers[b"If-Modified-Since"] == b"Wed, 01 May 2024 05:00:00 GMT"
    with pytest.raises(IgnoreRequest):
        mw.process_response(request, Response(ART, status=304, request=request))
    ok = Response(ART, status=200, request=request)
    assert mw.process_response(request, ok) is ok
    # A 304 to an ordinary request is not ours to judge.
    plain = Request("https://kaz.example/x")
    resp = Response(plain.url, status=304, request=plain)
    assert mw.process_response(plain, resp) is resp
    stats = mw.crawler.stats
    assert stats.get_value("kznews/incremental/conditional") == 1
    assert stats.get_value("kznews/incremental/not_modified") == 1


def test_incremental_without_validators_sends_a_plain_get(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    _archive_with(db, {"Content-Type": ["text/html"]})
    mw, spider = _skipper(db)
    request = _article_request(spider, published="2030-01-01T00:00:00+00:00")
    assert mw.process_request(request) is None
    assert b"If-None-Match" not in request.headers and b"If-Modified-Since" not in request.headers


def test_incremental_off_when_the_archive_is_unreadable(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    mw, spider = _skipper(tmp_path / "missing.db")
    assert mw.process_request(_article_request(spider)) is None
    assert mw.process_request(_article_request(spider)) is None
    assert mw.unavailable
    assert sum("incremental crawl off" in r.getMessage() for r in caplog.records) == 1

"""Real crawls against loopback servers: redirects, robots.txt and Retry-After as a server sees them.

Telling an allowed host from a disallowed one on a single loopback address:
the spider's outlet is ``localhost`` (named explicitly, so allowed although it
is a local name), while ``127.0.0.1`` -- the same socket -- is not the
outlet's.  The ``Host`` header the server receives says which name the
crawler used, so "no request with Host 127.0.0.1" means the guard held.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.middlewares.loopback import NO_ROBOTS, Answer, Route, crawl, page, redirect


def test_crawl_redirects_and_retries_never_reach_a_host_that_is_not_allowed(tmp_path: Path, serve: Any) -> None:
    routes: dict[str, Route] = {"/robots.txt": NO_ROBOTS}
    server = serve(routes)
    local = f"http://127.0.0.1:{server.port}"
    routes.update(
        {
            "/start": redirect(f"{local}/secret"),  # from the outlet to loopback
            "/flaky": [(503, {}, b"busy"), redirect(f"{local}/secret")],  # the retry redirects
            "/links": page(f"{local}/linked", "http://169.254.169.254/latest/meta-data/", "/ok"),
            "/ok": page(),
            "/secret": page(),
            "/linked": page(),
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
            "/start": page("/a", "/b", "/private/x", "/private/y"),
            "/a": page("/private/z"),
            "/b": page(),
        }
    )
    down = serve({"/robots.txt": (503, {}, b"<h1>maintenance</h1>"), "/start": page("/a")})
    slow = serve({"/robots.txt": lambda: (time.sleep(2), (200, {}, b""))[1], "/start": page()})
    missing = serve({"/robots.txt": NO_ROBOTS, "/start": page()})
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
    answers = [(429, {"Retry-After": "2"}, b"slow down"), page()]  # the first page request is throttled

    def answer() -> Answer:
        return answers.pop(0) if len(answers) > 1 else answers[0]

    server = serve({"/robots.txt": NO_ROBOTS, "/a": answer, "/b": answer, "/c": answer})
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

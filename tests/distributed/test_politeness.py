"""Politeness measured across the workers of a shared run, at the mirror (its hit log is the ground truth)."""

from __future__ import annotations

import pytest

from tests.conftest import FAST
from tests.distributed.helpers import drained, finish, hold_host, release_host_when_joined, stop, worker, writer
from tests.mirror.server import Override, serve
from tests.mirror.site import TEXT, build_site
from tests.reliability.helpers import article_urls, min_gap_after, serve_flat


def _crawl(tmp_path, redis_server, site, server, workers: int, *args: str) -> list[tuple[int, str, str]]:
    db = tmp_path / "polite.db"
    store = writer(redis_server.url, db)
    hold_host(redis_server.client())
    crawls = [worker(redis_server.url, db, "--url", server.url("/all.xml"), *FAST, *args)  # args' delay wins
              for _ in range(workers)]
    release_host_when_joined(redis_server.client(), workers)
    results = [finish(c, 300) for c in crawls]
    drained(redis_server.client(), db)
    assert stop(store)[0] == 0
    assert article_urls(db) == {a.url(server.base_url) for a in site.articles}
    return results


def test_download_delay_holds_across_workers(tmp_path, redis_server):
    site = build_site(16, seed=5)  # 18 requests: 17 gaps to hold, each at least the delay
    with serve(site) as server:
        serve_flat(server, site)
        results = _crawl(tmp_path, redis_server, site, server, 3, "-s", "DOWNLOAD_DELAY=0.3")
        hits = list(server.hits)
    assert [r[0] for r in results] == [0, 0, 0], [r[2][-2000:] for r in results]
    gap = min_gap_after(hits, lambda h: True)
    assert gap is not None and gap >= 0.3, gap
    assert sum(1 for r in results if ": 0 pages" not in r[1]) >= 2, [r[1] for r in results]  # shared out


@pytest.mark.slow  # a shared run of worker processes: `pytest -m slow tests/distributed`
def test_crawl_delay_and_retry_after_hold_across_workers(tmp_path, redis_server):
    site = build_site(16, seed=6)
    robots = b"User-agent: *\nCrawl-delay: 0.5\nDisallow: /search/\n"
    paused = site.articles[3].path
    overrides = {"/robots.txt": Override(status=200, content_type=TEXT, body=robots),
                 paused: Override(status=503, headers={"Retry-After": "2"}, times=1)}
    with serve(site, overrides) as server:
        serve_flat(server, site)
        results = _crawl(tmp_path, redis_server, site, server, 2, "-s", "DOWNLOAD_DELAY=0.05")
        hits = list(server.hits)
    assert [r[0] for r in results] == [0, 0], [r[2][-2000:] for r in results]
    assert [h.path for h in hits].count("/robots.txt") == 1  # one worker fetched it, both obeyed it
    assert min_gap_after(hits, lambda h: True) >= 0.5  # Crawl-delay, not DOWNLOAD_DELAY
    assert min_gap_after(hits, lambda h: h.status == 503) >= 2.0  # Retry-After, whichever worker asked next

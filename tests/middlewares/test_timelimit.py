"""--max-time, SIGTERM and the memory limit end the run on time: the downloads not yet sent are let go, and the
next run fetches them.

The mirror's articles answer slowly, one at a time (one connection per host), so at the limit most of the
requests the engine handed to the downloader are still queued in the host's slot: Scrapy's close alone would
fetch them all, one after the other, after the limit.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured

from kznews import exitcodes
from kznews.middlewares.timelimit import STAT, TimeLimitMiddleware
from tests.conftest import FAST, REPO, crawler_with_defaults
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site
from tests.test_harvest import harvest, registry

LIMIT = 2  # --max-time, seconds
ANSWER = 1.0  # seconds each article takes to answer in the first run
# Closing after the limit: the pages in hand extracted and written (a loaded machine takes its time).
CLOSING = 2.0


def test_a_time_limit_ends_the_run_on_time_and_the_next_run_fetches_what_it_left(tmp_path: Path) -> None:
    site = build_site(n_articles=12, seed=3)
    overrides = {article.path: Override(delay=ANSWER) for article in site.articles}
    db = tmp_path / "h.db"
    with serve(site, overrides) as server:
        sites_file = registry(tmp_path, server.base_url)
        first = harvest(db, sites_file, "--max-time", str(LIMIT))
        assert first.returncode == exitcodes.LIMIT, first.stdout + first.stderr
        outcome, stats = sqlite3.connect(db).execute("SELECT outcome, stats FROM runs").fetchone()
        stats = json.loads(stats)
        assert outcome == "closespider_timeout"
        # Open to close: the limit, then the one article in flight (one connection per host), then the closing.
        # Draining the downloader's queue instead would take ANSWER for each request let go.
        assert stats["elapsed_time_seconds"] <= LIMIT + ANSWER + CLOSING, stats["elapsed_time_seconds"]
        assert stats[STAT] >= 5  # the queue held requests to let go, each of which costs ANSWER when drained
        asked = [hit for hit in server.hits if hit.path in overrides]
        assert max(hit.time for hit in asked) - server.hits[0].time <= LIMIT + 0.5  # nothing sent after the limit
        stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        assert stored == len({hit.path for hit in asked})  # what was fetched is archived

        overrides.clear()  # the next run: prompt answers, no limit
        second = harvest(db, sites_file, "--max-time", "0")
        assert second.returncode == exitcodes.OK, second.stdout + second.stderr
    urls = {url for (url,) in sqlite3.connect(db).execute("SELECT url FROM articles")}
    assert urls == {article.url(server.base_url) for article in site.articles}  # nothing lost
    fetched = [hit.path for hit in server.hits if hit.path in {article.path for article in site.articles}]
    assert sorted(fetched) == sorted(article.path for article in site.articles)  # each article asked once


def test_sigterm_stops_sending_at_once_and_the_next_run_fetches_what_it_left(tmp_path: Path) -> None:
    """The first SIGTERM closes the crawl as a time limit does: the queued downloads are let go, not drained."""
    site = build_site(n_articles=12, seed=3)
    overrides = {article.path: Override(delay=ANSWER) for article in site.articles}
    db = tmp_path / "h.db"
    with serve(site, overrides) as server:
        sites_file = registry(tmp_path, server.base_url)
        env = {**{k: v for k, v in os.environ.items() if k != "KZNEWS_DB"}, "KZNEWS_SITES": str(sites_file)}
        crawl = subprocess.Popen([sys.executable, "-m", "kznews", "--db", str(db), "harvest", "mirror", *FAST],
                                 cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while not any(hit.path in overrides for hit in server.hits) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.5 * ANSWER)  # one article answered, the next in flight, the rest queued in the host's slot
        stopped = time.monotonic()
        crawl.send_signal(signal.SIGTERM)
        out, err = crawl.communicate(timeout=120)
        assert crawl.returncode == exitcodes.LIMIT, out + err
        outcome, stats = sqlite3.connect(db).execute("SELECT outcome, stats FROM runs").fetchone()
        assert outcome == "interrupted"
        assert json.loads(stats)[STAT] >= 5  # each of which costs ANSWER when drained
        asked = [hit for hit in server.hits if hit.path in overrides]
        assert max(hit.time for hit in asked) <= stopped + 0.5  # nothing sent after the stop was seen
        stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        assert stored == len({hit.path for hit in asked})  # what was fetched is archived

        overrides.clear()  # the next run: prompt answers
        second = harvest(db, sites_file)
        assert second.returncode == exitcodes.OK, second.stdout + second.stderr
    urls = {url for (url,) in sqlite3.connect(db).execute("SELECT url FROM articles")}
    assert urls == {article.url(server.base_url) for article in site.articles}  # nothing lost
    fetched = [hit.path for hit in server.hits if hit.path in {article.path for article in site.articles}]
    assert sorted(fetched) == sorted(article.path for article in site.articles)  # each article asked once


@pytest.mark.parametrize(("crawling", "memory_reached", "seen"), [
    (True, False, None), (False, False, "stop asked"), (True, True, "memory limit")])
def test_a_stop_is_seen_from_the_crawler_and_the_memory_figure(crawling: bool, memory_reached: bool,
                                                               seen: str | None) -> None:
    """What the watch reads: ``Crawler.crawling`` (false once a stop is asked) and the memory extension's figure."""
    crawler = crawler_with_defaults()
    crawler.crawling = crawling
    if memory_reached:
        crawler.stats.set_value("memusage/limit_reached", 1)
    middleware = TimeLimitMiddleware.from_crawler(crawler)
    reasons: list[str] = []
    middleware.reach = reasons.append  # type: ignore[method-assign]  # what was seen, not the engine's slots
    middleware._look()
    assert reasons == ([seen] if seen else [])


def test_off_for_a_shared_run() -> None:
    """A shared run's claimed request let go would be settled as done in Redis, and lost."""
    settings = {"CLOSESPIDER_TIMEOUT": 60, "KZNEWS_REDIS_URL": "redis://127.0.0.1:1/0"}
    with pytest.raises(NotConfigured):
        TimeLimitMiddleware.from_crawler(crawler_with_defaults(settings=settings))

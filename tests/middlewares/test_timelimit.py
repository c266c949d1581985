"""--max-time ends the run on time: the downloads not yet sent at the limit are let go, and the next run fetches them.

The mirror's articles answer slowly, one at a time (one connection per host), so at the limit most of the
requests the engine handed to the downloader are still queued in the host's slot: Scrapy's close alone would
fetch them all, one after the other, after the limit.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured

from kznews import exitcodes
from kznews.middlewares.timelimit import STAT, TimeLimitMiddleware
from tests.conftest import crawler_with_defaults
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


@pytest.mark.parametrize("settings", [{}, {"CLOSESPIDER_TIMEOUT": 60, "KZNEWS_REDIS_URL": "redis://127.0.0.1:1/0"}],
                         ids=["no limit", "a shared run's worker"])
def test_off_without_a_limit_and_for_a_shared_run(settings: dict[str, object]) -> None:
    """A shared run's claimed request let go would be settled as done in Redis, and lost."""
    with pytest.raises(NotConfigured):
        TimeLimitMiddleware.from_crawler(crawler_with_defaults(settings=settings))

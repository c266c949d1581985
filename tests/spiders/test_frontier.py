"""The crawl frontier: its bound per outlet, and crawls of a sitemap larger than the bound."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kznews.items import DiscoveryHint
from kznews.spiders.frontier import Frontier
from tests.conftest import REPO
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site

HINT = DiscoveryHint(
    source="sitemap", source_url="https://a.kz/sitemap.xml", title="Жаңа заң", published="2024-03-12T10:00:00+05:00",
    lang="kk", alternates={"ru": "https://a.kz/ru/1", "kk": "https://a.kz/kk/1"},
)


def released_urls(frontier: Frontier) -> list[str]:
    return [url for _, url, _, _ in frontier.release()]


def test_each_outlet_gets_its_own_window_in_the_order_found():
    frontier = Frontier(bound=2)
    for n in range(4):
        frontier.push("a", f"https://a.kz/{n}", HINT, "ru")
    frontier.push("b", "https://b.kz/0", HINT, None)
    assert released_urls(frontier) == ["https://a.kz/0", "https://a.kz/1", "https://b.kz/0"]
    assert released_urls(frontier) == []  # a's window is full, b has nothing left
    assert len(frontier) == 2


def test_a_finished_request_frees_one_place():
    frontier = Frontier(bound=2)
    for n in range(4):
        frontier.push("a", f"https://a.kz/{n}", HINT, "ru")
    released_urls(frontier)
    frontier.done("a")
    assert released_urls(frontier) == ["https://a.kz/2"]
    assert len(frontier) == 1


def test_idle_resets_what_was_never_reported_done():
    frontier = Frontier(bound=1)
    frontier.push("a", "https://a.kz/0", HINT, "ru")
    frontier.push("a", "https://a.kz/1", HINT, "ru")
    released_urls(frontier)
    frontier.idle()
    assert released_urls(frontier) == ["https://a.kz/1"]


def test_entries_come_back_as_they_went_in():
    frontier = Frontier(bound=1)
    frontier.push("a", "https://a.kz/kk/1", HINT, "kk")
    ((key, url, hint, lang),) = frontier.release()
    assert (key, url, hint, lang) == ("a", "https://a.kz/kk/1", HINT, "kk")


def test_a_window_needs_room():
    with pytest.raises(ValueError, match="at least one"):
        Frontier(bound=0)


# --- crawls of the loopback mirror ----------------------------------------------------------

N_ARTICLES = 100  # 60 of them in the two child sitemaps, 30 each: six times the largest bound below


@pytest.fixture(scope="module")
def site():
    return build_site(N_ARTICLES, seed=3)


def crawl(tmp_path: Path, server: Any, bound: int, max_articles: int = 0) -> dict[str, Any]:
    """`kznews crawl --url <mirror>/sitemap.xml` with the queue probe; its findings."""
    out = tmp_path / "probe.json"
    config = {
        "db": str(tmp_path / "f.db"),
        "spider": {"url": server.url("/sitemap.xml"), "max_articles": max_articles},
        "settings": {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
                     "KZNEWS_FRONTIER_REQUESTS": bound},
    }
    result = subprocess.run([sys.executable, "-m", "tests.spiders.queue_probe", json.dumps(config), str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(out.read_text())


def article_hits(site, server) -> Counter[str]:
    paths = {a.path for a in site.articles}
    return Counter(h.path for h in server.hits if h.path in paths)


def in_sitemaps(site) -> set[str]:
    return {a.path for a in site.articles if "sitemap" in a.sources}


def test_a_sitemap_larger_than_the_bound_never_fills_the_scheduler(site, tmp_path):
    with serve(site) as server:
        probe = crawl(tmp_path, server, bound=10)
        hits = article_hits(site, server)
    assert probe["outcome"] == "finished"
    # 10 article requests, and the two child sitemaps the index names (120 articles each)
    assert probe["most_queued"] <= 12, probe
    assert set(hits) == in_sitemaps(site) and set(hits.values()) == {1}  # each fetched exactly once
    assert probe["figures"]["new"] == len(in_sitemaps(site))


def test_max_articles_holds_with_the_frontier(site, tmp_path):
    with serve(site) as server:
        probe = crawl(tmp_path, server, bound=4, max_articles=25)
        hits = article_hits(site, server)
    assert len(hits) == 25 and set(hits.values()) == {1}
    assert probe["most_queued"] <= 6, probe


def test_requests_dropped_unannounced_do_not_stall_the_crawl(site, tmp_path):
    """Offsite redirects are refused as they are scheduled, with no callback nor signal: the idle handler frees their places."""
    moved = Override(status=302, headers={"Location": "http://elsewhere.invalid/moved/"})
    heads = {path for paths in site.sitemaps.values() for path in paths[:5]}
    with serve(site, {path: moved for path in heads}) as server:
        probe = crawl(tmp_path, server, bound=5)
        hits = article_hits(site, server)
    assert set(hits) == in_sitemaps(site) and set(hits.values()) == {1}
    assert probe["figures"]["new"] == len(in_sitemaps(site) - heads)

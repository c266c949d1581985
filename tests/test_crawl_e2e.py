"""End to end: `kznews crawl` against a loopback mirror, then search, stats and sql.

The mirror (tests/mirror) serves robots.txt, a sitemap index with a news sitemap,
an RSS feed, paginated listings and article pages built from a real Kazinform page
and from a synthetic template.  Its ground truth is what must land in the archive.
The crawls and sql run as processes, search, stats and reextract in this one (``CliRunner``).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kznews.cli import main
from kznews.storage.schema import register_functions
from tests.conftest import FAST, REPO, run_kznews, stored_articles
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site


@pytest.fixture(scope="module")
def mirror():
    site = build_site(n_articles=30)
    with serve(site) as server:
        yield site, server


@pytest.fixture(scope="module")
def crawled(mirror, tmp_path_factory):
    """One ad-hoc crawl of the mirror's sitemap, then a second identical one."""
    site, server = mirror
    db = tmp_path_factory.mktemp("e2e") / "kz.db"
    first = run_kznews("crawl", "--url", server.url("/sitemap.xml"), *FAST, db=db)
    rows_after_first = stored_articles(db)
    second = run_kznews("crawl", "--url", server.url("/sitemap.xml"), *FAST, db=db)
    return site, server, db, first, second, rows_after_first


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _cli(db: Path, *args: str) -> Result:
    """``kznews --db DB ARGS`` in this process."""
    return CliRunner().invoke(main, ["--db", str(db), *args])


def _listed(site, server, source: str) -> set[str]:
    """URLs of the mirror's articles that ``source`` (sitemap, feed, listing) lists."""
    return {a.url(server.base_url) for a in site.articles if source in a.sources}


def test_first_crawl_succeeds_with_a_summary_line(crawled):
    site, server, _, first, _, _ = crawled
    assert first.returncode == 0, first.stderr
    n = len(_listed(site, server, "sitemap"))
    assert first.stdout.startswith("crawl ") and "finished in" in first.stdout
    assert f" {n} new," in first.stdout and "0 errors" in first.stdout
    assert "Warning" not in first.stderr, first.stderr


def test_every_sitemap_article_is_stored_once(crawled):
    site, server, db, *_ = crawled
    assert set(stored_articles(db)) == _listed(site, server, "sitemap")


@pytest.mark.parametrize("source, path", [("feed", "/rss.xml"), ("listing", "/news/")])
def test_adhoc_crawl_of_a_feed_or_listing(mirror, tmp_path, source, path):
    site, server = mirror
    db = tmp_path / "a.db"
    result = run_kznews("crawl", "--url", server.url(path), *FAST, db=db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(stored_articles(db)) == _listed(site, server, source)


def test_a_mirror_on_an_ipv6_loopback_is_crawled(tmp_path):
    """An http://[::1]:PORT/ URL: resolved by the system's resolver, let through by the host guard."""
    site = build_site(n_articles=5)
    try:
        server_cm = serve(site, ipv6=True)
        server = server_cm.__enter__()
    except OSError as exc:
        pytest.skip(f"no IPv6 loopback here ({exc})")
    try:
        db = tmp_path / "v6.db"
        run = run_kznews("crawl", "--url", server.url("/sitemap.xml"), *FAST, db=db)
    finally:
        server_cm.__exit__(None, None, None)
    assert run.returncode == 0, run.stderr
    assert set(stored_articles(db)) == _listed(site, server, "sitemap") != set()


def test_non_articles_are_not_stored(crawled):
    site, server, db, *_ = crawled
    stored = set(stored_articles(db))
    assert not {server.url(p) for p in site.non_articles} & stored


@pytest.mark.parametrize("field", ["headline", "published_at", "lang"])
def test_stored_fields_match_the_mirror(crawled, field):
    site, server, db, *_ = crawled
    rows = stored_articles(db)
    for article in site.articles:
        row = rows.get(article.url(server.base_url))
        if row is not None:
            assert row[field] == getattr(article, field), article.path


def test_stored_body_holds_the_article_text(crawled):
    site, server, db, *_ = crawled
    rows = stored_articles(db)
    for article in site.articles:
        row = rows.get(article.url(server.base_url))
        if row is not None:
            assert article.first_sentence in row["body"], article.path


def test_kazinform_template_pages_give_four_tickers(crawled):
    site, server, db, *_ = crawled
    template_pages = [a for a in site.articles if not a.constructed]
    assert template_pages
    conn = sqlite3.connect(db)
    pairs = conn.execute(
        "SELECT DISTINCT pair, value FROM tickers WHERE url = ? ORDER BY pair",
        (template_pages[0].url(server.base_url),),
    ).fetchall()
    assert pairs == [("CNY/KZT", 64.66), ("EUR/KZT", 509.29), ("RUB/KZT", 5.58), ("USD/KZT", 425.05)]


def test_raw_pages_are_kept_once_per_distinct_body(crawled):
    _, _, db, *_ = crawled
    conn = sqlite3.connect(db)
    page_urls = [u for (u,) in conn.execute("SELECT url FROM pages WHERE length(body) > 0")]
    assert set(stored_articles(db)) <= set(page_urls)  # every article's raw page is kept
    assert len(page_urls) == len(set(page_urls))  # the second crawl added no copies


def test_second_crawl_adds_no_duplicates(crawled):
    _, _, db, _, second, rows_after_first = crawled
    assert second.returncode == 0, second.stderr
    assert "0 new" in second.stdout
    rows = stored_articles(db)
    assert set(rows) == set(rows_after_first)
    assert _count(db, "SELECT count(*) FROM article_history") == len(rows)  # nothing changed: one version each
    assert _count(db, "SELECT count(*) FROM runs WHERE outcome = 'finished'") == 2


def test_search_finds_a_stored_article(crawled):
    site, server, db, *_ = crawled
    article = site.articles[0]
    word = max(article.headline.split(), key=len).strip("«»,.:")
    result = _cli(db, "search", word, "--format", "json")
    assert result.exit_code == 0, result.output
    urls = [json.loads(line)["url"] for line in result.stdout.splitlines()]
    assert article.url(server.base_url) in urls


def test_stats_reports_the_outlet_and_runs(crawled):
    _, _, db, *_ = crawled
    result = _cli(db, "stats", "--format", "json")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["totals"]["articles"] == len(stored_articles(db))
    assert len(stats["runs"]) == 2


def test_sql_refuses_to_write(crawled):
    _, _, db, *_ = crawled
    before = len(stored_articles(db))
    result = run_kznews("sql", "DELETE FROM articles", db=db)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Error:" in result.stderr
    assert len(stored_articles(db)) == before


def test_registered_outlet_crawl_through_a_mirror(mirror, tmp_path):
    """`kznews crawl tengrinews --mirror`: feed, sitemap index and listing of the entry."""
    site, server = mirror
    db = tmp_path / "t.db"
    result = run_kznews(
        "crawl", "tengrinews", "--edition", "ru", "--mirror", server.base_url, *FAST, db=db
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(stored_articles(db)) == {a.url(server.base_url) for a in site.articles}


def test_max_articles_bounds_the_crawl(mirror, tmp_path):
    _, server = mirror
    db = tmp_path / "m.db"
    result = run_kznews(
        "crawl", "--url", server.url("/sitemap.xml"), "--max-articles", "5", *FAST, db=db
    )
    assert result.returncode == 0, result.stderr
    assert len(stored_articles(db)) == 5


def test_reextract_restores_what_the_raw_page_says(crawled, tmp_path):
    """A damaged current row is re-extracted from the kept raw page; the damage stays a version."""
    site, server, db, *_ = crawled
    copy = tmp_path / "copy.db"
    src = sqlite3.connect(db)
    src.execute("VACUUM INTO ?", (str(copy),))
    src.close()
    url = site.articles[0].url(server.base_url)
    original = stored_articles(copy)[url]["body"]
    conn = sqlite3.connect(copy)
    register_functions(conn)  # the folded index's triggers run on this update
    conn.execute("UPDATE articles SET body = 'damaged', content_hash = 'x' WHERE url = ?", (url,))
    conn.commit()
    conn.close()
    result = _cli(copy, "reextract", "--workers", "0")  # workers against this process: tests/test_reextract.py
    assert result.exit_code == 0, result.output
    assert "1 articles changed" in result.stdout
    assert stored_articles(copy)[url]["body"] == original


def _children(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="the worker's parent-death signal is Linux's")
def test_kill_9_of_the_crawler_leaves_no_extraction_worker(tmp_path):
    site = build_site(n_articles=20, seed=5)
    overrides = {a.path: Override(delay=0.3) for a in site.articles}
    with serve(site, overrides) as server:
        crawler = subprocess.Popen(
            [sys.executable, "-m", "kznews", "--db", str(tmp_path / "k.db"), "crawl", "--url",
             server.url("/sitemap.xml"), *FAST, "-s", "KZNEWS_EXTRACT_WORKERS=1"],  # the worker is what is checked
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not (workers := _children(crawler.pid)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert workers, "the crawler started no extraction worker"
        crawler.kill()
        crawler.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers)

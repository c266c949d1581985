"""Takedowns and quiet edits: `kznews harvest --recheck` and `kznews recheck` against a loopback outlet that edits,
removes (404, 410, a redirect to its homepage, a stub) and restores articles between runs, while others answer 503
or time out every time.

The outlet is the mirror registered through ``KZNEWS_SITES`` (``tests.test_harvest.registry``); each run after the
first is one ``kznews`` process.  What a page says is judged in ``judge`` (tested on the mirror's real-template pages here too).
"""

from __future__ import annotations

import html
import json
import os
import sqlite3
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from kznews import exitcodes
from kznews.cli import main
from kznews.extract import extract_item
from kznews.extract.normalize import normalize
from kznews.items import PageItem
from kznews.recheck import RecheckedPage, judge
from kznews.storage import Archive
from kznews.storage.removals import Archived
from tests.conftest import FAST, run_kznews
from tests.mirror.server import MirrorServer, Override, serve
from tests.mirror.site import ExpectedArticle, MirrorSite, build_site
from tests.test_harvest import registry

# One attempt per request, and a timeout short enough for the test yet far above a loopback answer.  Extraction
# stays in its worker process: in the crawl's own thread, a loaded machine could hold a good answer past the timeout.
QUICK = (*FAST, "-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_TIMEOUT=2", "-s", "KZNEWS_EXTRACT_WORKERS=1")
STUB_SHARE = 0.2


def _page(site: MirrorSite, base: str, article: ExpectedArticle) -> bytes:
    rendered = site.render(article.path, base)
    assert rendered is not None
    return rendered[1]


def _edited(site: MirrorSite, base: str, article: ExpectedArticle) -> bytes:
    """The article with a sentence added to its last paragraph: a quiet edit."""
    last = html.escape(article.paragraphs[-1], quote=False)
    page = _page(site, base, article).decode()
    assert last in page
    return page.replace(last, last + " Работы продолжатся и в следующем году.").encode()


def _stub(site: MirrorSite, base: str, article: ExpectedArticle) -> bytes:
    """The article's page (its chrome, its headline) with one line in place of its text."""
    page = _page(site, base, article).decode()
    for n, paragraph in enumerate(article.paragraphs):
        text = html.escape(paragraph, quote=False)
        assert text in page
        page = page.replace(text, "Материал удалён по требованию." if n == 0 else "")
    return page.encode()


def _rechecked(site: MirrorSite, base: str, article: ExpectedArticle, body: bytes, url: str | None = None) -> RecheckedPage:
    """The page a recheck of ``article`` got (at ``url`` after a redirect), extracted as the crawl extracts it."""
    page = RecheckedPage(
        url=url or article.url(base), status=200, headers={"Content-Type": ["text/html; charset=utf-8"]}, body=body,
        fetched_at="2026-12-01T00:00:00+00:00", site="mirror", edition=article.lang,
        kind="article" if url is None else "page",
        archived=Archived(7, article.url(base), article.lang, article.headline, "\n\n".join(article.paragraphs)))
    page.record = extract_item(page, site.outlet(base))
    normalize(page.record)
    return page


@pytest.fixture(scope="module")
def small_site() -> MirrorSite:
    return build_site(n_articles=8, seed=5)


BASE = "http://127.0.0.1:8000"


def test_an_edited_article_is_there(small_site: MirrorSite) -> None:
    article = small_site.articles[0]
    check = judge(_rechecked(small_site, BASE, article, _edited(small_site, BASE, article)), STUB_SHARE)
    assert check is not None and not check.gone and check.status == 200


def test_a_stub_in_the_articles_place_is_gone(small_site: MirrorSite) -> None:
    for article in small_site.articles[:2]:  # the real Kazinform template and the synthetic one
        check = judge(_rechecked(small_site, BASE, article, _stub(small_site, BASE, article)), STUB_SHARE)
        assert check is not None and check.gone and check.reason == "stub", check
        assert check.evidence == "stub: 0% of the archived text's words left"


def test_a_redirect_to_the_homepage_is_gone_and_to_an_article_is_a_move(small_site: MirrorSite) -> None:
    article, other = small_site.articles[0], small_site.articles[2]
    home = judge(_rechecked(small_site, BASE, article, small_site.render("/", BASE)[1], url=BASE + "/"), STUB_SHARE)
    assert home is not None and home.gone and home.reason == "redirect" and home.final_url == BASE + "/"
    assert home.evidence == "redirected to a listing (url:outlet-other)"
    moved = judge(_rechecked(small_site, BASE, article, _page(small_site, BASE, other), url=other.url(BASE)), STUB_SHARE)
    assert moved is not None and not moved.gone and moved.evidence == f"moved to {other.url(BASE)}"


def test_a_page_extraction_failed_on_says_nothing(small_site: MirrorSite) -> None:
    article = small_site.articles[0]
    page = _rechecked(small_site, BASE, article, _page(small_site, BASE, article))
    page.record = None
    assert judge(page, STUB_SHARE) is None


# -- the loopback outlet, run after run ------------------------------------------------------------------------


def _kznews(db: Path, sites_file: Path, *args: str):
    os.environ["KZNEWS_SITES"] = str(sites_file)
    try:
        return run_kznews(*args, *QUICK, db=db)
    finally:
        del os.environ["KZNEWS_SITES"]


def _harvested(db: Path, site: MirrorSite, base: str, long_ago: int) -> None:
    """The archive a first harvest of the outlet leaves: each article fetched, extracted and stored as a crawl does
    (here, in this process: a Scrapy process fewer).  The first ``long_ago`` articles were fetched before their
    sitemap and feed dates: a harvest asks for them again."""
    items = []
    for n, article in enumerate(site.articles):
        fetched_at = "2020-01-01T00:00:00+00:00" if n < long_ago else datetime.now(UTC).isoformat(timespec="seconds")
        with urllib.request.urlopen(article.url(base), timeout=10) as response:
            item = PageItem(url=article.url(base), status=response.status,
                            headers={name: [value] for name, value in response.headers.items()},
                            body=response.read(), fetched_at=fetched_at,
                            site="mirror", edition=article.lang, kind="article")
        item.record = extract_item(item, site.outlet(base))
        normalize(item.record)
        items.append(item)
    with Archive(db) as archive:
        run = archive.start_run("harvest", {})
        archive.store(items, run)
        archive.finish_run(run, "finished", {})


def _removals(db: Path, site: MirrorSite, base: str) -> dict[int, tuple]:
    """Per article (by its index in the site, in that order), its removal episodes in the order they were opened.

    Answers arrive in any order, so the episodes' ids say nothing about which article was removed first.
    """
    index = {a.url(base): n for n, a in enumerate(site.articles)}
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT a.url, r.removed_at, r.confirmed_at, r.restored_at, r.reason, r.status, r.final_url"
                        " FROM removals r JOIN articles a ON a.id = r.article_id ORDER BY r.id").fetchall()
    found: dict[int, tuple] = {}
    for url, removed_at, confirmed_at, restored_at, reason, status, final_url in rows:
        found.setdefault(index[url], ())
        found[index[url]] += ((removed_at, confirmed_at, restored_at, reason, status, final_url),)
    return dict(sorted(found.items()))


def _fetches(server: MirrorServer, site: MirrorSite, since: int) -> dict[str, int]:
    """How many times each article's URL was requested since the server's ``since``-th hit."""
    paths = Counter(urlsplit(hit.path).path for hit in server.hits[since:])
    return {a.path: paths[a.path] for a in site.articles}


def _run_stats(db: Path) -> tuple[str, dict]:
    command, stats = sqlite3.connect(db).execute("SELECT command, stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return command, {k.removeprefix("kznews/recheck/"): v for k, v in json.loads(stats).items()
                     if k.startswith("kznews/recheck/")}


def test_takedowns_edits_and_returns_are_recorded_and_transient_failures_never_are(tmp_path: Path) -> None:
    site = build_site(n_articles=8, seed=5)
    overrides: dict[str, Override] = {}
    with serve(site, overrides) as server:
        base, db, sites_file = server.base_url, tmp_path / "r.db", registry(tmp_path, server.base_url)
        a = site.articles
        overrides[a[7].path] = Override(headers={"ETag": '"v7"'})
        _harvested(db, site, base, long_ago=4)  # the harvest asks for four of them, the recheck for the others
        once = {article.path: 1 for article in a}
        conn = sqlite3.connect(db)
        texts = dict(conn.execute("SELECT url, body FROM articles").fetchall())

        # between runs the outlet edits one article, takes four down, and two others fail every time
        overrides.update({
            a[0].path: Override(body=_edited(site, base, a[0])),
            a[1].path: Override(status=404),
            a[2].path: Override(status=410),
            a[3].path: Override(status=301, headers={"Location": base + "/"}),
            a[4].path: Override(body=_stub(site, base, a[4])),
            a[5].path: Override(status=503),
            a[6].path: Override(delay=4),  # longer than DOWNLOAD_TIMEOUT
            a[7].path: Override(status=304, headers={"ETag": '"v7"'}, body=b""),  # a 304 has no body
        })
        # the two that fail make each run partial (over --max-error-rate), never a removal
        hits = len(server.hits)
        second = _kznews(db, sites_file, "harvest", "mirror", "--recheck", "5000", "--max-error-rate", "0.1")
        assert second.returncode == exitcodes.PARTIAL, second.stdout + second.stderr
        assert _fetches(server, site, hits) == once  # the harvest's answer is the recheck's: each URL fetched once
        assert "recheck: 2 there (0 restored), 4 gone (0 removals confirmed, 4 suspected, 0 still removed), " \
               "2 without an answer" in second.stdout
        assert _run_stats(db) == ("harvest", {"window": _run_stats(db)[1]["window"], "answered": 6, "present": 2,
                                              "suspected": 4, "unknown": 2})
        assert [h.headers.get("If-None-Match") for h in server.hits_for(a[7].path)] == [None, '"v7"']
        assert {n: [e[3] for e in episodes] for n, episodes in _removals(db, site, base).items()} == {
            1: ["status"], 2: ["status"], 3: ["redirect"], 4: ["stub"]}
        assert all(e[1] is None for episodes in _removals(db, site, base).values() for e in episodes)  # suspected
        assert conn.execute("SELECT versions FROM articles WHERE url = ?", (a[0].url(base),)).fetchone() == (2,)

        hits = len(server.hits)
        third = _kznews(db, sites_file, "recheck", "mirror", "--since", "2000-01-01", "--max-error-rate", "0.1")
        assert third.returncode == exitcodes.PARTIAL, third.stdout + third.stderr
        assert _fetches(server, site, hits) == once
        assert "4 gone (4 removals confirmed, 0 suspected" in third.stdout
        removals = _removals(db, site, base)
        assert sorted(removals) == [1, 2, 3, 4]  # the 503 and the timeout: no removal, not even suspected
        for n, status, final in ((1, 404, a[1].url(base)), (2, 410, a[2].url(base)), (3, 200, base + "/"),
                                 (4, 200, a[4].url(base))):
            ((removed_at, confirmed_at, restored_at, _, got_status, got_final),) = removals[n]
            assert removed_at < confirmed_at and restored_at is None  # first seen by the second run
            assert (got_status, got_final) == (status, final)

        del overrides[a[1].path], overrides[a[3].path]  # two come back
        hits = len(server.hits)
        fourth = _kznews(db, sites_file, "recheck", "mirror", "--days", "5000", "--max-error-rate", "0.1")
        assert fourth.returncode == exitcodes.PARTIAL, fourth.stdout + fourth.stderr
        assert _fetches(server, site, hits) == once
        assert "4 there (2 restored), 2 gone (0 removals confirmed, 0 suspected, 2 still removed), 2 without" \
               in fourth.stdout, fourth.stdout + fourth.stderr
        assert _run_stats(db)[0] == "recheck"
        removals = _removals(db, site, base)
        assert [n for n in removals if removals[n][-1][2] is not None] == [1, 3]  # restored
        assert [n for n in removals if removals[n][-1][2] is None] == [2, 4]

        # nothing archived was deleted or replaced: the stub is no version, the removed texts are intact
        after = dict(conn.execute("SELECT url, body FROM articles").fetchall())
        assert {u: t for u, t in after.items() if u != a[0].url(base)} == {
            u: t for u, t in texts.items() if u != a[0].url(base)}
        assert conn.execute("SELECT count(*) FROM article_versions").fetchone() == (1,)

    runner = CliRunner()
    listed = runner.invoke(main, ["--db", str(db), "search", "--removed", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert sorted(json.loads(line)["url"] for line in listed.stdout.splitlines()) == sorted(
        [a[2].url(base), a[4].url(base)])
    stats = runner.invoke(main, ["--db", str(db), "stats", "--format", "json"])
    assert json.loads(stats.stdout)["removals"] == [
        {"site": "mirror", "removed": 2, "restored": 2, "suspected": 0,  # the latest confirmed removal's first sighting
         "last_removed_at": max(e[0] for episodes in removals.values() for e in episodes if e[1] is not None)}]

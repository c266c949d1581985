"""Incremental crawling end to end (and scenario #16: a re-crawl where 10% of articles changed).

One archive, three ad-hoc crawls of the mirror's flat sitemap:

1. everything is new (each page served with an ETag and a Last-Modified);
2. nothing changed: no article page is fetched again (hit log), all counted as skipped;
3. the sitemap's lastmod moves forward for 20% of the articles: half of them answer
   304 to the conditional GET (counted not_modified, no new version), half serve a
   changed page (one new version each, the current row updated).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import FAST
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site
from tests.reliability.helpers import (
    adhoc,
    article_hits,
    articles,
    crawl,
    query,
    runs,
    serve_flat,
    soundness,
)

N = 20
LAST_MODIFIED = "Wed, 01 May 2024 00:00:00 GMT"


def _etag(path: str, version: int) -> str:
    return f'"v{version}-{abs(hash(path)) % 10**8}"'


def _crawl(db, server):
    """An ad-hoc crawl of the flat sitemap; FAST's extraction in the crawl's own process (the layout is not the point)."""
    return crawl(db, *adhoc(server, "/all.xml", *FAST))


def _header(hit, name: str) -> str | None:
    return next((v for k, v in hit.headers.items() if k.lower() == name.lower()), None)


@pytest.fixture(scope="module")
def three_crawls(tmp_path_factory):
    site = build_site(N, seed=16)
    db = tmp_path_factory.mktemp("incr") / "kz.db"
    with serve(site) as server:
        for a in site.articles:
            server.overrides[a.path] = Override(headers={"ETag": _etag(a.path, 1), "Last-Modified": LAST_MODIFIED})
        serve_flat(server, site)
        first = _crawl(db, server)
        hits_first = article_hits(server, site)
        rows_first = articles(db)
        versions_first = query(db, "SELECT count(*) FROM article_versions")[0][0]

        server.hits.clear()
        second = _crawl(db, server)
        hits_second = article_hits(server, site)

        changed = [a for a in site.articles[:4]]
        not_modified, modified = changed[:2], changed[2:]
        later = (datetime.now(UTC) + timedelta(minutes=5)).isoformat(timespec="seconds")
        serve_flat(server, site, lastmod={a.path: later for a in changed})
        for a in not_modified:
            server.overrides[a.path] = Override(status=304, body=b"", headers={"ETag": _etag(a.path, 1)})
        for a in modified:
            page = site.render(a.path, server.base_url)[1]
            assert a.first_sentence.encode() in page
            body = page.replace(a.first_sentence.encode(), (a.first_sentence + " Обновлено: уточнены данные.").encode())
            server.overrides[a.path] = Override(body=body, headers={"ETag": _etag(a.path, 2), "Last-Modified": LAST_MODIFIED})
        server.hits.clear()
        third = _crawl(db, server)
        hits_third = list(server.hits)
        yield {
            "site": site, "db": db, "base": server.base_url, "runs": (first, second, third),
            "hits": (hits_first, hits_second, hits_third), "rows_first": rows_first,
            "versions_first": versions_first, "not_modified": not_modified, "modified": modified,
        }


def test_first_crawl_archives_every_article(three_crawls):
    first = three_crawls["runs"][0]
    assert first.returncode == 0, first.stderr
    assert len(three_crawls["rows_first"]) == N
    assert sum(three_crawls["hits"][0].values()) == N


def test_second_crawl_fetches_no_article_page(three_crawls, record):
    second = three_crawls["runs"][1]
    fetched = sum(three_crawls["hits"][1].values())
    record("#16 re-crawl / incremental", "article pages fetched by an unchanged re-crawl", fetched, "0",
           fetched == 0, f"fast, {N} articles")
    assert second.returncode == 0, second.stderr
    assert fetched == 0
    stats = runs(three_crawls["db"])[1]["stats"]
    assert stats["kznews/incremental/skipped"] == N
    assert runs(three_crawls["db"])[1]["outcome"] == "finished"


def test_changed_articles_are_fetched_conditionally(three_crawls, record):
    third = three_crawls["runs"][2]
    assert third.returncode == 0, third.stderr
    changed = three_crawls["not_modified"] + three_crawls["modified"]
    site_paths = {a.path for a in three_crawls["site"].articles}
    fetched = [h for h in three_crawls["hits"][2] if h.path in site_paths]
    assert sorted(h.path for h in fetched) == sorted(a.path for a in changed)
    for hit in fetched:
        assert _header(hit, "If-None-Match") == _etag(hit.path, 1)
        assert _header(hit, "If-Modified-Since") == LAST_MODIFIED
    stats = runs(three_crawls["db"])[2]["stats"]
    assert stats["kznews/incremental/skipped"] == N - len(changed)
    assert stats["kznews/incremental/conditional"] == len(changed)
    assert stats["kznews/incremental/not_modified"] == len(three_crawls["not_modified"])
    assert stats.get("kznews/failed_requests", 0) == 0


def test_ten_percent_changed_adds_one_version_per_change(three_crawls, record):
    db, base = three_crawls["db"], three_crawls["base"]
    modified = three_crawls["modified"]
    added = query(db, "SELECT count(*) FROM article_versions")[0][0] - three_crawls["versions_first"]
    stats = runs(db)[2]["stats"]
    record("#16 re-crawl, 10% changed", "versions added / articles changed", f"{added}/{len(modified)}",
           "equal", added == len(modified), f"fast, {N} articles")
    assert added == len(modified)
    assert stats.get("kznews/updated_articles", 0) == len(modified)
    rows = articles(db)
    for a in modified:
        row = rows[a.url(base)]
        assert "Обновлено: уточнены данные." in row["body"]
        assert row["versions"] == 2
    for a in three_crawls["not_modified"]:
        assert rows[a.url(base)] == three_crawls["rows_first"][a.url(base)]  # a 304 changes nothing
    s = soundness(db)
    assert not s.corrupt and s.duplicates == 0

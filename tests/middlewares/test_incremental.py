"""Incremental crawling: archived articles skipped, changed ones fetched conditionally."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from kznews.items import Article as ArticleRecord
from kznews.items import DiscoveryHint, PageItem, PageRecord
from kznews.middlewares import (
    ArchivedSkipMiddleware,
    changed_since,
)
from kznews.scope import ARTICLE
from kznews.spiders.news import NewsSpider
from kznews.storage import Archive

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
    return Request(url, callback=spider.parse_article, meta={ARTICLE: True},
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

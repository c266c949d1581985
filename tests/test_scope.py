"""CrawlScope: what a crawl covers, built once from the crawl's arguments, read by every component."""

from __future__ import annotations

from datetime import date

import pytest
from scrapy.utils.test import get_crawler

from kznews import sites
from kznews.errors import KznewsError
from kznews.scope import CrawlScope, Window, scope_of
from kznews.spiders.news import NewsSpider
from tests.policy_spider import PolicySpider


def test_a_registry_crawl_covers_each_outlet_edition() -> None:
    scope = CrawlScope.build("inform,tengrinews", max_articles="5", since="2024-03-01", until="2024-03-02")
    assert [o.key for o in scope.outlets] == ["inform", "tengrinews"]
    assert {(o.key, e.label) for o, e in scope.editions} == {
        (o.key, e.label) for o in scope.outlets for e in o.editions}
    assert scope.window == Window(date(2024, 3, 1), date(2024, 3, 2)) and scope.max_articles == 5
    assert not scope.adhoc
    assert scope.run_args()["sites"] == ["inform", "tengrinews"] and scope.run_args()["url"] is None


def test_one_edition_and_a_mirror() -> None:
    scope = CrawlScope.build("tengrinews", edition="kk", mirror="http://127.0.0.1:8123")
    assert [e.lang for _o, e in scope.editions] == ["kk"]
    assert "127.0.0.1" in scope.named_hosts
    assert {p.url.split("/")[2] for _e, p in scope.start_points()} == {"127.0.0.1:8123"}


def test_an_adhoc_crawl_is_its_one_site() -> None:
    scope = CrawlScope.build(url="https://example.kz/sitemap.xml")
    assert scope.adhoc and scope.named_hosts == {"example.kz"} and not scope.outlets[0].registered
    assert scope.outlet_for("https://example.kz/a/b") is scope.outlets[0]
    assert scope.outlet_for("https://other.kz/") is None


@pytest.mark.parametrize("kwargs", [{}, {"site": "inform", "url": "https://x.kz/"},
                                    {"site": "inform,kt", "mirror": "http://127.0.0.1:1"}])
def test_bad_combinations_are_refused(kwargs: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        CrawlScope.build(**kwargs)


@pytest.mark.parametrize("kwargs", [{"site": "nosuch"}, {"site": "inform", "edition": "de"},
                                    {"url": "ftp://x.kz/"}])
def test_unknown_outlets_editions_and_bad_urls_are_user_errors(kwargs: dict[str, str]) -> None:
    with pytest.raises(KznewsError):
        CrawlScope.build(**kwargs)


def test_a_scope_that_fetches_from_elsewhere_owns_no_outlet_host() -> None:
    """A backfill reads an outlet's pages from a web archive: only the archive's hosts are fetched."""
    outlet = sites.get("sputnik")
    scope = CrawlScope((outlet,), (), extra_hosts=frozenset({"index.commoncrawl.org"}), fetches_outlets=False)
    assert scope.named_hosts == {"index.commoncrawl.org"}
    assert not scope.owns_host("ru.sputnik.kz")
    assert scope.outlet_for("https://sputniknews.kz/politics/20170101/1.html") is outlet  # a former domain


def test_components_read_the_spiders_scope() -> None:
    crawler = get_crawler(NewsSpider)
    crawler.spider = NewsSpider(site="kt")
    assert scope_of(crawler) is crawler.spider.scope
    crawler.spider = PolicySpider(urls=[], domains=["x.kz"])
    assert scope_of(crawler).owns_host("www.x.kz")


def test_a_spider_without_a_scope_is_named() -> None:
    crawler = get_crawler(NewsSpider)
    crawler.spider = object()  # type: ignore[assignment]
    with pytest.raises(TypeError, match="object has no `scope`"):
        scope_of(crawler)


def test_start_points_are_classified_once() -> None:
    kinds = {p.kind for o in sites.outlets().values() for e in o.editions for p in e.start_points()}
    assert kinds <= {"feed", "sitemap", "robots.txt", "listing", "archive"}
    kt = sites.get("kt").edition("ru").start_points()
    archive = next(p for p in kt if p.kind == "archive")
    assert archive.first_urls([date(2018, 3, 21), date(2018, 3, 22)]) == [
        "https://www.kt.kz/rus/archive/2018-03-21/", "https://www.kt.kz/rus/archive/2018-03-22/"]

"""The news spider's navigation, on hand-made responses (no network)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from kznews.items import DiscoveryHint, PageItem
from kznews.scope import Window
from kznews.sites import Listing
from kznews.spiders.news import NewsSpider

MIRROR = "http://127.0.0.1:9"


def make_spider(**kwargs) -> NewsSpider:
    crawler = get_crawler(NewsSpider, {"KZNEWS_MAX_LISTING_PAGES": 3})
    return NewsSpider.from_crawler(crawler, **kwargs)


def urls(results) -> list[str]:
    return [r.url for r in results if isinstance(r, Request)]


def test_needs_exactly_one_of_site_and_url():
    with pytest.raises(ValueError, match="exactly one"):
        make_spider()
    with pytest.raises(ValueError, match="exactly one"):
        make_spider(site="inform", url="https://x.kz/rss")


def test_mirror_start_points_stay_on_the_mirror():
    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR)
    starts = [r.url for r in spider._start_requests()]
    assert starts == [
        f"{MIRROR}/rss/",
        f"{MIRROR}/sitemap-index.xml",
        f"{MIRROR}/news/",
    ]


def test_robots_start_point_is_read_for_sitemaps():
    spider = make_spider(site="inform", edition="ru", mirror=MIRROR)
    (robots,) = [r for r in spider._start_requests() if r.url.endswith("/robots.txt")]
    response = TextResponse(
        robots.url, body=f"User-agent: *\nSitemap: {MIRROR}/sm.xml\nSitemap: https://elsewhere.kz/s.xml\n".encode()
    )
    assert urls(spider.parse_robots(response, lang="ru")) == [f"{MIRROR}/sm.xml"]


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>http://127.0.0.1:9/kazakhstan_news/jana-zan-12345/</loc>
    <xhtml:link rel="alternate" hreflang="ru" href="http://127.0.0.1:9/kazakhstan_news/novyj-zakon-12346/"/>
    <news:news><news:publication><news:name>T</news:name><news:language>kk</news:language></news:publication>
      <news:publication_date>2024-03-12T10:00:00+05:00</news:publication_date><news:title>Жаңа заң</news:title></news:news>
  </url>
  <url><loc>http://127.0.0.1:9/about/</loc></url>
</urlset>""".encode()


def test_sitemap_entries_carry_news_fields_and_alternates():
    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR)
    requests = list(spider.parse_sitemap(XmlResponse(f"{MIRROR}/s.xml", body=SITEMAP), lang="ru"))
    assert urls(requests) == [
        f"{MIRROR}/kazakhstan_news/jana-zan-12345/",
        f"{MIRROR}/kazakhstan_news/novyj-zakon-12346/",
    ]
    hint = requests[0].cb_kwargs["hint"]
    assert (hint.title, hint.published, hint.lang) == ("Жаңа заң", "2024-03-12T10:00:00+05:00", "kk")
    assert hint.alternates == {"ru": f"{MIRROR}/kazakhstan_news/novyj-zakon-12346/"}
    assert requests[1].cb_kwargs["hint"].lang == "ru"


def test_malformed_sitemap_is_counted_not_raised():
    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR)
    response = XmlResponse(f"{MIRROR}/s.xml", body=b"<html><body>not a sitemap</body></html>")
    assert list(spider.parse_sitemap(response, lang="ru")) == []
    assert spider.crawler.stats.get_value("kznews/bad_documents") == 1


def test_each_article_is_requested_once():
    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR)
    response = XmlResponse(f"{MIRROR}/s.xml", body=SITEMAP)
    assert len(urls(spider.parse_sitemap(response, lang="ru"))) == 2
    assert urls(spider.parse_sitemap(response, lang="ru")) == []


def test_max_articles_stops_scheduling():
    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR, max_articles=1)
    response = XmlResponse(f"{MIRROR}/s.xml", body=SITEMAP)
    assert len(urls(spider.parse_sitemap(response, lang="ru"))) == 1


LISTING = """<html><body>
<a href="/kazakhstan_news/pervaya-novost-dnya-111/">Первая новость дня в Казахстане</a>
<a href="/about/">О нас</a>
<a href="https://elsewhere.kz/kazakhstan_news/chuzhaya-222/">Чужая новость на другом сайте</a>
<a rel="next" href="/news/page/2/">дальше</a>
</body></html>"""


def listing_response(url: str) -> HtmlResponse:
    return HtmlResponse(url, body=LISTING.encode(), encoding="utf-8")


def test_listing_yields_the_page_its_articles_and_the_next_page():
    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR)
    listing = spider.scope.outlets[0].edition("ru").listings[0]
    results = list(spider.parse_listing(listing_response(f"{MIRROR}/news/"), "ru", listing, page=1))
    assert isinstance(results[0], PageItem) and results[0].kind == "listing"
    assert urls(results) == [f"{MIRROR}/kazakhstan_news/pervaya-novost-dnya-111/", f"{MIRROR}/news/page/2/"]


def test_listing_pagination_stops_at_the_bound():
    spider = make_spider(url=f"{MIRROR}/news/")
    listing = Listing(url=f"{MIRROR}/news/", max_pages=2)
    results = list(spider.parse_listing(listing_response(f"{MIRROR}/news/page/2/"), None, listing, page=2))
    assert f"{MIRROR}/news/page/3/" not in urls(results)


def test_listing_without_template_follows_rel_next():
    spider = make_spider(url=f"{MIRROR}/news/")
    listing = Listing(url=f"{MIRROR}/news/", max_pages=3)
    results = list(spider.parse_listing(listing_response(f"{MIRROR}/news/"), None, listing, page=1))
    assert f"{MIRROR}/news/page/2/" in urls(results)


def test_adhoc_start_sniffs_a_feed():
    spider = make_spider(url=f"{MIRROR}/feed")
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        b"<item><title>Item</title><link>http://127.0.0.1:9/any/page</link></item>"
        b"<item><title>Off site</title><link>https://elsewhere.kz/a-1</link></item>"
        b"</channel></rss>"
    )
    response = TextResponse(f"{MIRROR}/feed", body=rss, headers={"Content-Type": "text/xml"})
    # ad hoc: a feed's same-host items are candidates whatever their path; other hosts are not
    assert urls(spider.parse_start(response)) == [f"{MIRROR}/any/page"]


def test_adhoc_article_pages_leave_their_kind_to_extraction():
    spider = make_spider(url=f"{MIRROR}/feed")
    response = HtmlResponse(f"{MIRROR}/any/page", body=b"<html></html>", request=Request(f"{MIRROR}/any/page"))
    (item,) = spider.parse_article(response, None, hint=None)
    assert item.kind == "page" and item.site == "127.0.0.1"


# --- backfill window ---------------------------------------------------------------


def test_window_days_are_inclusive():
    window = Window.parse("2024-02-28", "2024-03-01")
    assert window.days() == [date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)]


def test_default_window_is_yesterday_and_today():
    days = Window.parse(None, None).days()
    assert len(days) == 2 and days[1] - days[0] == timedelta(days=1)


def test_window_refuses_since_after_until():
    with pytest.raises(ValueError, match="after until"):
        Window.parse("2024-03-02", "2024-03-01")


def test_window_holds_dates_in_almaty_time():
    window = Window.parse("2024-03-01", "2024-03-01")
    assert window.holds("2024-03-01T10:00:00+05:00")
    assert window.holds("2024-02-29T20:00:00+00:00")  # 2024-03-01 01:00 in Almaty
    assert not window.holds("2024-02-29T12:00:00+05:00")
    assert window.holds(None) and window.holds("not a date")


def test_window_before_prunes_old_child_sitemaps_only_when_dated():
    window = Window.parse("2024-03-01", None)
    assert window.before("2024-02-01")
    assert not window.before("2024-03-05") and not window.before(None)


def test_archives_are_requested_for_each_day_of_the_window():
    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR, since="2024-03-01", until="2024-03-02")
    outlet, edition = spider.scope.editions[0]
    archived = replace(edition, archives=(f"{MIRROR}/archive/{{date:%Y-%m-%d}}/",))
    spider.scope = replace(spider.scope, editions=((outlet, archived),))
    starts = [r.url for r in spider._start_requests()]
    assert starts[-2:] == [f"{MIRROR}/archive/2024-03-01/", f"{MIRROR}/archive/2024-03-02/"]


def test_backfill_skips_sitemap_entries_outside_the_window():
    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR, since="2024-04-01")
    response = XmlResponse(f"{MIRROR}/s.xml", body=SITEMAP)
    # the dated entry (2024-03-12) and its alternate go together
    assert urls(spider.parse_sitemap(response, lang="ru")) == []


def test_several_outlets_in_one_spider():
    spider = make_spider(site="inform,tengrinews")
    scope = spider.scope
    assert [o.key for o in scope.outlets] == ["inform", "tengrinews"]
    assert scope.outlet_for("https://kaz.tengrinews.kz/a/b-1/").key == "tengrinews"
    assert scope.outlet_for("https://example.org/") is None
    assert scope.owns_host("www.inform.kz") and not scope.owns_host("inform.kz.evil.org")


def test_articles_are_limited_per_outlet():
    spider = make_spider(site="inform,tengrinews", max_articles=1)
    hint = DiscoveryHint(source="feed")
    spider._article("https://www.inform.kz/ru/a_a1234567", hint, "ru", listed=True)
    spider._article("https://www.inform.kz/ru/b_a1234568", hint, "ru", listed=True)
    spider._article("https://tengrinews.kz/kazakhstan_news/c-123/", hint, "ru", listed=True)
    assert urls(spider._released()) == [
        "https://www.inform.kz/ru/a_a1234567", "https://tengrinews.kz/kazakhstan_news/c-123/"
    ]


def test_a_mirror_stands_in_for_one_outlet_only():
    with pytest.raises(ValueError, match="one outlet"):
        make_spider(site="inform,tengrinews", mirror=MIRROR)


def _failure(exc: Exception, url: str):
    from twisted.python.failure import Failure

    failure = Failure(exc)
    failure.request = Request(url)
    return failure


def test_http_errors_count_as_failures_per_outlet():
    from scrapy.spidermiddlewares.httperror import HttpError

    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR)
    response = HtmlResponse(f"{MIRROR}/a/b-1/", status=500, body=b"")
    list(spider.failed(_failure(HttpError(response), f"{MIRROR}/a/b-1/")))
    stats = spider.crawler.stats
    assert stats.get_value("kznews/failed_requests") == 1
    assert stats.get_value("kznews/site/tengrinews/failed_requests") == 1


def test_requests_a_middleware_dropped_are_not_failures():
    from scrapy.exceptions import IgnoreRequest

    spider = make_spider(site="tengrinews", edition="ru", mirror=MIRROR)
    list(spider.failed(_failure(IgnoreRequest("archived"), f"{MIRROR}/a/b-1/")))
    assert spider.crawler.stats.get_value("kznews/failed_requests") is None


def test_numbered_sitemaps_are_walked_until_one_is_missing():
    from scrapy.spidermiddlewares.httperror import HttpError

    spider = make_spider(site="orda", edition="ru", mirror=MIRROR)
    (first,) = [r for r in spider._start_requests() if "sitemap_news" in r.url]
    assert first.url == f"{MIRROR}/sitemap/sitemap_news1.xml"
    body = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    (second,) = urls(spider.parse_sitemap(XmlResponse(first.url, body=body), **first.cb_kwargs))
    assert second == f"{MIRROR}/sitemap/sitemap_news2.xml"
    missing = Request(second, cb_kwargs={"lang": "ru", "numbered": "x", "page": 2})
    failure = _failure(HttpError(HtmlResponse(second, status=404, body=b"")), second)
    failure.request = missing
    list(spider.failed(failure))
    assert spider.crawler.stats.get_value("kznews/failed_requests") is None
    assert spider.crawler.stats.get_value("kznews/listing_ends") == 1

"""The mirror serves what it claims, and kznews.discover reads its discovery documents back."""

from __future__ import annotations

import json
import re
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from urllib.error import HTTPError
from urllib.request import Request, urlopen
from zoneinfo import ZoneInfo

import pytest
from lxml import html

from kznews.discover import parse_feed, parse_sitemap, sitemaps_from_robots, sniff
from tests.mirror.server import Override, serve
from tests.mirror.site import ARTICLE_PATTERN, PLACEHOLDER, build_site

KAZAKH_LETTERS = set("әғқңөұүһі")


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of ``url`` (4xx/5xx included)."""
    try:
        with urlopen(Request(url, method=method), timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def site():
    return build_site()


@pytest.fixture(scope="module")
def mirror(site):
    with serve(site) as server:
        yield server


def test_every_discovery_document_is_served_with_its_type_and_base_url(site, mirror):
    expected = {
        "/robots.txt": "text/plain; charset=utf-8",
        "/sitemap.xml": "application/xml; charset=utf-8",
        "/sitemap-news.xml": "application/xml; charset=utf-8",
        "/sitemap-archive.xml": "application/xml; charset=utf-8",
        "/rss.xml": "application/rss+xml; charset=utf-8",
        "/news/": "text/html; charset=utf-8",
        "/news/page/2/": "text/html; charset=utf-8",
        site.articles[0].path: "text/html; charset=utf-8",
    }
    for path, content_type in expected.items():
        status, headers, body = fetch(mirror.url(path))
        assert (status, headers["Content-Type"]) == (200, content_type), path
        assert int(headers["Content-Length"]) == len(body)
        assert PLACEHOLDER.encode() not in body, path
    assert f"Sitemap: {mirror.base_url}/sitemap.xml" in fetch(mirror.url("/robots.txt"))[2].decode()


def test_unknown_paths_are_404_and_every_hit_is_logged(site):
    with serve(site) as server:
        start = time.monotonic()
        assert fetch(server.url("/news/no-such-article-1/"))[0] == 404
        assert fetch(server.url("/rss.xml?utm=1"))[0] == 200
        assert fetch(server.url("/rss.xml"), method="HEAD")[2] == b""
        assert [(h.method, h.path, h.status) for h in server.hits] == [
            ("GET", "/news/no-such-article-1/", 404),
            ("GET", "/rss.xml?utm=1", 200),
            ("HEAD", "/rss.xml", 200),
        ]
        assert all(start <= h.time <= time.monotonic() for h in server.hits)
        assert server.hits[0].user_agent and server.hits[0].user_agent.startswith("Python-urllib")
        assert len(server.hits_for("/rss.xml")) == 2


def test_sitemaps_found_through_robots_parse_back_to_the_expected_urls(site, mirror):
    robots = fetch(mirror.url("/robots.txt"))[2].decode()
    (index_url,) = sitemaps_from_robots(robots, mirror.url("/robots.txt"))
    index = parse_sitemap(fetch(index_url)[2], index_url)
    assert index.kind == "index"
    children = [e.loc for e in index.entries]
    assert children == [mirror.url(p) for p in site.sitemaps]
    for child in children:
        body = fetch(child)[2]
        assert sniff(body, "application/xml") == "sitemap"
        urlset = parse_sitemap(body, child)
        assert urlset.kind == "urlset"
        path = child.removeprefix(mirror.base_url)
        assert [e.loc for e in urlset.entries] == [mirror.url(p) for p in site.sitemaps[path]]
    # The archive sitemap holds junk as orda.kz's do; the parser dropped or cleaned it above.
    archive = fetch(mirror.url("/sitemap-archive.xml"))[2].decode()
    assert "\ufe0f</loc>" in archive
    for junk in site.junk_locs:
        assert f"<loc>{junk.replace(PLACEHOLDER, mirror.base_url)}</loc>" in archive


def test_news_sitemap_fields_and_hreflang_alternates(site, mirror):
    urlset = parse_sitemap(fetch(mirror.url("/sitemap-news.xml"))[2], mirror.url("/x"))
    assert urlset.entries
    alternates = 0
    for entry in urlset.entries:
        article = site.article(entry.loc.removeprefix(mirror.base_url))
        assert entry.news_title == article.headline
        assert entry.news_publication_date == article.published_at
        assert entry.news_language == article.lang
        assert entry.alternates[article.lang] == entry.loc
        for lang, url in entry.alternates.items():
            other = site.article(url.removeprefix(mirror.base_url))
            assert other.lang == lang and "sitemap" in other.sources
            alternates += other is not article
    assert alternates > 0


def test_feed_parses_back_to_the_expected_urls(site, mirror):
    body = fetch(mirror.url("/rss.xml"))[2]
    assert sniff(body, "application/rss+xml") == "feed"
    entries = parse_feed(body, mirror.url("/rss.xml"))
    assert [e.link for e in entries] == [mirror.url(p) for p in site.feed]
    for entry in entries:
        article = site.article(entry.link.removeprefix(mirror.base_url))
        assert (entry.title, entry.lang) == (article.headline, article.lang)
        assert entry.published and entry.published.endswith(
            article.published_at[-6:].replace(":", "")
        )


def test_listing_pages_link_their_articles_and_paginate(site, mirror):
    url, found, pages = mirror.url("/news/"), [], []
    while url:
        body = fetch(url)[2]
        assert sniff(body, "text/html; charset=utf-8") == "html"
        doc = html.fromstring(body, base_url=url)
        doc.make_links_absolute()
        pages.append(url.removeprefix(mirror.base_url))
        links = [a.get("href").removeprefix(mirror.base_url) for a in doc.iter("a")]
        found += [p for p in links if re.match(ARTICLE_PATTERN, p) and p not in found]
        assert "/about/" in links and any(p.startswith("/tag/") for p in links)
        nxt = doc.xpath('//link[@rel="next"]/@href')
        assert nxt == doc.xpath('//a[@rel="next"]/@href')
        url = nxt[0] if nxt else None
    assert pages == site.listing_pages and len(pages) >= 2
    assert found == [a.path for a in site.articles if "listing" in a.sources]
    first = html.fromstring(fetch(mirror.url("/news/"))[2])
    assert first.xpath('//nav[@class="pagination"]/a[text()="2"]/@href') == ["/news/page/2/"]


def test_every_article_is_found_and_some_by_one_path_only(site):
    assert all(a.sources for a in site.articles)
    for source in ("sitemap", "feed", "listing"):
        assert any(a.sources == {source} for a in site.articles), source
    sitemap_paths = {p for paths in site.sitemaps.values() for p in paths}
    for a in site.articles:
        assert ("sitemap" in a.sources) == (a.path in sitemap_paths)
        assert ("feed" in a.sources) == (a.path in site.feed)


def test_article_urls_match_the_pattern_and_other_pages_do_not(site):
    assert len({a.path for a in site.articles}) == len(site.articles)
    assert all(re.match(ARTICLE_PATTERN, a.path) for a in site.articles)
    others = site.non_articles + site.listing_pages + ["/robots.txt", "/sitemap.xml", "/rss.xml"]
    assert not any(re.match(ARTICLE_PATTERN, p) for p in others)
    assert set(site.files) >= {a.path for a in site.articles} | set(others)


def test_outlet_for_the_mirror_knows_its_articles(site, mirror):
    outlet = site.outlet(mirror.base_url)
    assert outlet.domains == ("127.0.0.1",)
    assert all(outlet.is_article_url(a.url(mirror.base_url)) for a in site.articles)
    assert not any(outlet.is_article_url(mirror.url(p)) for p in site.non_articles)
    (edition,) = outlet.editions
    assert (edition.sitemaps, edition.feeds) == ((mirror.url("/robots.txt"),), (mirror.url("/rss.xml"),))
    (listing,) = edition.listings
    assert (listing.url, listing.next, listing.max_pages) == (mirror.url("/news/"), None, 2)
    templated = site.outlet(mirror.base_url, listing_template=True).editions[0].listings[0]
    assert [templated.page_url(n) for n in (1, 2)] == [mirror.url(p) for p in site.listing_pages]


def test_kazinform_template_page(site, mirror):
    article = next(a for a in site.articles if not a.constructed and a.lang == "kk")
    url = article.url(mirror.base_url)
    text = fetch(url)[2].decode()
    doc = html.fromstring(text)
    assert doc.get("lang") == "kk"
    assert doc.findtext(".//title").strip() == article.headline
    assert doc.xpath("string(//h1)").strip() == article.headline
    assert doc.xpath('//meta[@property="og:title"]/@content') == [article.headline]
    assert doc.xpath('//meta[@property="og:url"]/@content') == [url]
    assert doc.xpath('//link[@rel="canonical"]/@href') == [url]
    assert doc.xpath('//meta[@property="article:published_time"]/@content') == [
        article.published_at
    ]
    (news,) = [
        d for s in doc.xpath('//script[@type="application/ld+json"]/text()')
        if (d := json.loads(s))["@type"] == "NewsArticle"
    ]
    assert (news["headline"], news["datePublished"]) == (article.headline, article.published_at)
    assert news["mainEntityOfPage"]["@id"] == url
    body = doc.xpath('//div[@class="article_news_body"]//p/text()')
    assert body[0] == f"{article.dateline} {article.first_sentence}"
    assert [p.strip() for p in body[1:] if p.strip()] == list(article.paragraphs[1:])
    # chrome, ticker and comments are the real page's
    assert "USD 425.05" in text and "<span>USD 428.68</span>" in text  # the latter in a comment
    assert "exchange_block" in text and "Новости по теме" in text
    for old in ("Полностью обеспечить регион", "2020-12-01T14:02", "Бройлерную птицефабрику"):
        assert old not in text
    assert not re.search(r'(href|src|action)="/(?!/)', text)  # no links into the mirror's chrome


def test_synthetic_page(site, mirror):
    article = next(a for a in site.articles if a.constructed and a.lang == "ru")
    doc = html.fromstring(fetch(article.url(mirror.base_url))[2])
    assert not doc.xpath('//script[@type="application/ld+json"]')
    assert not doc.xpath('//meta[@property="article:published_time"]')
    assert doc.xpath("//time/@datetime") == [article.published_at]
    assert doc.xpath('//meta[@property="og:title"]/@content') == [article.headline]
    assert doc.xpath("//article//p/text()") == list(article.paragraphs)
    assert article.dateline is None and article.paragraphs[0] == article.first_sentence


def test_languages_templates_and_offsets_are_all_represented(site):
    kinds = {(a.lang, a.constructed) for a in site.articles}
    assert kinds == {("ru", True), ("ru", False), ("kk", True), ("kk", False)}
    for a in site.articles:
        if a.lang == "ru":
            assert not KAZAKH_LETTERS & set(a.headline.lower() + a.first_sentence.lower())
        # Almaty: UTC+6 until 2024-03-01, UTC+5 since
        assert a.published_at.endswith("+06:00" if a.published_at < "2024-03-01" else "+05:00")
    assert {a.published_at[-6:] for a in site.articles} == {"+06:00", "+05:00"}
    almaty = ZoneInfo("Asia/Almaty")  # the tz database agrees with the rule above
    for a in site.articles:
        dt = datetime.fromisoformat(a.published_at)
        assert dt.astimezone(almaty).utcoffset() == dt.utcoffset()
    assert any(KAZAKH_LETTERS & set(a.first_sentence) for a in site.articles if a.lang == "kk")


def test_build_is_deterministic_and_scales():
    assert build_site(seed=3).articles == build_site(seed=3).articles
    assert build_site(seed=3).articles != build_site(seed=4).articles
    started = time.monotonic()
    big = build_site(2000)
    assert time.monotonic() - started < 5
    assert len({a.path for a in big.articles}) == 2000
    assert len(big.listing_pages) == -(-sum("listing" in a.sources for a in big.articles) // 10)


def test_overrides_change_status_headers_and_delay_for_the_first_requests(site):
    path = site.articles[0].path
    overrides = {path: Override(status=503, headers={"Retry-After": "2"}, times=2),
                 "/rss.xml": Override(delay=0.3)}
    with serve(site, overrides) as server:
        first, second, third = (fetch(server.url(path)) for _ in range(3))
        assert (first[0], first[1]["Retry-After"]) == (503, "2")
        assert second[0] == 503 and third[0] == 200 and "Retry-After" not in third[1]
        started = time.monotonic()
        assert fetch(server.url("/rss.xml"))[0] == 200
        assert time.monotonic() - started >= 0.3
        server.overrides["/about/"] = Override(status=500)  # changed while running
        assert fetch(server.url("/about/"))[0] == 500
        assert [h.status for h in server.hits_for(path)] == [503, 503, 200]


def test_requests_are_served_in_parallel_and_peak_connections_counted(site):
    with serve(site, {"/about/": Override(delay=0.5)}) as server:
        started = time.monotonic()
        with ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(lambda _: fetch(server.url("/about/"))[0], range(4)))
        assert statuses == [200] * 4
        assert time.monotonic() - started < 1.5
        assert server.peak_connections == 4


def test_shutdown_is_prompt_even_with_open_and_delayed_connections(site):
    with serve(site, {"/slow/": Override(delay=60)}) as server:
        port = int(server.base_url.rsplit(":", 1)[1])
        idle = socket.create_connection(("127.0.0.1", port))
        slow = socket.create_connection(("127.0.0.1", port))
        slow.sendall(b"GET /slow/ HTTP/1.1\r\nHost: x\r\n\r\n")
        deadline = time.monotonic() + 5
        while not server.hits and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.hits
        started = time.monotonic()
    assert time.monotonic() - started < 3
    idle.close()
    slow.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


@pytest.mark.parametrize("gone", [ConnectionResetError, BrokenPipeError])
def test_a_client_hanging_up_is_not_reported_and_other_handler_errors_are(site, gone, capsys):
    with serve(site) as server:
        handle_error = server._server.handle_error  # what socketserver calls when a handler raises
        for error in (gone(), ValueError("a bug in the handler")):
            try:
                raise error
            except Exception:
                handle_error(None, ("127.0.0.1", 1))
    err = capsys.readouterr().err
    assert gone.__name__ not in err
    assert err.count("Exception occurred during processing of request") == 1 and "a bug in the handler" in err

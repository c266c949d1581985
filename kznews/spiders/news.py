"""The one news spider: navigation only, driven by an outlet entry.

It discovers article URLs from feeds, sitemaps (indexes recursed, news fields
and hreflang alternates kept) and listing pages (pagination followed up to a
bound), and yields every fetched HTML page as a ``PageItem``: the raw response
plus what discovery knew of it.  Extraction and storage are item pipelines.

Discovery documents are requested as soon as they are found; article URLs wait
in the frontier (``frontier.py``) and are requested as earlier ones finish, a
bounded number per outlet at a time, so a 50,000-URL sitemap does not become
50,000 Requests in memory at once.

    scrapy crawl news -a site=tengrinews [-a edition=kk] [-a mirror=http://127.0.0.1:8000]
    scrapy crawl news -a url=https://example.kz/sitemap.xml      # ad-hoc, not in the registry
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Request, Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError

from kznews.addons import Defaults
from kznews.discover import DiscoveryError
from kznews.discover.feeds import parse_feed
from kznews.discover.robots import sitemaps_from_robots
from kznews.discover.sitemaps import parse_sitemap
from kznews.discover.sniff import sniff
from kznews.items import DiscoveryHint, PageItem
from kznews.middlewares.reach import UNREACHED, cause_of, count_cause
from kznews.scope import ARTICLE, DOCUMENT, CrawlScope
from kznews.sites import Listing
from kznews.spiders.frontier import Frontier

T = TypeVar("T")
_LINKS = LinkExtractor(tags=("a",), attrs=("href",), unique=True)


class NewsSpider(scrapy.Spider):
    """Crawl outlets of the registry (``site``: keys, comma-separated) or one ad-hoc URL (``url``).

    Several outlets crawl side by side in one spider (one writer for the archive);
    each URL belongs to the outlet whose domains hold its host.
    """

    name = "news"
    frontier: Frontier

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """kznews's ``KZNEWS_*`` defaults under whatever settings the crawler was given (``addons.Defaults``)."""
        super().update_settings(settings)
        Defaults().update_settings(settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.frontier = Frontier(crawler.settings.getint("KZNEWS_FRONTIER_REQUESTS"))
        crawler.signals.connect(spider.request_done, signal=signals.request_dropped)
        crawler.signals.connect(spider.idle, signal=signals.spider_idle)
        return spider

    def __init__(
        self,
        site: str | Sequence[str] | None = None,
        url: str | None = None,
        edition: str | None = None,
        mirror: str | None = None,
        max_articles: int | str = 0,
        since: str | None = None,
        until: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        # The crawl's scope: what the pipelines and middlewares read (``kznews.scope.scope_of``).
        self.scope = CrawlScope.build(site, url, edition, mirror, max_articles, since, until)
        self.allowed_domains = sorted(self.scope.named_hosts)
        self.scheduled: dict[str, set[str]] = {o.key: set() for o in self.scope.outlets}
        self.failing_hosts: set[str] = set()

    def _limit(self) -> int:
        """Articles per outlet to request at most (0: no limit)."""
        return self.scope.max_articles or self.settings.getint("KZNEWS_MAX_ARTICLES")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self._start_requests():
            yield request

    def _start_requests(self) -> Iterator[scrapy.Request]:
        if self.scope.start_url:
            yield scrapy.Request(
                self.scope.start_url, callback=self.parse_start, errback=self.failed,
                meta=self._document_meta(),
            )
            return
        days = self.scope.window.days()
        for ed, point in self.scope.start_points():
            if point.kind == "archive":
                for url in point.first_urls(days):
                    yield self._request(url, self.parse_listing, ed.lang, listing=Listing(url), page=1)
            elif point.kind == "listing":
                yield self._request(point.url, self.parse_listing, ed.lang, listing=point.listing, page=1)
            elif point.numbered:  # walked until one is missing
                yield self._request(point.url.format(n=1), self.parse_sitemap, ed.lang, numbered=point.url, page=1)
            else:
                parse = {"feed": self.parse_feed, "robots.txt": self.parse_robots}.get(point.kind, self.parse_sitemap)
                yield self._request(point.url, parse, ed.lang)

    def _request(self, url: str, callback: Any, lang: str | None, **kwargs: Any) -> scrapy.Request:
        """A request for a discovery document, marked with its kind (``Request.meta[DOCUMENT]``)."""
        kind = {self.parse_sitemap: "sitemap", self.parse_feed: "feed", self.parse_robots: "robots.txt",
                self.parse_listing: "listing"}[callback]
        return scrapy.Request(
            url, callback=callback, errback=self.failed, cb_kwargs={"lang": lang, **kwargs},
            meta={DOCUMENT: kind, **(self._document_meta() if kind != "listing" else {})},
        )

    def _document_meta(self) -> dict[str, int]:
        """Sitemaps and feeds may be larger than a page (the XML parser caps them again)."""
        return {"download_maxsize": self.settings.getint("KZNEWS_SITEMAP_MAXSIZE")}

    # --- discovery ------------------------------------------------------------------

    def parse_start(self, response: Response) -> Iterator[Any]:
        """Ad-hoc start URL: a sitemap, a feed or a listing page, told by its content."""
        kind = sniff(response.body, (response.headers.get("Content-Type") or b"").decode("latin-1"))
        parse = {"sitemap": self.parse_sitemap, "feed": self.parse_feed}.get(kind)
        if parse:
            yield from parse(response, lang=None)
        else:
            max_pages = self.settings.getint("KZNEWS_MAX_LISTING_PAGES")
            yield from self.parse_listing(
                response, lang=None, listing=Listing(url=response.url, max_pages=max_pages), page=1
            )

    def parse_robots(self, response: Response, lang: str | None) -> Iterator[scrapy.Request]:
        """robots.txt given as a start point: follow the sitemaps it lists."""
        for url in sitemaps_from_robots(response.text, response.url):
            if self._on_site(url):
                yield self._request(url, self.parse_sitemap, lang)

    def parse_sitemap(
        self, response: Response, lang: str | None, numbered: str | None = None, page: int = 1
    ) -> Iterator[scrapy.Request]:
        """A sitemap index (recursed) or a urlset (its URLs, with news fields and alternates).

        A numbered sitemap (``numbered``, a "{n}" template) asks for the next number too;
        the first one missing (404) ends the walk.
        """
        sitemap = self._parsed(parse_sitemap, response)
        if sitemap is None:
            return
        if numbered and page < self.settings.getint("KZNEWS_MAX_NUMBERED_SITEMAPS"):
            yield self._request(
                numbered.format(n=page + 1), self.parse_sitemap, lang, numbered=numbered, page=page + 1
            )
        for entry in sitemap.entries:
            if sitemap.kind == "index":
                if self._on_site(entry.loc) and not self.scope.window.before(entry.lastmod):
                    yield self._request(entry.loc, self.parse_sitemap, lang)
                continue
            if not self.scope.window.holds(entry.news_publication_date or entry.lastmod):
                continue
            hint = DiscoveryHint(
                source="sitemap",
                source_url=response.url,
                title=entry.news_title,
                published=entry.news_publication_date,
                lastmod=entry.lastmod,
                lang=entry.news_language,
                alternates=dict(entry.alternates),
            )
            self._article(entry.loc, hint, lang, listed=True)
            for alt_lang, alt_url in entry.alternates.items():
                alt_hint = DiscoveryHint(
                    source="sitemap", source_url=response.url, lang=alt_lang,
                    alternates=dict(entry.alternates),
                )
                self._article(alt_url, alt_hint, lang, listed=True)
        yield from self._released()

    def parse_feed(self, response: Response, lang: str | None) -> Iterator[scrapy.Request]:
        """An RSS/Atom feed: its item links."""
        for entry in self._parsed(parse_feed, response) or ():
            if not self.scope.window.holds(entry.published or entry.updated):
                continue
            hint = DiscoveryHint(
                source="feed",
                source_url=response.url,
                title=entry.title,
                published=entry.published,
                lastmod=entry.updated,
                lang=entry.lang,
            )
            self._article(entry.link, hint, lang, listed=True)
        yield from self._released()

    def parse_listing(
        self, response: Response, lang: str | None, listing: Listing, page: int
    ) -> Iterator[Any]:
        """A listing page: stored (tickers, link hints), its article links and next page."""
        yield self._page_item(response, lang, kind="listing", hint=None)
        for link in _LINKS.extract_links(response) if isinstance(response, TextResponse) else ():
            hint = DiscoveryHint(
                source="listing", source_url=response.url, title=link.text.strip() or None
            )
            self._article(link.url, hint, lang, listed=False)
        yield from self._released()
        bound = listing.max_pages or self.settings.getint("KZNEWS_MAX_LISTING_PAGES")
        if page >= bound:
            return
        next_url = listing.page_url(page + 1) or response.css(
            'link[rel="next"]::attr(href), a[rel="next"]::attr(href)'
        ).get()
        if next_url:
            next_url = response.urljoin(next_url)
            if self._on_site(next_url):
                yield self._request(next_url, self.parse_listing, lang, listing=listing, page=page + 1)

    def _on_site(self, url: str) -> bool:
        return self.scope.owns_host(urlsplit(url).hostname or "")

    def _article(self, url: str, hint: DiscoveryHint, lang: str | None, listed: bool) -> None:
        """Put ``url`` in the frontier when it is one of the outlet's articles, once, within the limit.

        ``hint.lang`` is what the sitemap or feed said of the page; ``lang`` is the
        edition that found it.

        In ad-hoc mode a URL that a sitemap or feed lists on the site is taken as a
        candidate article (extraction decides); links on listing pages must look like one.
        """
        url = urldefrag(url)[0]
        outlet = self.scope.outlet_for(url)
        if outlet is None:
            return
        scheduled = self.scheduled[outlet.key]
        if url in scheduled:
            return
        if not (self.scope.adhoc and listed) and not outlet.is_article_url(url):
            return
        limit = self._limit()
        if limit and len(scheduled) >= limit:
            return
        scheduled.add(url)
        self.frontier.push(outlet.key, url, hint, lang)

    # --- the frontier ---------------------------------------------------------------

    def _released(self) -> Iterator[scrapy.Request]:
        """Requests for the frontier's URLs that fit now.

        Each says where it was found (Referer: the discovery document, as when
        discovery yielded it) and starts a depth of its own: released by whichever
        request finished, it is not that page's child.
        """
        for key, url, hint, lang in self.frontier.release():
            yield scrapy.Request(
                url, callback=self.parse_article, errback=self.failed,
                cb_kwargs={"lang": lang, "hint": hint},
                headers={"Referer": hint.source_url} if hint.source_url else None,
                meta={"kznews_frontier": key, "depth_reset": True, ARTICLE: True},
            )

    def request_done(self, request: Request | None) -> None:
        """``request`` was answered, failed or dropped: a frontier one frees its outlet's place.

        Also the ``request_dropped`` handler (a duplicate the scheduler refused): the next
        callback, or the idle handler, fills that place.
        """
        key = request.meta.get("kznews_frontier") if request is not None else None
        if key is not None:
            self.frontier.done(key)

    def idle(self) -> None:
        """Nothing is in flight: request what the frontier still holds, and stay open for it."""
        self.frontier.idle()
        released = list(self._released())
        for request in released:
            self.crawler.engine.crawl(request)
        if released:
            raise DontCloseSpider

    # --- pages ----------------------------------------------------------------------

    def parse_article(
        self, response: Response, lang: str | None, hint: DiscoveryHint
    ) -> Iterator[PageItem | scrapy.Request]:
        # In ad-hoc mode a candidate's kind is left to extraction ("page").
        yield self._page_item(response, lang, kind="page" if self.scope.adhoc else "article", hint=hint)
        self.request_done(response.request)
        yield from self._released()

    def _page_item(
        self, response: Response, lang: str | None, kind: str, hint: DiscoveryHint | None
    ) -> PageItem:
        outlet = self.scope.outlet_for(response.url)
        site = outlet.key if outlet else urlsplit(response.url).hostname or ""  # a host the crawl named, off its outlets
        self.crawler.stats.inc_value(f"kznews/site/{site}/pages")
        return PageItem(
            url=response.url,
            status=response.status,
            headers={
                k.decode("latin-1"): [v.decode("latin-1") for v in vs]
                for k, vs in response.headers.items()
            },
            body=response.body,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            site=site,
            edition=lang,
            kind=kind,
            hint=hint,
        )

    def _parsed(self, parser: Callable[[bytes, str], T], response: Response) -> T | None:
        """``parser`` over the response; an unusable document is counted and logged, not raised."""
        try:
            return parser(response.body, response.url)
        except DiscoveryError as exc:
            self.crawler.stats.inc_value("kznews/bad_documents")
            self.logger.warning("unusable document %s: %s", response.url, exc)
            return None

    def failed(self, failure: Any) -> Iterator[scrapy.Request]:
        """The errback: count the failure, and let the frontier's next URL take the request's place."""
        self._count_failure(failure)
        self.request_done(failure.request)
        yield from self._released()

    def _count_failure(self, failure: Any) -> None:
        """Count and log a request that could not be fetched (the crawl goes on).

        A 404 on a listing's (or numbered sitemap's) page n > 1 is its end, not a failure; nor is
        a request a middleware chose not to send (already archived, refused host: they
        count in their own stats).
        """
        request = failure.request
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return
        if (
            failure.check(HttpError)
            and failure.value.response.status == 404
            and request.cb_kwargs.get("page", 1) > 1
        ):
            self.crawler.stats.inc_value("kznews/listing_ends")
            return
        self.crawler.stats.inc_value("kznews/failed_requests")
        outlet = self.scope.outlet_for(request.url)
        if outlet:
            self.crawler.stats.inc_value(f"kznews/site/{outlet.key}/failed_requests")
        host = urlsplit(request.url).hostname or ""
        count_cause(self.crawler.stats, host, failure.value)
        # One line per failing host at the default level (a host never reached was named by HostReachMiddleware).
        first = host not in self.failing_hosts and cause_of(failure.value) not in UNREACHED
        self.failing_hosts.add(host)
        self.logger.log(logging.WARNING if first else logging.INFO, "failed: %s: %s%s", request.url,
                        failure.getErrorMessage(), " (the first of this host; `-v` shows the others)" if first else "")

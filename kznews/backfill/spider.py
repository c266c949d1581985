"""The archive spider: an outlet's past from Common Crawl or the Wayback Machine, capture by capture.

It asks the archive's index for every capture of each of the outlet's domains (former ones
included) in the window, keeps the 200 HTML captures of its articles, homepages and listing pages
(a homepage's ticker widget is the history of the rates: one capture per page per day is kept), and
fetches each one alone: a byte range of a Common Crawl WARC file, or the Wayback Machine's raw
playback.  Each becomes the ``PageItem`` a live fetch gives, with its ``Capture`` (origin, digest,
the archive's record) and the capture time as its ``fetched_at``, so the extract and store
pipelines archive it as they archive a live page.  A capture whose URL and digest are archived
already is not fetched again: a killed backfill run again fetches only the rest.

Politeness is per archive, by download slot (``DOWNLOAD_SLOTS``): the Common Crawl index one
request at a time ``KZNEWS_CC_INDEX_DELAY`` apart, its data server ``KZNEWS_CC_DATA_CONCURRENCY``
at a time, the Wayback Machine one at a time ``KZNEWS_WAYBACK_DELAY`` apart; AutoThrottle does not
lower these.  429/503 pause the slot for their Retry-After, or without one for a backoff that doubles
(``RetryAfterMiddleware``).  The archives' robots.txt is not asked: these are their documented APIs
for programs, and the rates above are the ones the archives ask for.

    kznews backfill tengrinews --from commoncrawl --since 2016-01-01 --until 2016-12-31   # runs this spider
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.request import fingerprint

from kznews.addons import MIN_DELAY, Defaults
from kznews.backfill import commoncrawl, wayback
from kznews.backfill.cdx import BadIndexLine, CaptureWindow, IndexEntry, parse_num_pages
from kznews.backfill.editions import edition_of, language_root
from kznews.backfill.records import BadRecord, read_record
from kznews.items import Capture, PageItem
from kznews.scope import CrawlScope
from kznews.sites import Outlet
from kznews.storage import ArchiveError, archived_captures, connect_readonly

SOURCES = ("commoncrawl", "wayback")
_SLOTS = {"cc-index": "KZNEWS_CC_INDEX", "cc-data": "KZNEWS_CC_DATA", "wayback": "KZNEWS_WAYBACK"}
# A range answer may carry this much more than the record's own length before it is refused as
# "not a range answer" (a server that ignored Range would send the whole WARC file).
_RANGE_SLACK = 1024
_STAT = "kznews/backfill/"


class RecordFingerprinter:
    """Scrapy's request fingerprints with the ``Range`` header in them: the records of one WARC file share its
    URL, so the duplicate filter (a shared run's too) tells them apart by their byte range."""

    def fingerprint(self, request: scrapy.Request) -> bytes:
        return fingerprint(request, include_headers=("Range",))


@dataclass(frozen=True)
class ArchiveScope(CrawlScope):
    """A backfill's scope: the outlets and editions, and the web archive and capture window it reads them from."""

    archive: str = "commoncrawl"
    captures: CaptureWindow = field(default_factory=CaptureWindow)  # capture days, not publication days

    @classmethod
    def of(cls, archive: str, since: str | None, until: str | None, **kwargs: Any) -> ArchiveScope:
        """The scope of a backfill from ``archive`` of the captures between ``since`` and ``until`` (YYYY-MM-DD);
        ``kwargs`` as ``CrawlScope.build``'s.  No outlet host is fetched: the pages come from the archive."""
        scope = cls.build(fetches_outlets=False, archive=archive, captures=CaptureWindow.parse(since, until), **kwargs)
        assert isinstance(scope, ArchiveScope)
        return scope

    def run_args(self) -> dict[str, Any]:
        """What the backfill covers, as its ``runs`` row records it: the crawl's fields, the archive and window."""
        return {**super().run_args(), "archive": self.archive, **self.captures.run_args()}


class ArchiveSpider(scrapy.Spider):
    """Backfill outlets of the registry (``site``: keys, comma-separated) from ``source`` (commoncrawl|wayback)."""

    name = "archive"
    scope: ArchiveScope

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """kznews's defaults, then one download slot per archive endpoint with its politeness."""
        super().update_settings(settings)
        Defaults().update_settings(settings)
        slots = {
            "cc-index": {"concurrency": 1, "delay": settings.getfloat("KZNEWS_CC_INDEX_DELAY"), "jitter": 0},
            "cc-data": {"concurrency": settings.getint("KZNEWS_CC_DATA_CONCURRENCY"), "delay": MIN_DELAY,
                        "jitter": 0},
            "wayback": {"concurrency": 1, "delay": settings.getfloat("KZNEWS_WAYBACK_DELAY"), "jitter": 0},
        }
        settings.set("DOWNLOAD_SLOTS", {**settings.getdict("DOWNLOAD_SLOTS"), **slots}, priority="spider")
        settings.set("REQUEST_FINGERPRINTER_CLASS", RecordFingerprinter, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ArchiveSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.endpoints = {slot: crawler.settings.get(name).rstrip("/") for slot, name in _SLOTS.items()}
        # the archives' endpoints are the only hosts fetched (the host guard reads the scope)
        endpoints = frozenset(urlsplit(u).hostname or "" for u in spider.endpoints.values())
        spider.scope = replace(spider.scope, extra_hosts=endpoints)
        return spider

    def __init__(
        self,
        site: str | Sequence[str] = (),
        source: str = "commoncrawl",
        edition: str | None = None,
        max_articles: int | str = 0,
        since: str | None = None,
        until: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if source not in SOURCES:
            raise ValueError(f"unknown archive {source!r} (known: {', '.join(SOURCES)})")
        if not site:
            raise ValueError("give site=OUTLET")
        self.source = source
        self.scope = ArchiveScope.of(source, since, until, site=site, edition=edition, max_articles=max_articles)
        self.only_edition = edition is not None
        self.endpoints: dict[str, str] = {}
        self.requested: Counter[str] = Counter()  # article captures requested per outlet
        self.seen: set[int] = set()  # hashes of (url, digest) requested in this run
        self.listed_days: set[tuple[str, str]] = set()  # (listing URL, day) captures requested
        self.conn: sqlite3.Connection | None = None

    # --- requests ----------------------------------------------------------------------

    def _request(self, url: str, slot: str, callback: Any, *, index: bool = False, **kwargs: Any) -> scrapy.Request:
        meta = {
            "download_slot": slot, "dont_obey_robotstxt": True, "autothrottle_dont_adjust_delay": True,
            "kznews_backoff": True,
        }
        if index:  # "no captures" is a 404 with a JSON message
            meta |= {"handle_httpstatus_list": [404], "download_maxsize": self.settings.getint("KZNEWS_SITEMAP_MAXSIZE")}
        meta |= kwargs.pop("meta", {})
        return scrapy.Request(url, callback=callback, errback=self.failed, meta=meta, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.source == "commoncrawl":
            yield self._request(f"{self.endpoints['cc-index']}/collinfo.json", "cc-index", self.parse_collinfo,
                                index=True)
            return
        for domain in self._domains():
            url = wayback.search_url(self.endpoints["wayback"], domain, *self._bounds(), page=wayback.NUM_PAGES)
            yield self._request(url, "wayback", self.parse_search_pages, index=True, cb_kwargs={"domain": domain},
                                meta={"handle_httpstatus_list": [400, 404]})

    def _bounds(self) -> tuple[date | None, date | None]:
        """The capture window's first and last days (None: open)."""
        return self.scope.captures.since, self.scope.captures.until

    def _domains(self) -> list[str]:
        """Every domain of the outlets, former ones included."""
        return [d for o in self.scope.outlets for d in o.hosts]

    # --- Common Crawl ---------------------------------------------------------------

    def parse_collinfo(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            crawls = commoncrawl.parse_collinfo(response.body)
        except BadIndexLine as exc:
            self._bad_index(response.url, exc)
            return
        wanted = [c for c in crawls if c.overlaps(*self._bounds())]
        self.crawler.stats.set_value(_STAT + "crawls", len(wanted))
        for crawl in wanted:
            for domain in self._domains():
                url = commoncrawl.index_url(crawl, domain, *self._bounds())
                yield self._request(url, "cc-index", self.parse_num_pages, index=True,
                                    cb_kwargs={"crawl": crawl, "domain": domain})

    def parse_num_pages(self, response: Response, crawl: commoncrawl.Crawl, domain: str) -> Iterator[scrapy.Request]:
        if response.status == 404:
            self.crawler.stats.inc_value(_STAT + "no_captures")
            return
        try:
            pages = parse_num_pages(response.body)
        except BadIndexLine as exc:
            self._bad_index(response.url, exc)
            return
        for page in range(pages):
            url = commoncrawl.index_url(crawl, domain, *self._bounds(), page=page)
            yield self._request(url, "cc-index", self.parse_index, index=True, cb_kwargs={"crawl": crawl})

    def parse_index(self, response: Response, crawl: commoncrawl.Crawl) -> Iterator[scrapy.Request]:
        if response.status == 404:
            self.crawler.stats.inc_value(_STAT + "no_captures")
            return
        for entry in self._wanted(commoncrawl.parse_index(response.body, crawl.id)):
            try:
                url, byte_range = commoncrawl.record_request(self.endpoints["cc-data"], entry)
            except BadIndexLine as exc:
                self._bad_index(response.url, exc)
                continue
            assert entry.length is not None  # record_request checked it
            yield self._request(  # records of one WARC file share its URL: RecordFingerprinter tells them apart
                url, "cc-data", self.parse_record, headers={"Range": byte_range}, priority=1,
                meta={"download_maxsize": entry.length + _RANGE_SLACK, **self._counted(entry)}, cb_kwargs={"entry": entry},
            )

    def parse_record(self, response: Response, entry: IndexEntry) -> Iterator[PageItem]:
        stats = self.crawler.stats
        stats.inc_value(_STAT + "record_bytes", len(response.body))
        stats.inc_value(_STAT + "record_length", entry.length or 0)
        try:
            record = read_record(response.body)
        except BadRecord as exc:
            stats.inc_value(_STAT + "bad_records")
            self.logger.warning("unreadable record of %s (%s@%s): %s", entry.url, entry.filename, entry.offset, exc)
            return
        if not record.is_html():
            stats.inc_value(_STAT + "not_html")
            return
        capture = Capture("commoncrawl", entry.digest, {
            "crawl": entry.crawl or "", "filename": entry.filename or "", "offset": entry.offset or 0,
            "length": entry.length or 0})
        yield self._item(entry.url, record.status, record.headers, record.body, record.date, capture)

    # --- the Wayback Machine ----------------------------------------------------------

    def parse_search_pages(self, response: Response, domain: str) -> Iterator[scrapy.Request]:
        """How many pages the domain's search has: each page asked for; a server that cannot page (400) or an
        answer that is not a number gets the search unpaged (continued by resumption keys)."""
        pages: list[int | None] = [wayback.UNPAGED]
        if response.status == 404:
            self.crawler.stats.inc_value(_STAT + "no_captures")
            return
        if response.status != 400:
            try:
                pages = list(range(parse_num_pages(response.body)))
            except BadIndexLine as exc:
                self._bad_index(response.url, exc)
        for page in pages:
            url = wayback.search_url(self.endpoints["wayback"], domain, *self._bounds(), page=page)
            yield self._request(url, "wayback", self.parse_search, index=True,
                                cb_kwargs={"domain": domain, "page": page})

    def parse_search(self, response: Response, domain: str, page: int | None) -> Iterator[scrapy.Request]:
        """A page of the search: its captures' playbacks, and the rest of the page when the server stopped at its
        query limit (a resumption key)."""
        if response.status == 404:
            self.crawler.stats.inc_value(_STAT + "no_captures")
            return
        entries, resume_key = wayback.parse_search(response.body)
        for entry in self._wanted(entries):
            yield self._request(wayback.playback_url(self.endpoints["wayback"], entry), "wayback",
                                self.parse_playback, priority=1, meta=self._counted(entry), cb_kwargs={"entry": entry})
        if resume_key:
            self.crawler.stats.inc_value(_STAT + "index_resumed")
            url = wayback.search_url(self.endpoints["wayback"], domain, *self._bounds(), page=page,
                                     resume_key=resume_key)
            yield self._request(url, "wayback", self.parse_search, index=True,
                                cb_kwargs={"domain": domain, "page": page})

    def parse_playback(self, response: Response, entry: IndexEntry) -> Iterator[PageItem]:
        stats = self.crawler.stats
        stats.inc_value(_STAT + "record_bytes", len(response.body))
        stats.inc_value(_STAT + "record_length", entry.length or 0)
        # a redirect to a nearer capture: that capture's time is the page's
        timestamp = (wayback.playback_target(response.url) or (entry.timestamp,))[0]
        headers = {k.decode("latin-1"): [v.decode("latin-1") for v in vs] for k, vs in response.headers.items()}
        content_type = headers.get("Content-Type", [""])[0].split(";")[0].strip().lower()
        if content_type and content_type not in ("text/html", "application/xhtml+xml"):
            stats.inc_value(_STAT + "not_html")
            return
        moment = IndexEntry(entry.url, timestamp, None, "", None, None).captured_at
        capture = Capture("wayback", entry.digest, {"timestamp": timestamp})
        yield self._item(entry.url, response.status, headers, response.body, moment, capture)

    # --- shared ------------------------------------------------------------------------

    def _wanted(self, entries: Iterable[IndexEntry | BadIndexLine]) -> Iterator[IndexEntry]:
        """The captures to fetch: the outlets' article, homepage and listing captures in the window, within
        --max-articles, not requested before in this run, not archived already."""
        stats = self.crawler.stats
        kept: list[tuple[IndexEntry, str]] = []
        for entry in entries:
            if isinstance(entry, BadIndexLine):
                self._bad_index("index answer", entry)
                continue
            stats.inc_value(_STAT + "captures_listed")
            try:
                in_window = self.scope.captures.holds(entry)
            except BadIndexLine as exc:
                self._bad_index(entry.url, exc)
                continue
            if not entry.is_html_page() or not in_window:
                stats.inc_value(_STAT + "captures_not_wanted")
                continue
            key = hash((entry.url, entry.digest))
            kind = self._kind(entry) if key not in self.seen else None
            if kind is None:
                stats.inc_value(_STAT + "captures_not_wanted")
                continue
            self.seen.add(key)
            if kind == "listing":
                self.listed_days.add((entry.url, entry.timestamp[:8]))
            kept.append((entry, kind))
        archived = self._archived([(e.url, e.digest) for e, _ in kept if e.digest])
        for entry, kind in kept:
            if (entry.url, entry.digest) in archived:
                stats.inc_value(_STAT + "captures_archived")
                continue
            outlet = self.scope.outlet_for(entry.url)
            assert outlet is not None  # _kind checked it
            if kind == "article":
                if self.scope.max_articles and self.requested[outlet.key] >= self.scope.max_articles:
                    continue
                self.requested[outlet.key] += 1
            stats.inc_value(_STAT + "captures_requested")
            yield entry

    def _counted(self, entry: IndexEntry) -> dict[str, str]:
        """The meta that counts an article capture's request against its outlet's --max-articles in a shared run
        (``--redis``: the count is the whole run's, kept as requests are queued); none otherwise."""
        outlet = self.scope.outlet_for(entry.url)
        if not self.settings.get("KZNEWS_REDIS_URL") or outlet is None or not outlet.is_article_url(entry.url):
            return {}
        from kznews.distributed.scheduler import OUTLET  # loaded only for a shared run, as the add-on does

        return {OUTLET: outlet.key}

    def _kind(self, entry: IndexEntry) -> str | None:
        """"article", "listing" (a homepage, an edition's front page or a listing page of the registry, one
        capture a day) or None (not fetched)."""
        outlet = self.scope.outlet_for(entry.url)
        if outlet is None or not self._in_editions(outlet, entry.url):
            return None
        if outlet.is_article_url(entry.url):
            return "article"
        if (entry.url, entry.timestamp[:8]) in self.listed_days:
            return None
        path = urlsplit(entry.url).path.rstrip("/") or "/"
        listings = {"/"} | {
            (urlsplit(x.url).path.rstrip("/") or "/") for o, ed in self.scope.editions if o is outlet for x in ed.listings}
        return "listing" if path in listings or language_root(path) else None

    def _in_editions(self, outlet: Outlet, url: str) -> bool:
        """True unless --edition names an edition other than the one ``url`` belongs to (``editions.edition_of``)."""
        if not self.only_edition:
            return True
        edition = edition_of(outlet, url)
        return any(o is outlet and ed == edition for o, ed in self.scope.editions)

    def _archived(self, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
        if not pairs:
            return set()
        if self.conn is None:
            try:
                self.conn = connect_readonly(self.settings.get("KZNEWS_DB"))
            except ArchiveError as exc:
                self.logger.warning("cannot tell archived captures (%s): fetching them all", exc)
                return set()
        return archived_captures(self.conn, pairs)

    def _item(self, url: str, status: int, headers: dict[str, list[str]], body: bytes, captured_at: str,
              capture: Capture) -> PageItem:
        outlet = self.scope.outlet_for(url)
        assert outlet is not None
        edition = edition_of(outlet, url)
        self.crawler.stats.inc_value(f"kznews/site/{outlet.key}/pages")
        self.crawler.stats.inc_value(f"{_STAT}captures/{capture.origin}")
        return PageItem(
            url=url, status=status, headers=headers, body=body, fetched_at=captured_at, site=outlet.key,
            edition=edition.lang if edition else None,
            kind="article" if outlet.is_article_url(url) else "listing", capture=capture,
        )

    def _bad_index(self, where: str, exc: Exception) -> None:
        self.crawler.stats.inc_value(_STAT + "bad_index_lines")
        self.logger.warning("bad index answer (%s): %s", where, exc)

    def failed(self, failure: Any) -> None:
        """The errback: an index page or a record that could not be fetched is counted; the backfill goes on."""
        self.crawler.stats.inc_value("kznews/failed_requests")
        self.logger.warning("failed: %s: %s", failure.request.url, failure.getErrorMessage())

    def closed(self, reason: str) -> None:
        if self.conn is not None:
            self.conn.close()

"""The recheck spider: archived articles fetched again, to see what was edited, taken down or restored.

Its start requests are the archived URLs of its outlets' articles published in a window (``recheck_since``,
``recheck_until``: inclusive days, as ``kznews search`` reads them), newest first, read from the archive in chunks
as the crawl asks for more.  Each is a conditional GET when the article's latest stored page came with validators
(``If-None-Match`` from its ETag, ``If-Modified-Since`` from its Last-Modified), else a plain GET; all go through
what a crawl's requests go through (download slots and delays, robots.txt, the host guard, Retry-After, the run's
time limit).  With ``discover`` it is also a harvest: the news spider's start points come first, and each URL is
fetched once in the run.  A harvest's request for an archived article of the window becomes the recheck's request
for it (its answer judged as a recheck's, and the recheck does not ask again); one the recheck has already made is
not made again (its answer, a page, is archived as the harvest's would have been).

What each answer says is judged here when it needs no page (304: there; 404, 410, 451: gone) and by
``kznews.recheck.RecheckPipeline`` when it is a page; an answer that says nothing of the article (a 5xx after the
retries, a timeout, a host that cannot be reached, robots.txt forbidding it) is counted, never recorded.

    kznews recheck tengrinews --days 7                 # runs this spider
    kznews harvest --recheck 7                         # a harvest, and this recheck, in one crawl
    scrapy crawl recheck -a site=tengrinews -a recheck_since=2024-05-01
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import closing
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urldefrag

import scrapy
from scrapy.http import Response
from scrapy.settings import BaseSettings

from kznews.items import DiscoveryHint
from kznews.recheck import STAT, RecheckedPage, checked
from kznews.spiders.news import NewsSpider
from kznews.storage import ArchiveError, ArticleFilter, connect_readonly
from kznews.storage.query import recheck_candidates
from kznews.storage.removals import GONE_STATUSES, Archived, Check

STORE = "kznews.pipelines.StorePipeline"
CHUNK = 500  # archived articles read at a time


class RecheckSpider(NewsSpider):
    """Recheck the archived articles of outlets of the registry (``site``: keys, comma-separated) in a window."""

    name = "recheck"

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """The news spider's settings, with the recheck's judge before the archive and its writer in the store's place."""
        super().update_settings(settings)
        pipelines = {k: v for k, v in settings.getdict("ITEM_PIPELINES").items() if k != STORE}
        pipelines.update({"kznews.recheck.RecheckPipeline": 700, "kznews.recheck.RecheckStorePipeline": 800})
        settings.set("ITEM_PIPELINES", pipelines, priority="spider")

    def __init__(self, site: str | None = None, recheck_since: str | None = None, recheck_until: str | None = None,
                 discover: bool | str = False, **kwargs: Any) -> None:
        super().__init__(site=site, **kwargs)
        self.window = ArticleFilter(since=recheck_since, until=recheck_until)  # QueryError for a bad day
        self.discover = discover in (True, "1", "true", "yes")
        self.asked: set[int] = set()  # with discover: the archived articles requested in this run

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.discover:
            async for request in super().start():
                yield request
        self.crawler.stats.set_value(f"{STAT}window", f"{self.window.since or ''}..{self.window.until or ''}")
        for archived in self._archived():
            if archived.id not in self.asked:  # not already asked for by the harvest
                yield self._recheck(archived)

    def _archived(self) -> Iterator[Archived]:
        """Each outlet's archived articles in the window, a chunk at a time (no read stays open between chunks)."""
        limit = self._limit()
        for outlet in self.scope.outlets:
            wanted = ArticleFilter(site=outlet.key, since=self.window.since, until=self.window.until)
            before, taken = None, 0
            while not limit or taken < limit:
                with closing(connect_readonly(self.settings.get("KZNEWS_DB"))) as conn:
                    chunk = recheck_candidates(conn, wanted, before=before,
                                               limit=min(CHUNK, limit - taken) if limit else CHUNK)
                if not chunk:
                    break
                yield from chunk
                before, taken = chunk[-1].id, taken + len(chunk)

    def _recheck(self, archived: Archived, harvested: scrapy.Request | None = None) -> scrapy.Request:
        """A request for ``archived``, conditional when it has validators; not filtered as a duplicate (a harvest's
        own request for the URL may have been skipped as archived).  In place of a harvest's request for it
        (``harvested``), it keeps that one's discovery hint, Referer and place in the frontier."""
        if self.discover:
            self.asked.add(archived.id)
        validators = {"If-None-Match": archived.etag, "If-Modified-Since": archived.last_modified}
        headers = {name: value for name, value in validators.items() if value}
        meta: dict[str, Any] = {"handle_httpstatus_list": [304, *GONE_STATUSES]}
        hint = None
        if harvested is not None:
            hint = harvested.cb_kwargs.get("hint")
            if referer := harvested.headers.get("Referer"):
                headers["Referer"] = referer.decode("latin-1")
            meta["kznews_frontier"] = harvested.meta["kznews_frontier"]
        return scrapy.Request(
            archived.url, callback=self.parse_recheck, errback=self.recheck_failed, dont_filter=True,
            headers=headers, cb_kwargs={"archived": archived, "hint": hint}, meta=meta,
        )

    def _released(self) -> Iterator[scrapy.Request]:
        """The harvest's article requests that fit now; with ``discover``, those for archived articles of the window
        in the recheck's form (``_recheck``), and none for one already requested: each URL once in the run."""
        if not self.discover:
            yield from super()._released()
            return
        given_back = True
        while given_back:  # the places given back may release more
            released = list(super()._released())
            archived = self._in_window(released) if released else {}
            given_back = False
            for request in released:
                found = archived.get(request.url)
                if found is None:
                    yield request
                elif found.id in self.asked:  # requested by the recheck already: its answer is the harvest's too
                    self.request_done(request)
                    given_back = True
                else:
                    yield self._recheck(found, harvested=request)

    def _in_window(self, requests: list[scrapy.Request]) -> dict[str, Archived]:
        """The archived articles of the window at the URLs of the harvest's ``requests``, by URL; none when the archive
        cannot be read now (the harvest's requests then go as they are: a URL fetched twice, never one lost)."""
        urls: dict[str, list[str]] = {}
        for request in requests:
            urls.setdefault(request.meta["kznews_frontier"], []).append(request.url)
        try:
            with closing(connect_readonly(self.settings.get("KZNEWS_DB"))) as conn:
                return {a.url: a for key, wanted in urls.items()
                        for a in recheck_candidates(conn, ArticleFilter(site=key, since=self.window.since,
                                                                        until=self.window.until),
                                                    urls=wanted, limit=len(wanted))}
        except (ArchiveError, sqlite3.Error) as exc:
            self.logger.warning("recheck: archived articles not looked up (%s): the harvest's requests go as they are",
                                exc)
            return {}

    def parse_recheck(self, response: Response, archived: Archived,
                      hint: DiscoveryHint | None = None) -> Iterator[RecheckedPage | scrapy.Request]:
        """304: there; 404/410/451: gone; a page: extracted and judged after extraction (``RecheckPipeline``).  A
        request that took a harvest's place in the frontier gives it back (``request_done``)."""
        self.crawler.stats.inc_value(f"{STAT}answered")
        final = urldefrag(response.url)[0]
        now = datetime.now(UTC).isoformat(timespec="seconds")
        if response.status == 304:
            self._checked(Check(archived.id, now, gone=False, status=304, final_url=final, evidence="not modified"))
        elif response.status in GONE_STATUSES:
            self._checked(Check(archived.id, now, gone=True, status=response.status, final_url=final, reason="status",
                                evidence=f"HTTP {response.status}"))
        else:  # a redirect's target is an article or not as extraction's page type says
            page = self._page_item(response, archived.lang, kind="article" if final == archived.url else "page",
                                   hint=hint)
            yield RecheckedPage(**vars(page), archived=archived)
        yield from self._given_back(response.request)

    def _given_back(self, request: scrapy.Request | None) -> Iterator[scrapy.Request]:
        """``request`` is done: if it held a place in the frontier, what the frontier releases in its place."""
        if request is not None and "kznews_frontier" in request.meta:
            self.request_done(request)
            yield from self._released()

    def _checked(self, check: Check) -> None:
        self.crawler.signals.send_catch_log(signal=checked, check=check)

    def recheck_failed(self, failure: Any) -> Iterator[scrapy.Request]:
        """No answer about the article (an error status after the retries, a timeout, a refused host): counted, and
        nothing recorded."""
        self._count_failure(failure)
        self.crawler.stats.inc_value(f"{STAT}unknown")
        yield from self._given_back(failure.request)

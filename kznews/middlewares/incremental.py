"""Incremental crawling: an archived article is not fetched again unless its feed or
sitemap says it changed (then with a conditional GET)."""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured

from kznews.extract.dates import parse_date
from kznews.scope import ARTICLE
from kznews.storage import ArchiveError, article_fetch_info, connect_readonly

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


class ArchivedSkipMiddleware:
    """Incremental crawling: do not fetch again an article the archive already holds.

    For article requests only (``Request.meta[kznews.scope.ARTICLE]``) it
    asks the archive -- a read-only connection on ``KZNEWS_DB``, opened at the first
    article request and kept (WAL lets it read while the pipeline writes) -- when
    the URL was last fetched:

    - not archived: the request goes;
    - archived, and the discovery hint (``cb_kwargs["hint"]``: sitemap ``lastmod``,
      feed/sitemap ``published``) names no date after that fetch: skipped
      (``IgnoreRequest``, stat ``kznews/incremental/skipped``);
    - archived, but the hint says it changed since: it goes as a conditional GET
      (``If-None-Match`` from the stored page's ETag, ``If-Modified-Since`` from its
      Last-Modified); a 304 answer becomes ``IgnoreRequest``
      (``kznews/incremental/not_modified``), a 200 is archived as usual (a new
      version if the content changed).  Stat ``kznews/incremental/conditional``.

    An archive that cannot be read (missing, not an archive) switches it off for
    the run with one warning: the crawl then fetches everything, as without it.
    Off with ``KZNEWS_INCREMENTAL = False`` (a full re-crawl).
    """

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("KZNEWS_INCREMENTAL"):
            raise NotConfigured
        self.crawler = crawler
        self.path = crawler.settings.get("KZNEWS_DB")
        self.conn: sqlite3.Connection | None = None
        self.unavailable = not self.path
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _reader(self) -> sqlite3.Connection | None:
        if self.conn is None and not self.unavailable:
            try:
                self.conn = connect_readonly(self.path)
            except ArchiveError as exc:
                self.unavailable = True
                logger.warning("incremental crawl off: %s", exc)
        return self.conn

    def lookup(self, url: str) -> tuple[str, str | None, str | None] | None:
        """``(fetched_at, etag, last_modified)`` of the archived article at ``url``, or None."""
        conn = self._reader()
        if conn is None:
            return None
        try:
            return article_fetch_info(conn, [url]).get(url)
        except sqlite3.Error as exc:  # e.g. a very long writer checkpoint: fetch rather than fail
            logger.warning("incremental lookup of %s failed (%s): fetching it", url, exc)
            return None

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not request.meta.get(ARTICLE) or request.meta.get("kznews_conditional"):
            return
        archived = self.lookup(request.url)
        if archived is None:
            return
        fetched_at, etag, last_modified = archived
        stats = self.crawler.stats
        assert stats is not None
        if not changed_since(request.cb_kwargs.get("hint"), fetched_at):
            stats.inc_value("kznews/incremental/skipped")
            raise IgnoreRequest(f"archived, unchanged since {fetched_at}: {request.url}")
        stats.inc_value("kznews/incremental/conditional")
        request.meta["kznews_conditional"] = True
        if etag:
            request.headers[b"If-None-Match"] = etag
        if last_modified:
            request.headers[b"If-Modified-Since"] = last_modified

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        if response.status == 304 and request.meta.get("kznews_conditional"):
            stats = self.crawler.stats
            assert stats is not None
            stats.inc_value("kznews/incremental/not_modified")
            raise IgnoreRequest(f"not modified: {request.url}")
        return response

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def changed_since(hint: object, fetched_at: str | None) -> bool:
    """True when ``hint``'s lastmod or published date is after ``fetched_at`` (ISO 8601).

    No hint, no parseable date or no fetch time: False (nothing says it changed).
    """
    fetched = parse_date(fetched_at) if fetched_at else None
    if fetched is None or hint is None:
        return False
    for value in (getattr(hint, "lastmod", None), getattr(hint, "published", None)):
        when = parse_date(value) if value else None
        if when is not None and when > fetched:
            return True
    return False

"""A time limit that ends the crawl on time: at ``CLOSESPIDER_TIMEOUT``, the downloads not yet sent are let go.

Scrapy's ``CloseSpider`` closes the spider at ``CLOSESPIDER_TIMEOUT`` (``harvest``/``recheck --max-time``), and
the engine's close then waits for every request it has handed to the downloader, including those still queued in
a host's download slot behind its one connection, its download delay or a Retry-After pause: up to
``CONCURRENT_REQUESTS`` of them, fetched one after the other after the limit.  At the same limit this middleware
takes those queued requests back (each ends as ``IgnoreRequest``, a request not sent: the news and recheck spiders
count no failure for it) and refuses any request handed on after it, so the close waits only for the requests
being transferred (each at most ``DOWNLOAD_TIMEOUT``).  Nothing is lost: a request let go fetched nothing and
recorded nothing, and the next run, which resumes from the archive, asks for it again.

Not for a worker of a shared run (``KZNEWS_REDIS_URL``): a claimed request let go would be settled as done in
Redis, and lost; there a request reaches a worker only when its host is free, so none waits in a slot.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.asyncio import CallLaterResult, call_later

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

STAT = "kznews/time_limit/let_go"  # requests not sent because the time limit came first


class TimeLimitMiddleware:
    """At ``CLOSESPIDER_TIMEOUT`` after the spider opened: let the queued downloads go and send nothing more."""

    def __init__(self, crawler: Crawler, seconds: float) -> None:
        self.crawler = crawler
        self.seconds = seconds
        self.reached = False
        self.timer: CallLaterResult | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        seconds = crawler.settings.getfloat("CLOSESPIDER_TIMEOUT")
        if not seconds or crawler.settings.get("KZNEWS_REDIS_URL"):
            raise NotConfigured
        middleware = cls(crawler, seconds)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        self.timer = call_later(self.seconds, self.reach)

    def spider_closed(self, spider: Spider) -> None:
        if self.timer is not None:
            self.timer.cancel()

    def reach(self) -> None:
        """The limit: every download slot's queue is emptied, each request in it ending as ``IgnoreRequest``."""
        self.reached = True
        assert self.crawler.engine is not None
        slots = self.crawler.engine.downloader.slots.values()
        queued = [entry for slot in slots for entry in slot.queue]
        for slot in slots:
            slot.queue.clear()
        self.crawler.stats.inc_value(STAT, len(queued))
        logger.info("time limit of %g s: %d queued requests not sent (the next run asks for them)",
                    self.seconds, len(queued))
        for request, download in queued:
            download.errback(IgnoreRequest(f"time limit: not sent: {request.url}"))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if self.reached:
            self.crawler.stats.inc_value(STAT)
            raise IgnoreRequest(f"time limit: not sent: {request.url}")

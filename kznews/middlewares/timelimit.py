"""A crawl that must stop stops on time: at ``CLOSESPIDER_TIMEOUT``, at SIGTERM or Ctrl-C, at the memory limit, the
downloads not yet sent are let go.

Scrapy closes the spider at ``CLOSESPIDER_TIMEOUT`` (``harvest``/``recheck --max-time``), at a first SIGTERM or
Ctrl-C (``Crawler.stop``: the "shutdown" close) and at ``MEMUSAGE_LIMIT_MB`` (the "memusage_exceeded" close); the
engine's close then waits for every request it has handed to the downloader, including those still queued in
a host's download slot behind its one connection, its download delay or a Retry-After pause: up to
``CONCURRENT_REQUESTS`` of them, fetched one after the other after the stop was asked.  At the limit, or as soon
as a stop is seen, this middleware takes those queued requests back (each ends as ``IgnoreRequest``, a request not
sent: the news and recheck spiders count no failure for it) and refuses any request handed on after it, so the
close waits only for the requests being transferred (each at most ``DOWNLOAD_TIMEOUT``).  Nothing is lost: a
request let go fetched nothing and recorded nothing, and the next run, which resumes from the archive, asks for it
again; what was fetched is stored, and the run ends with the code of a limit (``kznews.runstats.judge``).

Scrapy signals no "closing" (the engine's close starts without one), so the stop is seen by looking every
``WATCH_EVERY`` seconds at the crawler (``Crawler.crawling`` goes false when it is asked to stop) and at the
memory extension's ``memusage/limit_reached`` figure.

Not for a worker of a shared run (``KZNEWS_REDIS_URL``): a claimed request let go would be settled as done in
Redis, and lost; there a request reaches a worker only when its host is free, so none waits in a slot.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.asyncio import AsyncioLoopingCall, CallLaterResult, call_later, create_looping_call
from twisted.internet.task import LoopingCall

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

STAT = "kznews/time_limit/let_go"  # requests not sent because the time limit (or a stop) came first
WATCH_EVERY = 0.1  # seconds between looks for a stop (SIGTERM, Ctrl-C, the memory limit)


class TimeLimitMiddleware:
    """At ``CLOSESPIDER_TIMEOUT`` after the spider opened, or when the crawl is told to stop: let the queued
    downloads go and send nothing more."""

    def __init__(self, crawler: Crawler, seconds: float) -> None:
        self.crawler = crawler
        self.seconds = seconds  # 0: no time limit
        self.reached = False
        self.timer: CallLaterResult | None = None
        self.watch: AsyncioLoopingCall | LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if crawler.settings.get("KZNEWS_REDIS_URL"):
            raise NotConfigured
        middleware = cls(crawler, crawler.settings.getfloat("CLOSESPIDER_TIMEOUT"))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        if self.seconds:
            self.timer = call_later(self.seconds, self.reach, f"time limit of {self.seconds:g} s")
        self.watch = create_looping_call(self._look)
        self.watch.start(WATCH_EVERY, now=False)

    def spider_closed(self, spider: Spider) -> None:
        if self.timer is not None:
            self.timer.cancel()
        if self.watch is not None and self.watch.running:
            self.watch.stop()

    def _look(self) -> None:
        """A stop asked (SIGTERM, Ctrl-C: ``Crawler.stop``) or the memory limit reached: as at the time limit."""
        if self.reached:
            return
        if not self.crawler.crawling:
            self.reach("stop asked")
        elif self.crawler.stats.get_value("memusage/limit_reached"):
            self.reach("memory limit")

    def reach(self, why: str) -> None:
        """The limit: every download slot's queue is emptied, each request in it ending as ``IgnoreRequest``."""
        self.reached = True
        if self.watch is not None and self.watch.running:
            self.watch.stop()
        assert self.crawler.engine is not None
        slots = self.crawler.engine.downloader.slots.values()
        queued = [entry for slot in slots for entry in slot.queue]
        for slot in slots:
            slot.queue.clear()
        self.crawler.stats.inc_value(STAT, len(queued))
        logger.info("%s: %d queued requests not sent (the next run asks for them)", why, len(queued))
        for request, download in queued:
            download.errback(IgnoreRequest(f"{why}: not sent: {request.url}"))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if self.reached:
            self.crawler.stats.inc_value(STAT)
            raise IgnoreRequest(f"stopping: not sent: {request.url}")

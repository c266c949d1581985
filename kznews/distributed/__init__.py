"""One crawl on many machines: workers share a frontier in Redis, one writer fills the archive.

With ``KZNEWS_REDIS_URL`` set (``kznews crawl|harvest --redis URL``) the ``SharedRun`` add-on makes
this process one worker of the shared run under ``KZNEWS_REDIS_PREFIX``:

- ``scheduler.py``  requests are scheduled and de-duplicated in Redis (scrapy-redis's scheduler and
  duplicate filter, subclassed); the run starts with the first worker and finishes when no request
  waits and none is held; workers join and leave at any time (``frontier.py``: keys and scripts;
  ``link.py``: the thread that talks to Redis, so the reactor never waits on it; ``claims.py``: when
  a claimed request is done with, from Scrapy's public hooks);
- ``politeness.py`` one host slot in Redis for all workers (delay, one request at a time, Crawl-delay,
  Retry-After) and shared robots.txt verdicts;
- ``incremental.py`` archived articles are skipped from what the writer published, not from SQLite;
- ``pipeline.py``  pages go to a Redis stream instead of the archive;
- ``store.py``      ``kznews store``: the one writer, reading the stream with a consumer group and
  acknowledging only what it committed; it records the shared run and its workers in ``runs``.

Without ``KZNEWS_REDIS_URL`` nothing here is loaded.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from scrapy.settings import BaseSettings
from scrapy.utils.defer import deferred_from_coro

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from kznews.distributed.link import Link

logger = logging.getLogger(__name__)

# A frontier bound no crawl reaches: on a worker every URL the spider finds goes to Redis at once
# (held in a worker's memory it would be lost with the worker).
UNBOUNDED_FRONTIER = 2**31

_LINKS: weakref.WeakKeyDictionary[Crawler, Link] = weakref.WeakKeyDictionary()


class SharedRun:
    """Scrapy add-on: with ``KZNEWS_REDIS_URL``, swap the one-machine components for the shared ones."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("KZNEWS_REDIS_URL"):
            return
        from kznews.distributed.claims import ClaimTracker
        from kznews.distributed.incremental import SharedArchivedSkipMiddleware
        from kznews.distributed.pipeline import StreamPipeline
        from kznews.distributed.politeness import SharedPolitenessMiddleware, SharedRobotsMiddleware
        from kznews.distributed.scheduler import SharedDupeFilter, SharedScheduler
        from kznews.middlewares.incremental import ArchivedSkipMiddleware
        from kznews.middlewares.robots import RobotsFailClosedMiddleware
        from kznews.pipelines import StorePipeline

        settings.set("SCHEDULER", SharedScheduler, priority="addon")
        settings.set("DUPEFILTER_CLASS", SharedDupeFilter, priority="addon")
        settings.set("KZNEWS_FRONTIER_REQUESTS", UNBOUNDED_FRONTIER, priority="addon")
        settings.replace_in_component_priority_dict("ITEM_PIPELINES", StorePipeline, StreamPipeline)
        middlewares = "DOWNLOADER_MIDDLEWARES"
        settings.replace_in_component_priority_dict(middlewares, RobotsFailClosedMiddleware, SharedRobotsMiddleware)
        if settings.getbool("KZNEWS_INCREMENTAL"):
            settings.replace_in_component_priority_dict(middlewares, ArchivedSkipMiddleware,
                                                        SharedArchivedSkipMiddleware)
        # Last before the download handler: it sees when a request really leaves and when its answer is in.
        settings.set_in_component_priority_dict(middlewares, SharedPolitenessMiddleware, 990)
        settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", StartDone, 10)
        # The outermost spider middleware: it sees the output every other one left.
        settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", ClaimTracker, 1)


def link_for(crawler: Crawler) -> Link:
    """The crawler's one link to Redis (made by the first component that asks)."""
    link = _LINKS.get(crawler)
    if link is None:
        from twisted.internet import reactor

        from kznews.distributed.link import Link

        settings = crawler.settings

        def failed(message: str) -> None:
            logger.error("%s", message)
            crawler.stats.set_value("kznews/shared/error", message)
            if crawler.engine is not None and crawler.crawling:
                deferred_from_coro(crawler.engine.close_spider_async(reason="redis_unavailable"))

        link = Link(settings.get("KZNEWS_REDIS_URL"), settings.get("KZNEWS_REDIS_PREFIX"),
                    settings.getfloat("KZNEWS_REDIS_WORKER_TIMEOUT"), settings.getfloat("DOWNLOAD_DELAY"),
                    deliver=lambda claimed: None, failed=failed,
                    call_from_thread=reactor.callFromThread)
        _LINKS[crawler] = link
    return link


class StartDone:
    """Spider middleware: once this worker's start requests are all queued, its hold on the run's start ends.

    Joining holds an in-flight place ("start") so that the run cannot be taken for finished while
    a worker is still queuing its start requests (another worker may already have drained the rest).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StartDone:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item_or_request in start:
            yield item_or_request
        link_for(self.crawler).done(["start"])

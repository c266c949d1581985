"""Item pipelines: extract, normalize, then store.

``ExtractPipeline`` turns a fetched ``PageItem`` into a ``PageRecord`` with the
pure extractors; a page that fails to extract is still stored raw (so a later
``kznews reextract`` can retry it) and counted.  ``StorePipeline`` is the one
writer of the archive: it opens a ``runs`` row, writes items in batched
transactions and closes the run with its outcome and stats.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.interfaces import IReactorTime
from twisted.internet.task import LoopingCall

from kznews.extract import extract_item
from kznews.extract.normalize import normalize
from kznews.items import PackedBody, PageItem, PageRecord
from kznews.runstats import crawl_figures, judge
from kznews.scope import scope_of
from kznews.sites import Outlet
from kznews.storage import Archive, ArchiveError
from kznews.storage.indexing import index_record
from kznews.storage.packing import pack
from kznews.workers import extraction_pool

logger = logging.getLogger(__name__)



def _extract(item: PageItem, outlet: Outlet | None) -> tuple[PageRecord, PackedBody]:
    """``extract_page`` for one page item with its article's search index, and its body packed for the archive.

    Module level: it runs in a worker process, so packing (compression, hash) and what the archive derives from
    the article's text (folding, word forms, story sketch: ``index_record``), the writer's largest costs per real
    page, are off the thread that downloads and writes.
    """
    record = extract_item(item, outlet)
    index_record(record)
    return record, pack(item.body)


class ExtractPipeline:
    """Attach what the page says (article, tickers, links) to each page item.

    With ``KZNEWS_EXTRACT_WORKERS`` > 0, extraction runs in that many worker processes,
    so downloading and extracting use two cores (threads would not: extraction holds
    the GIL). A page that fails to extract is kept, counted and logged.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.workers = crawler.settings.getint("KZNEWS_EXTRACT_WORKERS")
        self.pool: ProcessPoolExecutor | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    async def process_item(self, item: PageItem) -> PageItem:
        outlet = scope_of(self.crawler).outlet_for(item.url)
        try:
            if self.workers <= 0:
                item.record, item.packed = _extract(item, outlet)
            else:
                item.record, item.packed = await asyncio.wrap_future(self._pool().submit(_extract, item, outlet))
            item.body = b""  # the packed copy is what the archive stores: a waiting batch holds only that
        except BrokenProcessPool as exc:  # a worker died (e.g. killed): start new ones
            self.pool = None
            self._failed(item, exc)
        except Exception as exc:  # a broken page must not stop the crawl nor be lost
            self._failed(item, exc)
        return item

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = extraction_pool(self.workers)
        return self.pool

    def _failed(self, item: PageItem, exc: BaseException) -> None:
        self.crawler.stats.inc_value("kznews/extract_errors")
        logger.warning("extraction failed for %s: %s: %s", item.url, type(exc).__name__, exc)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class NormalizePipeline:
    """Clean extracted text and drop non-articles with a reason (their raw page is still stored)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        return cls(crawler)

    def process_item(self, item: PageItem) -> PageItem:
        if item.record is not None and (reason := normalize(item.record)):
            self.crawler.stats.inc_value(f"kznews/dropped/{reason}")
            logger.info("not an article: %s (%s)", item.url, reason)
        return item


class StorePipeline:
    """Write page items to the archive in batches and record the run.

    A batch is written when it is full (``KZNEWS_BATCH_SIZE`` items or ``KZNEWS_BATCH_MIB`` of
    pages) and, full or not, every ``KZNEWS_FLUSH_SECONDS``: a slow crawl's pages reach the
    archive within seconds.
    """

    def __init__(self, crawler: Crawler, clock: IReactorTime | None = None) -> None:
        self.crawler = crawler
        self.path = crawler.settings.get("KZNEWS_DB")
        self.batch_size = crawler.settings.getint("KZNEWS_BATCH_SIZE")
        self.batch_bytes_limit = crawler.settings.getint("KZNEWS_BATCH_MIB") * 2**20 or float("inf")
        self.flush_seconds = crawler.settings.getfloat("KZNEWS_FLUSH_SECONDS")
        self.clock = clock  # the reactor when None; tests pass twisted's task.Clock
        self.timer: LoopingCall | None = None
        self.batch: list[PageItem] = []
        self.batch_bytes = 0
        self.archive: Archive | None = None
        self.run_id: int | None = None
        self.failed = False  # a batch could not be stored
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.archive = Archive(self.path, cache_mib=self.crawler.settings.getint("KZNEWS_SQLITE_CACHE_MIB"))
        args = scope_of(self.crawler).run_args()
        self.run_id = self.archive.start_run(self.crawler.settings.get("KZNEWS_COMMAND"), args)
        self.crawler.stats.set_value("kznews/run_id", self.run_id)
        self.crawler.stats.set_value("kznews/db", str(self.path))
        if self.flush_seconds > 0:
            self.timer = LoopingCall(self.flush)
            if self.clock is not None:
                self.timer.clock = self.clock
            self.timer.start(self.flush_seconds, now=False)

    def process_item(self, item: PageItem) -> PageItem:
        self.batch.append(item)
        self.batch_bytes += len(item.packed.compressed) if item.packed else len(item.body)
        if len(self.batch) >= self.batch_size or self.batch_bytes >= self.batch_bytes_limit:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the pending batch in one transaction and count what it did."""
        if not self.batch or self.archive is None:
            return
        batch, self.batch, self.batch_bytes = self.batch, [], 0
        try:
            result = self.archive.store(batch, run_id=self.run_id)
        except ArchiveError as exc:
            # The batch was rolled back: count it, say why once, and stop the crawl,
            # since later batches would fail the same way (the next run refetches them).
            self.crawler.stats.inc_value("kznews/store_errors", len(batch))
            if not self.failed:
                self.failed = True
                logger.error("%s", exc)
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="store_failed"))
            return
        for key, value in asdict(result).items():
            if key != "new_by_site":
                self.crawler.stats.inc_value(f"kznews/{key}", value)
        for site, n in result.new_by_site.items():
            self.crawler.stats.inc_value(f"kznews/site/{site}/new_articles", n)

    def close_spider(self) -> None:
        if self.timer is not None and self.timer.running:
            self.timer.stop()
        self.flush()

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Close the run with its outcome (as ``runstats.judge`` tells it from the close reason and the figures, the
        same rule as the exit code) and the crawl's stats."""
        if self.archive is None or self.run_id is None:
            return
        stats = {
            k: v for k, v in self.crawler.stats.get_stats().items()
            if isinstance(v, (int, float, str)) and not k.startswith("kznews/db")
        }
        outcome, _code = judge(reason, crawl_figures(stats), self.crawler.settings.getfloat("KZNEWS_MAX_ERROR_RATE"))
        self.archive.finish_run(self.run_id, outcome, stats)
        self.archive.close()
        self.archive = None

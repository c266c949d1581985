"""Crawl extensions: a live progress line for terminals.

Switched on by ``KZNEWS_PROGRESS`` (the CLI sets it when stderr is a terminal);
without a terminal (cron) nothing is printed here and the CLI prints one summary.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from kznews.runstats import crawl_figures


class Progress:
    """Rewrite one status line on stderr every ``interval`` seconds."""

    def __init__(self, crawler: Crawler, interval: float = 1.0) -> None:
        self.crawler = crawler
        self.interval = interval
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        if not crawler.settings.getbool("KZNEWS_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.show)
        self.loop.start(self.interval, now=False)

    def show(self) -> None:
        f = crawl_figures(self.crawler.stats.get_stats())
        rate = f["pages"] / max(time.monotonic() - self.started, 1e-9)
        sys.stderr.write(
            f"\r{f['pages']} pages, {f['new']} new, {f['updated']} updated articles, "
            f"{f['errors']} errors, {rate:.1f} pages/s "
        )
        sys.stderr.flush()

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
            self.show()
            sys.stderr.write("\n")

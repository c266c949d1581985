"""A crawl with the news spider that records how many requests waited in Scrapy's scheduler.

    python -m tests.spiders.queue_probe '{"url": ..., "db": ..., "spider": {...}, "settings": {...}}' OUT.json

Runs ``kznews.crawl.run_crawl`` (one reactor per process, hence a subprocess) with the
``QueueProbe`` extension, and writes the most requests the scheduler held at once, the
requests it saw scheduled, and the crawl's outcome as JSON.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler

from kznews.crawl import run_crawl

PROBE: list[QueueProbe] = []


class QueueProbe:
    """Samples the scheduler's length each time a request is scheduled (the crawl's one probe: ``PROBE``)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.most_queued = 0
        self.scheduled = 0
        crawler.signals.connect(self.request_scheduled, signal=signals.request_scheduled)
        PROBE.append(self)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> QueueProbe:
        return cls(crawler)

    def request_scheduled(self, request: Request) -> None:
        # signalled before the request is enqueued: it is one more than the queue holds
        self.scheduled += 1
        self.most_queued = max(self.most_queued, len(self.crawler.engine.scheduler) + 1)


def main(config_json: str, out_path: str) -> None:
    config = json.loads(config_json)
    overrides: dict[str, Any] = {"EXTENSIONS": {f"{__name__}.QueueProbe": 0}, **config.get("settings", {})}
    summary = run_crawl(config["db"], config["spider"], overrides)
    (probe,) = PROBE
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump({"most_queued": probe.most_queued, "scheduled": probe.scheduled,
                   "outcome": summary.outcome, "figures": summary.figures}, fh)


if __name__ == "__main__":
    main(*sys.argv[1:])

"""A minimal spider for the crawl-policy tests, run in its own process (one reactor per process).

    python -m tests.policy_spider '{"urls": [...], "domains": [...], "settings": {...}}' STATS.json

It requests its start URLs with ``dont_filter=True`` (as Scrapy's own start and
retry requests are), follows every link, and writes the crawl's stats as JSON.
Its ``scope`` (one outlet owning ``domains``) is what ``HostGuardMiddleware`` reads, as of NewsSpider.
"""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from twisted.python.failure import Failure

from kznews.scope import CrawlScope
from kznews.sites import Outlet

# The crawl-policy middlewares as kznews.settings enables them.
MIDDLEWARES = {
    "kznews.middlewares.hostguard.HostGuardMiddleware": 25,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "kznews.middlewares.robots.RobotsFailClosedMiddleware": 100,
    "kznews.middlewares.RetryAfterMiddleware": 560,
}

BASE_SETTINGS: dict[str, Any] = {
    "ADDONS": {"kznews.addons.Defaults": 0},
    "DOWNLOADER_MIDDLEWARES": MIDDLEWARES,
    "ROBOTSTXT_OBEY": True,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 5,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
}


class PolicySpider(scrapy.Spider):
    """Fetch the start URLs, follow links; the outlet owns ``domains``."""

    name = "policy"

    def __init__(self, urls: list[str], domains: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        outlet = Outlet(key="test", name="test", domains=tuple(domains), articles=(), editions=())
        self.scope = CrawlScope((outlet,), ())

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.urls:
            yield scrapy.Request(url, dont_filter=True, errback=self.failed)

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, errback=self.failed)

    def failed(self, failure: Failure) -> None:
        self.crawler.stats.inc_value("policy/failed")


def main(config_json: str, stats_path: str) -> None:
    config = json.loads(config_json)
    process = CrawlerProcess({**BASE_SETTINGS, **config.get("settings", {})})
    crawler = process.create_crawler(PolicySpider)
    process.crawl(crawler, urls=config["urls"], domains=config["domains"])
    process.start()
    with open(stats_path, "w", encoding="utf-8") as f:
        json.dump(crawler.stats.get_stats(), f, default=str)


if __name__ == "__main__":
    main(*sys.argv[1:])

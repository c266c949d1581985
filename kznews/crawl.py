"""Run a spider (the news spider, or the archive spider of a backfill) in this process and judge how it went (for the CLI)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from scrapy import Spider
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from kznews.runstats import causes_line, crawl_figures, judge
from kznews.spiders.news import NewsSpider

# Scrapy's loggers that write a line (and a traceback) per failed request.
PER_REQUEST_LOGGERS = ("scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.robotstxt")


@dataclass
class CrawlSummary:
    """How a crawl ended: its outcome, the figures and the exit code for cron."""

    outcome: str
    figures: dict[str, int]
    run_id: int | None
    exit_code: int
    causes: str = ""  # the main causes of failure, "host: cause ×n; ..." ("" for none)


def project_settings(db: str, overrides: dict[str, Any], *, progress: bool, verbose: bool) -> Settings:
    """kznews.settings, then the archive path, then the user's -s overrides."""
    settings = Settings()
    settings.setmodule("kznews.settings", priority="project")
    settings.set("KZNEWS_DB", db, priority="cmdline")
    settings.set("KZNEWS_PROGRESS", progress, priority="cmdline")
    if not verbose:
        settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def run_crawl(db: str, spider_args: dict[str, Any], overrides: dict[str, Any], *,
              progress: bool = False, verbose: bool = False,
              max_error_rate: float = 0.0, spider: type[Spider] = NewsSpider) -> CrawlSummary:
    """Crawl with ``spider`` into ``db``; blocks until the crawl ends.

    Without ``verbose``, Scrapy's per-request error lines (each retry given up, each robots.txt not fetched,
    with their tracebacks) are left out: the crawl says once per host what failed (``middlewares.reach``) and
    the summary names the causes.
    """
    settings = {**overrides, "KZNEWS_MAX_ERROR_RATE": max_error_rate}
    process = CrawlerProcess(project_settings(db, settings, progress=progress, verbose=verbose))
    if not verbose:
        for name in PER_REQUEST_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **{k: v for k, v in spider_args.items() if v})
    process.start()
    stats = crawler.stats.get_stats()
    figures = crawl_figures(stats)
    outcome, code = judge(stats.get("finish_reason", "crashed"), figures, max_error_rate)
    return CrawlSummary(outcome, figures, stats.get("kznews/run_id"), code, causes_line(stats))

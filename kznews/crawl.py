"""Run a spider (the news spider, or the archive spider of a backfill) in this process and judge how it went (for the CLI)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scrapy import Spider
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from kznews import exitcodes
from kznews.pipelines import outcome
from kznews.runstats import crawl_figures
from kznews.spiders.news import NewsSpider


@dataclass
class CrawlSummary:
    """How a crawl ended: its outcome, the figures and the exit code for cron."""

    outcome: str
    figures: dict[str, int]
    run_id: int | None
    exit_code: int


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


def exit_code(reason: str, figures: dict[str, int], max_error_rate: float) -> int:
    """The exit code cron sees for a crawl that closed with ``reason``.

    Done: OK, or PARTIAL when more than ``max_error_rate`` of its requests failed.
    Stopped before done (a time or memory limit, a user's Ctrl-C or SIGTERM): LIMIT.
    Nothing fetched, or any other close reason (an error): FAILED.
    """
    if not figures["pages"]:
        return exitcodes.FAILED
    if reason == "finished":
        attempts = figures["pages"] + figures["errors"]
        return exitcodes.PARTIAL if figures["errors"] / attempts > max_error_rate else exitcodes.OK
    if reason.startswith("closespider_") or reason in ("memusage_exceeded", "shutdown"):
        return exitcodes.LIMIT
    return exitcodes.FAILED


def run_crawl(db: str, spider_args: dict[str, Any], overrides: dict[str, Any], *,
              progress: bool = False, verbose: bool = False,
              max_error_rate: float = 0.0, spider: type[Spider] = NewsSpider) -> CrawlSummary:
    """Crawl with ``spider`` into ``db``; blocks until the crawl ends."""
    process = CrawlerProcess(project_settings(db, overrides, progress=progress, verbose=verbose))
    crawler = process.create_crawler(spider)
    process.crawl(crawler, **{k: v for k, v in spider_args.items() if v})
    process.start()
    stats = crawler.stats.get_stats()
    reason = stats.get("finish_reason", "crashed")
    figures = crawl_figures(stats)
    code = exit_code(reason, figures, max_error_rate)
    return CrawlSummary(outcome(reason), figures, stats.get("kznews/run_id"), code)

"""Scrapy add-ons: setting adjustments that must see the final settings (after -s overrides)."""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings

# The smallest delay kznews lets a crawl run with: with DOWNLOAD_DELAY = 0, Scrapy 2.19's
# downloader sends a host's whole queue at once, ignoring CONCURRENT_REQUESTS_PER_DOMAIN; any positive
# delay keeps the limit (tests/middlewares).
MIN_DELAY = 0.001


def defaults() -> dict[str, Any]:
    """Every ``KZNEWS_*`` setting ``kznews.settings`` declares, with its default: the one place they are declared."""
    from kznews import settings

    return {name: value for name, value in vars(settings).items() if name.startswith("KZNEWS_")}


class Defaults:
    """Put every ``KZNEWS_*`` default at Scrapy's "default" priority, so a crawler built without the project's
    settings module (``CrawlerProcess`` with a dict, ``get_crawler`` in tests) reads the same values as
    ``scrapy crawl``; whatever the project, the command line or a spider sets wins."""

    def update_settings(self, settings: BaseSettings) -> None:
        for name, value in defaults().items():
            settings.set(name, value, priority="default")


class PolitenessFloor:
    """Raise a zero DOWNLOAD_DELAY to ``MIN_DELAY`` so the per-host concurrency limit holds."""

    def update_settings(self, settings: BaseSettings) -> None:
        if settings.getfloat("DOWNLOAD_DELAY") < MIN_DELAY:
            priority = settings.getpriority("DOWNLOAD_DELAY")
            settings.set("DOWNLOAD_DELAY", MIN_DELAY, priority="default" if priority is None else priority)

"""Reading a crawl's Scrapy stats: the figures people watch, overall and per outlet.

Scrapy-free, so the query commands (``stats``) import it without starting Scrapy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Stats that count a failure: a page not fetched, not extracted, not stored, a document
# not understood, a host whose robots.txt could not be read (nothing of it is crawled).
ERROR_KEYS = ("failed_requests", "extract_errors", "store_errors", "bad_documents", "robots/unreachable")


def crawl_figures(stats: Mapping[str, Any]) -> dict[str, int]:
    """The figures a person watches during and after a crawl, from Scrapy's stats."""
    return {
        "pages": stats.get("response_received_count", 0),
        "new": stats.get("kznews/new_articles", 0),
        "updated": stats.get("kznews/updated_articles", 0),
        "unchanged": stats.get("kznews/unchanged_articles", 0),
        "tickers": stats.get("kznews/tickers", 0),
        "errors": sum(stats.get(f"kznews/{key}", 0) for key in ERROR_KEYS),
    }


def site_figures(stats: dict[str, Any], site: str) -> dict[str, int]:
    """An outlet's pages, failed requests and new articles from a run's stats."""
    return {
        key: int(stats.get(f"kznews/site/{site}/{key}", 0))
        for key in ("pages", "failed_requests", "new_articles")
    }

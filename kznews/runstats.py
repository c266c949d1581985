"""Reading a crawl's Scrapy stats: the figures people watch, overall and per outlet.

Scrapy-free, so the query commands (``stats``) import it without starting Scrapy.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from kznews import exitcodes

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


def run_target(args: Mapping[str, Any]) -> str:
    """What a run covered, as its ``runs`` row's args say, in a few words: its outlets (or ad-hoc URL, or an
    import's files) and, for a backfill or an import, the archive it read and the capture window
    ("inform from commoncrawl 2016-01-01..2016-12-31")."""
    what = (args.get("url") or " ".join(args.get("sites") or ())
            or " ".join(PurePath(f).name for f in args.get("files") or ()))
    if not args.get("archive"):
        return what
    since, until = args.get("since"), args.get("until")
    window = f" {since or '...'}..{until or '...'}" if since or until else ""
    return f"{what} from {args['archive']}{window}"


def judge(reason: str, figures: Mapping[str, int], max_error_rate: float) -> tuple[str, int]:
    """How a crawl that closed with ``reason`` went: the outcome its ``runs`` row records and the exit code cron
    sees, from one rule, so the two always agree.

    Nothing fetched, or closed by an error: "failed" (or the error's close reason), FAILED.  Done: "finished",
    OK, or "partial", PARTIAL when more than ``max_error_rate`` of its requests failed.  Stopped before done
    (a time or memory limit, a user's Ctrl-C or SIGTERM: "interrupted"): LIMIT, the next run resumes.
    """
    stopped = reason.startswith("closespider_") or reason in ("memusage_exceeded", "shutdown")
    if not figures["pages"] or not (stopped or reason == "finished"):
        return ("failed" if reason == "finished" else reason), exitcodes.FAILED
    if stopped:
        return ("interrupted" if reason == "shutdown" else reason), exitcodes.LIMIT
    attempts = figures["pages"] + figures["errors"]
    if figures["errors"] / attempts > max_error_rate:
        return "partial", exitcodes.PARTIAL
    return "finished", exitcodes.OK


CAUSE_PREFIX = "kznews/cause/"


def failure_causes(stats: Mapping[str, Any]) -> list[tuple[str, str, int]]:
    """``(host, cause, requests)`` of the crawl's failed requests, the most frequent first."""
    found = []
    for key, value in stats.items():
        if key.startswith(CAUSE_PREFIX):
            host, _, cause = key[len(CAUSE_PREFIX):].partition("/")
            found.append((host, cause, int(value)))
    return sorted(found, key=lambda c: (-c[2], c[0], c[1]))


def causes_line(stats: Mapping[str, Any], limit: int = 3) -> str:
    """The main causes of failure in a few words: "tengrinews.kz: DNS lookup failed ×3; ..." ("" for none)."""
    causes = failure_causes(stats)
    shown = "; ".join(f"{host}: {cause} ×{n}" for host, cause, n in causes[:limit])
    return shown + (f"; {len(causes) - limit} more" if len(causes) > limit else "")


"""Retry-After on 429/503: the host's download slot pauses, nothing sleeps."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import call_later

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait per a ``Retry-After`` value (delay-seconds or HTTP-date), or None if invalid."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    """Honour ``Retry-After`` on 429 and 503: the host gets no request until it has passed.

    How it waits: when such a response is downloaded, the download slot of the
    host that sent it is paused -- its delay becomes the wait (capped by
    ``KZNEWS_RETRY_AFTER_MAX``), counted from now, without jitter -- and a timer
    restores it afterwards.  The downloader then holds every request for that
    host (the retry that ``RetryMiddleware`` makes of this response and any
    request already queued) while the reactor serves other hosts; nothing sleeps.
    It acts on the ``response_downloaded`` signal, as AutoThrottle does on the
    same slot fields, because that fires before the slot sends its next
    request; ``process_response`` would come too late for a queued one.  A
    stopping crawl (Ctrl-C) ends the pause so shutdown is not held up.
    A request marked ``kznews_backoff`` (a web archive's) that gets a 429/503 without Retry-After
    pauses its slot all the same, ``KZNEWS_ARCHIVE_BACKOFF`` seconds doubled for each such answer in
    a row (an answer of another status ends the row): archives block clients that keep asking.
    Off with ``KZNEWS_RETRY_AFTER_ENABLED = False``.
    """

    STATUSES = (429, 503)

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("KZNEWS_RETRY_AFTER_ENABLED"):
            raise NotConfigured
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("KZNEWS_RETRY_AFTER_MAX")
        self.backoff = crawler.settings.getfloat("KZNEWS_ARCHIVE_BACKOFF")
        self.refusals: dict[str, int] = {}  # slot key -> 429/503 answers without Retry-After in a row
        # slot key -> (pause ends at, monotonic; the slot's own delay and jitter)
        self.paused: dict[str, tuple[float, float, float]] = {}
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def response_downloaded(self, response: Response, request: Request) -> None:
        key: str | None = request.meta.get("download_slot")
        if response.status not in self.STATUSES:
            if key is not None:
                self.refusals.pop(key, None)
            return
        stats = self.crawler.stats
        assert stats is not None
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None and key is not None and request.meta.get("kznews_backoff"):
            wait = self.backoff * 2 ** self.refusals.get(key, 0)
            self.refusals[key] = self.refusals.get(key, 0) + 1
            stats.inc_value("kznews/retry_after/backoff")
        elif wait is not None:
            stats.inc_value("kznews/retry_after/received")
        if wait is None or key is None:
            return
        if wait > self.max_wait:
            stats.inc_value("kznews/retry_after/capped")
            wait = self.max_wait
        stats.max_value("kznews/retry_after/max_wait", wait)
        logger.info("%s answered %d with Retry-After: pausing %s for %.1f s", request.url, response.status, key, wait)
        self.pause(key, wait)

    def pause(self, key: str, wait: float) -> None:
        """Send nothing through download slot ``key`` for ``wait`` seconds from now."""
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is None or wait <= 0:
            return
        now = time.monotonic()
        current = self.paused.get(key)
        if current is not None and now + wait <= current[0]:
            return
        delay, jitter = current[1:] if current else (slot.delay, slot.jitter)
        self.paused[key] = (now + wait, delay, jitter)
        slot.lastseen, slot.delay, slot.jitter = now, wait, 0.0
        if current is None:
            call_later(min(wait, 1.0), self._tick, key)

    def _tick(self, key: str) -> None:
        """Restore the slot once its pause is over (or the crawl is stopping)."""
        until, delay, jitter = self.paused[key]
        remaining = until - time.monotonic()
        if remaining > 0 and self.crawler.crawling:
            call_later(min(remaining, 1.0), self._tick, key)
            return
        del self.paused[key]
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is not None:
            slot.delay, slot.jitter = delay, jitter

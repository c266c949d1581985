"""Retry-After: parsed in both forms, and the host's slot paused, capped."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import Response

from kznews.middlewares import (
    RetryAfterMiddleware,
    retry_after_seconds,
)
from tests.conftest import crawler_with_defaults

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (b"2", 2.0),
        (" 120 ", 120.0),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True).encode(), 90.0),
        (b"Wed, 01 May 2024 11:00:00 GMT", 0.0),  # in the past: no wait
        (b"-5", None),
        (b"1.5", None),
        (b"soon", None),
        (None, None),
    ],
)
def test_retry_after_values(value: bytes | str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, now=NOW) == seconds


class _Slots:
    """The part of Scrapy's downloader that RetryAfterMiddleware touches."""

    def __init__(self, slots: dict[str, Any]) -> None:
        self.slots = slots


def test_retry_after_pauses_the_slot_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    from scrapy.core.downloader import Slot

    crawler = crawler_with_defaults(settings={"KZNEWS_RETRY_AFTER_MAX": 10})
    slot = Slot(concurrency=1, delay=1.0, jitter=0.5)
    crawler.engine = type("Engine", (), {"downloader": _Slots({"kaz.example": slot})})()  # type: ignore[assignment]
    timers: list[float] = []
    monkeypatch.setattr("kznews.middlewares.retryafter.call_later", lambda delay, *a: timers.append(delay))
    mw = RetryAfterMiddleware.from_crawler(crawler)
    request = Request("https://kaz.example/a", meta={"download_slot": "kaz.example"})
    for status, value in [(200, b"5"), (429, b"soon"), (429, b"3600"), (503, b"2")]:
        mw.response_downloaded(Response(request.url, status=status, headers={"Retry-After": value}), request)
    assert (slot.delay, slot.jitter) == (10.0, 0.0)  # capped; a shorter later wait does not shorten it
    assert time.monotonic() - slot.lastseen < 1
    assert timers == [1.0]  # one restoring timer per pause
    stats = crawler.stats.get_stats()
    assert (stats["kznews/retry_after/received"], stats["kznews/retry_after/capped"]) == (2, 1)
    assert stats["kznews/retry_after/max_wait"] == 10.0
    mw.paused["kaz.example"] = (time.monotonic() - 1, 1.0, 0.5)  # the pause is over
    mw._tick("kaz.example")
    assert (slot.delay, slot.jitter) == (1.0, 0.5) and not mw.paused

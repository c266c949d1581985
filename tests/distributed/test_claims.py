"""The claim tracker: a claimed request is settled only once everything it produced is handed on.

Scrapy's own signal manager and objects; the engine's part (calling the middleware, sending the
signals in its order) is played by the test, the whole run is tests/distributed/test_scheduler.py's.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from kznews.distributed.claims import CLAIM, ClaimTracker, TrackedErrback, tracker_for


class _Spider(Spider):
    name = "claims"

    def failed(self, failure: Failure) -> Any:
        yield Request("https://news.example/next")
        yield {"failed": failure.request.url}


def _tracker() -> tuple[ClaimTracker, Any]:
    crawler = get_crawler(_Spider)
    return tracker_for(crawler), crawler


async def _read(output: AsyncIterator[Any]) -> list[Any]:
    return [x async for x in output]


def test_a_callbacks_claim_is_settled_after_its_output_its_requests_and_its_items():
    tracker, crawler = _tracker()
    request = Request("https://news.example/a")
    tracker.claimed("7", request)
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    crawler.signals.send_catch_log(signals.response_received, response=response, request=request, spider=None)
    page = {"url": request.url}
    child = Request("https://news.example/b", meta=dict(request.meta))  # a copy of the claim's meta

    async def callback() -> AsyncIterator[Any]:
        yield child
        yield page

    assert tracker.backlog == 1
    assert asyncio.run(_read(tracker.process_spider_output(response, callback()))) == [child, page]
    assert CLAIM not in child.meta  # the new request is not the claimed one
    assert [c.id for c in tracker.settled()] == [] and tracker.last_item(page) is None  # the child is open
    crawler.signals.send_catch_log(signals.request_scheduled, request=child, spider=None)
    assert tracker.last_item(page) is tracker.claims["7"]  # the page is all that is left: it may end the claim
    assert tracker.settled() == []
    crawler.signals.send_catch_log(signals.item_scraped, item=page, response=response, spider=None)
    assert [c.id for c in tracker.settled()] == ["7"] and tracker.claims == {} and tracker.backlog == 0


def test_a_failed_downloads_errback_output_is_tracked_and_a_missing_errback_lets_the_failure_go_on():
    tracker, crawler = _tracker()
    spider = _Spider()
    with_errback = Request("https://news.example/a", errback=spider.failed)
    without = Request("https://news.example/b")
    tracker.claimed("1", with_errback)
    tracker.claimed("2", without)
    failure = Failure(ConnectionRefusedError())
    failure.request = with_errback  # type: ignore[attr-defined]  # as Scrapy sets it before the errback
    assert isinstance(with_errback.errback, TrackedErrback)
    follow, item = list(with_errback.errback(failure))
    assert tracker.settled() == []
    crawler.signals.send_catch_log(signals.request_scheduled, request=follow, spider=None)
    crawler.signals.send_catch_log(signals.item_error, item=item, response=failure, spider=None, failure=failure)
    assert without.errback(failure) is failure  # Scrapy raises it, as with no errback
    assert sorted(c.id for c in tracker.settled()) == ["1", "2"]


def test_a_redirect_taking_the_claimed_requests_place_settles_it():
    tracker, crawler = _tracker()
    request = Request("https://news.example/a")
    tracker.claimed("3", request)
    crawler.signals.send_catch_log(signals.request_scheduled, request=request, spider=None)  # the claim coming in
    assert tracker.settled() == []
    redirected = request.replace(url="https://news.example/a2")
    crawler.signals.send_catch_log(signals.request_scheduled, request=redirected, spider=None)
    assert [c.id for c in tracker.settled()] == ["3"]

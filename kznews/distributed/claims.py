"""When a worker is done with a claimed request: counted from Scrapy's public hooks, per claim.

A claim may be forgotten in Redis (``done``) only once everything its request produced -- new
requests, the page for the writer -- was handed to the link before it (the link sends in
order).  Scrapy signals no "request fully processed", so ``ClaimTracker`` counts, per claim, what
is still open:

- the download, until its outcome reaches the spider: the callback's output starts (this spider
  middleware, the outermost, sees the output every other middleware left), the errback is
  called (``TrackedErrback``, set on every claimed request: a failed download reaches no spider
  middleware), the callback raised (``spider_error``), a redirect or retry took the request's
  place (``request_scheduled`` of a request carrying the claim: it goes back to Redis), or the
  claimed request never reached the scheduler (a ``request_scheduled`` handler refused it);
- each output being read (callback or errback);
- each request and item in it, until ``request_scheduled`` (the request is pushed in the same
  reactor call) or ``item_scraped`` / ``item_dropped`` / ``item_error`` (through the pipelines,
  so a page is in the link's queue).

A claim with nothing open is settled; the scheduler's sweep sends ``done`` for it, or the
stream pipeline forgets it with its page when the page is the last thing open (``last_item``).
The tracker also counts the claims downloaded and not yet settled (``backlog``): the
scheduler hands out no new request beyond ``KZNEWS_REDIS_BACKLOG`` of them, so a killed
worker's downloaded pages that never reached the stream -- fetched again by another -- stay few.

A middleware's ``process_spider_exception`` that answers an exception raised in the middle of a
callback's output with requests or items of its own makes Scrapy read them after that output:
they are tracked, but the claim may be settled in between (none of kznews's middlewares does it).
"""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from inspect import isawaitable
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.http import Response
from scrapy.utils.misc import arg_to_iter
from twisted.python.failure import Failure

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

CLAIM = "kznews_shared_claim"  # Request meta: the in-flight id of a claimed request

_TRACKERS: weakref.WeakKeyDictionary[Crawler, ClaimTracker] = weakref.WeakKeyDictionary()


@dataclass
class Claim:
    """What is still open of one claimed request (see the module's docstring)."""

    id: str
    request: Request
    fetching: bool = True  # its download's outcome has not reached the spider
    answered: bool = False  # downloaded (a response or a failure)
    outputs: int = 0  # callback or errback outputs being read
    pending: int = 0  # requests and items yielded, not yet scheduled or through the pipelines
    sent: bool = False  # forgotten in Redis with its page

    @property
    def settled(self) -> bool:
        return not self.fetching and not self.outputs and not self.pending


class ClaimTracker:
    """The worker's claims and what is open of each; the outermost spider middleware (see the module)."""

    def __init__(self, crawler: Crawler) -> None:
        self.claims: dict[str, Claim] = {}
        self.children: dict[int, Claim] = {}  # id(request) yielded by a claim's callback -> the claim
        self.items: dict[int, Claim] = {}  # id(item) -> the claim whose callback yielded it
        for handler, signal in ((self._scheduled, signals.request_scheduled),
                                (self._received, signals.response_received),
                                (self._spider_error, signals.spider_error),
                                (self._item_through, signals.item_scraped),
                                (self._item_through, signals.item_dropped),
                                (self._item_through, signals.item_error)):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClaimTracker:
        return tracker_for(crawler)

    # -- the scheduler's side -------------------------------------------------------------------

    def claimed(self, claim_id: str, request: Request) -> None:
        """``request`` was claimed for this worker (before it is handed to ``engine.crawl``)."""
        request.meta[CLAIM] = claim_id
        request.errback = TrackedErrback(self, claim_id, request.errback)
        self.claims[claim_id] = Claim(claim_id, request)

    def refused(self, claim_id: str) -> None:
        """The claimed request never reached the scheduler: nothing more comes of it."""
        self.claims[claim_id].fetching = False

    def settled(self) -> list[Claim]:
        """Claims with nothing open, forgotten here (the caller tells Redis)."""
        done = [c for c in self.claims.values() if c.settled]
        for c in done:
            del self.claims[c.id]
        if done and self.items:  # items a pipeline replaced by another object
            self.items = {key: c for key, c in self.items.items() if c.id in self.claims}
        return done

    @property
    def backlog(self) -> int:
        """Claims downloaded and not yet settled."""
        return sum(1 for c in self.claims.values() if c.answered)

    def last_item(self, item: Any) -> Claim | None:
        """The claim ``item`` came from, when the item is the last thing open of it."""
        claim = self.items.get(id(item))
        if claim is not None and not claim.fetching and not claim.outputs and claim.pending == 1:
            return claim
        return None

    # -- the spider middleware -------------------------------------------------------------------

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        claim = self._claim_of(response)
        if claim is None:
            async for x in result:
                yield x
            return
        claim.outputs += 1
        claim.fetching = False
        async for x in self._async_output(claim, result):
            yield x

    def output(self, claim_id: str, result: Any) -> Any:
        """An errback's ``result`` for a failed download, tracked as the claim's output."""
        claim = self.claims.get(claim_id)
        if claim is None or claim.answered:  # a response's errback (a spider middleware refused it): tracked there
            return result
        claim.answered = True
        claim.outputs += 1
        claim.fetching = False
        if result is None or isinstance(result, Failure):
            claim.outputs -= 1
            return result
        if isinstance(result, AsyncIterator):
            return self._async_output(claim, result)
        if isawaitable(result):
            return self._awaited_output(claim, result)
        return self._output(claim, result)

    def _output(self, claim: Claim, result: Iterable[Any] | Any) -> Iterator[Any]:
        try:
            for x in arg_to_iter(result):
                self._yielded(claim, x)
                yield x
        finally:
            claim.outputs -= 1

    async def _async_output(self, claim: Claim, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        try:
            async for x in result:
                self._yielded(claim, x)
                yield x
        finally:
            claim.outputs -= 1

    async def _awaited_output(self, claim: Claim, result: Any) -> AsyncIterator[Any]:
        try:
            for x in arg_to_iter(await result):
                self._yielded(claim, x)
                yield x
        finally:
            claim.outputs -= 1

    def _yielded(self, claim: Claim, x: Any) -> None:
        if isinstance(x, Request):
            x.meta.pop(CLAIM, None)  # a new request, not the claimed one (a copy of its meta carries the claim)
            self.children[id(x)] = claim
            claim.pending += 1
        elif x is not None:
            self.items[id(x)] = claim
            claim.pending += 1

    # -- signals -----------------------------------------------------------------------------------

    def _scheduled(self, request: Request) -> None:
        child = self.children.pop(id(request), None)
        if child is not None:
            child.pending -= 1
            return
        claim = self.claims.get(request.meta.get(CLAIM, ""))
        if claim is not None and claim.request is not request:  # a redirect or retry takes its place (in Redis)
            claim.fetching = False

    def _received(self, response: Response, request: Request) -> None:
        claim = self.claims.get(request.meta.get(CLAIM, ""))
        if claim is not None:
            claim.answered = True

    def _spider_error(self, failure: Failure, response: Response | Failure) -> None:
        claim = self._claim_of(response)
        if claim is not None:
            claim.fetching = False

    def _item_through(self, item: Any, response: Response | Failure | None) -> None:
        self.items.pop(id(item), None)
        claim = self._claim_of(response)  # by its response: a pipeline may hand on another object than it got
        if claim is not None:
            claim.pending -= 1

    def _claim_of(self, response: Response | Failure | None) -> Claim | None:
        request = getattr(response, "request", None)
        return self.claims.get(request.meta.get(CLAIM, "")) if isinstance(request, Request) else None


class TrackedErrback:
    """A claimed request's errback: the original one (or none: the failure goes on), its output tracked."""

    def __init__(self, tracker: ClaimTracker, claim_id: str, original: Callable[..., Any] | None) -> None:
        self.tracker = tracker
        self.claim_id = claim_id
        self.original = original

    def __call__(self, failure: Failure) -> Any:
        try:
            result = self.original(failure) if self.original is not None else failure
        except BaseException:
            self.tracker.output(self.claim_id, None)
            raise
        return self.tracker.output(self.claim_id, result)


def tracker_for(crawler: Crawler) -> ClaimTracker:
    """The crawler's one tracker (made by the first component that asks)."""
    tracker = _TRACKERS.get(crawler)
    if tracker is None:
        tracker = _TRACKERS[crawler] = ClaimTracker(crawler)
    return tracker

"""Politeness across the workers of a shared run: one host slot in Redis, shared robots.txt verdicts.

A worker is handed a request only while its host's slot (``{p}:slot:{host}``, ``SET PX``) is
free, and then holds it (``frontier.py``).  ``SharedPolitenessMiddleware``, the last downloader
middleware, gives it back when the answer has arrived, held for the host's delay: the
configured ``DOWNLOAD_DELAY`` or what this worker's download slot says of the host now,
whichever is longer -- a robots.txt ``Crawl-delay``, AutoThrottle's estimate, a ``Retry-After``
pause (``RetryAfterMiddleware`` sets the slot's delay before this middleware sees the answer).
So across all workers a host is asked one request at a time, the next one at least the delay
after the previous answer ended.  A worker's own requests to a host within one claim (its
robots.txt, then the request) are spaced the same way here.

``SharedRobotsMiddleware`` shares robots.txt: the worker that fetches one publishes what it
got (status and body) for ``KZNEWS_REDIS_ROBOTS_TTL``; the others receive it with their claim and
read it exactly as if they had fetched it (failing closed on a 5xx, Crawl-delay included).
A robots.txt that could not be downloaded at all is not shared: each worker tries for itself.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from scrapy.http import Response, TextResponse
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from kznews.distributed.scheduler import CLAIM, ROBOTS, SENT
from kznews.middlewares.robots import RobotsFailClosedMiddleware

_SHARED = "kznews-shared-robots"  # the flag of a robots.txt answer another worker fetched

if TYPE_CHECKING:
    from typing import Self

    from redis.client import Pipeline
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.robotstxt import RobotParser

    from kznews.distributed.link import Link


class SharedPolitenessMiddleware:
    """Hold a claimed host's slot in Redis until its answer, and for the host's delay after it."""

    def __init__(self, crawler: Crawler, link: Link) -> None:
        self.crawler = crawler
        self.link = link
        self.delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self.ended: dict[str, float] = {}  # host -> when this worker's last answer from it ended (monotonic)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from kznews.distributed import link_for

        return cls(crawler, link_for(crawler))

    def host_delay(self, request: Request) -> float:
        """The host's delay now: the configured one, or this worker's download slot's if longer."""
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        return max(self.delay, slot.delay if slot is not None else 0.0)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        host = urlparse_cached(request).hostname or ""
        if (ended := self.ended.get(host)) is not None:
            wait = ended + self.host_delay(request) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        request.meta[SENT] = True

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        self._answered(request)
        return response

    def process_exception(self, request: Request, exception: BaseException | Failure,
                          spider: Spider | None = None) -> None:
        self._answered(request)

    def _answered(self, request: Request) -> None:
        """The request is over: remember when, and give its claim's host slot back for the delay."""
        host = urlparse_cached(request).hostname or ""
        sent = request.meta.get(SENT, False)
        if sent:
            self.ended[host] = time.monotonic()
        if CLAIM not in request.meta:
            return  # a robots.txt fetched under another request's claim
        self.link.release(host, int(self.host_delay(request) * 1000) if sent else 0)


class SharedRobotsMiddleware(RobotsFailClosedMiddleware):
    """``RobotsFailClosedMiddleware`` whose robots.txt answers are shared by the workers (see the module)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        from kznews.distributed import link_for

        self.link = link_for(crawler)
        self.ttl = crawler.settings.getint("KZNEWS_REDIS_ROBOTS_TTL")

    async def robot_parser(self, request: Request) -> RobotParser | None:
        shared = request.meta.get(ROBOTS)
        url = urlparse_cached(request)
        if shared and url.netloc not in self._parsers:
            status, _, body = shared.partition(b"\n")
            response = TextResponse(f"{url.scheme}://{url.netloc}/robots.txt", status=int(status), body=body,
                                    flags=[_SHARED])
            self._parsers[url.netloc] = Deferred()
            await self._parse_robots(response, url.netloc, request)
            self._stats.inc_value("kznews/shared/robots_received")
        return await super().robot_parser(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if _SHARED not in response.flags:  # fetched by this worker: publish it
            key = self.link.keys.robots(netloc)
            value = str(response.status).encode() + b"\n" + response.body

            def publish(pipe: Pipeline) -> None:
                pipe.set(key, value, ex=self.ttl)

            self.link.send(publish)
        await super()._parse_robots(response, netloc, request)

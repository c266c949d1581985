"""robots.txt that fails closed (RFC 9309 §2.3.1.4) and honours Crawl-delay."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

from kznews.middlewares.reach import UNREACHED, cause_of, count_cause

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


# What a robots.txt that cannot be fetched means (RFC 9309 §2.3.1.4).
_DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


class RobotsFailClosedMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, made to follow RFC 9309 and ``Crawl-delay``.

    Scrapy parses whatever ``/robots.txt`` returns (a 503 page allows everything)
    and allows everything after a network error.  Here a 5xx or 429 answer, a
    timeout or any other download error disallows the whole host; a 3xx/4xx
    allows everything (the file does not exist); a 2xx is parsed.  A
    ``Crawl-delay`` for our user agent (capped by ``KZNEWS_CRAWL_DELAY_MAX``)
    becomes the minimum delay of the host's download slot, and AutoThrottle is
    told not to lower it.  Off with ``ROBOTSTXT_OBEY = False``, like Scrapy's.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.max_crawl_delay = crawler.settings.getfloat("KZNEWS_CRAWL_DELAY_MAX")
        self.crawl_delays: dict[str, float] = {}  # by download slot (host name)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        stats = self._stats
        if response.status >= 500 or response.status == 429:
            stats.inc_value("kznews/robots/unreachable")
            logger.warning(
                "%s answered %d: disallowing the whole host (RFC 9309: unreachable robots.txt)",
                response.url,
                response.status,
            )
            response = response.replace(body=_DISALLOW_ALL)
        elif not 200 <= response.status < 300:
            stats.inc_value("kznews/robots/missing")
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)
        parser = self._parsers[netloc]
        delay = parser.crawl_delay(self._useragent(request)) if isinstance(parser, RobotParser) else None
        if delay:
            self._set_crawl_delay(urlparse_cached(request).hostname or "", delay)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        """A robots.txt that could not be downloaded disallows the whole host."""
        self._stats.inc_value("kznews/robots/unreachable")
        count_cause(self._stats, urlsplit(f"//{netloc}").hostname or netloc, exc)
        logger.log(logging.INFO if cause_of(exc) in UNREACHED else logging.WARNING,
                   "robots.txt of %s not fetched (%s): disallowing the whole host", netloc, cause_of(exc))
        parser = build_from_crawler(self._parserimpl, self.crawler, _DISALLOW_ALL)
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(waiting, Deferred):
            waiting.callback(parser)  # requests that waited for this robots.txt

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        super().process_request_2(rp, request)  # raises IgnoreRequest when disallowed
        if self.crawl_delays.get(urlparse_cached(request).hostname or ""):
            request.meta["autothrottle_dont_adjust_delay"] = True

    def _useragent(self, request: Request) -> str | bytes:
        return (
            self._robotstxt_useragent
            or request.headers.get(b"User-Agent")
            or self._default_useragent
        )

    def _set_crawl_delay(self, host: str, delay: float) -> None:
        """Make ``delay`` the host slot's minimum, now and if the slot is recreated."""
        delay = min(delay, self.max_crawl_delay)
        self.crawl_delays[host] = delay
        self._stats.max_value("kznews/robots/crawl_delay", delay)
        downloader = self.crawler.engine.downloader
        # New slots take their settings from here (DOWNLOAD_SLOTS); no jitter below the delay.
        slot_settings = downloader.per_slot_settings.setdefault(host, {})
        slot_settings["delay"] = max(slot_settings.get("delay", 0.0), delay)
        slot_settings["jitter"] = 0.0
        slot = downloader.slots.get(host)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0.0
        logger.info("%s asks for Crawl-delay %.1f s", host, delay)

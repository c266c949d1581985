"""Crawl policy Scrapy lacks: a host guard, robots.txt that fails closed, Retry-After,
and incremental crawling (archived articles are not fetched again).

Each concern is one downloader middleware, built by ``from_crawler``, switched
off by a setting (``NotConfigured``) and counting its work in ``kznews/<name>/...``
stats.  Where they sit in ``DOWNLOADER_MIDDLEWARES`` matters:

- ``HostGuardMiddleware`` (25) runs before Scrapy's offsite (50) and robots (100)
  middlewares, so a refused host is not even asked for its robots.txt.  Redirects
  and retries are new requests that go through the whole chain again, so the
  guard sees every hop.
- ``RobotsFailClosedMiddleware`` replaces ``RobotsTxtMiddleware`` at 100.
- ``RetryAfterMiddleware`` works from a signal, so its priority does not matter
  (560, beside ``RetryMiddleware``, keeps the list readable).
- ``ArchivedSkipMiddleware`` (40) runs after the host guard and before robots.txt:
  an archived article costs no request at all, not even its host's robots.txt.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import sqlite3
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.asyncio import call_later
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler

from kznews.extract.dates import parse_date
from kznews.storage import ArchiveError, article_fetch_info, connect_readonly

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)

# Names that always mean this machine or a cloud provider's metadata service.
_LOCAL_NAMES = frozenset(
    {
        "localhost",
        "localhost.localdomain",
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
    }
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # IPv4 embedded in the last 32 bits


def _ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """``host`` as an IP address, including the numeric forms resolvers accept (``127.1``, ``2130706433``)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefx." for c in host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def non_public(host: str) -> str | None:
    """Why ``host`` is off limits unless named explicitly (private, loopback, link-local,
    multicast, reserved, metadata...), or None for a public address or an ordinary name.

    Names are not resolved: only literal addresses and well-known local names are caught.
    """
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return "a local or cloud-metadata host name"
    ip = _ip_literal(host)
    if ip is None:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        ip = embedded or ip
    if ip.is_global and not ip.is_multicast:
        return None
    return "a private, loopback, link-local, multicast or reserved address"


class HostGuardMiddleware:
    """Refuse every request off the outlet's hosts or to a non-public address.

    Unlike Scrapy's ``OffsiteMiddleware`` it ignores ``dont_filter`` (which start
    requests and retries carry), so a redirect or a retry cannot leave the outlet.
    Hosts named exactly by the user (the outlet's ``domains``: an ad-hoc start URL's
    host, a ``--mirror`` host) or listed in ``KZNEWS_ALLOW_HOSTS`` are allowed even
    when they are loopback or private; their subdomains and other addresses are not.
    Off with ``KZNEWS_HOST_GUARD_ENABLED = False``.
    """

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("KZNEWS_HOST_GUARD_ENABLED", True):
            raise NotConfigured
        self.crawler = crawler
        self.allow_hosts = {_norm(h) for h in crawler.settings.getlist("KZNEWS_ALLOW_HOSTS")}
        self.refused_hosts: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        host = _norm(urlparse_cached(request).hostname or "")
        reason = self.refusal(host)
        if reason is None:
            return
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("kznews/host_guard/refused")
        if host not in self.refused_hosts:
            self.refused_hosts.add(host)
            stats.inc_value("kznews/host_guard/refused_hosts")
            logger.warning("refusing requests to %s: %s (first: %s)", host or "?", reason, request)
        raise IgnoreRequest(f"host guard: {host or '?'} is {reason}")

    def refusal(self, host: str) -> str | None:
        """Why a request to ``host`` is refused, or None when it may go."""
        spider = self.crawler.spider
        named = self.allow_hosts | {_norm(d) for d in getattr(spider, "named_hosts", ())}
        if host in named:
            return None
        if not (hasattr(spider, "owns_host") and spider.owns_host(host)):
            return "not a host of the crawled outlets"
        return non_public(host)


def _norm(host: str) -> str:
    return host.lower().rstrip(".").strip("[]")


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
        self.max_crawl_delay = crawler.settings.getfloat("KZNEWS_CRAWL_DELAY_MAX", 30.0)
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
        delay = parser.crawl_delay(self._useragent(request)) if parser is not None else None
        if delay:
            self._set_crawl_delay(urlparse_cached(request).hostname or "", delay)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        """A robots.txt that could not be downloaded disallows the whole host."""
        self._stats.inc_value("kznews/robots/unreachable")
        logger.warning("robots.txt of %s not fetched (%s): disallowing the whole host", netloc, exc)
        parser = build_from_crawler(self._parserimpl, self.crawler, _DISALLOW_ALL)
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
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
    Off with ``KZNEWS_RETRY_AFTER_ENABLED = False``.
    """

    STATUSES = (429, 503)

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("KZNEWS_RETRY_AFTER_ENABLED", True):
            raise NotConfigured
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("KZNEWS_RETRY_AFTER_MAX", 300.0)
        # slot key -> (pause ends at, monotonic; the slot's own delay and jitter)
        self.paused: dict[str, tuple[float, float, float]] = {}
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def response_downloaded(self, response: Response, request: Request) -> None:
        if response.status not in self.STATUSES:
            return
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        key = request.meta.get("download_slot")
        if wait is None or key is None:
            return
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("kznews/retry_after/received")
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


class ArchivedSkipMiddleware:
    """Incremental crawling: do not fetch again an article the archive already holds.

    For article requests only (``callback`` is the spider's ``parse_article``) it
    asks the archive -- a read-only connection on ``KZNEWS_DB``, opened at the first
    article request and kept (WAL lets it read while the pipeline writes) -- when
    the URL was last fetched:

    - not archived: the request goes;
    - archived, and the discovery hint (``cb_kwargs["hint"]``: sitemap ``lastmod``,
      feed/sitemap ``published``) names no date after that fetch: skipped
      (``IgnoreRequest``, stat ``kznews/incremental/skipped``);
    - archived, but the hint says it changed since: it goes as a conditional GET
      (``If-None-Match`` from the stored page's ETag, ``If-Modified-Since`` from its
      Last-Modified); a 304 answer becomes ``IgnoreRequest``
      (``kznews/incremental/not_modified``), a 200 is archived as usual (a new
      version if the content changed).  Stat ``kznews/incremental/conditional``.

    An archive that cannot be read (missing, not an archive) switches it off for
    the run with one warning: the crawl then fetches everything, as without it.
    Off with ``KZNEWS_INCREMENTAL = False`` (a full re-crawl).
    """

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("KZNEWS_INCREMENTAL", True):
            raise NotConfigured
        self.crawler = crawler
        self.path = crawler.settings.get("KZNEWS_DB")
        self.conn: sqlite3.Connection | None = None
        self.unavailable = not self.path
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _reader(self) -> sqlite3.Connection | None:
        if self.conn is None and not self.unavailable:
            try:
                self.conn = connect_readonly(self.path)
            except ArchiveError as exc:
                self.unavailable = True
                logger.warning("incremental crawl off: %s", exc)
        return self.conn

    def lookup(self, url: str) -> tuple[str, str | None, str | None] | None:
        """``(fetched_at, etag, last_modified)`` of the archived article at ``url``, or None."""
        conn = self._reader()
        if conn is None:
            return None
        try:
            return article_fetch_info(conn, [url]).get(url)
        except sqlite3.Error as exc:  # e.g. a very long writer checkpoint: fetch rather than fail
            logger.warning("incremental lookup of %s failed (%s): fetching it", url, exc)
            return None

    def _is_article(self, request: Request) -> bool:
        parse_article = getattr(self.crawler.spider, "parse_article", None)
        return parse_article is not None and request.callback == parse_article

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if not self._is_article(request) or request.meta.get("kznews_conditional"):
            return
        archived = self.lookup(request.url)
        if archived is None:
            return
        fetched_at, etag, last_modified = archived
        stats = self.crawler.stats
        assert stats is not None
        if not changed_since(request.cb_kwargs.get("hint"), fetched_at):
            stats.inc_value("kznews/incremental/skipped")
            raise IgnoreRequest(f"archived, unchanged since {fetched_at}: {request.url}")
        stats.inc_value("kznews/incremental/conditional")
        request.meta["kznews_conditional"] = True
        if etag:
            request.headers[b"If-None-Match"] = etag
        if last_modified:
            request.headers[b"If-Modified-Since"] = last_modified

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        if response.status == 304 and request.meta.get("kznews_conditional"):
            stats = self.crawler.stats
            assert stats is not None
            stats.inc_value("kznews/incremental/not_modified")
            raise IgnoreRequest(f"not modified: {request.url}")
        return response

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def changed_since(hint: object, fetched_at: str | None) -> bool:
    """True when ``hint``'s lastmod or published date is after ``fetched_at`` (ISO 8601).

    No hint, no parseable date or no fetch time: False (nothing says it changed).
    """
    fetched = parse_date(fetched_at) if fetched_at else None
    if fetched is None or hint is None:
        return False
    for value in (getattr(hint, "lastmod", None), getattr(hint, "published", None)):
        when = parse_date(value) if value else None
        if when is not None and when > fetched:
            return True
    return False

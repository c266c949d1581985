"""Why requests fail, host by host: each failure's cause named once, and a host that never answered said early.

``cause_of`` names what went wrong with a request in a person's words ("DNS lookup failed", "timed out",
"HTTP 503"); the spider and the robots.txt middleware count final failures under
``kznews/cause/<host>/<cause>``, which the summary line and the per-host lines of the CLI read
(``kznews.runstats.failure_causes``).

``HostReachMiddleware`` watches every attempt (it sits after the retry middleware in the exception chain): the
first connection-level failure of a host that has not answered yet is logged at once, one line, so a crawl of
unreachable sites says so within seconds instead of after its retries; a name that does not resolve is not
retried while its host has never answered (a DNS answer does not change from one second to the next).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import exceptions as scrapy_exceptions
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import error as tx_error
from twisted.web.client import ResponseFailed

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

DNS = "DNS lookup failed"
# Exception types (Scrapy's own and the Twisted ones they wrap) and the cause a person reads.
_CAUSES: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((scrapy_exceptions.CannotResolveHostError, tx_error.DNSLookupError), DNS),
    ((scrapy_exceptions.DownloadConnectionRefusedError, tx_error.ConnectionRefusedError), "connection refused"),
    ((scrapy_exceptions.DownloadTimeoutError, tx_error.TimeoutError, tx_error.TCPTimedOutError), "timed out"),
    ((scrapy_exceptions.ResponseDataLossError,), "response cut short"),
    ((scrapy_exceptions.DownloadFailedError, ResponseFailed, tx_error.ConnectionLost), "connection lost"),
)
# Causes that mean the host was not reached at all.
UNREACHED = frozenset({DNS, "connection refused", "timed out"})


def cause_of(exc: BaseException) -> str:
    """What went wrong, in a person's words."""
    if isinstance(exc, HttpError):
        return f"HTTP {exc.response.status}"
    for types, cause in _CAUSES:
        if isinstance(exc, types):
            return cause
    return type(exc).__name__


def count_cause(stats: StatsCollector, host: str, exc: BaseException) -> None:
    """Count one failed request of ``host`` under its cause."""
    stats.inc_value(f"kznews/cause/{host or '?'}/{cause_of(exc)}")


class HostReachMiddleware:
    """Say at once when a host that never answered fails to connect, and do not retry a name that does not resolve."""

    def __init__(self) -> None:
        self.answered: set[str] = set()
        self.reported: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls()

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        self.answered.add(urlparse_cached(request).hostname or "")
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Spider | None = None) -> None:
        host = urlparse_cached(request).hostname or ""
        cause = cause_of(exception)
        if host in self.answered or cause not in UNREACHED:
            return
        if cause == DNS:
            request.meta["dont_retry"] = True
        if host not in self.reported:
            self.reported.add(host)
            logger.warning("%s: %s (no answer from it yet)", host, cause)

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

from kznews.middlewares.hostguard import HostGuardMiddleware, non_public
from kznews.middlewares.incremental import ArchivedSkipMiddleware, changed_since
from kznews.middlewares.retryafter import RetryAfterMiddleware, retry_after_seconds
from kznews.middlewares.robots import RobotsFailClosedMiddleware

__all__ = [
    "ArchivedSkipMiddleware",
    "HostGuardMiddleware",
    "RetryAfterMiddleware",
    "RobotsFailClosedMiddleware",
    "changed_since",
    "non_public",
    "retry_after_seconds",
]

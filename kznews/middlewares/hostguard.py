"""The host guard: no request leaves the crawled outlets or reaches a private address.

It sits before offsite (50) and robots (100): a refused host is not even asked for
its robots.txt, and redirects and retries, new requests, pass through it again.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.httpobj import urlparse_cached

from kznews.scope import scope_of

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

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
        if not crawler.settings.getbool("KZNEWS_HOST_GUARD_ENABLED"):
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
        scope = scope_of(self.crawler)
        named = self.allow_hosts | {_norm(d) for d in scope.named_hosts}
        if host in named:
            return None
        if not scope.owns_host(host):
            return "not a host of the crawled outlets"
        return non_public(host)


def _norm(host: str) -> str:
    return host.lower().rstrip(".").strip("[]")

"""Tell what a start URL returned: a sitemap, a feed or an HTML (listing) page.

Used in ad-hoc mode (``kznews crawl --url URL``), which accepts any of the
three.  The document's root element decides; the Content-Type only breaks a
tie, because sites serve feeds as ``text/html`` and sitemaps as ``text/plain``.
"""

from __future__ import annotations

import re
from typing import Literal

from kznews.discover.safexml import GZIP_MAGIC, DiscoveryError, gunzip

Kind = Literal["sitemap", "feed", "html"]

_PREFIX = 64 * 1024  # enough for a prolog, a DOCTYPE with an internal subset and the root tag
_PROLOG = re.compile(
    rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^\[>]*(?:\[.*?\])?\s*>)", re.IGNORECASE | re.DOTALL
)
_ROOT = re.compile(rb"\s*<([a-z_][\w.-]*:)?([a-z_][\w.-]*)", re.IGNORECASE)
_ROOTS: dict[bytes, Kind] = {
    b"urlset": "sitemap",
    b"sitemapindex": "sitemap",
    b"rss": "feed",
    b"rdf": "feed",
    b"feed": "feed",
    b"html": "html",
}
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def sniff(body: bytes, content_type: str | None) -> Kind:
    """``"sitemap"``, ``"feed"`` or ``"html"`` for a response body (raw or gzipped)."""
    head = body[:_PREFIX]
    if head.startswith(GZIP_MAGIC):
        try:
            head = gunzip(head, _PREFIX, strict=False)
        except DiscoveryError:
            head = b""
    head = head.removeprefix(b"\xef\xbb\xbf")
    pos = 0
    while match := _PROLOG.match(head, pos):
        pos = match.end()
    root = _ROOT.match(head, pos)
    if root and (kind := _ROOTS.get(root.group(2).lower())):
        return kind
    mime = (content_type or "").split(";")[0].strip().lower()
    return "feed" if mime in _FEED_TYPES else "html"

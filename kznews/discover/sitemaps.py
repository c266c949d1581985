"""Sitemaps and sitemap indexes (sitemaps.org, Google News, hreflang alternates).

``parse_sitemap`` is lenient where sites are sloppy (namespaces, whitespace,
junk characters in ``<loc>``) and strict where they are hostile (size caps,
gzip bombs, entities): see ``kznews.discover.safexml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from kznews.discover.safexml import (
    MAX_BYTES,
    DiscoveryError,
    child,
    children,
    has_entities,
    localname,
    stream_xml,
    text,
)
from kznews.discover.urls import clean_url

_ROOTS: dict[str, Literal["index", "urlset"]] = {"sitemapindex": "index", "urlset": "urlset"}
_ENTRY = {"index": "sitemap", "urlset": "url"}


@dataclass
class SitemapEntry:
    """One ``<url>`` (or ``<sitemap>`` of an index) with what the sitemap says of it."""

    loc: str
    lastmod: str | None = None
    news_title: str | None = None
    news_publication_date: str | None = None  # as printed
    news_language: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> URL


@dataclass
class Sitemap:
    """A parsed sitemap: an index of child sitemaps, or a urlset of pages."""

    kind: Literal["index", "urlset"]
    entries: list[SitemapEntry]


def parse_sitemap(body: bytes, url: str, max_bytes: int = MAX_BYTES) -> Sitemap:
    """Parse a sitemap or sitemap index (raw or gzipped) fetched from ``url``.

    Raises ``DiscoveryError`` (one-line message) when the body is over
    ``max_bytes`` (also after gunzipping), is not XML at all, or its root is not
    ``<urlset>``/``<sitemapindex>``.  Otherwise malformed XML is recovered: the
    entries parsed before the damage are returned.  Entries whose ``<loc>`` is
    not an http(s) URL, holds an entity reference, or is WordPress
    ``__trashed`` junk are dropped; duplicates keep their first occurrence.
    """
    elements = stream_xml(body, url, max_bytes)
    name = localname(next(elements))
    kind = _ROOTS.get(name or "")
    if kind is None:
        raise DiscoveryError(f"{url}: not a sitemap (root element <{name}>)")
    entries: list[SitemapEntry] = []
    seen: set[str] = set()
    for el in elements:
        if localname(el) != _ENTRY[kind]:
            continue
        entry = _entry(el, url)
        if entry is not None and entry.loc not in seen:
            seen.add(entry.loc)
            entries.append(entry)
    return Sitemap(kind=kind, entries=entries)


def _entry(el: etree._Element, base: str) -> SitemapEntry | None:
    loc_el = child(el, "loc")
    if loc_el is None or has_entities(loc_el):
        return None
    loc = clean_url(text(loc_el), base)
    if loc is None or "__trashed" in loc:
        return None
    entry = SitemapEntry(loc=loc, lastmod=text(child(el, "lastmod")))
    news = child(el, "news")
    if news is not None:
        entry.news_title = text(child(news, "title"))
        entry.news_publication_date = text(child(news, "publication_date"))
        publication = child(news, "publication")
        if publication is not None:
            entry.news_language = text(child(publication, "language"))
    for link in children(el, "link"):
        hreflang = (link.get("hreflang") or "").strip()
        href = clean_url(link.get("href"), base)
        if link.get("rel") == "alternate" and hreflang and href:
            entry.alternates[hreflang] = href
    return entry

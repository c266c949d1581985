"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the entries' links and what the feed says of them."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from kznews.discover.safexml import (
    MAX_BYTES,
    DiscoveryError,
    child,
    children,
    has_entities,
    localname,
    parse_xml,
    text,
)
from kznews.discover.urls import clean_url

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class FeedEntry:
    """One feed item; dates are kept as printed (extraction parses them)."""

    link: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    lang: str | None = None


def parse_feed(body: bytes, url: str, max_bytes: int = MAX_BYTES) -> list[FeedEntry]:
    """Parse an RSS 2.0, RSS 1.0/RDF or Atom feed (raw or gzipped) fetched from ``url``.

    Raises ``DiscoveryError`` (one-line message) when the body is over
    ``max_bytes``, is not XML, or is no feed.  Otherwise malformed XML is
    recovered and the items parsed before the damage are returned.  Links are
    resolved against ``url`` (and ``xml:base``); items without an http(s) link
    are dropped and duplicate links keep their first occurrence.
    """
    root = parse_xml(body, url, max_bytes)
    name = localname(root)
    if name == "rss":
        channel = child(root, "channel")
        items = children(channel, "item") if channel is not None else []
        entries = [_rss_item(i, url, _lang(channel)) for i in items]
    elif name == "rdf":
        channel = child(root, "channel")
        lang = _lang(channel) if channel is not None else None
        entries = [_rss_item(i, url, lang) for i in children(root, "item")]
    elif name == "feed":
        lang = root.get(_XML_LANG)
        entries = [_atom_entry(e, url, lang) for e in children(root, "entry")]
    else:
        raise DiscoveryError(f"{url}: not a feed (root element <{name}>)")
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry is not None and entry.link not in seen:
            seen.add(entry.link)
            unique.append(entry)
    return unique


def _lang(el: etree._Element | None) -> str | None:
    """The language an RSS channel or item declares (``<language>``, ``dc:language``)."""
    return text(child(el, "language")) if el is not None else None


def _rss_item(item: etree._Element, base: str, channel_lang: str | None) -> FeedEntry | None:
    links = [ln for ln in children(item, "link") if not has_entities(ln)]
    link = next((u for ln in links if (u := clean_url(text(ln), base))), None)
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    guid = child(item, "guid")
    if link is None and about:
        link = clean_url(about, base)
    if link is None and guid is not None and guid.get("isPermaLink", "true") != "false":
        link = clean_url(text(guid), base)
    if link is None:
        return None
    return FeedEntry(
        link=link,
        title=text(child(item, "title")),
        published=text(child(item, "pubdate", "date", "issued", "published")),
        updated=text(child(item, "updated", "modified")),
        lang=_lang(item) or channel_lang,
    )


def _atom_entry(entry: etree._Element, base: str, feed_lang: str | None) -> FeedEntry | None:
    links = [ln for ln in children(entry, "link") if ln.get("rel", "alternate") == "alternate"]
    links.sort(key=lambda ln: ln.get("type", "text/html") != "text/html")
    link = next(
        (u for ln in links if (u := clean_url(ln.get("href"), entry.base or base))), None
    )
    if link is None:
        return None
    return FeedEntry(
        link=link,
        title=text(child(entry, "title")),
        published=text(child(entry, "published", "issued")),
        updated=text(child(entry, "updated", "modified")),
        lang=entry.get(_XML_LANG) or feed_lang,
    )

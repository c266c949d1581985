"""Safe parsing of untrusted XML (sitemaps, feeds) shared by the discovery parsers.

Documents come from the network, so they are size-capped before parsing,
gunzipped with a cap (a gzip bomb is refused), and parsed by lxml with entity
expansion, DTD loading and network access all off (no billion laughs, no XXE).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from lxml import etree

from kznews.errors import KznewsError

MAX_BYTES = 50 * 1024 * 1024  # the design's sitemap cap (reliability.md)
GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"


class DiscoveryError(KznewsError, ValueError):
    """A discovery document could not be used; the message is one line."""


def gunzip(body: bytes, limit: int, *, strict: bool = True) -> bytes:
    """Decompress a gzip body to at most ``limit`` bytes.

    With ``strict`` a larger or corrupt body raises ``DiscoveryError``; without
    it the first ``limit`` bytes are returned (enough to sniff a document).
    """
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit)
    except zlib.error as exc:
        raise DiscoveryError(f"corrupt gzip body ({exc})") from None
    if strict and not inflater.eof:
        if inflater.unconsumed_tail or len(out) >= limit:
            raise DiscoveryError(f"gzip body expands beyond {limit} bytes; refused")
        raise DiscoveryError("truncated or corrupt gzip body")
    return out


def _prepared(body: bytes, url: str, max_bytes: int) -> bytes:
    """``body`` size-checked, gunzipped (capped) and without a BOM or surrounding whitespace."""
    if len(body) > max_bytes:
        raise DiscoveryError(f"{url}: body of {len(body)} bytes exceeds the {max_bytes}-byte cap")
    if body.startswith(GZIP_MAGIC):
        body = gunzip(body, max_bytes)
    return body.removeprefix(_BOM).strip()


_SAFE: dict[str, Any] = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False, "recover": True}


def parse_xml(body: bytes, url: str, max_bytes: int = MAX_BYTES) -> etree._Element:
    """The root element of ``body`` (raw or gzipped), parsed safely in recover mode.

    Raises ``DiscoveryError`` when the body is too large or holds no XML at all.
    """
    body = _prepared(body, url, max_bytes)
    try:
        root = etree.fromstring(body, etree.XMLParser(**_SAFE), base_url=url) if body else None
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"{url}: not XML ({exc})") from None
    if root is None:
        raise DiscoveryError(f"{url}: not XML (nothing could be parsed)")
    return root


def stream_xml(body: bytes, url: str, max_bytes: int = MAX_BYTES) -> Iterator[etree._Element]:
    """The root element (its start tag only), then each child of the root, complete, in document order.

    Same safety and recovery as ``parse_xml``, but each child is freed once the consumer
    moves on: a 50,000-URL sitemap is never held as one tree (a tree that size is hundreds of
    MiB, which CPython does not give back).
    """
    body = _prepared(body, url, max_bytes)
    root = done = None
    depth = 0
    try:
        for event, el in etree.iterparse(BytesIO(body), events=("start", "end"), **_SAFE):
            depth += 1 if event == "start" else -1
            if event == "start" and depth == 1:
                root = el
                yield el
            elif event == "end" and depth == 1:
                yield el
                el.clear(keep_tail=True)
                while el.getprevious() is not None and root is not None:  # root: the depth-1 start
                    del root[0]
                done = el
    except etree.XMLSyntaxError as exc:
        if root is None:
            raise DiscoveryError(f"{url}: not XML ({exc})") from None
    if root is None:
        raise DiscoveryError(f"{url}: not XML (nothing could be parsed)")
    # recover mode: a child cut off by damage (or a refused entity) stands as far as it was parsed
    yield from (el for el in root if el is not done)


def localname(el: etree._Element) -> str | None:
    """The tag without its namespace, lower-cased; None for comments, PIs and entities."""
    tag = el.tag
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else None


def children(el: etree._Element, name: str) -> list[etree._Element]:
    """Child elements whose local name is ``name`` in any namespace (sites get namespaces wrong)."""
    return [c for c in el if localname(c) == name]


def child(el: etree._Element, *names: str) -> etree._Element | None:
    """The first child element named by the first of ``names`` that is present."""
    for name in names:
        found = children(el, name)
        if found:
            return found[0]
    return None


def has_entities(el: etree._Element) -> bool:
    """True when ``el`` holds an unexpanded entity reference (its text is not to be trusted)."""
    return any(c.tag is etree.Entity for c in el.iter())


def text(el: etree._Element | None) -> str | None:
    """The stripped text of ``el`` and its descendants without entity references; None if empty."""
    if el is None:
        return None
    parts: list[str] = [el.text or ""]
    for c in el:
        if isinstance(c.tag, str):
            parts.append(text(c) or "")
        parts.append(c.tail or "")
    value = "".join(parts).strip()
    return value or None

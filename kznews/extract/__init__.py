"""Extraction: pure functions from a fetched page to a ``PageRecord``; no Scrapy, no I/O.

``extract_page`` parses the page once and hands the tree to one module per concern:
``html`` (decode, parse), ``structured`` (JSON-LD, OpenGraph, meta), ``body``,
``dates`` (printed and ISO formats), ``relative`` (dates needing the fetch time),
``dating`` (publication/modification date from every source, in order of trust),
``datelines``, ``attribution``, ``tickers``, ``links`` and ``language``;
``article`` assembles the article fields with their provenance.

Work a page does not need is skipped: the ticker search only when the page text names
a currency code, links only on listings, trafilatura only when no outlet selector,
complete JSON-LD ``articleBody`` or clear main block gives the body (``body.py``).
"""

from __future__ import annotations

from lxml import etree

from ..items import DiscoveryHint, PageItem, PageRecord
from ..sites import Outlet
from .article import build_article
from .body import MIN_BLOCK, MainBlock, main_block
from .html import load
from .links import find_links
from .structured import Structured, read_structured
from .tickers import find_tickers, might_have_tickers

__all__ = ["extract_item", "extract_page"]


def _looks_like_article(tree: etree._Element, structured: Structured, block: MainBlock) -> bool:
    """Article evidence: an article JSON-LD node, og:type=article, or a headline over a long text block."""
    if structured.article is not None:
        return True
    if any(v.lower() == "article" for v in structured.all("og:type")):
        return True
    has_headline = tree.find(".//body//h1") is not None or structured.first("og:title") is not None
    return has_headline and block.size >= MIN_BLOCK


def extract_page(
    body: bytes | str, url: str, *, outlet: Outlet | None = None, fetched_at: str | None = None,
    headers: dict[str, list[str]] | None = None, kind: str | None = None, hint: DiscoveryHint | None = None,
) -> PageRecord:
    """Everything a page says: its article (or its article links, for a listing) and any tickers.

    ``kind`` ("article" / "listing") is obeyed when given, else decided from the page.
    """
    tree = load(body, headers)
    site = outlet.key if outlet is not None else None
    record = PageRecord(url=url, kind=kind or "listing")
    if kind != "listing":  # a listing's links need neither structured data nor the paragraph census
        structured = read_structured(tree)
        block = main_block(tree)  # one pass over the <p> elements, shared by the article test and the body rules
        if kind is None and _looks_like_article(tree, structured, block):
            record.kind = "article"
    selectors = outlet.selectors if outlet is not None else {}
    if might_have_tickers(tree):  # most pages name no currency code at all: skip the tree search
        record.tickers = find_tickers(tree, url, site=site, observed_at=fetched_at, selector=selectors.get("tickers"))
    if record.kind == "article":
        # last: trafilatura may be called on the tree (it works on its own copy)
        record.article = build_article(
            tree, structured, url, outlet=outlet, fetched_at=fetched_at, hint=hint, block=block)
    else:
        record.links = find_links(tree, url, outlet=outlet, fetched_at=fetched_at)
    return record


def extract_item(item: PageItem, outlet: Outlet | None) -> PageRecord:
    """``extract_page`` of a fetched or archived page with all it came with: fetch time, headers, kind
    (a "page" of undecided kind is decided by extraction) and the discovery hint (a sitemap's date)."""
    return extract_page(item.body, item.url, outlet=outlet, fetched_at=item.fetched_at, headers=item.headers,
                        kind=None if item.kind == "page" else item.kind, hint=item.hint)

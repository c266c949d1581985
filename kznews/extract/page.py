"""A fetched page to a ``PageRecord``: the one pass that hands the parsed tree to each concern's module.

``extract_page`` parses the page once and hands the tree to one module per concern:
``html`` (decode, parse), ``structured`` (JSON-LD, OpenGraph, meta), ``body``,
``dates`` (printed and ISO formats), ``relative`` (dates needing the fetch time),
``dating`` (publication/modification date from every source, in order of trust), ``pagetype``
(article or not, from all the evidence),
``datelines``, ``attribution``, ``tickers``, ``links`` and ``language``;
``article`` assembles the article fields with their provenance.

Work a page does not need is skipped: the ticker search only when the page text names
a currency code, links only on listings, trafilatura only when no outlet selector,
complete JSON-LD ``articleBody`` or clear main block gives the body (``body.py``).
"""

from __future__ import annotations

from ..items import DiscoveryHint, PageItem, PageRecord
from ..sites import Outlet
from .article import build_article
from .body import main_block
from .html import load
from .links import find_links
from .pagetype import page_type
from .structured import read_structured
from .tickers import find_tickers, might_have_tickers


def extract_page(
    body: bytes | str, url: str, *, outlet: Outlet | None = None, fetched_at: str | None = None,
    headers: dict[str, list[str]] | None = None, kind: str | None = None, hint: DiscoveryHint | None = None,
) -> PageRecord:
    """Everything a page says: its article (or its article links, when it is not an article) and any tickers.

    ``kind`` ("article" / "listing") is obeyed when given, else decided from all the evidence (``pagetype``).
    """
    tree = load(body, headers)
    site = outlet.key if outlet is not None else None
    selectors = outlet.selectors if outlet is not None else {}
    record = PageRecord(url=url, kind=kind or "listing")
    article = None
    if kind == "listing":  # a listing's links need neither structured data nor the paragraph census
        record.kind_evidence = "given"
    else:
        structured = read_structured(tree)
        block = main_block(tree)  # one pass over the <p> elements, shared by the page type and the body rules
        evidence = page_type(tree, structured, block, url, outlet=outlet, hint=hint, kind=kind)
        if evidence.kind != "listing":
            # last: trafilatura may be called on the tree (it works on its own copy)
            article = build_article(
                tree, structured, url, outlet=outlet, fetched_at=fetched_at, hint=hint, block=block)
        record.kind = evidence.kind or evidence.dated_by(article.provenance.get("published_at") if article else None)
        record.kind_evidence = evidence.describe()
    if might_have_tickers(tree):  # most pages name no currency code at all: skip the tree search
        record.tickers = find_tickers(tree, url, site=site, observed_at=fetched_at, selector=selectors.get("tickers"))
    if record.kind == "article" and article is not None:
        article.provenance["kind"] = record.kind_evidence
        record.article = article
    else:
        record.links = find_links(tree, url, outlet=outlet, fetched_at=fetched_at)
    return record


def extract_item(item: PageItem, outlet: Outlet | None) -> PageRecord:
    """``extract_page`` of a fetched or archived page with all it came with: fetch time, headers, kind
    (a "page" of undecided kind is decided by extraction) and the discovery hint (a sitemap's date).

    The article's provenance says where the page came from: ``origin`` (live, or the web archive or WARC
    file that captured it; its ``fetched_at`` is then the capture time) and, for a capture, the archive's record.
    """
    record = extract_page(item.body, item.url, outlet=outlet, fetched_at=item.fetched_at, headers=item.headers,
                          kind=None if item.kind == "page" else item.kind, hint=item.hint)
    if record.article is not None:
        provenance = record.article.provenance
        provenance["origin"] = item.capture.origin if item.capture else "live"
        if item.capture:
            provenance["capture"] = item.capture.describe()
    return record

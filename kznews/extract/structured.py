"""Structured data publishers put in the page head: JSON-LD, OpenGraph, article:* and plain meta.

This is the most stable evidence on a page (markup changes, structured data
rarely does), so it is read first and the body rules only fill gaps.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .html import squash

# schema.org's Article types that are news or posts (not TechArticle, a manual, nor ScholarlyArticle, a paper)
ARTICLE_TYPES = frozenset({
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "Report",
    "BlogPosting", "LiveBlogPosting",
})
_HEAD_TAGS = ("meta", "script", "link", "title")  # read in one walk: three XPath scans cost twice as much


@dataclass
class Structured:
    """What the page declares about itself."""

    article: dict[str, Any] | None = None  # the JSON-LD article node
    types: frozenset[str] = frozenset()  # the @type of every JSON-LD node
    jsonld_dates: dict[str, str] = field(default_factory=dict)  # datePublished/dateModified of any JSON-LD node
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name/property -> contents
    canonical: str | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, href) of the head's alternate links
    html_lang: str | None = None
    title: str | None = None  # <title>

    def first(self, *keys: str) -> tuple[str, str] | None:
        """(value, key) of the first non-empty meta among ``keys``."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value, key
        return None

    def all(self, key: str) -> list[str]:
        """Every non-empty value of meta ``key``, in page order."""
        return [v for v in self.meta.get(key, ()) if v]


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document: lists, @graph and nesting flattened."""
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _nodes(data["@graph"])


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def _jsonld_nodes(scripts: list[str]) -> Iterator[dict[str, Any]]:
    for script in scripts:
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            continue
        yield from _nodes(data)


def jsonld_article(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first JSON-LD node typed as an article (NewsArticle, Article, ...), or None."""
    return next((node for node in nodes if _types(node) & ARTICLE_TYPES), None)


def _first_dates(nodes: list[dict[str, Any]]) -> dict[str, str]:
    """``datePublished``/``dateModified`` of the first JSON-LD node of any type that has them (WebPage, QAPage...)."""
    found: dict[str, str] = {}
    for node in nodes:
        for key in ("datePublished", "dateModified"):
            if key not in found and (value := text_value(node, key)):
                found[key] = value
    return found


def read_structured(tree: etree._Element) -> Structured:
    """JSON-LD article, meta tags (name/property/itemprop), canonical and hreflang links, <html lang> and <title>.

    Meta tags and JSON-LD count wherever they are (microdata metas sit in the body), in page order.
    """
    meta: dict[str, list[str]] = {}
    scripts: list[str] = []
    canonical: str | None = None
    alternates: list[tuple[str, str]] = []
    title: etree._Element | None = None
    for el in tree.iter(*_HEAD_TAGS):
        tag = el.tag
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop")
            content = el.get("content")
            if key and content is not None:
                meta.setdefault(key.strip().lower(), []).append(squash(html.unescape(content)))
        elif tag == "script":
            if el.get("type") == "application/ld+json" and el.text:
                scripts.append(el.text)
        elif tag == "link":
            href = (el.get("href") or "").strip()
            rel = el.get("rel")
            if canonical is None and href and rel == "canonical":
                canonical = href
            elif rel == "alternate" and href and (hreflang := el.get("hreflang")) is not None \
                    and (parent := el.getparent()) is not None and parent.tag == "head":
                alternates.append((hreflang, href))
        elif title is None:
            title = el
    nodes = list(_jsonld_nodes(scripts))
    return Structured(
        article=jsonld_article(nodes),
        types=frozenset(t for node in nodes for t in _types(node)),
        jsonld_dates=_first_dates(nodes),
        meta=meta,
        canonical=canonical,
        alternates=alternates,
        html_lang=tree.get("lang") or tree.get("xml:lang"),
        title=squash("".join(map(str, title.itertext()))) if title is not None else None,
    )


def names(value: Any, *, kinds: frozenset[str] | None = None) -> list[str]:
    """Names in a JSON-LD value (a string, an object with ``name``, or a list of them)."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            if kinds is None or _types(item) & kinds:
                out.append(item["name"])
    return [squash(html.unescape(n)) for n in out if n and n.strip()]


def text_value(node: dict[str, Any] | None, key: str) -> str | None:
    """A JSON-LD string field, entity-decoded and whitespace-collapsed (first item of a list)."""
    value = (node or {}).get(key)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    return squash(html.unescape(value)) or None

"""Article body: clean paragraphs without page chrome.

Rules in order of precision: the outlet's ``body`` selector, the publisher's
JSON-LD ``articleBody``, then trafilatura's generic main-text extraction
(precision-favoring, tables kept) on the already-parsed tree.  Whatever the rule, trailing
blocks such as "Читайте также", "Поделитесь новостью", "Нашли ошибку" end the body.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml import etree

from .html import SKIP_TAGS, css, squash, text_of

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "section",
     "article", "table", "tr", "figure", "figcaption", "header", "footer", "pre"}
)
_DROP_TAGS = SKIP_TAGS | {"iframe", "form", "button", "nav", "aside", "svg", "select", "input", "object", "video"}
_DROP_CLASS = re.compile(
    r"share|social|soc_|related|read[-_]?also|frame_news|banner|adfox|advert|\bads?\b|subscribe|tags?\b|keyword"
    r"|comment|widget|exchange|currency|weather|breadcrumb|author",
    re.I,
)
# Blocks that end an article body: whatever follows is the site's, not the article's.
_STOP = re.compile(
    r"^(?:Читайте (?:также|еще|ещё)|Поделитесь новостью|Поделиться|Нашли ошибку|Беттегі қате|Оқи отырыңыз"
    r"|Подписывайтесь|Бізді .*жазылыңыз|Read also|Read more|Share this|Если вы нашли ошибку)",
    re.I,
)
_EXCLUDED = re.compile(r"^(?:Реклама|Advertisement|Жарнама)$", re.I)
_MARKUP = re.compile(r"</?(?:p|br|div|a|span|strong|em|b|i|h\d|ul|li|body)\b[^>]*>", re.I)
MIN_BLOCK = 400  # characters of paragraph text in one block that make a page look like an article


def _junk(el: etree._Element) -> bool:
    if not isinstance(el.tag, str) or el.tag in _DROP_TAGS:
        return True
    return bool(_DROP_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"))


def _walk(el: etree._Element, buf: list[str]) -> Iterator[str]:
    """Text of ``el`` split into blocks at block-level elements, junk subtrees skipped."""
    block = el.tag in _BLOCKS
    if block and buf:
        yield "".join(buf)
        buf.clear()
    if el.text:
        buf.append(el.text)
    for child in el:
        if not _junk(child):
            yield from _walk(child, buf)
        if child.tail:
            buf.append(child.tail)
    if block and buf:
        yield "".join(buf)
        buf.clear()


def paragraphs_of(el: etree._Element) -> list[str]:
    """The text blocks inside ``el`` (page chrome such as share and related blocks left out)."""
    buf: list[str] = []
    blocks = [squash(b) for b in _walk(el, buf)]
    if buf:
        blocks.append(squash("".join(buf)))
    return [b for b in blocks if b]


def clean(paragraphs: list[str], headline: str | None = None) -> list[str]:
    """Paragraphs up to the first end-of-article block, without a repeated headline or ad labels.

    A "Read also"-type block ends the body when no more text follows it than precedes it;
    earlier (an inline link to a related story) only the block itself is dropped.
    """
    out: list[str] = []
    remaining = sum(map(len, paragraphs))
    for para in paragraphs:
        remaining -= len(para)
        if _STOP.match(para):
            if remaining <= sum(map(len, out)):
                break
            continue
        if _EXCLUDED.match(para) or (not out and headline and para == headline):
            continue
        out.append(para)
    return out


def main_block_size(tree: etree._Element) -> int:
    """Characters of paragraph text in the richest single parent of <p> elements."""
    sizes: Counter[etree._Element] = Counter()
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None:
            sizes[parent] += len(text_of(p))
    return max(sizes.values(), default=0)


def _jsonld_paragraphs(text: str) -> list[str]:
    """Paragraphs of a JSON-LD ``articleBody``: plain lines, or HTML markup when the publisher left it in."""
    text = html.unescape(text)
    if _MARKUP.search(text):
        return paragraphs_of(lxml.html.fragment_fromstring(text, create_parent="div"))
    return [squash(p) for p in text.splitlines() if p.strip()]


def extract_body(
    tree: etree._Element, *, selector: str | None = None, jsonld_body: str | None = None,
    headline: str | None = None, url: str | None = None,
) -> tuple[list[str], str | None]:
    """(paragraphs, rule) for the article body; rule is "selector", "jsonld" or "trafilatura"."""
    if selector:
        found = css(selector)(tree)
        paragraphs = clean([p for el in found for p in paragraphs_of(el)], headline)
        if paragraphs:
            return paragraphs, "selector"
    if jsonld_body:
        paragraphs = clean(_jsonld_paragraphs(jsonld_body), headline)
        size = sum(map(len, paragraphs))
        if size >= MIN_BLOCK // 2 and size >= main_block_size(tree) // 2:  # not a teaser of a longer page text
            return paragraphs, "jsonld"
    text = trafilatura.extract(
        tree, url=url, favor_precision=True, include_comments=False, include_tables=True, include_images=False,
        with_metadata=False, deduplicate=False,
    )
    paragraphs = clean([squash(line) for line in (text or "").splitlines() if line.strip()], headline)
    return paragraphs, "trafilatura" if paragraphs else None

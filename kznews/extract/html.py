"""Decode a response body and parse it once into an lxml tree; small text helpers.

Every other module reads the tree built here, so a page is parsed exactly once.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from functools import lru_cache
from typing import cast

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Elements whose text is never page text: code, styling, comments.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
# No table of id attributes: nothing here looks elements up by id.
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=False, collect_ids=False)
# lxml.html's own parser picks each element's class in Python, once per element touched;
# this C-level lookup gives every element lxml.html's HtmlElement (only its form classes are lost, unused here).
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity))


def _codec(name: str | bytes | None) -> str | None:
    """The Python codec for a declared charset name, or None when unknown."""
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def header_value(headers: dict[str, list[str]] | None, name: str) -> str | None:
    """First value of header ``name`` (case-insensitive) in the spider's ``{name: [values]}``."""
    for key, values in (headers or {}).items():
        if key.lower() == name.lower() and values:
            return values[0]
    return None


def decode(body: bytes | str, headers: dict[str, list[str]] | None = None) -> str:
    """Text of ``body``: BOM, then Content-Type charset, then <meta> charset, then utf-8/cp1251.

    A declared charset other than UTF-8 yields to bytes that are valid UTF-8 text.

    A BOM is checked first because it cannot lie about the bytes that follow it,
    whereas headers and meta tags often do.
    """
    if isinstance(body, str):
        return body
    data, codec = _charset(body, headers)
    if codec is not None:
        return data.decode(codec, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", "replace")


def load(body: bytes | str, headers: dict[str, list[str]] | None = None) -> lxml.html.HtmlElement:
    """The tree of the page's text (``parse(decode(body))``).

    Bytes in a declared (or BOM-marked) UTF-8 are parsed as they came, not decoded first (0.1-0.3 ms a page):
    libxml2 reads each malformed byte as U+FFFD (``decode`` makes one of a truncated sequence) and goes on
    in UTF-8.
    """
    if isinstance(body, bytes):
        data, codec = _charset(body, headers)
        if codec == "utf-8":
            return parse(data)
    return parse(decode(body, headers))


def _charset(body: bytes, headers: dict[str, list[str]] | None) -> tuple[bytes, str | None]:
    """(the bytes after any BOM, the codec they are in) for ``decode`` and ``load``; None when nothing declares one."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom):], codec
    content_type = header_value(headers, "Content-Type") or ""
    match = _HEADER_CHARSET.search(content_type)
    found = _codec(match.group(1)) if match else None
    if found is None:
        meta = _META_CHARSET.search(body[:4096])
        found = _codec(meta.group(1)) if meta else None
    if found not in (None, "utf-8") and _is_utf8_text(body):
        found = "utf-8"  # a declared single-byte charset over UTF-8 bytes: the bytes win
    return body, found


def _is_utf8_text(body: bytes) -> bool:
    """True when ``body`` has non-ASCII bytes and all of them form valid UTF-8.

    Text in windows-1251 or KZ-1048 is practically never valid UTF-8 (its letters are
    lone high bytes), so valid multi-byte UTF-8 means a wrong declaration.
    """
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse(text: str | bytes) -> lxml.html.HtmlElement:
    """Parse page text, or its UTF-8 bytes, into an HTML tree (always parsed as UTF-8 bytes, so an
    encoding declaration in the page cannot clash).

    Style sheets are dropped from the tree (text around them kept): nothing reads them, and they are
    the biggest text of many pages, which the ticker precheck and htmldate's page scan (half its time on
    WCXB pages, with the same dates found) would otherwise read.
    """
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    tree = lxml.html.document_fromstring(data or b"<html/>", parser=_PARSER)
    etree.strip_elements(tree, "style", with_tail=False)
    return tree


def squash(text: str | None) -> str:
    """Whitespace collapsed to single spaces and trimmed (nbsp included): ``str.split`` knows the same
    whitespace as ``re``'s ``\\s`` and is faster than a substitution."""
    return " ".join(text.split()) if text else ""


def text_pieces(el: etree._Element) -> list[str]:
    """The text nodes under ``el`` in order (a ``<br>`` as a line break), skipping comments, scripts and styles.

    A plain walk over the children: on the small elements it is asked for (links, paragraphs,
    cells) it is faster than lxml's ``itertext`` behind a test for scripts.
    """
    if el.tag in SKIP_TAGS or not isinstance(el.tag, str):
        return []
    return _pieces(el, [])


def _pieces(el: etree._Element, out: list[str]) -> list[str]:
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag
        if tag == "br":  # a line break is whitespace: "(US)<br>Your" reads "(US) Your"
            out.append("\n")
        elif isinstance(tag, str) and tag not in SKIP_TAGS:
            _pieces(child, out)
        if child.tail:
            out.append(child.tail)
    return out


def text_of(el: etree._Element) -> str:
    """Visible text of ``el``, whitespace-collapsed."""
    return squash("".join(text_pieces(el)))


class CaseBlind:
    """A case-blind search for lower-case words in class names: on ASCII text (the rule) the lower-cased text
    with a case-sensitive pattern, cheaper in ``re`` than ``re.IGNORECASE``, which is kept for the rest."""

    def __init__(self, pattern: str) -> None:
        self._exact = re.compile(pattern)
        self._blind = re.compile(pattern, re.I)

    def search(self, text: str) -> bool:
        return (self._exact.search(text.lower()) if text.isascii() else self._blind.search(text)) is not None


# lxml types every XPath result as any XPath value (booleans, numbers, strings, elements); these wrappers say
# what a given expression selects, so the code that reads the results is checked.
Elements = Callable[..., list[etree._Element]]
Strings = Callable[..., list[str]]


def element_xpath(expr: str) -> Elements:
    """A compiled XPath that selects elements (XPath variables as keyword arguments)."""
    return cast(Elements, etree.XPath(expr))


def string_xpath(expr: str) -> Strings:
    """A compiled XPath that selects text or attribute values."""
    return cast(Strings, etree.XPath(expr))


@lru_cache(maxsize=128)
def css(selector: str) -> Elements:
    """A compiled CSS selector (outlet selectors are few and reused on every page)."""
    return cast(Elements, CSSSelector(selector))

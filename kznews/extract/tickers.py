"""Currency tickers: quotes like ``USD 425.05`` shown in a page's widgets.

Found by DOM pattern, not per-site code: a small element whose visible text
is a currency code followed by a number (``USD 425.05``, ``USD/KZT 0.0``,
``1 ЕУРО EUR / KZT 473.33``).  Only text nodes are read, so values left in
HTML comments or scripts are never taken; zero or missing numbers are
placeholders a script fills later, not quotes.

A quote keeps the day its rates are for when the widget states one: a date in the
widget's own label (its text outside the quote cells) right after words naming rates
(``Курс валют на 28.11.2026``, ``Нацбанк РК, 21 марта``, ``курсы НБ РК на сегодня``),
so a nearby article's date is never taken.  A year is inferred from the fetch
time, and no day after the fetch day plus one (official rates are set the day before) is kept.
"""

from __future__ import annotations

import re
from datetime import timedelta

from lxml import etree

from ..items import TickerQuote
from .dates import parse_date
from .html import SKIP_TAGS, css, squash, text_of
from .relative import local, read_printed

CODES = ("USD", "EUR", "RUB", "CNY", "GBP", "JPY", "CHF", "KGS", "UZS", "TRY", "AED", "BYN", "GEL", "AZN", "KZT")
_CODE = "(?:" + "|".join(CODES) + ")"
_NUMBER = r"(?P<value>\d{1,7}(?:[.,]\d{1,5})?)"
_CODE_FIRST = re.compile(
    rf"^(?:\d+\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+)?(?P<base>{_CODE})(?:\s*/\s*(?P<quote>{_CODE}))?\s*[:=]?\s*{_NUMBER}(?!\d)"
)
_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "₽": "RUB", "¥": "CNY"}
_SYMBOL_FIRST = re.compile(r"^(?P<symbol>US\$|\$|€|₽|¥)\s*1\s*=\s*" + _NUMBER + r"\s*KZT\b")
MAX_TEXT = 80  # a ticker cell is short; longer text is prose that mentions a currency
_ANY_CODE = re.compile(rf"\b{_CODE}\b")
_CODE_SOMEWHERE = re.compile(_CODE)  # no \b: lets re skip ahead on the codes' first letters (4x faster)
_CODE_WORDS = frozenset(code.encode("ascii") for code in CODES)
_CAPITALS_ONLY = bytes(b if 65 <= b <= 90 else 32 for b in range(256))  # A-Z kept, every other byte a space


def might_have_tickers(tree: etree._Element) -> bool:
    """False when the text of the page's body names no currency code as a word: then ``find_tickers`` finds nothing.

    A superset test on the body's text in one piece (libxml2 joins it, scripts included): capitals
    kept and every other byte made a space, the codes are among the words (``\\b`` in the walk).  2-8x cheaper
    than a regex over the page source, which also matched codes in the head, attributes and longer words.
    """
    body = tree.find("body")
    text = etree.tostring(tree if body is None else body, method="text", encoding="utf-8")
    return not _CODE_WORDS.isdisjoint(text.translate(_CAPITALS_ONLY).split())


def _code_texts(root: etree._Element) -> list[etree._Element]:
    """The element at each text naming a currency code, in document order: its own text, or the tail after it.

    Script and style content and comments are not page text (a comment's tail is).  One pass of lxml's
    C iterator reading each element's text and tail (a third cheaper than a start/end walk, and several
    times cheaper than XPath's ``text()`` results); the few hits are then put in document order: an
    element's text at its place in the pass, its tail after its last descendant, deeper tails first.
    """
    hits: list[tuple[tuple[int, ...], etree._Element]] = []
    for i, el in enumerate(root.iter()):
        tag = el.tag
        text = el.text if tag.__class__ is str and tag not in ("script", "style") else None
        if text and _CODE_SOMEWHERE.search(text) and _ANY_CODE.search(text):
            hits.append(((i, 0), el))
        text = el.tail
        if text and el is not root and _CODE_SOMEWHERE.search(text) and _ANY_CODE.search(text):
            after = i + sum(1 for _ in el.iter())  # the pass's index just past el's subtree
            hits.append(((after, -1, -sum(1 for _ in el.iterancestors())), el))
    return [el for _, el in sorted(hits, key=lambda hit: hit[0])]


def parse_quote(text: str) -> tuple[str, float] | None:
    """(pair, value) for a ticker's text such as ``USD 425.05`` or ``EUR/KZT: 509.29``; None otherwise."""
    found = _parse(text)
    return found[:2] if found else None


def _parse(text: str) -> tuple[str, float, float | None, str | None] | None:
    """(pair, value, change, direction) of a ticker's text; change and direction when printed."""
    text = " ".join(text.split())
    m = _CODE_FIRST.match(text)
    if m:
        base, quote = m.group("base"), m.group("quote") or "KZT"
    else:
        m = _SYMBOL_FIRST.match(text)
        if not m:
            return None
        base, quote = _SYMBOLS[m.group("symbol")], "KZT"
    value = float(m.group("value").replace(",", "."))
    if value <= 0 or base == quote:
        return None
    rest = _CHANGE.match(text[m.end():])
    printed = rest.group("change") if rest else None
    change = float(printed.replace(",", ".").replace("−", "-").replace(" ", "")) if printed else None
    direction = _ARROWS.get(rest.group("arrow")) if rest and rest.group("arrow") else None
    if change is not None and printed[0].isdigit() and direction == "down":
        change = -change
    if direction is None and change:
        direction = "up" if change > 0 else "down"
    return f"{base}/{quote}", value, change, direction


# What may follow the value: a signed change and an arrow (kt.kz: "USD 320.34 -0.26 ↓").
# An unsigned change counts only before an arrow, which then gives its sign.
_CHANGE = re.compile(
    r"\s*(?:\(?(?P<change>[+−-]\s?\d{1,5}(?:[.,]\d{1,5})?|\d{1,5}(?:[.,]\d{1,5})?(?=\s*[↑↓▲▼△▽]))\)?)?"
    r"\s*(?P<arrow>[↑↓▲▼△▽])?"
)
_ARROWS = {"↑": "up", "▲": "up", "△": "up", "↓": "down", "▼": "down", "▽": "down"}
_IMAGE_DIRECTION = re.compile(r"(?<![a-z])(up|down)(?![a-z])", re.I)


def _image_direction(cell: etree._Element) -> str | None:
    """up/down from an arrow picture in the cell (inform.kz: <img src="/lenta/img/up.png">)."""
    for img in cell.iter("img"):
        m = _IMAGE_DIRECTION.search(img.get("src", "") + " " + img.get("class", ""))
        if m:
            return m.group(1).lower()
    return None


def _cell(node: etree._Element) -> etree._Element | None:
    """The smallest element around a code's text node whose text is a whole quote."""
    el: etree._Element | None = node
    for _ in range(3):
        if el is None or el.tag in SKIP_TAGS:
            return None
        text = text_of(el)
        if len(text) > MAX_TEXT:
            return None
        if parse_quote(text):
            return el
        el = el.getparent()
    return None


# What names a rates widget: "Курсы валют", "Нацбанк РК", "курсы НБ РК", "Валюта бағамы", "ҰБ", "Exchange rates".
_RATES_WORDS = re.compile(
    r"курс|нацбанк|(?<!\w)нб\s*рк(?!\w)|национальн\w*\s+банк|бағам|ұлттық\s+банк|(?<!\w)ұб(?!\w)"
    r"|(?<!\w)rates?(?!\w)|exchange|(?<!\w)nbk(?!\w)", re.I)
MAX_LABEL = 120  # a widget's own label is short; longer text outside the cells is a page section
_LABEL_LEVELS = 3  # how far up from a quote cell its widget's label may be
_NEAR = 40  # how far after the words naming rates their date may start
_AHEAD = timedelta(days=1)  # the National Bank sets tomorrow's official rate today


def _label(el: etree._Element, cells: set[etree._Element]) -> str:
    """Visible text of ``el`` outside the quote ``cells`` (and outside comments, scripts, styles)."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            pieces.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in SKIP_TAGS and child not in cells:
                walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(el)
    return squash(" ".join(pieces))


class _AsOf:
    """The as-of day stated by the widget around each quote cell (each widget element's label read once)."""

    def __init__(self, cells: set[etree._Element], observed_at: str | None) -> None:
        self.cells = cells
        self.now = parse_date(observed_at) if observed_at else None
        self.read: dict[etree._Element, tuple[bool, str | None]] = {}  # element -> (label too long, its day)

    def of(self, cell: etree._Element) -> str | None:
        """ISO day the rates in ``cell`` are for: from the nearest short, rates-naming label above it."""
        el = cell.getparent()
        for _ in range(_LABEL_LEVELS):
            if el is None or el.tag == "body":
                return None
            if el not in self.read:  # the cells of one widget share their ancestors' labels
                label = _label(el, self.cells)
                self.read[el] = (True, None) if len(label) > MAX_LABEL else (False, self._day(label))
            too_long, day = self.read[el]
            if too_long or day:
                return day
            el = el.getparent()
        return None

    def _day(self, label: str) -> str | None:
        """The day a label states right after naming rates ("Курс валют на 28.11.2026"), if not after
        the fetch day plus one."""
        for cue in _RATES_WORDS.finditer(label):
            rest = label[cue.start():]
            found = read_printed(rest, self.now, self.now)
            if found is None:
                return None  # no date after any later cue either
            if rest.find(found[0]) > _NEAR:
                continue
            day = found[1].date()
            if self.now is not None and day > local(self.now).date() + _AHEAD:
                return None
            return day.isoformat()
        return None


def find_tickers(
    tree: etree._Element, url: str, *, site: str | None = None, observed_at: str | None = None,
    selector: str | None = None,
) -> list[TickerQuote]:
    """Quotes shown on the page, one per pair (first seen wins); ``selector`` (an outlet's widget) narrows the
    search, a walk of the widget instead of the page's every node, or leaves it the whole body when it matches
    nothing (a widget renamed in a redesign is still read); the head (a title naming a rate) holds no widget.

    Each quote carries its widget's as-of day when the widget states one (``observed_at`` dates
    relative and year-less ones).
    """
    body = tree.find("body")
    roots = (css(selector)(tree) if selector else None) or [tree if body is None else body]
    found: list[tuple[etree._Element, tuple[str, float, float | None, str | None]]] = []
    pairs: set[str] = set()
    for root in roots:
        for el in _code_texts(root):
            cell = _cell(el)
            quote = _parse(text_of(cell)) if cell is not None else None
            if quote and quote[0] not in pairs:
                pairs.add(quote[0])
                found.append((cell, quote))
    as_of = _AsOf({cell for cell, _ in found}, observed_at)
    return [
        TickerQuote(pair, value, url, site, observed_at, change=change,
                    direction=direction or _image_direction(cell), as_of=as_of.of(cell))
        for cell, (pair, value, change, direction) in found
    ]

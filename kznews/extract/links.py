"""Listing pages: the article links they show, each with its headline and printed time.

With an outlet, a link is kept when ``outlet.is_article_url`` says so; without
one, when it stays on the page's host, its path looks like an article (a slug
with a numeric id or ``.html``) and its text reads like a headline (>= 4 words).
Times are resolved against the fetch time: relative ones (``Сегодня, 14:35``)
directly, bare clock times (``19:18``) as a newest-first run that may cross midnight.

A listing has hundreds of links, so the scan is one pass with each text read once:
hrefs of the usual shapes are resolved without ``urljoin``, each URL is judged once,
blank text is skipped, and the slow date searches run only on text that could hold a date:
a relative date needs one of its words, a printed date a digit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time
from functools import lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from ..items import LinkHint
from ..sites import Outlet
from .dates import find_date, iso, month_number, parse_date
from .html import SKIP_TAGS, squash, text_pieces
from .relative import clock_run, partial, read_printed, relative

_SLUG = re.compile(r"[^\W\d_]{3,}")
_ID = re.compile(r"\d{4,}")
MIN_WORDS = 4
_DIGIT = re.compile(r"\d")  # every printed form but a relative word needs a digit (dates.py, relative.py)
_LETTER = re.compile(r"[^\W\d_]")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# The words relative.py's forms are built on, folded (see _may_be_relative): its day words, "ago" and "just now".
_RELATIVE_WORDS = (
    "сегодня", "бүгін", "bügin", "búgin", "today", "вчера", "кеше", "keshe", "yesterday", "алдыңғы күні",
    "назад", "бұрын", "burin", "buryn", "ago", "только что", "жаңа ғана", "just now",
)
_RELATIVE_WORD = re.compile("|".join(map(re.escape, _RELATIVE_WORDS)))  # one scan instead of 18 substring tests
_LEVELS = 3  # how far up from a link its item container (with the time) may be
# hrefs whose urljoin + urldefrag is plain string work: an absolute http(s) URL with a plain host, or a
# root-relative path without empty or dot segments; never ';' (params), whitespace or an empty '?'
_PLAIN_ABSOLUTE = re.compile(
    r"https?://(?P<host>[A-Za-z0-9.-]+)(?::\d+)?(?P<path>/[^\s?;\\]*)?(?:\?(?P<query>[^\s;\\]+))?")
_PLAIN_PATH = re.compile(r"(?=/)(?:(?!//|/\.\.?(?:/|\?|$))[^\s?;\\])+(?:\?[^\s;\\]+)?")

def _host(url: str) -> str:
    return _bare(urlsplit(url).hostname)


def _bare(hostname: str | None) -> str:
    host = (hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def looks_like_article(url: str, base_url: str) -> bool:
    """Same host as ``base_url`` and a path with a slug plus a numeric id or an .html ending."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or _host(url) != _host(base_url):
        return False
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return False
    last = re.sub(r"\.html?$", "", segments[-1])
    has_slug = bool(_SLUG.search(last)) or any(_SLUG.search(s) and _ID.search(s) for s in segments)
    return has_slug and (bool(_ID.search(parts.path)) or parts.path.endswith((".html", ".htm")))


_Target = tuple[str, str, str]  # (absolute URL without fragment, its host, its path with the ?query)


def _resolver(base_url: str) -> Callable[[str], _Target | None]:
    """``href`` -> its target as urljoin and urlsplit give it; None for in-page, script and mail links.

    The usual shapes are split by the regex that recognises them, so each URL is parsed once.
    """
    base = urlsplit(base_url)
    origin = f"{base.scheme}://{base.netloc}" if base.scheme in ("http", "https") and base.netloc else None
    base_host = base.hostname or ""

    def resolve(href: str) -> _Target | None:
        href = href.strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            return None
        url = href.split("#", 1)[0]
        if m := _PLAIN_ABSOLUTE.fullmatch(url):
            path, query = m["path"] or "", m["query"]
            return url, m["host"].lower(), f"{path}?{query}" if query else path
        if origin is not None and _PLAIN_PATH.fullmatch(url):
            return origin + url, base_host, url
        url = urldefrag(urljoin(base_url, href))[0]
        parts = urlsplit(url)
        return url, parts.hostname or "", f"{parts.path}?{parts.query}" if parts.query else parts.path

    return resolve


def _judge(target: _Target | None, outlet: Outlet | None) -> tuple[str, str | None] | None:
    """(URL, dedup key) of a link target; the key is None when the outlet does not take the URL as an article's.

    The key is the URL's identity: http/https and www. do not make another article.
    """
    if target is None:
        return None
    url, host, path = target
    return url, _bare(host) + path if outlet is None or outlet.is_article(host, path) else None


def _when(text: str, now: datetime | None) -> tuple[str, datetime | None] | None:
    """(as printed, datetime) of a date in ``text``; a bare clock time has no datetime yet.

    ``read_printed`` (full, then relative, then day-month date), its relative step run only when
    the text has a relative word: most link texts have none, and that search costs the most.
    """
    text = " ".join(text.split())
    relative_words = now is not None and _may_be_relative(text)
    if not _DIGIT.search(text):  # only a relative word ("Вчера", "час назад") can be a date
        return relative(text, now) if relative_words and now is not None else None
    if relative_words:
        found = read_printed(text, now, now)
        return found[:2] if found else find_date(text)
    clock = find_date(text)
    if clock is not None and clock[1] is not None:
        return clock
    day_month = partial(text, now, now) if now is not None and _LETTER.search(text) else None  # a month word
    return day_month[:2] if day_month else clock


def _may_be_relative(text: str) -> bool:
    """False when ``text`` holds none of the words a relative date needs (a 2 µs test; ``relative`` takes 50).

    Folded as ``re.IGNORECASE`` compares letters (dotted/dotless i, long s), so no spelling it accepts is missed.
    """
    folded = text.lower().replace("ı", "i").replace("ſ", "s").replace("\u0307", "")
    return _RELATIVE_WORD.search(folded) is not None


def _may_be_whole_date(text: str) -> bool:
    """False when squashed, non-empty ``text`` cannot be a date printed alone, so ``_when`` need not search it.

    A date printed alone starts with a digit (day, year, clock, "5 минут назад"), with a month word
    ("April 19", "декабрь 30, 2025") or holds a relative word ("Сегодня, 14:35", "час назад"); a link's
    headline does none of these, and its date search is what a listing's scan spent most on.
    """
    if text[0].isdigit():
        return True
    first = _FIRST_WORD.match(text)
    return (first is not None and _is_month(first.group(0))) or _may_be_relative(text)


@lru_cache(maxsize=4096)
def _is_month(word: str) -> bool:
    """``month_number`` as a yes/no, remembered: a listing's headlines start with the same few words."""
    return month_number(word) is not None


def _free_text(el: etree._Element) -> list[str]:
    """Text pieces of ``el`` that are not inside a link, a script or a comment."""
    pieces: list[str] = [el.text] if el.text else []
    for child in el:
        if child.tag != "a" and isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
            pieces.extend(_free_text(child))
        if child.tail:
            pieces.append(child.tail)
    return pieces


class _Listing:
    """One listing page being read: where each link goes, and each text's date read once."""

    def __init__(self, tree: etree._Element, base_url: str, now: datetime | None, outlet: Outlet | None) -> None:
        resolve = _resolver(base_url)
        judged: dict[str, tuple[str, str | None] | None] = {}  # href -> (URL, key): a listing repeats most hrefs
        self.now = now
        self.targets: dict[etree._Element, tuple[str, str | None] | None] = {}
        body = tree.find("body")
        for anchor in body.iter("a") if body is not None else ():  # lxml's walk: a third cheaper than XPath
            href = anchor.get("href")
            if href is None:
                continue
            if href not in judged:
                judged[href] = _judge(resolve(href), outlet)
            self.targets[anchor] = judged[href]
        self._dates: dict[str, tuple[str, datetime | None] | None] = {}
        self._item_dates: dict[etree._Element, str | None] = {}
        self._item_targets: dict[etree._Element, set[tuple[str, str | None] | None]] = {}

    def when(self, text: str) -> tuple[str, datetime | None] | None:
        """``_when`` of ``text``, remembered (a listing repeats times and labels)."""
        if text.isspace():
            return None
        if text not in self._dates:
            self._dates[text] = _when(text, self.now)
        return self._dates[text]

    def headline_and_time(self, anchor: etree._Element) -> tuple[str, str | None]:
        """The link's text without a time printed inside it (a piece that is a date alone), and that time if any."""
        words: list[str] = []
        printed: str | None = None
        for piece in text_pieces(anchor):
            if printed is not None or piece.isspace():
                words.append(piece)
                continue
            text = squash(piece)
            if _may_be_whole_date(text) and (found := self.when(piece)) and text == found[0]:
                printed = found[0]
            else:
                words.append(piece)
        return squash(" ".join(words)), printed

    def time_beside(self, anchor: etree._Element) -> str | None:
        """A date/time printed in the link's own item: the nearest ancestor linking nowhere else."""
        target = self.targets[anchor]
        el = anchor.getparent()
        for _ in range(_LEVELS):
            if el is None or el.tag == "body":
                return None
            if el not in self._item_targets:  # an item's links read once, not once per link in it
                self._item_targets[el] = {self.targets.get(a) for a in el.iter("a")} - {None}
            if not self._item_targets[el] <= {target}:
                return None
            if el not in self._item_dates:
                found = next(filter(None, map(self.when, _free_text(el))), None)
                self._item_dates[el] = found[0] if found else None
            if self._item_dates[el]:
                return self._item_dates[el]
            el = el.getparent()
        return None


def find_links(
    tree: etree._Element, base_url: str, *, outlet: Outlet | None = None, fetched_at: str | None = None
) -> list[LinkHint]:
    """Article links on a listing page, deduplicated by URL (first spelling kept), in page order.

    A printed time with a full date wins over a bare clock time shown for the same link elsewhere.
    """
    now = parse_date(fetched_at) if fetched_at else None
    page = _Listing(tree, base_url, now, outlet)
    hints: dict[str, LinkHint] = {}
    for anchor, target in page.targets.items():
        if target is None or target[1] is None:
            continue
        url, key = target
        headline, printed = page.headline_and_time(anchor)
        if outlet is None and not (looks_like_article(url, base_url) and len(headline.split()) >= MIN_WORDS):
            continue
        hint = hints.get(key)
        if hint is None:
            hint = hints[key] = LinkHint(url)
        if headline and len(headline) > len(hint.headline or ""):
            hint.headline = headline
        if hint.published_at is None:
            printed = printed or page.time_beside(anchor)
            found = page.when(printed) if printed else None
            if found and (hint.published_raw is None or found[1] is not None):
                hint.published_raw, hint.published_at = found[0], iso(found[1])
    if now is not None:
        _resolve_clocks([h for h in hints.values() if h.published_raw and h.published_at is None], now)
    return list(hints.values())


def _clock(printed: str) -> time | None:
    try:
        return time(*map(int, printed.split(":")))
    except ValueError:
        return None


def _resolve_clocks(hints: list[LinkHint], now: datetime) -> None:
    """Dates for links printed with a clock time only, read as one newest-first run (see ``clock_run``)."""
    for hint, dt in zip(hints, clock_run([_clock(h.published_raw or "") for h in hints], now)):
        hint.published_at = iso(dt)

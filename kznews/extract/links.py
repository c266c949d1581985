"""Listing pages: the article links they show, each with its headline and printed time.

With an outlet, a link is kept when ``outlet.is_article_url`` says so; without
one, when it stays on the page's host, its path looks like an article (a slug
with a numeric id or ``.html``) and its text reads like a headline (>= 4 words).
Times are resolved against the fetch time: relative ones (``Сегодня, 14:35``)
directly, bare clock times (``19:18``) as a newest-first run that may cross midnight.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from ..items import LinkHint
from ..sites import Outlet
from .dates import find_date, iso, parse_date
from .html import SKIP_TAGS, squash, text_pieces
from .relative import clock_run, read_printed, relative

_ANCHORS = etree.XPath("//body//a[@href]")
_SLUG = re.compile(r"[^\W\d_]{3,}")
_ID = re.compile(r"\d{4,}")
MIN_WORDS = 4
_DIGIT = re.compile(r"\d")  # every printed form but a relative word needs a digit (dates.py, relative.py)
_LEVELS = 3  # how far up from a link its item container (with the time) may be


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
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


def _resolve(base_url: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    return urldefrag(urljoin(base_url, href))[0]


def _when(text: str, now: datetime | None) -> tuple[str, datetime | None] | None:
    """(as printed, datetime) of a date in ``text``; a bare clock time has no datetime yet."""
    if not _DIGIT.search(text):  # most link texts: only a relative word ("Вчера", "час назад") can be a date
        return relative(" ".join(text.split()), now) if now is not None else None
    found = read_printed(text, now, now)
    return found[:2] if found else find_date(text)


def _headline_and_time(anchor: etree._Element, now: datetime | None) -> tuple[str, str | None]:
    """The link's text without a time printed inside it, and that time if any."""
    words: list[str] = []
    printed: str | None = None
    for piece in text_pieces(anchor):
        found = _when(piece, now)
        if found and printed is None and squash(piece) == found[0]:
            printed = found[0]
        else:
            words.append(piece)
    return squash(" ".join(words)), printed


def _time_beside(
    anchor: etree._Element, targets: dict[etree._Element, str | None], now: datetime | None
) -> str | None:
    """A date/time printed in the link's own item: the nearest ancestor linking nowhere else."""
    url = targets[anchor]
    el = anchor.getparent()
    for _ in range(_LEVELS):
        if el is None or el.tag == "body":
            return None
        if any(targets.get(a, url) not in (url, None) for a in el.iter("a")):
            return None
        for piece in _free_text(el):
            found = _when(piece, now)
            if found:
                return found[0]
        el = el.getparent()
    return None


def _free_text(el: etree._Element) -> list[str]:
    """Text pieces of ``el`` that are not inside a link, a script or a comment."""
    pieces: list[str] = [el.text] if el.text else []
    for child in el:
        if child.tag != "a" and isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
            pieces.extend(_free_text(child))
        if child.tail:
            pieces.append(child.tail)
    return pieces


def _key(url: str) -> str:
    """URL identity for deduplication: http/https and www. do not make another article."""
    parts = urlsplit(url)
    return f"{_host(url)}{parts.path}?{parts.query}"


def find_links(
    tree: etree._Element, base_url: str, *, outlet: Outlet | None = None, fetched_at: str | None = None
) -> list[LinkHint]:
    """Article links on a listing page, deduplicated by URL (first spelling kept), in page order.

    A printed time with a full date wins over a bare clock time shown for the same link elsewhere.
    """
    now = parse_date(fetched_at) if fetched_at else None
    targets = {a: _resolve(base_url, a.get("href", "")) for a in _ANCHORS(tree)}
    hints: dict[str, LinkHint] = {}
    for anchor, url in targets.items():
        if url is None or (outlet is not None and not outlet.is_article_url(url)):
            continue
        headline, printed = _headline_and_time(anchor, now)
        if outlet is None and not (looks_like_article(url, base_url) and len(headline.split()) >= MIN_WORDS):
            continue
        hint = hints.setdefault(_key(url), LinkHint(url))
        if headline and len(headline) > len(hint.headline or ""):
            hint.headline = headline
        if hint.published_at is None:
            printed = printed or _time_beside(anchor, targets, now)
            found = _when(printed, now) if printed else None
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

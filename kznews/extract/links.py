"""Listing pages: the article links they show, each with its headline and date, read as a reader reads them.

With an outlet, a link is kept when ``outlet.is_article_url`` says so; without
one, when it stays on the page's host, its path looks like an article (a slug
with a numeric id or ``.html``) and its text reads like a headline (>= 4 words).

The headline: of the links to one article, the text a headline element gives (a heading, or an element
whose class says title/headline/name), else the shortest (a teaser linked beside it is longer); a link's
text loses, at its ends, what a page prints apart from the headline: its date, a view or comment
counter, a section label, "Читать далее/Толығырақ/Read more".

The date: one printed in the link, else in its item (the nearest ancestors linking to no other
article), alone in its element so that a word of a teaser is not taken for it. Relative dates
(``Сегодня, 14:35``) are resolved against the fetch time; a bare clock time (``19:18``) takes the day
the URL carries (``/20180317/``, ``/2018/03/17/``), else its list's: one newest-first run that may cross
midnight, or, in a hand-picked selection, its latest moment before the fetch. A URL's day alone dates
the link to the day (``2018-03-17``, no clock, nothing printed).

A listing has hundreds of links, so the scan is one pass with each text read once:
hrefs of the usual shapes are resolved without ``urljoin``, each URL is judged once,
blank text is skipped, and the slow date searches run only on text that could hold a date:
a relative date needs one of its words, a printed date a digit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from functools import lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

from ..items import LinkHint
from ..sites import Outlet
from .dates import find_date, iso, month_number, parse_date
from .html import SKIP_TAGS, squash, text_pieces
from .relative import SKEW, at, clock_run, local, may_be_relative, partial, read_printed, relative

_SLUG = re.compile(r"[^\W\d_]{3,}")
_ID = re.compile(r"\d{4,}")
MIN_WORDS = 4
_DIGIT = re.compile(r"\d")  # every printed form but a relative word needs a digit (dates.py, relative.py)
_LETTER = re.compile(r"[^\W\d_]")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_LEVELS = 3  # how far up from a link its item container (with the time) may be
_RUN = 8  # a newest-first list of clock times rises at most once in this many (midnight crossed)
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
    relative_words = now is not None and may_be_relative(text)
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


def _may_be_whole_date(text: str) -> bool:
    """False when squashed, non-empty ``text`` cannot be a date printed alone, so ``_when`` need not search it.

    A date printed alone starts with a digit (day, year, clock, "5 минут назад"), with a month word
    ("April 19", "декабрь 30, 2025") or holds a relative word ("Сегодня, 14:35", "час назад"); a link's
    headline does none of these, and its date search is what a listing's scan spent most on.
    """
    if text[0].isdigit():
        return True
    first = _FIRST_WORD.match(text)
    return (first is not None and _is_month(first.group(0))) or may_be_relative(text)


@lru_cache(maxsize=4096)
def _is_month(word: str) -> bool:
    """``month_number`` as a yes/no, remembered: a listing's headlines start with the same few words."""
    return month_number(word) is not None


# What a piece of link or item text is, when it is not the headline (each read from its own element):
# a counter ("2688", "👁 2688", "Просмотров: 32674", "4236 рет көрсетілді"), a "read more" invitation,
# or a printed date with the words that go with it ("14 марта 2018 года", "Наурыз 19, 2018 |").
_WORD = re.compile(r"[^\W\d_]+")
_COUNTER_STEMS = (
    "просмотр", "показ", "прочт", "прочит", "коммент", "комент", "отзыв", "ответ", "лайк",  # ru
    "көрсет", "көріл", "қарал", "оқыл", "пікір", "kórset", "korset", "körset", "pikir", "oqyl",  # kk
    "view", "comment", "like", "read", "share", "vote",  # en
)
_COUNTER_UNITS = frozenset({"рет", "ret", "k", "к", "тыс", "мың", "myń", "mıñ"})  # "4236 рет", "2,6k", "2 тыс."
_READ_MORE = frozenset({
    "читать далее", "читать полностью", "подробнее", "далее", "читать", "толығырақ", "толық оқу", "әрі қарай",
    "ары қарай", "оқу", "tolyǵyraq", "tolygyraq", "tolyğyraq", "tolyq oqu", "read more", "more", "continue reading",
})
_DATE_FILLER = frozenset({  # "года", "г.", Kazakh "ж." / "j." (жылы, jyly), "в", "at", "сағат"
    "года", "год", "г", "гг", "ж", "жылы", "жыл", "j", "jyly", "jyl", "jıly", "jıl", "в", "at", "сағат", "saǵat", "sağat"})
_SEPARATOR = re.compile(r"\s+[|•·—–/]\s+")  # "Headline | 14.03.2018": a date set apart inside one text
_EDGE = " |•·—–-,/:"
_SHORT = 32  # a counter or a "read more" is no longer than this
_DATE_TOKENS = 8  # a date printed alone is fewer words and numbers: "14:38, 11 Февраль 2026 | GMT +5" is 7
MAX_LABEL_WORDS = 2  # words beside a date outside the link ("Опубликовано:", "Дата:"), not a teaser's sentence
# Class words that mark the headline of an item, and those that say the element is something else's title.
_TITLE_WORDS = frozenset({"title", "headline", "heading", "name", "zagolovok"})
_NOT_TITLE_WORDS = frozenset({"author", "category", "rubric", "section", "tag", "site", "module", "block", "user", "sub"})
_LABEL_WORDS = frozenset({"category", "cat", "rubric", "rubrika", "section", "tag", "tags", "label", "badge", "kicker"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NO_TEXT = SKIP_TAGS | {"br", "img", "picture", "source", "svg", "video", "iframe"}  # elements a link's text is not in
_CLASS_WORD = re.compile(r"[a-z]+")
_HEADING_LEVELS = 2  # how far up from a link a heading holding it may be (<h3><span><a>)
_BLOCK_LEVELS = 6  # how far up from a link the list holding its item may be
# A day in an article URL's path: /20180317/, /2018/03/17/, /2018-03-17/, _2018-03-17, -2016_02_24-, _2018_03_21_...
_URL_DAY = re.compile(
    r"[/_-](?P<y>(?:19|20)\d\d)(?:(?P<sep>[-/_])(?P<m>\d\d)(?P=sep)(?P<d>\d\d)(?![^/_.-])|(?P<m8>\d\d)(?P<d8>\d\d)(?=/))")
_MENU = ""  # no article's key: the mark of an element linking to several articles, or more elsewhere than to articles
_Piece = tuple[str, bool, bool]  # (squashed text, inside the item's headline element, inside a section label)


@lru_cache(maxsize=1024)
def _class_marks(classes: str) -> tuple[bool, bool]:
    """(says a title, says a section or tag label) of a class attribute, by its words: "post-preview__title"
    says a title, "author-name" or "block-title" does not (an author's, a section's)."""
    words = frozenset(_CLASS_WORD.findall(classes.lower()))
    title = not words.isdisjoint(_TITLE_WORDS) and words.isdisjoint(_NOT_TITLE_WORDS)
    return title, not words.isdisjoint(_LABEL_WORDS)


def _is_heading(el: etree._Element) -> bool:
    """A heading element, or one whose class says it holds a title."""
    if el.tag in _HEADINGS:
        return True
    classes = el.get("class")
    return classes is not None and _class_marks(classes)[0]


def _owned_pieces(el: etree._Element, heading: bool, label: bool, out: list[_Piece]) -> list[_Piece]:
    """The text pieces under ``el`` that are not blank (as ``text_pieces``, not yet squashed), each marked as in a
    headline element or a section label when the element holding it, or one around it up to ``el``, is one.

    The marks are read going down, once per element, not once per piece going up."""
    classes = el.get("class")
    if classes is not None:
        title, labelled = _class_marks(classes)
        heading, label = heading or title, label or labelled
    heading = heading or el.tag in _HEADINGS
    if el.text and not el.text.isspace():
        out.append((el.text, heading, label))
    for child in el:
        tag = child.tag
        if tag.__class__ is str and tag not in _NO_TEXT:
            _owned_pieces(child, heading, label, out)
        if child.tail and not child.tail.isspace():
            out.append((child.tail, heading, label))
    return out


def _is_counter(text: str) -> bool:
    """A view/comment counter: a number with, at most, counter words and signs ("👁 2 688", "Просмотров: 32674")."""
    if not _DIGIT.search(text):
        return False
    return all(w in _COUNTER_UNITS or w.startswith(_COUNTER_STEMS) for w in _WORD.findall(text.lower()))


def _is_read_more(text: str) -> bool:
    """An invitation to open the article ("Читать далее →", "Толығырақ...", "Read more »")."""
    return text.lower().strip(" .…→»>›+") in _READ_MORE


def _words_beside(text: str, printed: str) -> int:
    """How many words ``text`` holds besides the date ``printed`` in it and the words that go with a date."""
    rest = text.replace(printed, " ", 1).lower()
    return sum(1 for w in _WORD.findall(rest) if w not in _DATE_FILLER)


def _url_day(path: str, now: datetime | None) -> date | None:
    """The day an article URL's path carries (not after the fetch day), or None."""
    m = _URL_DAY.search(path.split("?", 1)[0])
    if m is None:
        return None
    y, mo, d = m["y"], m["m"] or m["m8"], m["d"] or m["d8"]
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    return day if now is None or day <= (local(now) + SKEW).date() else None


def _free_text(el: etree._Element, pieces: list[str]) -> list[str]:
    """The text pieces of ``el`` that are not inside a link, a script or a comment, and not blank, added to
    ``pieces``."""
    if el.text and not el.text.isspace():
        pieces.append(el.text)
    for child in el:
        tag = child.tag
        if tag != "a" and tag.__class__ is str and tag not in SKIP_TAGS:
            _free_text(child, pieces)
        if child.tail and not child.tail.isspace():
            pieces.append(child.tail)
    return pieces


class _Listing:
    """One listing page being read: where each link goes, its items and lists, and each text's date read once."""

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
        self._alone: dict[str, str | None] = {}
        self._item_dates: dict[etree._Element, str | None] = {}
        self._items: dict[etree._Element, str | None] = {}
        self._section_names: set[str] | None = None
        self._plain: dict[str, bool] = {}
        self._article_like: dict[str, bool] = {}
        self.base_url = base_url
        self.generic = outlet is None  # every link has a key: an article's path is told by its shape

    def looks_like_article(self, url: str) -> bool:
        """``looks_like_article`` of ``url`` on this page, remembered (a listing links to most URLs twice or more)."""
        if url not in self._article_like:
            self._article_like[url] = looks_like_article(url, self.base_url)
        return self._article_like[url]

    def when(self, text: str) -> tuple[str, datetime | None] | None:
        """``_when`` of ``text``, remembered (a listing repeats times and labels)."""
        if text.isspace():
            return None
        if text not in self._dates:
            self._dates[text] = _when(text, self.now)
        return self._dates[text]

    def date_alone(self, text: str, others: int = 0) -> str | None:
        """``text`` as printed when it is a date with at most ``others`` words besides ("14 марта 2018 года")."""
        text = text.strip(_EDGE)
        if not text or text.count(" ") >= _DATE_TOKENS + others or not _may_be_whole_date(text):
            return None
        found = self.when(text)
        return found[0] if found and _words_beside(text, found[0]) <= others else None

    def alone(self, text: str) -> str | None:
        """``date_alone(text)``, remembered: a link's text is asked whether it is plain, then for its date."""
        if text not in self._alone:
            self._alone[text] = self.date_alone(text)
        return self._alone[text]

    def edge_date(self, text: str, last: bool) -> tuple[str, str] | None:
        """(date as printed, the text left) when a date is set apart at the start or end of ``text``."""
        if not _SEPARATOR.search(text):
            return None
        parts = _SEPARATOR.split(text)
        edge, rest = (parts[-1], parts[:-1]) if last else (parts[0], parts[1:])
        printed = self.date_alone(edge)
        return (printed, " ".join(rest)) if printed else None

    def section_names(self) -> set[str]:
        """Lower-cased texts of the page's short links to pages that are not articles (sections, tags): labels."""
        if self._section_names is None:
            self._section_names = {
                squash(" ".join(text_pieces(a))).lower() for a, t in self.targets.items()
                if t is not None and (t[1] is None or (self.generic and not self.looks_like_article(t[0])))
            }
        return self._section_names

    def is_label(self, piece: _Piece) -> bool:
        text, _, label = piece
        return label or (len(text.split()) <= MAX_LABEL_WORDS and text.lower() in self.section_names())

    def headline_and_time(self, anchor: etree._Element) -> tuple[str, bool, str | None]:
        """(headline, whether a headline element in the link gave it, date printed in the link).

        The headline is the text of the headline element in the link when there is one, else the link's
        text without the date, counters, labels and "read more" at its ends.
        """
        owned = _owned_pieces(anchor, False, False, [])
        if len(owned) == 1:  # one piece: nothing to tell apart (whether a heading holds the link is for ``pick``)
            text = squash(owned[0][0])
            if self.plain(text):  # the usual link: its headline alone
                return text, False, None
            pieces = [(text, False, False)]
        else:  # which piece is what: the marks of the elements holding them
            pieces = [(squash(text), heading, label) for text, heading, label in owned]
        if any(marked for _, marked, _ in pieces):
            titled = [p for p in pieces if p[1]]
            printed = next(filter(None, (self.alone(t) for t, marked, _ in pieces if not marked)), None)
            headline, printed_in = self.trimmed(titled, printed is None)
            return headline, True, printed or printed_in
        headline, printed = self.trimmed(pieces, True)
        return headline, False, printed

    def pick(self, candidates: list[tuple[str, bool, etree._Element]]) -> str:
        """The headline among the texts of the links to one article (text, from a headline element in the link,
        the link): the first a headline element gives, in the link or around it, else the shortest (a teaser
        linked beside the headline is longer)."""
        first = candidates[0][0]
        if all(text == first for text, _, _ in candidates):
            return first
        titled = (text for text, inside, anchor in candidates if inside or self.in_heading(anchor))
        return next(titled, None) or min((text for text, _, _ in candidates), key=len)

    def trimmed(self, pieces: list[_Piece], want_date: bool) -> tuple[str, str | None]:
        """The pieces' text with what is not headline taken off both ends, and the date taken off if any."""
        if len(pieces) == 1 and self.plain(pieces[0][0]):  # the usual link: its headline alone
            return pieces[0][0], None
        pieces, printed = list(pieces), None
        for end in (0, -1):
            while pieces:
                text, heading, label = pieces[end]
                if not self.plain(text):
                    if want_date and printed is None and (printed := self.alone(text)):
                        pieces.pop(end)
                        continue
                    if want_date and printed is None and (split := self.edge_date(text, end == -1)):
                        printed, pieces[end] = split[0], (split[1], heading, label)
                        continue
                    if len(text) <= _SHORT and (_is_counter(text) or _is_read_more(text)):
                        pieces.pop(end)
                        continue
                if len(pieces) > 1 and self.is_label(pieces[end]):
                    pieces.pop(end)
                    continue
                break
        return " ".join(text for text, _, _ in pieces), printed

    def plain(self, text: str) -> bool:
        """``text`` holds nothing the ends of a link's text are trimmed of (remembered: a page repeats headlines)."""
        if text not in self._plain:
            digit = _DIGIT.search(text) is not None  # a counter and a date set apart by a separator have one
            self._plain[text] = not (
                (len(text) <= _SHORT and ((digit and _is_counter(text)) or _is_read_more(text)))
                or (digit and _SEPARATOR.search(text) is not None) or self.alone(text))
        return self._plain[text]

    def in_heading(self, anchor: etree._Element) -> bool:
        """The link sits in a heading (``<h3><a>``) or a title-classed element of its item."""
        el = anchor.getparent()
        for _ in range(_HEADING_LEVELS):
            if el is None or el.tag == "body":
                return False
            if _is_heading(el):
                return True
            el = el.getparent()
        return False

    def item_of(self, el: etree._Element) -> str | None:
        """The one article ``el`` links to (None: none); ``_MENU`` when it links to more than one, or more often
        elsewhere than to articles (a menu).  The search stops at a second article: a list is told at its start."""
        if el not in self._items:
            found: str | None = None
            anchors = to_articles = 0
            for a in el.iter("a"):
                anchors += 1
                target = self.targets.get(a)
                if target is not None and target[1]:
                    if found is None:
                        found = target[1]
                    elif target[1] != found:
                        found = _MENU
                        break
                    to_articles += 1
            else:
                found = _MENU if anchors - to_articles > to_articles else found
            self._items[el] = found
        return self._items[el]

    def time_beside(self, anchor: etree._Element, key: str) -> str | None:
        """A date printed in the link's own item (the nearest ancestors linking to no other article, and to
        sections, tags or authors less often than to it), alone in its element or with a label word or two, so
        that a date in a teaser's sentence is not taken."""
        el = anchor.getparent()
        for _ in range(_LEVELS):
            if el is None or el.tag == "body" or self.item_of(el) not in (None, key):
                return None
            if el not in self._item_dates:
                texts = (squash(t) for t in _free_text(el, []))
                self._item_dates[el] = next(filter(None, (self.date_alone(t, MAX_LABEL_WORDS) for t in texts)), None)
            if self._item_dates[el]:
                return self._item_dates[el]
            el = el.getparent()
        return None

    def block(self, anchor: etree._Element, key: str) -> etree._Element | None:
        """The list the link's item is in: the nearest ancestor linking to other articles too."""
        el = anchor.getparent()
        for _ in range(_BLOCK_LEVELS):
            if el is None or el.tag == "body":
                return None
            if self.item_of(el) not in (None, key):
                return el
            el = el.getparent()
        return None


def find_links(
    tree: etree._Element, base_url: str, *, outlet: Outlet | None = None, fetched_at: str | None = None
) -> list[LinkHint]:
    """Article links on a listing page, deduplicated by URL (first spelling kept), in page order.

    The headline is read from all the links to the article (see ``_Listing.pick``). A printed date with a day wins over a bare clock time shown for the same
    link elsewhere; a clock time takes its day from the URL when the URL carries one, else from the
    list it is in (see ``_resolve_clocks``); a URL's day alone dates the link to the day ("2018-03-17").
    """
    now = parse_date(fetched_at) if fetched_at else None
    page = _Listing(tree, base_url, now, outlet)
    hints: dict[str, LinkHint] = {}
    texts: dict[str, list[tuple[str, bool, etree._Element]]] = {}  # key -> its links' texts (see ``pick``)
    clocks: dict[str, etree._Element | None] = {}  # key -> the list its bare clock time was read in
    for anchor, target in page.targets.items():
        if target is None:
            continue
        url, maybe_key = target
        if maybe_key is None:
            continue
        key = maybe_key
        if outlet is None and not page.looks_like_article(url):
            continue
        headline, titled, printed = page.headline_and_time(anchor)
        if outlet is None and len(headline.split()) < MIN_WORDS:
            continue
        hint = hints.get(key)
        if hint is None:
            hint = hints[key] = LinkHint(url)
            texts[key] = []
        if headline:
            texts[key].append((headline, titled, anchor))
        if hint.published_at is None or key in clocks:
            printed = printed or page.time_beside(anchor, key)
            found = page.when(printed) if printed else None
            if found and found[1] is not None:
                hint.published_raw, hint.published_at = found[0], iso(found[1])
                clocks.pop(key, None)
            elif found and hint.published_raw is None:
                hint.published_raw = found[0]
                clocks[key] = page.block(anchor, key)
    for key, hint in hints.items():
        hint.headline = page.pick(texts[key]) if texts[key] else None
        if hint.published_at is None or key in clocks:  # a printed date with its day is not read from the URL
            _date_from_url(hint, _url_day(key[key.find("/"):], now), key in clocks)
    if now is not None:
        _resolve_clocks([(hints[key], block) for key, block in clocks.items() if hints[key].published_at is None], now)
    return list(hints.values())


def _date_from_url(hint: LinkHint, day: date | None, clock_only: bool) -> None:
    """The day the URL carries, with the link's printed clock time when it has one, else alone (day precision)."""
    if day is None or (hint.published_at is not None and not clock_only):
        return
    clock = _clock(hint.published_raw or "") if clock_only else None
    hint.published_at = iso(at(day, clock)) if clock is not None else day.isoformat()
    if clock is None:
        hint.published_raw = None  # no printed value goes with a day read from the URL


def _clock(printed: str) -> time | None:
    try:
        hour, minute, *rest = map(int, printed.split(":"))
        return time(hour, minute, rest[0] if rest else 0)
    except ValueError:
        return None


def _resolve_clocks(hints: list[tuple[LinkHint, etree._Element | None]], now: datetime) -> None:
    """Dates for links printed with a clock time only, list by list.

    A list whose times fall newest-first (at most one rise in ``_RUN`` times: midnight crossed) is one run
    (``clock_run``); in any other, a hand-picked selection, each time is its latest moment before the fetch.
    """
    lists: dict[etree._Element | None, list[LinkHint]] = {}
    for hint, block in hints:
        lists.setdefault(block, []).append(hint)
    for members in lists.values():
        clocks = [_clock(h.published_raw or "") for h in members]
        run = clock_run(clocks, now) if _newest_first(clocks) else [clock_run([c], now)[0] for c in clocks]
        for hint, dt in zip(members, run):
            hint.published_at = iso(dt)


def _newest_first(clocks: list[time | None]) -> bool:
    """The clock times of a list fall from the newest, but for a midnight crossed now and then."""
    known = [c for c in clocks if c is not None]
    return sum(b > a for a, b in zip(known, known[1:])) <= len(known) // _RUN

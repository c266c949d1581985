"""When an article was published and last modified: every source a page offers, in order of trust.

Publication, first plausible value wins (the rule becomes ``provenance["published_at"]``):

1. ``jsonld``    JSON-LD ``datePublished`` of the article node (``jsonld-other``: of another node, e.g. WebPage)
2. ``meta``      ``article:published_time`` and the other publication meta tags
3. ``selector``  the outlet's date selector (printed, relative or day-month text)
4. ``time``      machine-readable markup in the body: ``<time datetime>``, ``itemprop=datePublished``
5. ``hint``      the sitemap/feed/listing entry that led to the page
6. ``script``    a publication-date field in a script: ``"datePublished": "..."`` of a JSON-LD block too
   broken to parse, ``publication_date = "..."`` of a page's own variables (the first that parses)
7. ``text``      a date printed in a date-classed element near the headline
8. ``url``       ``/2024/03/12/``, ``/20240312/`` in the URL (day precision)
9. ``dateline``  day and month of the dateline, year inferred (day precision)
10. ``htmldate`` htmldate's extensive search, only when none of the above gave a date: it knows many
    more layouts (free text, image paths, obscure meta) but costs tens of milliseconds a page, so pages
    with structured dates never reach it (day precision; its January 1 is refused: that is what it
    returns for a bare year such as a © footer; its last resort, a scan for date-like digits, reads
    only short inline scripts, not the whole page source: links and attributes gave wrong dates)

A suffix says how a printed value was read: ``:relative`` (``Сегодня, 14:35``,
``2 сағат бұрын``: resolved against the fetch time in Asia/Almaty), ``:day-month``
(no year printed: year inferred), ``:day`` (date-only precision, midnight local time).

Publisher-local time: a UTC value (``Z``, ``+00:00``) is the right instant but may fall on another
day than the publisher's own.  When the page states its local time of the same instant (a script
variable without an offset, e.g. ``"2020-02-17 21:18:11"`` beside ``2020-02-18T02:18:11Z``), the value
takes that offset (suffix ``:local``); when only its day is known (the URL day, one day off), the
value is shown in Asia/Almaty or, if that is another day, at the whole-hour offset nearest UTC that
falls on it (suffix ``:local-day``).  The instant never changes.

The page's own over a template's (on pages of sites the registry does not know): a structured publication date (``jsonld``, ``jsonld-other``, ``meta``) that
falls on the day of the last modification or on another day than the URL's is checked against the date the page
shows (``time``, then ``text`` around the headline; not a numeric date whose day and month could be swapped,
06/01/2020).  When the two disagree, the URL's day decides if it agrees with one of them;
else the shown date wins when the structured one is later and is also the modification date (a template
stamping the last edit into both): publication, not modification.

Sanity checks on every candidate, every rule (the shown date weighed against a template's too):

- **The floor**: not before 1991-01-01 in Almaty (``EARLIEST``): no Kazakh outlet existed before, so an earlier
  date on a news page is one of history (``28 февраля 1942 г.`` in a caption or a date-classed line), never
  its publication; the date search reads on past it to the page's own.  A page that really dates from the
  1990s (an archive's 1997 article) keeps its date: the floor is the outlets' start, not a recent cut-off.
- **The ceiling**: not later than the fetch time plus ``SKEW`` (one day: covers any wrong UTC offset, at most
  14 hours, plus server clocks); without a fetch time, the current time.  A date the discovery hint lists (a
  feed's ``pubDate``, a sitemap's ``news:publication_date``, a listing's date) has no skew: the feed or sitemap
  was read before the page was fetched (for a backfilled page, before its capture time, its ``fetched_at``), so
  a listed date later than the fetch is the feed's error (a local time labelled UTC, a scheduled post), not a
  publication time, and the page's own evidence dates it instead.
- Year-only text such as a ``© 2024`` footer never counts: every rule needs a day.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from lxml import etree

from ..items import DiscoveryHint
from .datelines import Dateline
from .dates import ALMATY, parse_date, parse_wall
from .html import CaseBlind, css, element_xpath, squash, string_xpath, text_of, text_pieces
from .relative import SKEW, at, infer_year, read_printed
from .structured import Structured, text_value

EARLIEST = datetime(1991, 1, 1, tzinfo=ALMATY)  # the floor: no Kazakh outlet published before (module docstring)
_NO_SKEW = timedelta(0)
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "datecreated", "created",
    "published-date", "published", "citation_publication_date", "citation_date",  # scholarly (Highwire) pages
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified")
_URL_DATE = (
    re.compile(r"(?<![\d])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?![\d])"),
    re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
)
_SCRIPTS = string_xpath("//script[not(@src)]/text()")
_SCRIPT_DATE = re.compile(  # a publication-date key of a JSON object or a JS assignment, and its quoted value
    r"""(?<![\w-])["']?(?:datePublished|publishDate|publish_date|publication_?date|pubDate|firstPublished(?:Date)?)"""
    r"""["']?\s*[:=]\s*(["'])(?=[^"'<>]*\d{4})([^"'<>]{8,40})\1""", re.I)  # the value names a year
_PUB = re.compile("pub", re.I)  # in every key of _SCRIPT_DATE
MAX_OFFSET = timedelta(hours=14)  # the farthest any zone is from UTC
_PUBLISHING_HOURS = range(-10, 15)  # Hawaii to Kiribati: the -11/-12 zones are barely inhabited
# Through the itemprop attributes, not every element's: the same nodes in document order, ~half the time.
_MARKUP = element_xpath("//@itemprop[.='datePublished' or .='dateModified']/.. | //time[@datetime]")
_DATEISH = CaseBlind(r"date|time|publish|posted|created|dateline|byline|author|meta|info|stamp")
_NOT_HERE = CaseBlind(r"footer|copyright|related|comment|sidebar|aside|popular|widget|\bnav|menu|weather|"
                       r"update|modif|edit")
_NOT_HERE_TAGS = frozenset({"footer", "nav", "aside", "script", "style"})
_PAGE_TAGS = frozenset({"body", "html"})
MAX_DATE_TEXT = 120  # a date line is short; longer text is prose
# A numeric date whose first two numbers could each be the month (06/01/2020): its order is a guess
_AMBIGUOUS = re.compile(r"(?<!\d)(0?[1-9]|1[0-2])[./-](0?[1-9]|1[0-2])[./-]\d{2,4}(?!\d)")
_STRUCTURED = frozenset({"jsonld", "jsonld-other", "meta"})  # publication rules a template may fill


@dataclass(frozen=True)
class Dated:
    """A date with the string it was read from and the rule that produced it."""

    value: datetime
    raw: str
    rule: str


def plausible(dt: datetime | None, latest: datetime, skew: timedelta = SKEW) -> bool:
    """Not before the floor (``EARLIEST``) and not after ``latest`` (the fetch time) plus ``skew``."""
    return dt is not None and EARLIEST <= dt <= latest + skew


def url_date(url: str) -> tuple[str, datetime] | None:
    """(as printed, midnight local) of a ``/YYYY/MM/DD/``, ``YYYY-MM-DD`` or ``/YYYYMMDD/`` date in ``url``."""
    path = url.split("//", 1)[-1].partition("/")[2].split("?")[0]
    for pattern in _URL_DATE:
        if m := pattern.search("/" + path):
            try:
                year, month, day = map(int, m.groups())
                return m.group(0).strip("/"), at(date(year, month, day))
            except ValueError:
                continue
    return None


def _class_path(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"


def _elsewhere(el: etree._Element) -> bool:
    """True inside a footer, navigation, sidebar, related list, comments or an "updated" stamp.

    ``<body>`` and ``<html>`` are not regions: their classes describe the whole page
    (WordPress' ``navigation-style-1``, ``has-sidebar``) and say nothing of where a date sits.
    """
    for node in el.iterancestors(None):
        if node.tag in _PAGE_TAGS:
            break
        if node.tag in _NOT_HERE_TAGS or _NOT_HERE.search(_class_path(node)):
            return True
    return el.tag in _NOT_HERE_TAGS or _NOT_HERE.search(_class_path(el))


class _Candidates:
    """Offers in trust order; keeps the first plausible one."""

    def __init__(self, latest: datetime) -> None:
        self.latest = latest
        self.found: Dated | None = None

    def offer(self, value: datetime | None, raw: str | None, rule: str, *, listed: bool = False) -> bool:
        """``listed``: a date of the discovery hint, which no skew allows past the fetch time (module docstring)."""
        if self.found is None and raw and value is not None and plausible(value, self.latest, _NO_SKEW if listed else SKEW):
            self.found = Dated(value, raw, rule)
        return self.found is not None


def _markup(marked: list[etree._Element], prop: str) -> list[str]:
    """Machine-readable ``prop`` (datePublished / dateModified) values in the body: microdata, ``<time datetime>``.

    ``marked``: the page's ``_MARKUP`` elements.  A ``<time>`` without itemprop counts as publication
    unless it sits in a footer, sidebar or "updated" stamp.
    """
    values = []
    for el in marked:
        itemprop = el.get("itemprop")
        if el.tag != "meta" and (itemprop == prop or itemprop is None and prop == "datePublished" and not _elsewhere(el)):
            values.append(el.get("datetime") or el.get("content") or text_of(el))
    return [v for v in values if v]


def _text_dates(tree: etree._Element, now: datetime | None, reference: datetime | None, latest: datetime, *,
                near: bool = False) -> Dated | None:
    """The first plausible date printed in a short, date-classed element of the article (not footer, sidebar...):
    one before the floor or past the ceiling (``plausible``) is history or an error, and the search reads on.

    ``near``: only around the headline (its ``<article>``, else the block two levels above the ``<h1>``), where a
    page shows its own date line; nothing without an ``<h1>``."""
    h1 = tree.find(".//body//h1")
    scope = next((a for a in h1.iterancestors("article")), None) if h1 is not None else None
    if near:
        if h1 is None:
            return None
        if scope is None:
            parent = h1.getparent()
            scope = parent.getparent() if parent is not None and parent.getparent() is not None else parent
    for el in (scope if scope is not None else tree).iter("time", "span", "div", "p", "small", "li", "a", "em"):
        if el.tag != "time" and not _DATEISH.search(_class_path(el)):
            continue
        text = squash(" ".join(text_pieces(el)))  # spaced: "Health<span>DECEMBER 22, 2022" keeps its date
        if not text or len(text) > MAX_DATE_TEXT or _elsewhere(el):
            continue
        if (found := read_printed(text, now, reference)) and plausible(found[1], latest):
            return Dated(found[1], found[0], "text" + found[2])
    return None


def published_and_modified(
    tree: etree._Element, structured: Structured, url: str, *, selector: str | None = None,
    fetched_at: str | None = None, hint: DiscoveryHint | None = None, dateline: Dateline | None = None,
    checked: bool = False,
) -> tuple[Dated | None, Dated | None]:
    """(publication, last modification) of the article, each the most trusted plausible value.

    ``checked``: a registry outlet's page, whose structured dates were checked on its saved pages; they are not
    weighed against the date the page shows (the page's own over a template's, above)."""
    now = parse_date(fetched_at) if fetched_at else None
    latest = now or datetime.now(timezone.utc)
    in_url = url_date(url)
    hinted = parse_date(hint.published) if hint and hint.published else None
    hinted = hinted if hinted is not None and plausible(hinted, latest, _NO_SKEW) else None  # no evidence past it

    marked = functools.cache(lambda: _MARKUP(tree))  # one tree search for both dates, only when structured data lacks one

    def modified_sources() -> Iterator[tuple[str | None, str]]:  # in trust order, each read only when needed
        yield text_value(structured.article, "dateModified"), "jsonld"
        yield structured.jsonld_dates.get("dateModified"), "jsonld-other"
        yield (structured.first(*_MODIFIED_META) or (None,))[0], "meta"
        yield next(iter(_markup(marked(), "dateModified")), None), "time"
        yield hint.lastmod if hint else None, "hint"

    modified = _Candidates(latest)
    for raw, rule in modified_sources():
        if modified.offer(parse_date(raw), raw, rule, listed=rule == "hint"):
            break

    reference = hinted or (in_url[1] if in_url else None) or now
    pub = _Candidates(latest)
    pub.offer(parse_date(raw := text_value(structured.article, "datePublished")), raw, "jsonld")
    pub.offer(parse_date(raw := structured.jsonld_dates.get("datePublished")), raw, "jsonld-other")
    pub.offer(parse_date(raw := (structured.first(*_PUBLISHED_META) or (None,))[0]), raw, "meta")
    if selector and (found := css(selector)(tree)):
        raw = found[0].get("datetime") or found[0].get("content") or text_of(found[0])
        if raw and (printed := _whole(raw) or read_printed(raw, now, reference) or _whole(raw, fuzzy=True)):
            pub.offer(printed[1], raw, "selector" + printed[2])
    for raw in _markup(marked(), "datePublished") if pub.found is None else ():
        if pub.offer(parse_date(raw), raw, "time"):
            break
    if hint and hint.published:
        printed = _whole(hint.published) or read_printed(hint.published, now, now)
        pub.offer(printed[1] if printed else None, hint.published, "hint" + (printed[2] if printed else ""), listed=True)
    scripted = _script_dates(tree) if pub.found is None or _is_utc(pub.found.value) else []
    for raw in scripted:
        if pub.offer(parse_date(raw, fuzzy=True), raw, "script"):
            break
    if pub.found is None and (text := _text_dates(tree, now, reference, latest)):
        pub.offer(text.value, text.raw, text.rule)
    if in_url:
        pub.offer(in_url[1], in_url[0], "url:day")
    if dateline and dateline.month and dateline.day and pub.found is None:
        evidence = (modified.found.value if modified.found else None) or reference or latest
        day = infer_year(dateline.month, dateline.day, evidence, latest)
        pub.offer(at(day) if day else None, dateline.text, "dateline:day")
    if pub.found is None and (guessed := _htmldate(tree, url, latest)):
        pub.offer(guessed, guessed.date().isoformat(), "htmldate:day")

    if not checked and pub.found and pub.found.rule in _STRUCTURED and _doubtful(pub.found, modified.found, in_url):
        visible = next((Dated(dt, raw, "time") for raw in _markup(marked(), "datePublished")
                        if (dt := parse_date(raw)) is not None and plausible(dt, latest)), None)
        visible = visible or _text_dates(tree, now, reference, latest, near=True)
        if visible is not None and _page_over_template(pub.found, visible, modified.found, in_url):
            pub.found = visible
    if pub.found and _is_utc(pub.found.value):
        pub.found = _publisher_local(pub.found, scripted, in_url[1].date() if in_url else None)
    if pub.found and modified.found and modified.found.value < pub.found.value:
        modified.found = None  # an edit cannot precede publication: one of them is wrong, keep the more trusted
    return pub.found, modified.found


def _doubtful(structured: Dated, modified: Dated | None, in_url: tuple[str, datetime] | None) -> bool:
    """Whether a structured publication date may be a template's: it falls on the day of the last modification,
    or on another day than the URL's."""
    day = structured.value.date()
    return (modified is not None and modified.value.date() == day) or (in_url is not None and in_url[1].date() != day)


def _page_over_template(structured: Dated, visible: Dated, modified: Dated | None,
                        in_url: tuple[str, datetime] | None) -> bool:
    """Whether the page's visible publication date wins over a structured one that disagrees with it.

    The URL's day, when it agrees with exactly one of them, decides; else the visible date wins when the
    structured one is later and is the modification date too (a template stamping the last edit into both):
    publication, not modification.
    """
    day, shown = structured.value.date(), visible.value.date()
    if day == shown or _AMBIGUOUS.search(visible.raw):
        return False
    if in_url is not None and (url_day := in_url[1].date()) in (day, shown):
        return url_day == shown
    return day > shown and modified is not None and modified.value.date() == day


# What htmldate's page scan need not read: page chrome, vector drawings (path data is digits), big scripts
_HTMLDATE_DROP = ("nav", "svg", "noscript", "template", "iframe", "form", "select")
_HTMLDATE_SCRIPT_MAX = 1000  # characters: a date variable is short, a library or a page's JSON state is not


def _htmldate(tree: etree._Element, url: str, latest: datetime) -> datetime | None:
    """The original publication day htmldate finds (midnight local), within the sanity bounds, or None.

    htmldate reads a copy without chrome, drawings and long scripts, and its last resort (``search_page``,
    a regex scan of the page source for any date-like digits) reads only the page's short inline scripts
    (``showDate("2020/04/17 01:43:09")``): on the whole source it was most of htmldate's time and it took
    dates from links and attributes, which belong to other pages.
    """
    from htmldate import find_date  # imported on first use: most pages never need it

    pruned = copy.deepcopy(tree)
    etree.strip_elements(pruned, *_HTMLDATE_DROP, with_tail=False)
    short_scripts = []
    for script in pruned.iter("script"):
        if not (text := script.text):
            continue
        if len(text) <= _HTMLDATE_SCRIPT_MAX:
            short_scripts.append(text)
        elif script.get("type") != "application/ld+json":
            script.text = ""
    with _last_resort_reading(" ".join(short_scripts)):
        found = find_date(pruned, url=url, extensive_search=True, original_date=True,
                          min_date=EARLIEST.date().isoformat(), max_date=(latest + SKEW).date().isoformat())
    dt = parse_date(found) if found else None
    return dt if dt is not None and (dt.month, dt.day) != (1, 1) else None


@contextlib.contextmanager
def _last_resort_reading(text: str) -> Iterator[None]:
    """While open, htmldate's ``search_page`` scans ``text`` instead of the page source it is handed.

    htmldate has no option for this, so its module's function is swapped and always restored
    (extraction runs one page at a time per process).  Should a new htmldate rename it, pages are
    still dated, from the whole source again, and tests/extract/test_dating.py fails.
    """
    from htmldate import core

    scan = getattr(core, "search_page", None)
    if scan is None:
        yield
        return
    core.search_page = lambda _source, options: scan(f" {text} ", options) if text else None  # type: ignore[assignment]
    try:
        yield
    finally:
        core.search_page = scan


def _script_dates(tree: etree._Element) -> list[str]:
    """Publication-date values in inline scripts, in page order (JSON that failed to parse, page variables).

    Every key contains "pub", and a match starts at most 6 characters before it (a quote, ``first``):
    the full pattern is tried only there, not over every script.  "pub" is found in the lower-cased
    script by plain substring search, cheaper than a case-blind regex.
    """
    found = []
    for script in _SCRIPTS(tree):
        end = 0
        for hit in _pub_hits(script):
            for start in range(max(end, hit - 6), hit + 1):
                if m := _SCRIPT_DATE.match(script, start):
                    found.append(m.group(2))
                    end = m.end()
                    break
    return found


def _pub_hits(script: str) -> Iterator[int]:
    """Where "pub" starts in ``script``, in any letter case."""
    low = script.lower()
    if len(low) != len(script):  # a letter lower-cased to two (İ): positions would shift
        yield from (m.start() for m in _PUB.finditer(script))
        return
    i = low.find("pub")
    while i >= 0:
        yield i
        i = low.find("pub", i + 1)


def _is_utc(dt: datetime) -> bool:
    """Whether ``dt`` is stated in UTC (``Z``, ``+00:00``): the publisher's own day is then unknown."""
    return dt.utcoffset() == timedelta(0)


def _publisher_local(found: Dated, scripted: list[str], url_day: date | None) -> Dated:
    """``found`` (a UTC value) shown at the publisher's own offset when the page tells it, else unchanged.

    The page's first script value without an offset, if it is the same instant (a zone's offset away),
    gives the exact offset; a URL day one day away from the UTC day gives Asia/Almaty, or the
    whole-hour offset nearest UTC, that falls on it.
    """
    utc = found.value.replace(tzinfo=None)
    wall = next(filter(None, map(parse_wall, scripted)), None)
    offset = wall - utc if wall else timedelta(0)
    if timedelta(0) < abs(offset) <= MAX_OFFSET and offset % timedelta(minutes=15) == timedelta(0):
        return Dated(found.value.astimezone(timezone(offset)), found.raw, found.rule + ":local")
    if url_day is None or abs(url_day - utc.date()) != timedelta(days=1):
        return found
    for zone in (ALMATY, *(timezone(timedelta(hours=h)) for h in sorted(_PUBLISHING_HOURS, key=abs))):
        if (local := found.value.astimezone(zone)).date() == url_day:
            return Dated(local, found.raw, found.rule + ":local-day")
    return found


def _whole(raw: str, *, fuzzy: bool = False) -> tuple[str, datetime, str] | None:
    """``raw`` parsed as one date string (ISO, RFC 2822, printed; dateparser with ``fuzzy``), as ``read_printed``."""
    dt = parse_date(raw, fuzzy=fuzzy)
    return (raw, dt, "") if dt is not None else None

"""The record schema: the one place where fields are named.

Data flows one way: the spider yields a ``PageItem`` (raw response plus what
discovery knew of it); the extract pipeline attaches a ``PageRecord`` (what the
page says: an ``Article``, ``TickerQuote``s, ``LinkHint``s); the store
pipeline writes both to the archive.  Extraction code builds the records
without Scrapy; these are plain dataclasses that itemadapter understands.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass
class DiscoveryHint:
    """What a feed, sitemap or listing said about a URL before it was fetched."""

    source: str  # "sitemap" | "feed" | "listing" | "start"
    source_url: str | None = None
    title: str | None = None  # news:title, feed <title>, listing headline
    published: str | None = None  # news:publication_date, pubDate, listing time (as printed)
    lastmod: str | None = None  # sitemap <lastmod>, feed <updated>
    lang: str | None = None  # news:language or the edition's language
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> URL


@dataclass(frozen=True)
class PackedBody:
    """A raw page as the archive keeps it: compressed, with the SHA-256 of the raw bytes."""

    sha256: str
    compressed: bytes


@dataclass
class Capture:
    """Where an archived page came from, when it did not come from the live site.

    The capture time is the page item's ``fetched_at`` (extraction reads relative dates against it,
    as a live crawl reads them against its fetch time).
    """

    origin: str  # "commoncrawl" | "wayback" | "warc" (a live fetch has no Capture: its origin is "live")
    digest: str | None  # the archive's payload digest (base32 SHA-1, as CDX indexes and WARC-Payload-Digest give it)
    # The archive's record: Common Crawl {crawl, filename, offset, length}; Wayback {timestamp};
    # a WARC file {file, offset, record_id}
    record: dict[str, str | int] = field(default_factory=dict)

    def describe(self) -> str:
        """The record as one line, for an article's provenance: "commoncrawl crawl=CC-MAIN-2018-13 filename=… length=… offset=… digest=…"."""
        values = " ".join(f"{k}={v}" for k, v in sorted(self.record.items()))
        return f"{self.origin} {values}".strip() + (f" digest={self.digest}" if self.digest else "")


@dataclass
class PageItem:
    """A fetched page as the spider yields it: the raw response and its context."""

    url: str
    status: int
    headers: dict[str, list[str]]
    body: bytes  # the raw response; emptied once ``packed`` holds it
    fetched_at: str  # ISO 8601, UTC
    site: str | None  # registry key, None in ad-hoc mode
    edition: str | None  # "ru" | "kk" | "en" | None
    kind: str  # "article" | "listing" | "page" (a candidate whose kind extraction decides)
    hint: DiscoveryHint | None = None
    record: PageRecord | None = None  # filled by the extract pipeline
    packed: PackedBody | None = None  # ``body`` packed beside extraction, off the writer; else by the writer
    capture: Capture | None = None  # a web archive's or WARC file's capture; None for a live fetch


@dataclass
class Source:
    """Who an article says its news comes from: one attribution, as data."""

    name: str  # as printed: "КазТАГ", "министерство иностранных дел"
    kind: str  # "source-line" | "reports" | "correspondent"
    evidence: str  # the printed words it was read from
    via: str | None = None  # "сообщает КазТАГ со ссылкой на <via>"
    outlet: str | None = None  # the registry key ``name`` refers to, when it is an outlet


@dataclass
class Article:
    """A news article as the page presents it.

    ``provenance`` names, for each field that has a value, the rule that
    produced it (e.g. ``"jsonld"``, ``"og"``, ``"selector"``, ``"trafilatura"``).
    """

    url: str
    canonical_url: str | None = None
    site: str | None = None
    lang: str | None = None
    headline: str | None = None
    dateline: str | None = None
    published_at: str | None = None  # ISO 8601 with offset
    published_raw: str | None = None
    modified_at: str | None = None
    authors: list[str] = field(default_factory=list)
    lead: str | None = None
    body: str | None = None
    source: str | None = None  # attribution as printed, e.g. "Источник: КазТАГ"
    sources: list[Source] = field(default_factory=list)  # every attribution, as data
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    fetched_at: str | None = None
    content_hash: str | None = None
    # Other language editions of the same story: lang -> URL (hreflang, sitemap alternates),
    # and the story key editions share when the outlet's URLs carry one ("inform:3725092").
    editions: dict[str, str] = field(default_factory=dict)
    story: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)


@dataclass
class TickerQuote:
    """A currency quote shown on a page (e.g. USD/KZT 425.05)."""

    pair: str  # "USD/KZT"
    value: float
    url: str
    site: str | None = None
    observed_at: str | None = None  # when the page was fetched (ISO 8601)
    change: float | None = None  # the change shown beside the value (kt.kz: -0.26)
    direction: str | None = None  # "up" | "down", from the arrow shown (or the change's sign)
    as_of: str | None = None  # the day the rates are for, when the widget states it (ISO date, e.g. "2026-11-28")


@dataclass
class LinkHint:
    """What a listing page says of an article it links to."""

    url: str
    headline: str | None = None
    published_raw: str | None = None
    published_at: str | None = None


@dataclass
class ArticleIndex:
    """What the archive's search and story grouping derive from an article's text alone
    (``kznews.storage.indexing.derive``): computed beside extraction, in a worker process, and carried on the record,
    so the writer only inserts it.  It holds for the text it was derived from (``of``): the writer derives again
    when the article's text is no longer that (normalization cleaned it) and when none is carried."""

    of: tuple[str | None, str | None, str | None, str | None]  # the (lang, headline, lead, body) it was derived from
    folded: tuple[str | None, str | None, str | None]  # headline, lead and body folded, as the search index holds them
    forms: str  # the words worth filing and their word-form keys, a line each: "word key key…"
    bands: tuple[int, ...]  # the MinHash band keys of the body (none for a body too short to group)


@dataclass
class PageRecord:
    """Everything extracted from one page."""

    url: str
    kind: str  # "article" | "listing" (every page that is not an article: its links are what it holds)
    kind_evidence: str | None = None  # what decided ``kind`` (extract/pagetype.py)
    article: Article | None = None
    tickers: list[TickerQuote] = field(default_factory=list)
    links: list[LinkHint] = field(default_factory=list)
    index: ArticleIndex | None = None  # the article's search index, when the extraction worker derived it

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the shape `kznews extract` prints): what the page says, without the index."""
        found = asdict(replace(self, index=None))
        del found["index"]
        return found

"""`kznews check`: does an outlet's registry entry still work against the live site?

``run_check`` runs a real crawl of one outlet (its politeness kept) into a temporary
archive, a few articles at most, with the ``Probe`` extension watching it: which
start points answered, and how many article URLs each one's documents named (its
sitemaps, listing pages and day pages included, counted whatever the article limit).
The ``Report`` then says, field by field, how many of the article pages fetched gave
a headline, a date, a body... and lists the problems that fail the check.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor

from kznews import settings as project_settings
from kznews.crawl import run_crawl
from kznews.discover import DiscoveryError, parse_feed, parse_sitemap
from kznews.scope import ARTICLE, DOCUMENT, scope_of
from kznews.storage import connect_readonly

REQUIRED = ("headline", "published_at", "body")
FIELDS = (*REQUIRED, "lang", "dateline", "source", "authors")
_LINKS = LinkExtractor(tags=("a",), attrs=("href",), unique=True)  # as the spider reads listings


@dataclass
class Checked:
    """One start point of the outlet's registry entry and what it led to."""

    kind: str  # "feed" | "sitemap" | "robots.txt" | "listing" | "archive" (a daily template)
    url: str
    editions: list[str]
    status: int | None = None  # the last HTTP status of its page (any day's, for an archive)
    reachable: bool = False
    documents: int = 0  # its documents fetched: itself, child sitemaps, further listing pages
    article_urls: int = 0  # distinct article URLs those documents named


@dataclass
class Report:
    """What a check crawl found, and the problems that fail the check."""

    outlet: str
    mirror: str | None
    start_points: list[Checked]
    requested: int  # article pages requested (at most --articles)
    fetched: int  # article pages that answered 2xx
    stored: int  # articles extracted and stored
    fields: dict[str, int]  # field -> stored articles that have it
    tickers: dict[str, int] = field(default_factory=dict)  # pair -> quotes seen

    def problems(self) -> list[str]:
        """Why the check fails: unreachable or empty start points, no articles, required fields missing."""
        found = []
        for point in self.start_points:
            if not point.reachable:
                answer = f"HTTP {point.status}" if point.status else "no answer"
                found.append(f"start point {point.url} ({point.kind}): unreachable ({answer})")
            elif not point.article_urls:
                found.append(f"start point {point.url} ({point.kind}): no article URLs found")
        if self.requested > self.fetched:
            found.append(f"article pages: {self.requested - self.fetched} of {self.requested} could not be fetched")
        if not self.stored:
            found.append("no articles: the outlet yielded none")
        for name in REQUIRED:
            if self.stored and self.fields[name] < self.fetched:
                found.append(f"{name}: empty on {self.fetched - self.fields[name]} of {self.fetched} articles")
        return found

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "problems": self.problems(), "ok": not self.problems()}


class Probe:
    """Scrapy extension for a check crawl; writes its findings to the ``KZNEWS_CHECK_OUT`` file.

    Each request's parent is the page in its Referer header (the spider's own requests
    carry one; a request dropped as a duplicate still counts as a child of the page that
    asked for it).  Discovery documents are read again here for the article URLs they
    name, since the spider stops asking for articles at its limit.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.children: dict[str, set[str]] = defaultdict(set)
        self.keys: dict[str, str] = {}  # a response's URL -> the URL first requested (redirects)
        self.status: dict[str, int] = {}
        self.named: dict[str, set[str]] = {}  # discovery document -> the article URLs it names
        self.articles: set[str] = set()  # article pages requested
        crawler.signals.connect(self.request_seen, signals.request_scheduled)
        crawler.signals.connect(self.request_seen, signals.request_dropped)
        crawler.signals.connect(self.response_received, signals.response_received)
        crawler.signals.connect(self.spider_closed, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Probe:
        return cls(crawler)

    def request_seen(self, request: Request) -> None:
        key = _key(request)
        referer = request.headers.get("Referer")
        if referer:
            parent = referer.decode("latin-1")
            self.children[self.keys.get(parent, parent)].add(key)
        if request.meta.get(ARTICLE):
            self.articles.add(key)

    def response_received(self, response: Response, request: Request) -> None:
        key = _key(request)
        self.keys[response.url] = key
        self.status[key] = response.status
        kind = request.meta.get(DOCUMENT)
        if kind and 200 <= response.status < 300:
            scope = scope_of(self.crawler)
            urls = {urldefrag(url)[0] for url in _named(response, kind)}
            self.named[key] = {
                url for url in urls if (outlet := scope.outlet_for(url)) and outlet.is_article_url(url)
            }

    def spider_closed(self) -> None:
        report = {
            "start_points": [asdict(p) for p in self._start_points()],
            "requested": len(self.articles),
            "fetched": sum(1 for url in self.articles if 200 <= self.status.get(url, 0) < 300),
        }
        Path(self.crawler.settings["KZNEWS_CHECK_OUT"]).write_text(json.dumps(report), "utf-8")

    def _start_points(self) -> list[Checked]:
        scope = scope_of(self.crawler)
        points: dict[tuple[str, str], tuple[Checked, list[str]]] = {}
        days = scope.window.days()
        for ed, start in scope.start_points():
            point, _ = points.setdefault((start.kind, start.url),
                                         (Checked(start.kind, start.url, []), start.first_urls(days)))
            if ed.label not in point.editions:
                point.editions.append(ed.label)
        for point, roots in points.values():
            docs = set(self._descendants(roots)) & self.named.keys()
            answered = [self.status[r] for r in roots if r in self.status]
            ok = [s for s in answered if 200 <= s < 300]
            point.reachable = bool(ok)
            point.status = next(iter(ok or answered), None)
            point.documents = len(docs)
            point.article_urls = len(set().union(*(self.named[d] for d in docs)))
        return [point for point, _ in points.values()]

    def _descendants(self, roots: list[str]) -> Iterator[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            url = todo.pop()
            if url not in seen:
                seen.add(url)
                yield url
                todo.extend(self.children.get(url, ()))


def _key(request: Request) -> str:
    """The URL a request was first made for (before any redirect)."""
    return request.meta.get("redirect_urls", [request.url])[0]


def _named(response: Response, kind: str) -> list[str]:
    """The URLs a discovery document names (a robots.txt or a sitemap index: none)."""
    try:
        if kind == "feed":
            return [entry.link for entry in parse_feed(response.body, response.url)]
        if kind == "sitemap":
            sitemap = parse_sitemap(response.body, response.url)
            if sitemap.kind == "urlset":
                return [u for e in sitemap.entries for u in (e.loc, *e.alternates.values())]
    except DiscoveryError:
        return []
    if kind == "listing" and isinstance(response, TextResponse):
        return [link.url for link in _LINKS.extract_links(response)]
    return []


def run_check(key: str, *, edition: str | None, mirror: str | None, articles: int,
              overrides: dict[str, Any]) -> Report:
    """Crawl up to ``articles`` articles of outlet ``key`` into a temporary archive and report."""
    with tempfile.TemporaryDirectory(prefix="kznews-check-") as tmp:
        db, out = Path(tmp) / "check.db", Path(tmp) / "probe.json"
        settings = {
            "EXTENSIONS": {**project_settings.EXTENSIONS, f"{__name__}.Probe": 900},
            "KZNEWS_CHECK_OUT": str(out), "KZNEWS_COMMAND": "check", **overrides,
        }
        run_crawl(str(db), {"site": key, "edition": edition, "mirror": mirror, "max_articles": articles},
                  settings)
        probe = json.loads(out.read_text("utf-8")) if out.exists() else {}
        fields, tickers, stored = _fields(db)
    return Report(
        outlet=key, mirror=mirror,
        start_points=[Checked(**p) for p in probe.get("start_points", [])],
        requested=probe.get("requested", 0), fetched=probe.get("fetched", 0),
        stored=stored, fields=fields, tickers=tickers,
    )


def _fields(db: Path) -> tuple[dict[str, int], dict[str, int], int]:
    """Per field, the stored articles that have it; ticker quotes per pair; articles stored."""
    counts = dict.fromkeys(FIELDS, 0)
    if not db.exists():
        return counts, {}, 0
    with closing(connect_readonly(db)) as conn:
        rows = conn.execute(f"SELECT {', '.join(FIELDS)} FROM articles").fetchall()
        tickers = dict(conn.execute("SELECT pair, count(*) FROM tickers GROUP BY pair ORDER BY pair"))
    for row in rows:
        for name, value in zip(FIELDS, row, strict=True):
            counts[name] += bool(json.loads(value) if name == "authors" and value else value)
    return counts, tickers, len(rows)

"""What one crawl covers: ``CrawlScope``, built once per crawl and read by every component.

A spider holds its scope as its one documented attribute, ``scope`` (as Scrapy's own components read a spider's
``allowed_domains``); pipelines, middlewares and extensions read it with ``scope_of(crawler)``, never the
spider's other attributes.  A request for a candidate article carries ``Request.meta[ARTICLE]`` (True), and one
for a discovery document ``Request.meta[DOCUMENT]`` (its kind), so components tell them apart without comparing
callbacks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler

from kznews import sites
from kznews.sites import Edition, Outlet, StartPoint

ARTICLE = "kznews_article"  # Request.meta key: the request fetches a candidate article
DOCUMENT = "kznews_document"  # Request.meta key: a discovery document's kind ("feed", "sitemap", "robots.txt", "listing")


@dataclass(frozen=True)
class Window:
    """The --since/--until days of a backfill; open ends accept any date.

    Daily archives are crawled for its days (by default yesterday and today,
    Almaty time); sitemap and feed entries dated outside it are skipped.
    """

    since: date | None = None
    until: date | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> Window:
        """The window of two YYYY-MM-DD days (None: open); a ``ValueError`` when ``since`` is after ``until``."""
        window = cls(
            date.fromisoformat(since) if since else None,
            date.fromisoformat(until) if until else None,
        )
        if window.since and window.until and window.since > window.until:
            raise ValueError(f"since {since} is after until {until}")
        return window

    def days(self) -> list[date]:
        from kznews.extract.dates import ALMATY  # here, not at the top: the writer of a shared run (``kznews store``)
        # imports this module through the scheduler and extracts nothing, and kznews.extract compiles for seconds

        last = self.until or datetime.now(ALMATY).date()
        first = self.since or last - timedelta(days=1)
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]

    def _day(self, value: str | None) -> date | None:
        from kznews.extract.dates import ALMATY, parse_date  # see ``days``

        parsed = parse_date(value) if value else None
        return parsed.astimezone(ALMATY).date() if parsed else None

    def before(self, value: str | None) -> bool:
        """True when ``value`` is a date before the window (unknown dates are not)."""
        day = self._day(value) if self.since else None
        return bool(day and self.since and day < self.since)

    def holds(self, value: str | None) -> bool:
        """True unless ``value`` is a date outside the window."""
        day = self._day(value) if (self.since or self.until) else None
        if day is None:
            return True
        return not ((self.since and day < self.since) or (self.until and day > self.until))


@dataclass(frozen=True)
class CrawlScope:
    """The outlets and editions a crawl covers, its window and limits, and the hosts it may fetch from.

    ``named_hosts`` are hosts the crawl names itself (its outlets' domains, a mirror, a web archive's endpoints):
    the host guard lets them through even when they are not public.  ``fetches_outlets`` is False for a crawl
    that reads the outlets' pages from elsewhere (a web archive): then no outlet host is fetched at all.
    """

    outlets: tuple[Outlet, ...]
    editions: tuple[tuple[Outlet, Edition], ...]
    window: Window = field(default_factory=Window)
    max_articles: int = 0  # article requests per outlet at most (0: the KZNEWS_MAX_ARTICLES setting)
    start_url: str | None = None  # an ad-hoc site's start URL (its one outlet is ``sites.adhoc``'s stand-in)
    extra_hosts: frozenset[str] = frozenset()
    fetches_outlets: bool = True

    @classmethod
    def build(cls, site: str | Sequence[str] | None = None, url: str | None = None, edition: str | None = None,
              mirror: str | None = None, max_articles: int | str = 0, since: str | None = None,
              until: str | None = None, **kwargs: Any) -> CrawlScope:
        """The scope of a crawl of registry outlets (``site``: keys, a list or comma-separated) or of one ad-hoc
        ``url``; ``edition`` keeps one language edition, ``mirror`` fetches one outlet from another host.
        A ``KznewsError`` for an unknown outlet or edition or a bad URL, a ``ValueError`` for a bad combination."""
        if bool(site) == bool(url):
            raise ValueError("give exactly one of site=OUTLET or url=URL")
        if url:
            outlets: tuple[Outlet, ...] = (sites.adhoc(url),)
        else:
            keys = site.split(",") if isinstance(site, str) else list(site or ())
            if mirror and len(keys) > 1:
                raise ValueError("a mirror stands in for one outlet at a time")
            outlets = tuple(sites.get(k).rebased(mirror) if mirror else sites.get(k) for k in keys)
        editions = tuple((o, ed) for o in outlets for ed in ((o.edition(edition),) if edition else o.editions))
        return cls(outlets, editions, Window.parse(since, until), int(max_articles or 0), url, **kwargs)

    @property
    def adhoc(self) -> bool:
        """A crawl of a site not in the registry."""
        return self.start_url is not None

    @cached_property
    def named_hosts(self) -> frozenset[str]:
        outlet_hosts = frozenset(d for o in self.outlets for d in o.domains) if self.fetches_outlets else frozenset()
        return outlet_hosts | self.extra_hosts

    def outlet_for(self, url: str) -> Outlet | None:
        """The crawled outlet whose hosts (present or former) hold ``url``'s host."""
        host = urlsplit(url).hostname or ""
        return next((o for o in self.outlets if o.owns_host(host)), None)

    def owns_host(self, host: str) -> bool:
        """True when ``host`` may be fetched as one of the crawled outlets' hosts."""
        return self.fetches_outlets and any(o.owns_host(host) for o in self.outlets)

    def start_points(self) -> Iterator[tuple[Edition, StartPoint]]:
        """Each crawled edition's start points, in the registry's order."""
        for _outlet, ed in self.editions:
            for point in ed.start_points():
                yield ed, point

    def run_args(self) -> dict[str, Any]:
        """What the crawl covers, as its ``runs`` row records it."""
        return {
            "sites": [o.key for o in self.outlets],
            "url": self.start_url,
            "editions": [f"{o.key}:{e.label}" for o, e in self.editions],
            "max_articles": self.max_articles,
        }


def scope_of(crawler: Crawler) -> CrawlScope:
    """The scope of the crawl ``crawler`` runs, as its spider holds it."""
    scope = getattr(crawler.spider, "scope", None)
    if not isinstance(scope, CrawlScope):
        raise TypeError(f"{type(crawler.spider).__name__} has no `scope` (a CrawlScope): kznews's components read it")
    return scope

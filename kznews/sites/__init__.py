"""The outlet registry: outlets as declarative data (``outlets.toml``).

An ``Outlet`` says where an outlet publishes (domains, and the domains it
published on before, with the years they served), how to recognise its
article URLs (path patterns, AMP copies included), where discovery starts for each language
edition, and optional CSS selectors for extraction.  Adding an outlet is an
entry in ``outlets.toml`` plus its saved-page tests, never a new code path.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kznews.errors import KznewsError
from kznews.sites import schema

# Article-looking paths for sites not in the registry (ad-hoc crawls): a numeric id,
# a .html page, a /YYYY/MM/DD/ date or a long hyphenated slug.
GENERIC_ARTICLES = (
    r"\d{4,}[^/]*/?$",
    r"/[^/]+\.html?$",
    r"/(19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}/.",
    r"/[^/]*-[^/]*-[^/]*-[^/]+/?$",
)


# An AMP copy of an article: "/amp/<the article's path>" or "<the article's path>/amp".
_AMP = re.compile(r"^/amp(?=/)|/amp/?$")


class RegistryError(KznewsError, ValueError):
    """A registry entry, an edition or an ad-hoc site's URL that cannot be used."""


class UnknownOutlet(KznewsError, KeyError):
    """Raised for an outlet key that is not in the registry."""

    def __str__(self) -> str:
        return f"unknown outlet {self.args[0]!r} (known: {', '.join(sorted(outlets()))})"


@dataclass(frozen=True)
class Listing:
    """A listing page and how to reach its further pages."""

    url: str
    # Template of page n (n >= 2): "{n}" is the page number, "{offset}" the number of items
    # before it, (n - 1) * step (for offset pagination such as "?start=20"); None: follow rel="next".
    next: str | None = None
    max_pages: int = 5
    step: int = 1  # items per page, for "{offset}"

    def page_url(self, n: int) -> str | None:
        """URL of page ``n`` (1-based) when the listing has a template."""
        if n == 1:
            return self.url
        return self.next.format(n=n, offset=(n - 1) * self.step) if self.next else None


@dataclass(frozen=True)
class StartPoint:
    """One place an edition's discovery starts: its kind and its URL as registered.

    ``kind`` is "feed", "sitemap" (a template with "{n}" is a numbered series, walked until one is
    missing), "robots.txt" (the sitemaps its ``Sitemap:`` lines name), "listing" (``listing`` says how to page
    it) or "archive" (a daily archive's template, formatted with each day of the crawl's window).
    """

    kind: str
    url: str
    listing: Listing | None = None

    @property
    def numbered(self) -> bool:
        return self.kind == "sitemap" and "{n}" in self.url

    def first_urls(self, days: Sequence[date]) -> list[str]:
        """The URLs a crawl over ``days`` requests first from this start point."""
        if self.kind == "archive":
            return [self.url.format(date=day) for day in days]
        return [self.url.format(n=1) if self.numbered else self.url]


@dataclass(frozen=True)
class Edition:
    """One language edition of an outlet and its discovery start points."""

    lang: str  # "ru" | "kk" | "en"
    script: str | None = None  # "cyrl" | "latn" for Kazakh editions
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()  # sitemap URLs; a robots.txt URL means its Sitemap: lines
    listings: tuple[Listing, ...] = ()
    # Daily archive pages: URL templates formatted with the day, e.g.
    # "https://www.kt.kz/rus/archive/{date:%Y-%m-%d}/"; crawled for the --since/--until window.
    archives: tuple[str, ...] = ()

    def start_points(self) -> tuple[StartPoint, ...]:
        """Every start point of the edition: feeds, sitemaps (robots.txt among them), listings, daily archives."""
        return (
            *(StartPoint("feed", url) for url in self.feeds),
            *(StartPoint("robots.txt" if urlsplit(url).path == "/robots.txt" else "sitemap", url)
              for url in self.sitemaps),
            *(StartPoint("listing", listing.url, listing) for listing in self.listings),
            *(StartPoint("archive", template) for template in self.archives),
        )

    @property
    def label(self) -> str:
        return f"{self.lang}-{self.script}" if self.script else self.lang


@dataclass(frozen=True)
class FormerDomain:
    """A domain the outlet published on before, and the years it served (None: not known)."""

    domain: str
    since: int | None = None
    until: int | None = None


@dataclass(frozen=True)
class Outlet:
    """A news outlet as the crawler and the extractors need to know it."""

    key: str
    name: str
    domains: tuple[str, ...]
    articles: tuple[str, ...]
    editions: tuple[Edition, ...]
    selectors: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    aliases: tuple[str, ...] = ()  # names attributions print for the outlet
    story: str | None = None  # regex over the URL path: group 1 is an id shared by editions
    former: tuple[FormerDomain, ...] = ()  # domains it published on before (archive backfill reads them)
    not_articles: tuple[str, ...] = ()  # the outlet's URLs that are no articles (sections, feeds...): checked on load
    # In the registry (its URL patterns and selectors checked on its saved pages), not an ad-hoc site's stand-in
    registered: bool = True

    def story_key(self, url: str) -> str | None:
        """"key:id" when the outlet's URLs carry an id its language editions share."""
        if not self.story:
            return None
        m = re.search(self.story, urlsplit(url).path)
        return f"{self.key}:{m.group(1)}" if m else None

    @cached_property
    def hosts(self) -> tuple[str, ...]:
        """Every domain the outlet publishes or published on."""
        return self.domains + tuple(f.domain for f in self.former)

    def owns_host(self, host: str) -> bool:
        """True when ``host`` is one of the outlet's domains, present or former, or their subdomains."""
        return _owned(self.hosts, host or "")

    @cached_property
    def _article_path(self) -> re.Pattern[str]:
        """The article patterns as one compiled alternation (listings test ~170 URLs a page)."""
        return re.compile("|".join(f"(?:{p})" for p in self.articles))

    def is_article_url(self, url: str) -> bool:
        """True when ``url`` is on the outlet's hosts and matches an article pattern."""
        split = _host_and_path(url)
        return split is not None and self.is_article(*split)

    def is_article(self, host: str, path: str) -> bool:
        """``is_article_url`` of a URL already split: its host and its path with the ?query."""
        if not self.owns_host(host):
            return False
        return self._article_path.search(_AMP.sub("", path) if "amp" in path else path) is not None

    def edition(self, lang: str | None) -> Edition:
        """The edition for ``lang`` (e.g. "ru" or "kk-cyrl"); raises ``RegistryError`` if absent."""
        for ed in self.editions:
            if lang in (ed.lang, ed.label):
                return ed
        raise RegistryError(
            f"outlet {self.key!r} has no edition {lang!r} "
            f"(editions: {', '.join(e.label for e in self.editions)})"
        )

    def rebased(self, base_url: str) -> Outlet:
        """This outlet with every start point moved to ``base_url``'s host (for mirrors; a ``RegistryError`` when
        it is no http(s) URL)."""
        base = urlsplit(http_url(base_url))

        def move(url: str) -> str:
            p = urlsplit(url)
            return urlunsplit((base.scheme, base.netloc, p.path, p.query, p.fragment))

        editions = tuple(
            replace(
                ed,
                feeds=tuple(map(move, ed.feeds)),
                sitemaps=tuple(map(move, ed.sitemaps)),
                listings=tuple(
                    replace(ls, url=move(ls.url), next=move(ls.next) if ls.next else None)
                    for ls in ed.listings
                ),
                archives=tuple(map(move, ed.archives)),
            )
            for ed in self.editions
        )
        return replace(self, domains=(base.hostname or "",), editions=editions, former=())


def _outlet(key: str, data: dict[str, Any]) -> Outlet:
    """The outlet of a registry entry that ``schema.problems`` passed."""
    editions = tuple(
        Edition(
            lang=ed["lang"],
            script=ed.get("script"),
            feeds=tuple(ed.get("feeds", ())),
            sitemaps=tuple(ed.get("sitemaps", ())),
            listings=tuple(Listing(**ls) for ls in ed.get("listings", ())),
            archives=tuple(ed.get("archives", ())),
        )
        for ed in data["editions"]
    )
    return Outlet(
        key=key,
        name=data["name"],
        domains=tuple(d.lower() for d in data["domains"]),
        articles=tuple(data["articles"]),
        editions=editions,
        selectors=dict(data.get("selectors", {})),
        aliases=tuple(data.get("aliases", ())),
        story=data.get("story"),
        former=tuple(
            FormerDomain(f["domain"].lower(), f.get("from"), f.get("until")) for f in data.get("domains_history", ())),
        not_articles=tuple(data.get("not_articles", ())),
    )


def _pattern_problems(outlets: dict[str, Outlet]) -> list[str]:
    """An outlet's ``not_articles`` URLs that its article patterns take: the patterns are too loose."""
    return [f"outlets.{key}.not_articles[{i}]: {url} matches the article patterns"
            for key, outlet in outlets.items() for i, url in enumerate(outlet.not_articles)
            if outlet.is_article_url(url)]


_PLAIN_URL = re.compile(r"(?i)https?://(?:[^/?#@\s\[\]]*@)?(?P<host>[^/?#:@\s\[\]]+)(?::\d*)?(?P<rest>[^#\s]*)")


def _host_and_path(url: str) -> tuple[str, str] | None:
    """(host, path with its ?query) of an http(s) URL, as ``urlsplit`` gives them; None for other schemes.

    Plain URLs (a listing holds a hundred or more) are split by one regex, faster than ``urlsplit``;
    anything unusual (spaces, IPv6 literals) goes through ``urlsplit``.
    """
    m = _PLAIN_URL.fullmatch(url.split("#", 1)[0])
    if m is not None:
        rest = m.group("rest")
        empty_query = rest.find("?") == len(rest) - 1  # "/a?": urlsplit drops an empty query
        return m.group("host").lower().rstrip("."), rest[:-1] if empty_query else rest
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    return parts.hostname or "", parts.path + (f"?{parts.query}" if parts.query else "")


@lru_cache(maxsize=4096)
def _owned(domains: tuple[str, ...], host: str) -> bool:
    """``host`` is one of ``domains`` or a subdomain of one (cached: a listing asks for the same hosts)."""
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """All registered outlets by key, loaded once from ``outlets.toml``.

    A TOML file of the same format named by ``KZNEWS_SITES`` adds outlets (or replaces
    entries of the same key): a user's own outlets, or a local test registry.
    """
    text = resources.files(__package__).joinpath("outlets.toml").read_text("utf-8")
    builtin = tomllib.loads(text)
    data = dict(_checked(builtin, schema.problems(builtin), "outlets.toml", "tests/sites lists them all")["outlets"])
    if extra := os.environ.get("KZNEWS_SITES"):
        data.update(read_registry(Path(extra), f"KZNEWS_SITES={extra}").get("outlets", {}))
    found = {key: _outlet(key, entry) for key, entry in data.items()}
    _checked(data, _pattern_problems(found), "the registry", "`kznews sites --check FILE` lists them all")
    return found


def check_registry(path: Path) -> list[str]:
    """Every problem of a registry file of the ``outlets.toml`` format, each by its TOML path (empty: it loads)."""
    data, found = _load(path)
    if found:
        return found
    return _pattern_problems({key: _outlet(key, entry) for key, entry in data.get("outlets", {}).items()})


def read_registry(path: Path, origin: str) -> dict[str, Any]:
    """A registry file of the ``outlets.toml`` format, parsed and checked (a ``RegistryError`` naming the first
    problem and how many there are)."""
    data, found = _load(path)
    return _checked(data, found, origin, f"`kznews sites --check {path}` lists them all")


def _load(path: Path) -> tuple[dict[str, Any], list[str]]:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [str(exc)]
    return data, schema.problems(data)


def _checked(data: dict[str, Any], found: list[str], origin: str, more: str) -> dict[str, Any]:
    if len(found) == 1:
        raise RegistryError(f"{origin}: {found[0]}")
    if found:
        raise RegistryError(f"{origin}: {len(found)} problems, the first: {found[0]} ({more})")
    return data


def get(key: str) -> Outlet:
    """The outlet registered as ``key``; raises ``UnknownOutlet``."""
    try:
        return outlets()[key]
    except KeyError:
        raise UnknownOutlet(key) from None


def for_url(url: str) -> Outlet | None:
    """The registered outlet whose domains include ``url``'s host, if any."""
    host = urlsplit(url).hostname or ""
    return next((o for o in outlets().values() if o.owns_host(host)), None)


def http_url(url: str) -> str:
    """``url`` when it is an http(s) URL with a host (and a port, if any, of 1-65535); else a ``RegistryError``."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        raise RegistryError(f"bad port in {url!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RegistryError(f"not an http(s) URL: {url!r}")
    if port == 0:
        raise RegistryError(f"bad port in {url!r}")
    return url


def adhoc(url: str) -> Outlet:
    """An outlet for a site not in the registry: ``url``'s host and generic article paths."""
    host = (urlsplit(http_url(url)).hostname or "").lower()
    return Outlet(key=host, name=host, domains=(host,), articles=GENERIC_ARTICLES, editions=(), registered=False)


@lru_cache(maxsize=1)
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    by_alias = {a.casefold(): o.key for o in outlets().values() for a in o.aliases}
    names = sorted(by_alias, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)", re.I), by_alias


def outlet_named(text: str | None) -> Outlet | None:
    """The registered outlet a printed name refers to ("МИА «Казинформ»" -> inform), if any."""
    if not text:
        return None
    pattern, by_alias = _alias_pattern()
    m = pattern.search(text)
    return outlets()[by_alias[m.group(1).casefold()]] if m else None

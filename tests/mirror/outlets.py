"""Mirrors shaped like real outlets of the registry, for loopback crawls with ``--mirror``.

``build_outlet(key)`` lays ``build_site``'s articles out at the outlet's own article
paths (matching its ``articles`` patterns in ``outlets.toml``) and serves them from
the start points its registry entry names, as ``Outlet.rebased`` moves them onto
the mirror's host: feeds, sitemap indexes, robots.txt ``Sitemap:`` lines, paginated
listings (``/page/N/``, ``/N/?archive=1``, ``?start={offset}``), XHR "load more"
fragments and daily archive pages.  Every discovery channel of an outlet lists some
articles that no other channel lists, so a crawl stores them all only when every
mechanic works.  Article pages come from ``tests/mirror/site.py``'s templates.

Absolute URLs are written with ``PLACEHOLDER``; ``OutletMirror.render`` (what the
mirror server calls) puts the base URL in its place.  Paths with a query
(``/news/?handler=LoadMoreNews&p=2&type=list``) are files of their own: the server
must look them up with their query (see ``OutletMirror.render``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from tests.mirror.site import (
    HTML,
    PLACEHOLDER,
    RSS,
    TEXT,
    XML,
    ExpectedArticle,
    Files,
    _archive_sitemap,
    _article_page,
    _listing,
    _news_sitemap,
    _rss,
    _synthetic,
    build_site,
)

PAGE_SIZE = 3  # teasers per listing page: small, so that pagination is needed
Channels = dict[str, list[ExpectedArticle]]
Documents = dict[str, tuple[str, bytes]]


@dataclass(frozen=True)
class OutletMirror:
    """A registry outlet's mirror: its files and the articles a crawl must store."""

    key: str
    files: Files
    articles: list[ExpectedArticle]
    channels: Channels  # discovery channel -> the articles it lists

    def render(self, path: str, base_url: str) -> tuple[str, bytes] | None:
        """The file at ``path`` (query included when it has one) with the base URL filled in."""
        if path not in self.files:
            return None
        content_type, body = self.files[path]
        return content_type, body.replace(PLACEHOLDER.encode(), base_url.rstrip("/").encode())

    def urls(self, base_url: str) -> set[str]:
        """The article URLs a complete crawl of the mirror at ``base_url`` stores."""
        return {a.url(base_url) for a in self.articles}

    @property
    def since(self) -> date:
        """The first publication day (Almaty): --since for a backfill of the whole mirror."""
        return min(_day(a) for a in self.articles)

    @property
    def until(self) -> date:
        """The last publication day (Almaty)."""
        return max(_day(a) for a in self.articles)


@dataclass(frozen=True)
class _Shape:
    """How one outlet publishes: its discovery channels, article paths and documents."""

    channels: tuple[str, ...]
    path: Callable[[ExpectedArticle, str], str]  # an article's path, given its first channel
    documents: Callable[[Channels], Documents]


def build_outlet(key: str, n_articles: int = 12, seed: int = 0, *, undated: bool = False) -> OutletMirror:
    """A deterministic mirror of outlet ``key`` (one of ``OUTLETS``).

    Article i is listed by channel i mod k, and every third article by the next
    channel too.  ``undated``: article pages carry no date at all (synthetic
    template without its ``<time>``), as if the outlet had dropped them.
    """
    shape = _SHAPES[key]
    k = len(shape.channels)
    channels: Channels = {c: [] for c in shape.channels}
    articles = []
    for i, base in enumerate(build_site(n_articles, seed).articles):
        first = shape.channels[i % k]
        article = replace(base, path=shape.path(base, first), translation=None)
        articles.append(article)
        for c in {first, shape.channels[(i + 1) % k] if i % 3 == 0 else first}:
            channels[c].append(article)
    render = _undated_page if undated else partial(_article_page, tag_paths=[])
    pages = {a.path: partial(render, a) for a in articles}
    return OutletMirror(key, Files(shape.documents(channels), pages), articles, channels)


# --- pieces ------------------------------------------------------------------------------------

def _day(a: ExpectedArticle) -> date:
    return date.fromisoformat(a.published_at[:10])  # the local (Almaty) day: the offset is Almaty's


def _slug(a: ExpectedArticle) -> str:
    """The transliterated headline words of ``build_site``'s path."""
    return a.path.strip("/").split("/")[-1].rsplit("-", 1)[0]


def _id(a: ExpectedArticle) -> int:
    return int(a.path.strip("/").rsplit("-", 1)[1])


def _section(a: ExpectedArticle, sections: Sequence[str]) -> str:
    return sections[a.topic % len(sections)]


def _undated_page(a: ExpectedArticle) -> bytes:
    page = _synthetic(a, [])
    return re.sub(r'<div class="meta">.*?</div>\n', "", page, flags=re.DOTALL).encode()


def _robots(*sitemaps: str) -> tuple[str, bytes]:
    lines = "".join(f"Sitemap: {PLACEHOLDER}{path}\n" for path in sitemaps)
    return TEXT, f"User-agent: *\nDisallow: /search/\n\n{lines}".encode()


def _index(*children: str) -> tuple[str, bytes]:
    entries = "".join(
        f"  <sitemap>\n    <loc>{PLACEHOLDER}{path}</loc>\n  </sitemap>\n" for path in children
    )
    return XML, (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</sitemapindex>\n"
    ).encode()


def _news(articles: list[ExpectedArticle]) -> tuple[str, bytes]:
    return XML, _news_sitemap(articles, []).encode()


def _dated(articles: list[ExpectedArticle]) -> tuple[str, bytes]:
    """A plain urlset with lastmod (and the junk entries real sitemaps carry)."""
    return XML, _archive_sitemap(articles, []).encode()


def _feed(articles: list[ExpectedArticle]) -> tuple[str, bytes]:
    return RSS, _rss(articles).encode()


def _chunks(items: list[ExpectedArticle]) -> Iterator[list[ExpectedArticle]]:
    for k in range(0, max(len(items), 1), PAGE_SIZE):
        yield items[k:k + PAGE_SIZE]


def _listings(items: list[ExpectedArticle], page_path: Callable[[int], str]) -> Documents:
    """Listing pages 1..n at ``page_path(n)``, ``PAGE_SIZE`` teasers each, linked by rel=next."""
    chunks = list(_chunks(items))
    paths = [page_path(n) for n in range(1, len(chunks) + 1)]
    return {
        path: (HTML, _listing(n, paths, chunk, []).encode())
        for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), start=1)
    }


def _by_day(items: list[ExpectedArticle], days: Sequence[date],
            day_path: Callable[[date], str]) -> Documents:
    """One archive page per day (an empty one on days without articles)."""
    return {
        day_path(day): (HTML, _listing(1, [day_path(day)], [a for a in items if _day(a) == day],
                                       []).encode())
        for day in days
    }


def _days(channels: Channels) -> list[date]:
    every = [_day(a) for items in channels.values() for a in items]
    first, last = min(every), max(every)
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]


def _fragment(items: list[ExpectedArticle]) -> bytes:
    """What zakon.kz's "load more" XHR answers: news cards, no <html> around them."""
    cards = "".join(
        f'<div class="newscard"><a href="{a.path}" class="newscard_link">'
        f'<span class="newscard__title">{html.escape(a.headline)}</span></a>'
        f'<span class="date">{a.published_at[11:16]}</span></div>\n'
        for a in items
    )
    return cards.encode()


# --- the outlets -------------------------------------------------------------------------------

def _tengrinews(c: Channels) -> Documents:
    docs = {"/robots.txt": _robots(), "/rss/": _feed(c["feed"])}
    for index, child, channel in (("/sitemap-index.xml", "/sitemaps/news-ru.xml", "sitemap-ru"),
                                  ("/kk-sitemap-index.xml", "/sitemaps/news-kk.xml", "sitemap-kk"),
                                  ("/en-sitemap-index.xml", "/sitemaps/news-en.xml", "sitemap-en")):
        docs[index] = _index(child)
        docs[child] = _news(c[channel])
    docs.update(_listings(c["listing"], lambda n: "/news/" if n == 1 else f"/news/page/{n}/"))
    return docs


def _zakon(c: Channels) -> Documents:
    docs = {"/robots.txt": _robots(), "/rss.xml": _feed(c["feed"])}
    for n, chunk in enumerate(_chunks(c["listing"]), start=1):
        docs[f"/news/?handler=LoadMoreNews&p={n}&type=list"] = (HTML, _fragment(chunk))
    return docs


def _kt(c: Channels) -> Documents:
    days = _days(c)
    return {
        "/robots.txt": _robots("/sitemap.xml"),
        "/sitemap.xml": _dated(c["sitemap"]),
        "/rus/rss/": _feed(c["feed"]),
        **_by_day(c["archive"], days, lambda d: f"/rus/archive/{d:%Y-%m-%d}/"),
    }


def _vlast(c: Channels) -> Documents:
    docs = {"/robots.txt": _robots()}
    for section in ("novosti", "vlast-qazaqsha", "english"):
        docs.update(_listings(c[section], lambda n, s=section: f"/{s}/" if n == 1 else f"/{s}/{n}/"))
    return docs


def _khabar(c: Channels) -> Documents:
    docs = {"/robots.txt": _robots()}
    for lang in ("ru", "kk"):
        docs[f"/{lang}/xml-karta"] = _news(c[f"sitemap-{lang}"])
        docs.update(_listings(c[f"listing-{lang}"], lambda n, lg=lang: f"/{lg}/news" if n == 1
                              else f"/{lg}/news?start={(n - 1) * 20}"))
    return docs


def _inform(c: Channels) -> Documents:
    return {
        "/robots.txt": _robots("/sitemap.xml"),
        "/sitemap.xml": _index("/sitemaps/news.xml"),
        "/sitemaps/news.xml": _news(c["sitemap"]),
        **{f"/rss/{x}": _feed(c[f"feed-{x}"]) for x in ("ru", "kz", "en")},
    }


def _sputnik(c: Channels) -> Documents:
    return {
        "/robots.txt": _robots(),
        "/sitemap_archive.xml": _dated(c["sitemap"]),
        **_by_day(c["archive"], _days(c), lambda d: f"/{d:%Y%m%d}/"),
    }


_SHAPES: dict[str, _Shape] = {
    # sitemap indexes (ru, kk, en), RSS, /news/page/N/
    "tengrinews": _Shape(
        ("sitemap-ru", "feed", "listing", "sitemap-kk", "sitemap-en"),
        lambda a, _: f"/{_section(a, ('kazakhstan_news', 'world_news', 'sport'))}/{_slug(a)}-{_id(a)}/",
        _tengrinews),
    # RSS and the XHR "load more" fragments (?handler=LoadMoreNews&p=N)
    "zakon": _Shape(
        ("feed", "listing"),
        lambda a, _: f"/{_section(a, ('sobytiia', 'novosti', 'obshchestvo'))}/{6_000_000 + _id(a)}-{_slug(a)}.html",
        _zakon),
    # RSS, daily archive pages /rus/archive/YYYY-MM-DD/, robots.txt sitemaps (kk, en editions)
    "kt": _Shape(
        ("feed", "archive", "sitemap"),
        lambda a, c: f"/{'kaz' if c == 'sitemap' and a.lang == 'kk' else 'rus'}/"
                     f"{_section(a, ('politics', 'society', 'economy'))}/{_slug(a).replace('-', '_')}_{_id(a)}.html",
        _kt),
    # section listings paginated as /<section>/N/?archive=1
    "vlast": _Shape(
        ("novosti", "vlast-qazaqsha", "english"),
        lambda a, c: f"/{c}/{_id(a)}-{_slug(a)}.html",
        _vlast),
    # XML sitemaps /ru/xml-karta, listings paginated by ?start={offset}
    "khabar": _Shape(
        ("sitemap-ru", "listing-ru", "sitemap-kk", "listing-kk"),
        lambda a, c: f"/{c[-2:]}/news/{_section(a, ('politika', 'obshchestvo'))}/{_id(a)}-{_slug(a)}",
        _khabar),
    # RSS per edition, robots.txt -> sitemap index -> news sitemap
    "inform": _Shape(
        ("feed-ru", "sitemap", "feed-kz", "feed-en"),
        lambda a, c: f"/{c[-2:] if c.startswith('feed') else ('kz' if a.lang == 'kk' else 'ru')}/{_slug(a)}_a{_id(a)}",
        _inform),
    # sitemap_archive.xml and daily archive pages /YYYYMMDD/
    "sputnik": _Shape(
        ("sitemap", "archive"),
        lambda a, _: f"/{_day(a):%Y%m%d}/{_slug(a)}-{_id(a)}.html",
        _sputnik),
}
OUTLETS = tuple(_SHAPES)

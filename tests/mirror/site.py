"""An in-memory mirror outlet for end-to-end tests: articles, sitemaps, a feed and listings.

``build_site`` makes a deterministic site (same ``n_articles`` and ``seed``, same
bytes) and the ground truth to check a crawl against.  Absolute URLs in its
files are written with ``PLACEHOLDER``; ``MirrorSite.render`` (and so the
server) puts the real base URL in their place.

Article pages come in two kinds: the real Kazinform page in ../shared used as
a template (its chrome, ticker block and comments kept; headline, dates, URLs
and body replaced), and a small synthetic page (no JSON-LD; date only in
``<time datetime>``), marked ``constructed=True``.  Every article is listed by
at least one of the sitemaps, the feed and the listing pages, and some by
exactly one of them, so each discovery path is needed to find them all.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache, partial
from pathlib import Path
from random import Random
from urllib.parse import urlsplit

from kznews.sites import Edition, Listing, Outlet
from tests.mirror.texts import CITIES, DATELINE_AGENCY, TOPICS, TRANSLIT

PLACEHOLDER = "http://mirror.invalid"  # replaced by the server's base URL when served
ARTICLE_PATTERN = r"^/news/[a-z0-9-]+-\d+/$"
PAGE_SIZE = 10  # articles per listing page
TEMPLATE = (
    Path(__file__).resolve().parents[3] / "shared/pages/inform.kz/article-ru-2020-a3725092.html"
)

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"

# Sources an article can be listed by: the sitemaps, the RSS feed, the listing pages.
_SOURCES = [
    frozenset({"sitemap"}),
    frozenset({"feed"}),
    frozenset({"listing"}),
    frozenset({"sitemap", "feed", "listing"}),
    frozenset({"sitemap", "listing"}),
]
_TAGS = ["obrazovanie", "selskoe-hozyaystvo", "dorogi", "deti", "ekologiya", "transport",
         "zhile", "energetika"]  # one per topic, in TOPICS order
_MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "kk": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
}
# Counts after which Russian takes the genitive plural ("25 новых школ", not "21 новых школ").
_COUNTS = [n for n in range(5, 100) if n % 10 in (0, 5, 6, 7, 8, 9) or 11 <= n <= 14]
_STEP = timedelta(hours=13, minutes=7)  # between two articles' publication times
_KZ_UTC5 = datetime(2024, 2, 29, 18, tzinfo=UTC)  # 2024-03-01 00:00 in Almaty: UTC+6 -> UTC+5


@dataclass(frozen=True)
class ExpectedArticle:
    """Ground truth for one article page of the mirror."""

    path: str
    headline: str
    published_at: str  # ISO 8601 with the Asia/Almaty offset of the day (+06:00 / +05:00)
    first_sentence: str  # the body's first sentence, after any dateline
    lang: str  # "ru" | "kk"
    constructed: bool  # True: synthetic template; False: built on the real Kazinform page
    sources: frozenset[str]  # which of "sitemap", "feed", "listing" list it
    paragraphs: tuple[str, ...]  # the body, dateline included
    dateline: str | None = None  # e.g. "АСТАНА. КАЗИНФОРМ –" (Kazinform template only)
    translation: str | None = None  # path of the same story in the other language
    topic: int = 0  # index into texts.TOPICS; also names the article's tag page

    def url(self, base_url: str) -> str:
        return base_url.rstrip("/") + self.path


class Files(Mapping[str, tuple[str, bytes]]):
    """Path -> (content type, body); article pages are rendered on access to save memory."""

    def __init__(self, static: dict[str, tuple[str, bytes]],
                 pages: dict[str, Callable[[], bytes]]) -> None:
        self._static = static
        self._pages = pages

    def __getitem__(self, path: str) -> tuple[str, bytes]:
        if path in self._pages:
            return HTML, self._pages[path]()
        return self._static[path]

    def __contains__(self, path: object) -> bool:
        return path in self._pages or path in self._static

    def __iter__(self) -> Iterator[str]:
        yield from self._static
        yield from self._pages

    def __len__(self) -> int:
        return len(self._static) + len(self._pages)


@dataclass
class MirrorSite:
    """The mirror's files and the ground truth a crawl of it is checked against."""

    files: Files
    articles: list[ExpectedArticle]
    non_articles: list[str]  # linked pages that must not be stored as articles
    sitemaps: dict[str, list[str]]  # child sitemap path -> paths it lists, in order
    feed: list[str]  # article paths in /rss.xml, in order
    listing_pages: list[str]  # /news/, /news/page/2/, ...
    junk_locs: list[str] = field(default_factory=list)  # raw <loc> junk the parser must drop

    def render(self, path: str, base_url: str) -> tuple[str, bytes] | None:
        """The file at ``path`` with ``PLACEHOLDER`` replaced by ``base_url``; None if absent."""
        if path not in self.files:
            return None
        content_type, body = self.files[path]
        return content_type, body.replace(PLACEHOLDER.encode(), base_url.rstrip("/").encode())

    def article(self, path: str) -> ExpectedArticle:
        return next(a for a in self.articles if a.path == path)

    def outlet(self, base_url: str, *, listing_template: bool = False) -> Outlet:
        """An ``Outlet`` for the mirror at ``base_url`` (its sitemaps found through robots.txt).

        With ``listing_template`` the listing pages are reached by their
        ``/news/page/{n}/`` template; otherwise by following ``rel="next"``.
        """
        base = base_url.rstrip("/")
        listing = Listing(
            url=f"{base}/news/",
            next=f"{base}/news/page/{{n}}/" if listing_template else None,
            max_pages=len(self.listing_pages),
        )
        edition = Edition(lang="ru", feeds=(f"{base}/rss.xml",), sitemaps=(f"{base}/robots.txt",),
                          listings=(listing,))
        return Outlet(key="mirror", name="Mirror News", domains=(urlsplit(base).hostname or "",),
                      articles=(ARTICLE_PATTERN,), editions=(edition,))


def build_site(n_articles: int = 30, seed: int = 0) -> MirrorSite:
    """A deterministic mirror site of ``n_articles`` articles (ru and kk, newest first).

    With ``n_articles >= 5`` every discovery source lists some article that no
    other source lists.
    """
    rng = Random(seed)
    ids = rng.sample(range(100_000, 1_000_000), n_articles)
    # Straddle the 2024-03-01 change, half a step from it: no wall time falls in the repeated hour.
    start = _KZ_UTC5 + (n_articles // 2) * _STEP + timedelta(hours=6, minutes=34)
    stories: dict[int, tuple[int, int, int, int]] = {}
    seen: set[tuple[int, int, int]] = set()
    articles: list[ExpectedArticle] = []
    for i in range(n_articles):
        pair = i // 2
        if pair not in stories:
            story = (rng.randrange(len(TOPICS)), rng.randrange(len(CITIES)), rng.choice(_COUNTS))
            while story in seen:
                story = (story[0], story[1], story[2] + 100)
            seen.add(story)
            stories[pair] = (*story, rng.randint(2, 90))
        articles.append(_article(i, ids[i], stories[pair], start - i * _STEP))
    articles = [  # pairs 2k / 2k+1 tell the same story in Russian and Kazakh
        replace(a, translation=articles[i ^ 1].path) if i ^ 1 < n_articles else a
        for i, a in enumerate(articles)
    ]
    return _assemble(articles)


def _article(i: int, article_id: int, story: tuple[int, int, int, int],
             utc: datetime) -> ExpectedArticle:
    topic, city, n, m = story
    lang = "kk" if i % 2 else "ru"
    ru_city, kk_city, ru_place, kk_place = CITIES[city]
    loc = ru_city if lang == "ru" else kk_city
    headline, *sentences = (
        s.format(City=loc[0].upper() + loc[1:], city=loc, n=n, m=m) for s in TOPICS[topic][lang]
    )
    assert not re.search(r"[<>&\"'\\]", headline), headline  # written raw into HTML and JSON
    constructed = i % 3 == 1
    dateline = None
    paragraphs = list(sentences)
    if not constructed:
        place = ru_place if lang == "ru" else kk_place
        dateline = f"{place}. {DATELINE_AGENCY[lang]} –"
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    local = utc.astimezone(timezone(timedelta(hours=6 if utc < _KZ_UTC5 else 5)))
    return ExpectedArticle(
        path=_path(headline, article_id),
        headline=headline,
        published_at=local.isoformat(),
        first_sentence=sentences[0],
        lang=lang,
        constructed=constructed,
        sources=_SOURCES[i % len(_SOURCES)],
        paragraphs=tuple(paragraphs),
        dateline=dateline,
        topic=topic,
    )


def _path(headline: str, article_id: int) -> str:
    latin = "".join(TRANSLIT.get(ch, ch) for ch in headline.lower())
    words = re.sub(r"[^a-z0-9]+", " ", latin).split()[:6]
    return f"/news/{'-'.join(words)}-{article_id}/"


def _assemble(articles: list[ExpectedArticle]) -> MirrorSite:
    listed = [a for a in articles if "listing" in a.sources]
    pages = [listed[k:k + PAGE_SIZE] for k in range(0, len(listed), PAGE_SIZE)] or [[]]
    listing_paths = ["/news/"] + [f"/news/page/{n}/" for n in range(2, len(pages) + 1)]
    topics = sorted({a.topic for a in articles})
    tag_paths = [f"/tag/{_TAGS[t]}/" for t in topics]
    non_articles = ["/", "/about/", *tag_paths]

    in_sitemaps = [a for a in articles if "sitemap" in a.sources]
    half = (len(in_sitemaps) + 1) // 2
    news, archive = in_sitemaps[:half], in_sitemaps[half:]
    feed = [a for a in articles if "feed" in a.sources]
    junk = [f"{PLACEHOLDER}/news/udalennaya-novost__trashed-{len(articles)}/",
            "javascript:void(0)"]

    static: dict[str, tuple[str, bytes]] = {
        "/robots.txt": (TEXT, _robots().encode()),
        "/sitemap.xml": (XML, _sitemap_index(articles).encode()),
        "/sitemap-news.xml": (XML, _news_sitemap(news, articles).encode()),
        "/sitemap-archive.xml": (XML, _archive_sitemap(archive, junk).encode()),
        "/rss.xml": (RSS, _rss(feed).encode()),
        # Aliases at tengrinews' paths, so its registry entry rebased here (--mirror) works.
        "/sitemap-index.xml": (XML, _sitemap_index(articles).encode()),
        "/rss/": (RSS, _rss(feed).encode()),
        "/": (HTML, _home(listed[:5], tag_paths).encode()),
        "/about/": (HTML, _about(tag_paths).encode()),
    }
    for n, (path, items) in enumerate(zip(listing_paths, pages, strict=True), start=1):
        static[path] = (HTML, _listing(n, listing_paths, items, tag_paths).encode())
    for t, path in zip(topics, tag_paths, strict=True):
        tagged = [a for a in listed if a.topic == t][:20]
        static[path] = (HTML, _tag_page(_TAGS[t], tagged, tag_paths).encode())
    renderers = {a.path: partial(_article_page, a, tag_paths) for a in articles}
    return MirrorSite(
        files=Files(static, renderers),
        articles=articles,
        non_articles=non_articles,
        sitemaps={
            "/sitemap-news.xml": [a.path for a in news],
            "/sitemap-archive.xml": [a.path for a in archive] + ["/about/"],
        },
        feed=[a.path for a in feed],
        listing_pages=listing_paths,
        junk_locs=junk,
    )


# --- dates as the pages print them -------------------------------------------------------------

def _dt(a: ExpectedArticle) -> datetime:
    return datetime.fromisoformat(a.published_at)


def _printed(a: ExpectedArticle) -> str:
    """The listing style, e.g. "27.03.2024 20:10"."""
    return _dt(a).strftime("%d.%m.%Y %H:%M")


def _long_date(a: ExpectedArticle, *, capital: bool) -> str:
    """e.g. "1 Декабря 2020 14:02" (Kazinform) or "1 декабря 2020, 14:02"."""
    dt = _dt(a)
    month = _MONTHS[a.lang].split()[dt.month - 1]
    if capital:
        return f"{dt.day} {month.capitalize()} {dt.year} {dt:%H:%M}"
    if a.lang == "kk":
        return f"{dt.year} жылғы {dt.day} {month}, {dt:%H:%M}"
    return f"{dt.day} {month} {dt.year}, {dt:%H:%M}"


# --- discovery documents -----------------------------------------------------------------------

def _robots() -> str:
    return (
        "# Mirror News robots.txt\nUser-agent: *\nDisallow: /search/\n\n"
        f"Sitemap: {PLACEHOLDER}/sitemap.xml\n"
    )


def _sitemap_index(articles: list[ExpectedArticle]) -> str:
    newest = articles[0].published_at if articles else "2024-03-01T00:00:00+05:00"
    children = "".join(
        f"  <sitemap>\n    <loc>{PLACEHOLDER}{path}</loc>\n    <lastmod>{newest}</lastmod>\n"
        "  </sitemap>\n"
        for path in ("/sitemap-news.xml", "/sitemap-archive.xml")
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{children}</sitemapindex>\n"
    )


def _news_sitemap(news: list[ExpectedArticle], articles: list[ExpectedArticle]) -> str:
    by_path = {a.path: a for a in articles}
    urls = []
    for a in news:
        # The spider follows hreflang alternates, so only a partner the sitemaps list anyway
        # is named: an alternate must not make a feed- or listing-only article sitemap-found.
        partner = by_path.get(a.translation or "")
        alternates = [a] + ([partner] if partner and "sitemap" in partner.sources else [])
        links = "".join(
            f'    <xhtml:link rel="alternate" hreflang="{b.lang}" href="{PLACEHOLDER}{b.path}"/>\n'
            for b in alternates
        )
        urls.append(
            f"  <url>\n    <loc>{PLACEHOLDER}{a.path}</loc>\n"
            "    <news:news>\n      <news:publication>\n"
            "        <news:name>Mirror News</news:name>\n"
            f"        <news:language>{a.lang}</news:language>\n"
            "      </news:publication>\n"
            f"      <news:publication_date>{a.published_at}</news:publication_date>\n"
            f"      <news:title>{html.escape(a.headline, quote=False)}</news:title>\n"
            f"    </news:news>\n{links}  </url>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\n'
        '        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"\n'
        '        xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        f"{''.join(urls)}</urlset>\n"
    )


def _archive_sitemap(archive: list[ExpectedArticle], junk: list[str]) -> str:
    """Older articles with lastmod, the about page, and junk as orda.kz has it."""
    urls = [
        # The first article's <loc> carries an invisible U+FE0F, as orda.kz's do.
        f"  <url>\n    <loc>{PLACEHOLDER}{a.path}{chr(0xFE0F) if k == 0 else ''}</loc>\n"
        f"    <lastmod>{a.published_at}</lastmod>\n  </url>\n"
        for k, a in enumerate(archive)
    ]
    urls.append(f"  <url>\n    <loc>{PLACEHOLDER}/about/</loc>\n  </url>\n")
    urls += [f"  <url>\n    <loc>{loc}</loc>\n  </url>\n" for loc in junk]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{''.join(urls)}</urlset>\n"
    )


def _rss(feed: list[ExpectedArticle]) -> str:
    items = "".join(
        f"    <item>\n      <title>{html.escape(a.headline, quote=False)}</title>\n"
        f"      <link>{PLACEHOLDER}{a.path}</link>\n"
        f'      <guid isPermaLink="true">{PLACEHOLDER}{a.path}</guid>\n'
        f"      <pubDate>{format_datetime(_dt(a))}</pubDate>\n"
        f"      <dc:language>{a.lang}</dc:language>\n"
        f"      <category>{_TAGS[a.topic]}</category>\n"
        f"      <description><![CDATA[{a.first_sentence}]]></description>\n"
        "    </item>\n"
        for a in feed
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n'
        "    <title>Mirror News</title>\n"
        f"    <link>{PLACEHOLDER}/</link>\n"
        f'    <atom:link href="{PLACEHOLDER}/rss.xml" rel="self" type="application/rss+xml"/>\n'
        "    <description>Новости Казахстана</description>\n"
        "    <language>ru</language>\n"
        f"{items}  </channel>\n</rss>\n"
    )


# --- HTML pages --------------------------------------------------------------------------------

def _page(title: str, main: str, tag_paths: list[str], *, head: str = "", lang: str = "ru") -> str:
    tags = " ".join(f'<a href="{p}">#{p.split("/")[2]}</a>' for p in tag_paths)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<link rel="alternate" type="application/rss+xml" title="Mirror News" '
        f'href="{PLACEHOLDER}/rss.xml">\n{head}</head>\n<body>\n'
        '<header><nav><a href="/">Главная</a> <a href="/news/">Новости</a> '
        f'<a href="/about/">О нас</a></nav>\n<nav class="tags">{tags}</nav></header>\n'
        f"<main>\n{main}\n</main>\n"
        "<footer><p>© 2025 Mirror News. Все права защищены.</p></footer>\n</body>\n</html>\n"
    )


def _teaser(a: ExpectedArticle, k: int) -> str:
    # Alternate relative and absolute links, as real listings mix them.
    href = a.path if k % 2 == 0 else f"{PLACEHOLDER}{a.path}"
    return (
        f'<article class="news-item">\n  <a href="{href}"><h2>{html.escape(a.headline)}</h2></a>\n'
        f'  <time datetime="{a.published_at}">{_printed(a)}</time>\n</article>\n'
    )


def _listing(n: int, paths: list[str], items: list[ExpectedArticle], tag_paths: list[str]) -> str:
    last = len(paths)
    head = ""
    if n > 1:
        head += f'<link rel="prev" href="{paths[n - 2]}">\n'
    if n < last:
        head += f'<link rel="next" href="{paths[n]}">\n'
    window = sorted({1, last, *range(max(1, n - 3), min(last, n + 3) + 1)})
    numbers = " ".join(
        f'<span class="current">{k}</span>' if k == n else f'<a href="{paths[k - 1]}">{k}</a>'
        for k in window
    )
    if n < last:
        numbers += f' <a rel="next" href="{paths[n]}">Следующая →</a>'
    main = (
        f"<h1>Новости</h1>\n{''.join(_teaser(a, k) for k, a in enumerate(items))}"
        f'<nav class="pagination">{numbers}</nav>'
    )
    title = "Новости" + (f" — страница {n}" if n > 1 else "")
    return _page(title, main, tag_paths, head=head)


def _home(latest: list[ExpectedArticle], tag_paths: list[str]) -> str:
    main = (
        "<h1>Mirror News</h1>\n"
        f"{''.join(_teaser(a, k) for k, a in enumerate(latest))}"
        '<p><a href="/news/">Все новости</a></p>'
    )
    return _page("Mirror News — новости Казахстана", main, tag_paths)


def _about(tag_paths: list[str]) -> str:
    main = (
        "<h1>О нас</h1>\n<p>Mirror News — учебное зеркало новостного сайта для тестов kznews. "
        "Редакция: +7 (7172) 000-000.</p>"
    )
    return _page("О нас — Mirror News", main, tag_paths)


def _tag_page(tag: str, items: list[ExpectedArticle], tag_paths: list[str]) -> str:
    main = f"<h1>#{tag}</h1>\n{''.join(_teaser(a, k) for k, a in enumerate(items))}"
    return _page(f"#{tag} — Mirror News", main, tag_paths)


def _article_page(a: ExpectedArticle, tag_paths: list[str]) -> bytes:
    return (_synthetic(a, tag_paths) if a.constructed else _kazinform(a)).encode()


def _synthetic(a: ExpectedArticle, tag_paths: list[str]) -> str:
    url = f"{PLACEHOLDER}{a.path}"
    head = (
        f'<meta name="description" content="{html.escape(a.first_sentence)}">\n'
        f'<link rel="canonical" href="{url}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{html.escape(a.headline)}">\n'
        f'<meta property="og:url" content="{url}">\n'
        f'<meta property="og:description" content="{html.escape(a.first_sentence)}">\n'
        '<meta property="og:site_name" content="Mirror News">\n'
    )
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in a.paragraphs)
    tag = _TAGS[a.topic]
    main = (
        f'<article>\n<h1>{html.escape(a.headline)}</h1>\n'
        f'<div class="meta"><time datetime="{a.published_at}">'
        f"{_long_date(a, capital=False)}</time></div>\n"
        f'<div class="article-body">\n{body}\n</div>\n'
        f'<div class="tags"><a href="/tag/{tag}/">#{tag}</a></div>\n</article>'
    )
    return _page(f"{a.headline} — Mirror News", main, tag_paths, head=head, lang=a.lang)


# --- the Kazinform template --------------------------------------------------------------------

_T_HEADLINE = "Полностью обеспечить регион мясом птицы намерены в СКО"
_T_LEAD = (
    "ПЕТРОПАВЛОВСК. КАЗИНФОРМ – Бройлерную птицефабрику и молочно-товарную ферму на три тысячи "
    "голов скота построят в Северо-Казахстанской области, передает корреспондент МИА «Казинформ»."
)
_T_URL = (
    "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"
)
_T_DATE = "2020-12-01T14:02:00+06:00"
_T_SHOWN = "1 Декабря 2020 14:02"
_T_BODY = re.compile(r"<p> Первый заместитель акима.*?</p> <p><br></p><br>", re.DOTALL)


@cache
def _template() -> str:
    """The Kazinform page with root-relative links sent back to inform.kz (off the mirror)."""
    text = TEMPLATE.read_text("utf-8")
    text = re.sub(r'\b(href|src|action)="/(?!/)', r'\1="https://www.inform.kz/', text)
    text = text.replace("https://www.inform.kz/rss/rus.xml", f"{PLACEHOLDER}/rss.xml")
    return text


def _kazinform(a: ExpectedArticle) -> str:
    url = f"{PLACEHOLDER}{a.path}"
    body = " ".join(f"<p>{html.escape(p)}</p>" for p in a.paragraphs[1:])
    replacements = [
        ('<html prefix="og: http://ogp.me/ns#" lang="ru">',
         f'<html prefix="og: http://ogp.me/ns#" lang="{a.lang}">'),
        (f'href="{_T_URL}" hreflang="ru"', f'href="{url}" hreflang="{a.lang}"'),
        (_T_HEADLINE, a.headline),
        (_T_LEAD, html.escape(a.paragraphs[0], quote=False)),
        (_T_DATE, a.published_at),
        (_T_SHOWN, _long_date(a, capital=True)),
        ("https://www.inform.kz/ru/article/3725092", url),
    ]
    text = _template()
    for old, new in replacements:
        assert old in text, f"template changed: {old[:40]!r} not found"
        text = text.replace(old, new)
    text = re.sub(re.escape(_T_URL) + r"(?=[\"'])", url, text)
    text, count = _T_BODY.subn(lambda _: body, text)
    assert count == 1, "template changed: body paragraphs not found"
    return text

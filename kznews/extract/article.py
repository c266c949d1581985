"""Assemble an ``Article`` from the parsed page, field by field, each with the rule that filled it.

Trust order per field: structured data (JSON-LD, then OpenGraph/meta), then the
outlet's selectors and the page text, then the discovery hint (low trust); dates
have their own, longer order (``dating.py``).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from ..items import Article, DiscoveryHint, Source
from ..sites import Outlet, outlet_named
from .attribution import Attribution, find_attributions, main_attribution
from .body import MainBlock, extract_body
from .datelines import Dateline, find_dateline
from .dates import iso
from .dating import published_and_modified
from .html import css, text_of
from .language import detect_language, language_code
from .structured import Structured, names, text_value

_WORDS = re.compile(r"\w{4,}")  # two titles of one article share some of these words
MAX_BEFORE_DATELINE = 4  # short pieces a generic body pass may keep before the dateline
SHORT_PIECE = 80  # characters: longer is a paragraph of text, not a menu item, a headline or a date line
_AGENCY_BRACKETS = ("/", "(", "[")  # what an agency printed apart from its dateline opens with: /ТАСС/, (Xinhua)
_SUFFIX = re.compile(r"^(?P<head>.+?)\s+[-|–—:]\s+(?P<tail>[^-|–—]{2,60})$")


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (list, dict)) and not value)


class _Fields:
    """Collects field values with their provenance; the first value offered for a field wins."""

    def __init__(self, article: Article) -> None:
        self.article = article

    def offer(self, name: str, value: Any, rule: str) -> bool:
        if _empty(value) or not _empty(getattr(self.article, name)):
            return False
        setattr(self.article, name, value)
        self.article.provenance[name] = rule
        return True


def _site_names(structured: Structured, outlet: Outlet | None, url: str) -> set[str]:
    found = {v.lower() for v in structured.all("og:site_name")}
    found |= {n.lower() for n in names((structured.article or {}).get("publisher"))}
    if outlet is not None:
        found.add(outlet.name.lower())
        found |= {d.lower() for d in outlet.domains}
    host = re.sub(r"^www\.", "", url.split("/")[2].lower()) if "//" in url else ""
    return found | {host} if host else found


def strip_site_suffix(title: str, site_names: set[str]) -> str:
    """``title`` without a trailing " - Site" part, removed only when that part names the site."""
    m = _SUFFIX.match(title)
    if m and any(n and (n in m.group("tail").lower() or m.group("tail").lower() in n) for n in site_names):
        return m.group("head")
    return title


def _shown_headline(h1: str | None, h1_count: int, site_names: set[str], titles: tuple[str | None, ...]) -> str | None:
    """The headline an unknown site shows: its one ``<h1>``, unless that names the site or shares no word with
    the page's structured ``titles`` (a logo, a section name, an unfilled ``{{template}}``).

    og:title and JSON-LD often carry a social or SEO variant of it.
    """
    if h1_count != 1 or not h1 or h1.lower() in site_names:
        return None
    h1_words = set(_WORDS.findall(h1.lower()))
    stated = [t for t in titles if t]
    return h1 if not stated or any(h1_words.intersection(_WORDS.findall(t.lower())) for t in stated) else None


@lru_cache(maxsize=8)  # the few texts of the page at hand
def _dateline(text: str | None) -> Dateline | None:
    """``find_dateline``, read once per text: a page asks it of its first paragraph where the body opens, for the
    dateline field and, as the lead, again."""
    return find_dateline(text)


def from_dateline(paragraphs: list[str], headline: str | None) -> list[str]:
    """The body from its dateline on, when short pieces precede it (menu items, the headline, a date line).

    A dateline opens an article's text, so what comes before it is page chrome that a generic body pass kept;
    a longer paragraph before it (a lead) is text, and the body is left as it is.
    """
    for k, para in enumerate(paragraphs[:MAX_BEFORE_DATELINE + 1]):
        if headline and para.startswith(headline + " ") and _dateline(para[len(headline) + 1:]):
            return [para[len(headline) + 1:], *paragraphs[k + 1:]]
        if _dateline(para):
            return paragraphs[k:]
        if len(para) > SHORT_PIECE:
            break
    return paragraphs


def opening_dateline(paragraphs: list[str]) -> Dateline | None:
    """The dateline opening the body.  One printed as a paragraph of its own, without its agency, takes the
    agency in brackets or slashes that opens the next paragraph (``АСТАНА, 4 сентября.`` / ``/ТАСС/. Текст``).

    The paragraph boundary is kept otherwise: a next paragraph that opens with a word is the body or the
    author's byline (``Baku, Azerbaijan, August 23`` / ``By Nargiz Sadikhova – Trend:``, ``Баку, 5 марта`` /
    ``Рамиль Мамедов –``), and a byline's name or outlet is not the dateline's agency."""
    found = _dateline(paragraphs[0]) if paragraphs else None
    if (found is not None and found.agency is None and len(paragraphs) > 1 and found.text == paragraphs[0].strip()
            and paragraphs[1].lstrip().startswith(_AGENCY_BRACKETS)):
        joined = _dateline(f"{paragraphs[0]} {paragraphs[1]}")
        if joined is not None and joined.agency is not None:
            return joined
    return found


def _source(attribution: Attribution) -> Source:
    """An attribution as data, linked to the registry outlet it names, if any."""
    named = outlet_named(attribution.reporter)
    return Source(
        name=attribution.reporter, kind=attribution.kind, evidence=attribution.text,
        via=attribution.via, outlet=named.key if named is not None else None,
    )


def _editions(structured: Structured, url: str, hint: DiscoveryHint | None) -> dict[str, str]:
    """Other language editions: the page's hreflang alternates, else its sitemap's (lang -> URL)."""
    found: dict[str, str] = {}
    for hreflang, href in structured.alternates:
        if lang := language_code(hreflang):
            found.setdefault(lang, urljoin(url, href))
    if not found and hint is not None:
        found = {code: alt for lang, alt in hint.alternates.items() if (code := language_code(lang))}
    return {lang: alt for lang, alt in found.items() if alt != url}


def text_digest(headline: str | None, body: str | None) -> str:
    """An article's ``content_hash``: what the archive compares to tell an edit from a re-fetch."""
    return hashlib.sha256(f"{headline or ''}\n{body or ''}".encode()).hexdigest()


def _first_selected(tree: etree._Element, selector: str | None) -> str | None:
    if not selector:
        return None
    found = css(selector)(tree)
    return text_of(found[0]) if found else None


def build_article(
    tree: etree._Element, structured: Structured, url: str, *, outlet: Outlet | None,
    fetched_at: str | None, hint: DiscoveryHint | None, block: MainBlock | None = None,
) -> Article:
    """The article the page presents, with ``provenance`` naming the rule behind each field."""
    ld = structured.article
    selectors = outlet.selectors if outlet is not None else {}
    article = Article(url=url, site=outlet.key if outlet is not None else None, fetched_at=fetched_at)
    f = _Fields(article)
    if article.site:
        article.provenance["site"] = "outlet"
    if fetched_at:
        article.provenance["fetched_at"] = "fetch"

    f.offer("canonical_url", structured.canonical, "link")
    f.offer("canonical_url", (structured.first("og:url") or (None,))[0], "og")

    site_names = _site_names(structured, outlet, url)
    h1s = tree.findall(".//body//h1")
    h1 = text_of(h1s[0]) if h1s else None
    structured_titles = (text_value(ld, "headline"), (structured.first("og:title") or (None,))[0])
    # A registry outlet's order was checked on its saved pages; an unknown site's shown headline comes first.
    checked = outlet is not None and outlet.registered
    shown = None if checked else _shown_headline(h1, len(h1s), site_names, structured_titles)
    for value, rule in (
        (shown, "h1"),
        (structured_titles[0], "jsonld"),
        (structured_titles[1], "og"),
        (_first_selected(tree, selectors.get("headline")), "selector"),
        (h1, "h1"),
        (structured.title, "title"),
        (hint.title if hint else None, "hint"),
    ):
        if f.offer("headline", strip_site_suffix(value, site_names) if value else None, rule):
            break

    f.offer("authors", names((ld or {}).get("author")), "jsonld")
    author_meta = structured.first("author")
    if author_meta and not author_meta[0].startswith("http"):
        f.offer("authors", [author_meta[0]], "meta")
    f.offer("section", text_value(ld, "articleSection"), "jsonld")
    f.offer("section", (structured.first("article:section") or (None,))[0], "meta")
    f.offer("tags", structured.all("article:tag"), "meta")
    keywords = (ld or {}).get("keywords")
    if isinstance(keywords, str):
        keywords = [k.strip() for k in keywords.split(",")]
    f.offer("tags", [k for k in keywords or [] if isinstance(k, str) and k], "jsonld")

    paragraphs, body_rule = extract_body(
        tree, selector=selectors.get("body"), jsonld_body=(ld or {}).get("articleBody")
        if isinstance((ld or {}).get("articleBody"), str) else None, headline=article.headline, url=url,
        block=block,
    )
    paragraphs = from_dateline(paragraphs, article.headline)
    if body_rule:
        f.offer("body", "\n\n".join(paragraphs), body_rule)

    f.offer("lead", text_value(ld, "description"), "jsonld")
    f.offer("lead", (structured.first("description") or (None,))[0], "meta")
    f.offer("lead", (structured.first("og:description") or (None,))[0], "og")
    f.offer("lead", paragraphs[0] if paragraphs else None, "body")

    dateline = opening_dateline(paragraphs)
    if not (dateline and f.offer("dateline", dateline.text, "dateline")):  # the lead's only when the body has none
        dateline = _dateline(article.lead)
        if dateline:
            f.offer("dateline", dateline.text, "dateline-lead")
    published, modified = published_and_modified(
        tree, structured, url, selector=selectors.get("date"), fetched_at=fetched_at, hint=hint, dateline=dateline,
        checked=checked)
    for name, dated in (("published_at", published), ("modified_at", modified)):
        if dated is not None:
            f.offer(name, iso(dated.value), dated.rule)
    if published is not None:
        f.offer("published_raw", published.raw, published.rule)
    # "передает корреспондент агентства" names the publisher: its dateline's agency, else the outlet
    agency = (dateline.agency if dateline else None) or (outlet.name if outlet is not None else None)
    attributions = find_attributions("\n".join(paragraphs), agency) or find_attributions(article.lead, agency)
    attribution = main_attribution(attributions)
    f.offer("source", attribution.text if attribution else None, "attribution")
    f.offer("sources", [_source(a) for a in attributions], "attribution")
    f.offer("editions", _editions(structured, url, hint), "hreflang")
    f.offer("story", outlet.story_key(url) if outlet is not None else None, "outlet")

    lang, lang_rule = detect_language(
        url, outlet=outlet, html_lang=text_value(ld, "inLanguage") or structured.html_lang,
        text=article.body or article.headline or "", hint_lang=hint.lang if hint else None,
    )
    f.offer("lang", lang, lang_rule or "")

    f.offer("content_hash", text_digest(article.headline, article.body), "sha256")
    return article

"""Which language edition of an outlet a captured URL belongs to, read from the registry's own data.

A live crawl knows an article's edition from the start point that found it; a capture in a web archive
comes with its URL alone.  The registry says where each edition starts (its feeds, sitemaps, listings and
daily archives: hosts and paths), and the URL says the rest, as ``extract.language`` reads a page's
language from it.  In order:

1. an outlet with one edition: that edition, whatever the URL (extraction reads its language so too);
2. the host: the editions whose start points are on the URL's host (``www.`` aside), so a language
   subdomain names its edition (``kaz.tengrinews.kz``, ``qz.inform.kz``, ``rus.azattyq.org``,
   ``lat.egemen.kz``); on a host no start point uses (a former domain, another subdomain), every edition;
3. a language in the URL: its first path segment (``/rus/``, ``/kz/``, ``/en/``; an AMP copy's ``/amp/``
   aside), else a language subdomain below the outlet's domain (``en.inform.kz``), else a later path
   segment (``/rss/kz``) or a ``lang=`` parameter: the editions of that language, among those of the host
   first, else among all (a URL in a language the outlet has no edition for belongs to none);
4. a section only some editions start from (vlast.kz's ``/novosti/``, ``/vlast-qazaqsha/``, ``/english/``);
5. else the first edition left, in the registry's order (an outlet lists its unmarked edition first).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from kznews.extract.language import language_code
from kznews.sites import Edition, Outlet

_LANG_PARAMETERS = ("lang", "language", "hl")


def edition_of(outlet: Outlet, url: str) -> Edition | None:
    """The edition of ``outlet`` that ``url`` belongs to (see the module); None when its language is one the
    outlet has no edition for, or the outlet has no edition at all."""
    if len(outlet.editions) <= 1:
        return outlet.editions[0] if outlet.editions else None
    parts = urlsplit(url)
    host = _bare(parts.hostname or "")
    segments = [s for s in parts.path.lower().split("/") if s]
    if segments[:1] == ["amp"]:
        segments = segments[1:]
    starts = _starts(outlet)
    candidates = [ed for ed in outlet.editions if host in starts[ed][0]] or list(outlet.editions)
    lang = _language(outlet, host, segments, parts.query)
    if lang is not None:
        candidates = ([ed for ed in candidates if ed.lang == lang]
                      or [ed for ed in outlet.editions if ed.lang == lang])
    if segments and len(candidates) > 1:
        section = [ed for ed in candidates if segments[0] in starts[ed][1]]
        candidates = section or candidates
    return candidates[0] if candidates else None


def language_root(path: str) -> bool:
    """True for an edition's front page by its path: ``/rus/``, ``/kz``, ``/en/`` (one segment naming a language)."""
    segments = [s for s in path.lower().split("/") if s]
    return len(segments) == 1 and _code(segments[0]) is not None


def _bare(host: str) -> str:
    return host.lower().removeprefix("www.")


@lru_cache(maxsize=256)
def _starts(outlet: Outlet) -> dict[Edition, tuple[frozenset[str], frozenset[str]]]:
    """Each edition's start-point hosts and first path segments."""
    found = {}
    for ed in outlet.editions:
        urls = [urlsplit(point.url) for point in ed.start_points()]
        found[ed] = (frozenset(_bare(u.hostname or "") for u in urls),
                     frozenset(u.path.lower().strip("/").split("/")[0] for u in urls))
    return found


def _code(word: str) -> str | None:
    """The language a whole URL word names ("rus", "kz", "en"); a slug that merely starts like one names none."""
    return language_code(word) if word.isalpha() else None


def _language(outlet: Outlet, host: str, segments: list[str], query: str) -> str | None:
    """The language the URL names: its first path segment, a subdomain below the outlet's domain, a later
    path segment or a ``lang=`` parameter, in that order."""
    if segments and (lang := _code(segments[0])):
        return lang
    domain = next((d for d in outlet.hosts if host == d or host.endswith("." + d)), None)
    below = host.removesuffix(domain).rstrip(".").split(".") if domain and host != domain else []
    if below and (lang := _code(below[0])):
        return lang
    for segment in segments[1:]:
        if lang := _code(segment):
            return lang
    return next((lang for name, value in parse_qsl(query) if name.lower() in _LANG_PARAMETERS
                 if (lang := language_code(value))), None)

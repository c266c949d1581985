"""The registry's contract: which keys an outlet entry may have, of which types, and what each must hold.

``problems(data)`` reads a parsed registry file (``{"outlets": {...}}``) and returns every problem at
once, each named by its TOML path (``outlets.kt.editions[0].sitemap: unknown key (did you mean "sitemaps"?)``),
so a typo never loads as an outlet with no start points.  Entries are data; this module is their only checker.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from cssselect import GenericTranslator, SelectorError

# The selectors extraction reads (kznews.extract): anything else would be silently ignored.
SELECTORS = ("headline", "body", "date", "tickers")
LANGS = ("ru", "kk", "en")
SCRIPTS = ("cyrl", "latn")
START_POINTS = ("feeds", "sitemaps", "listings", "archives")

Check = Callable[[str, Any], Iterator[str]]


def _is_str(path: str, value: Any) -> Iterator[str]:
    if not isinstance(value, str) or not value.strip():
        yield f"{path}: expected a non-empty string, got {value!r}"


def _is_int(path: str, value: Any) -> Iterator[str]:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        yield f"{path}: expected a whole number of at least 1, got {value!r}"


def _is_year(path: str, value: Any) -> Iterator[str]:
    if not isinstance(value, int) or isinstance(value, bool) or not 1990 <= value <= 2100:
        yield f"{path}: expected a year, got {value!r}"


def _is_url(path: str, value: Any) -> Iterator[str]:
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).hostname:
        yield f"{path}: expected an http(s) URL, got {value!r}"


def _is_regex(path: str, value: Any) -> Iterator[str]:
    yield from _is_str(path, value)
    if isinstance(value, str):
        try:
            re.compile(value)
        except re.error as exc:
            yield f"{path}: not a regular expression ({exc})"


def _is_story(path: str, value: Any) -> Iterator[str]:
    problems = list(_is_regex(path, value))
    yield from problems
    if not problems and re.compile(value).groups < 1:
        yield f"{path}: needs a group, the story id the editions share"


def _is_css(path: str, value: Any) -> Iterator[str]:
    yield from _is_str(path, value)
    if isinstance(value, str):
        try:
            GenericTranslator().css_to_xpath(value)
        except SelectorError as exc:
            yield f"{path}: not a CSS selector ({exc})"


def _is_domain(path: str, value: Any) -> Iterator[str]:
    yield from _is_str(path, value)
    if isinstance(value, str) and ("/" in value or ":" in value or " " in value):
        yield f"{path}: expected a host name such as 'inform.kz', got {value!r}"


def _is_url_template(**sample: Any) -> Check:
    """An http(s) URL, once its placeholders (``sample``'s names, e.g. ``{n}``, ``{date:%Y-%m-%d}``) are filled."""
    def check(path: str, value: Any) -> Iterator[str]:
        if not isinstance(value, str):
            yield from _is_url(path, value)
            return
        try:
            filled = value.format(**sample)
        except (KeyError, IndexError, ValueError) as exc:
            yield f"{path}: placeholders other than {', '.join('{' + name + '}' for name in sample)} ({exc!r})"
            return
        yield from _is_url(path, filled)
    return check


def _is_archive(path: str, value: Any) -> Iterator[str]:
    yield from _is_url_template(date=date(2024, 3, 1))(path, value)
    if isinstance(value, str) and "{date" not in value:
        yield f"{path}: a daily archive's template needs {{date:...}}, got {value!r}"


def _list_of(check: Check, non_empty: bool = False) -> Check:
    def checked(path: str, value: Any) -> Iterator[str]:
        if not isinstance(value, list):
            yield f"{path}: expected a list, got {value!r}"
            return
        if non_empty and not value:
            yield f"{path}: must not be empty"
        for i, item in enumerate(value):
            yield from check(f"{path}[{i}]", item)
    return checked


def _table(fields: Mapping[str, Check], required: tuple[str, ...] = ()) -> Check:
    def checked(path: str, value: Any) -> Iterator[str]:
        if not isinstance(value, dict):
            yield f"{path}: expected a table, got {value!r}"
            return
        for key in required:
            if key not in value:
                yield f"{path}: missing {key!r}"
        for key, item in value.items():
            if key in fields:
                yield from fields[key](f"{path}.{key}", item)
            else:
                near = difflib.get_close_matches(key, list(fields), n=1)
                hint = f' (did you mean "{near[0]}"?)' if near else f" (known: {', '.join(fields)})"
                yield f"{path}.{key}: unknown key{hint}"
    return checked


def _choice(options: tuple[str, ...]) -> Check:
    def check(path: str, value: Any) -> Iterator[str]:
        if value not in options:
            yield f"{path}: expected one of {', '.join(options)}, got {value!r}"
    return check


_LISTING = _table({"url": _is_url, "next": _is_url_template(n=2, offset=20), "max_pages": _is_int, "step": _is_int},
                  required=("url",))


_EDITION_FIELDS: dict[str, Check] = {
    "lang": _choice(LANGS),
    "script": _choice(SCRIPTS),
    "feeds": _list_of(_is_url),
    "sitemaps": _list_of(_is_url_template(n=1)),
    "listings": _list_of(_LISTING),
    "archives": _list_of(_is_archive),
}


def _edition(path: str, value: Any) -> Iterator[str]:
    yield from _table(_EDITION_FIELDS, required=("lang",))(path, value)
    if isinstance(value, dict) and not any(value.get(key) for key in START_POINTS):
        yield f"{path}: no start point (give at least one of {', '.join(START_POINTS)})"
    if isinstance(value, dict) and value.get("lang") != "kk" and "script" in value:
        yield f"{path}.script: only a Kazakh (kk) edition has a script"


_OUTLET = _table({
    "name": _is_str,
    "domains": _list_of(_is_domain, non_empty=True),
    "domains_history": _list_of(_table({"domain": _is_domain, "from": _is_year, "until": _is_year},
                                       required=("domain",))),
    "articles": _list_of(_is_regex, non_empty=True),
    "not_articles": _list_of(_is_url),
    "aliases": _list_of(_is_str),
    "story": _is_story,
    "selectors": _table(dict.fromkeys(SELECTORS, _is_css)),
    "editions": _list_of(_edition, non_empty=True),
}, required=("name", "domains", "articles", "editions"))


def problems(data: Any) -> list[str]:
    """Every problem of a parsed registry file, each named by its TOML path."""
    if not isinstance(data, dict) or not isinstance(data.get("outlets", {}), dict):
        return ["expected [outlets.<key>] tables"]
    found = [f"{key}: unknown top-level key (only [outlets.<key>] tables)" for key in data if key != "outlets"]
    for key, entry in data.get("outlets", {}).items():
        found.extend(_OUTLET(f"outlets.{key}", entry))
    return found

"""`kznews fixture save`: one live page kept as a saved-page fixture, for review.

A fixture is ``<dir>/<outlet>/<name>.html`` (the bytes as served) and ``<name>.json``
(``url``, ``fetched_at``, ``constructed``, ``kind``, ``note``, ``expected``), the format
``tests/sites/saved_pages.py`` reads.  ``expected`` holds what extraction gives today,
shaped as ``tests/sites/test_outlet_pages.py`` compares it, for a person to check.
The page is one plain GET (kznews's user agent, a timeout, a size cap) of an http(s)
URL on the outlet's domains, or on the ``mirror`` host; redirects must stay there.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

from kznews import settings
from kznews.errors import KznewsError
from kznews.extract import extract_page
from kznews.items import PageRecord
from kznews.sites import Outlet

NOTE = "saved by kznews fixture save; review expected"
TIMEOUT = 30.0  # seconds
MAX_BYTES = settings.DOWNLOAD_MAXSIZE
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
ARTICLE_FIELDS = ("headline", "published_at", "published_raw", "modified_at", "lang", "dateline",
                  "source", "authors", "section", "tags", "canonical_url")
EDGE = 80  # characters of the body's start and end kept as expectations


class FixtureError(KznewsError, ValueError):
    """A page that cannot be saved as a fixture (bad URL, fetch failed, fixture exists)."""


def source_url(outlet: Outlet, url: str, mirror: str | None) -> str:
    """Where to GET ``url``: itself, or the same path on ``mirror``; refuses foreign URLs."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FixtureError(f"not an http(s) URL: {url!r}")
    if mirror is None:
        if not outlet.owns_host(parts.hostname):
            raise FixtureError(f"{url} is not on {outlet.key}'s domains ({', '.join(outlet.domains)})")
        return url
    base = urlsplit(mirror)
    if base.scheme not in ("http", "https") or not base.hostname:
        raise FixtureError(f"--mirror: not an http(s) URL: {mirror!r}")
    if not (outlet.owns_host(parts.hostname) or parts.netloc == base.netloc):
        raise FixtureError(f"{url} is on neither {outlet.key}'s domains nor the mirror {base.netloc}")
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))


class _Redirects(HTTPRedirectHandler):
    """Follow redirects only to http(s) URLs on the hosts allowed."""

    def __init__(self, allowed: Callable[[str, str], bool]) -> None:
        self.allowed = allowed

    def redirect_request(self, req: Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Request | None:
        parts = urlsplit(newurl)
        if parts.scheme not in ("http", "https") or not self.allowed(parts.netloc, parts.hostname or ""):
            fp.close()
            raise FixtureError(f"{req.full_url} redirects off the outlet, to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, outlet: Outlet, mirror: str | None) -> bytes:
    """The body of one GET of ``url`` (2xx, at most ``MAX_BYTES``); ``FixtureError`` otherwise."""
    mirror_netloc = urlsplit(mirror).netloc if mirror else None

    def allowed(netloc: str, host: str) -> bool:
        return outlet.owns_host(host) or netloc == mirror_netloc

    opener = build_opener(_Redirects(allowed))
    request = Request(url, headers={"User-Agent": settings.USER_AGENT})
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            body = response.read(MAX_BYTES + 1)
    except HTTPError as exc:
        exc.close()
        raise FixtureError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except URLError as exc:
        raise FixtureError(f"{url}: {exc.reason}") from None
    except OSError as exc:  # timeouts, resets
        raise FixtureError(f"{url}: {exc}") from None
    if len(body) > MAX_BYTES:
        raise FixtureError(f"{url}: larger than {MAX_BYTES} bytes")
    return body


def expected(record: PageRecord) -> dict[str, Any]:
    """What extraction gives today, in the fixture's ``expected`` fields."""
    found: dict[str, Any] = {"kind": record.kind}
    article = record.article
    if article is not None:
        found |= {name: value for name in ARTICLE_FIELDS if (value := getattr(article, name))}
        if article.body:
            found |= {"body_start": article.body[:EDGE], "body_end": article.body[-EDGE:]}
    if record.links:
        first = record.links[0]
        found["links_min"] = len(record.links)
        found["link"] = {k: getattr(first, k) for k in ("url", "headline", "published_raw", "published_at")}
    if record.tickers:
        found["tickers"] = {q.pair: q.value for q in record.tickers}
    return found


def default_name(url: str) -> str:
    """A fixture name from the URL alone (never from the page)."""
    return "page-" + hashlib.sha256(url.encode()).hexdigest()[:12]


def paths(outlet: Outlet, url: str, directory: Path, name: str | None, force: bool) -> tuple[Path, Path]:
    """The fixture's ``.html`` and ``.json`` paths; refuses a bad name, or an existing fixture unless ``force``."""
    name = name or default_name(url)
    if not NAME.fullmatch(name):
        raise FixtureError(f"--name {name!r}: use letters, digits, '.', '_' and '-' (no slash)")
    folder = directory / outlet.key
    page, meta = folder / f"{name}.html", folder / f"{name}.json"
    if not force and (page.exists() or meta.exists()):
        raise FixtureError(f"fixture {outlet.key}/{name} exists in {directory} (--force replaces it)")
    return page, meta


def save(outlet: Outlet, url: str, body: bytes, page: Path, meta: Path) -> None:
    """Write the page and its JSON, ``expected`` from extracting it as the saved-page tests do."""
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    record = extract_page(body, url, outlet=outlet, fetched_at=fetched_at)
    fixture = {"url": url, "fetched_at": fetched_at, "constructed": False, "kind": record.kind,
               "note": NOTE, "expected": expected(record)}
    try:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(body)
        meta.write_text(json.dumps(fixture, ensure_ascii=False, indent=1) + "\n", "utf-8")
    except OSError as exc:
        raise FixtureError(f"{page.parent}: cannot write ({exc.strerror or exc})") from None

"""Common Crawl's index, as its public API describes it: the list of crawls, each crawl's CDX API.

- ``collinfo.json``: a JSON list of crawls, ``{"id", "name", "timegate", "cdx-api", "from", "to"}``.
  There is no index across crawls: each crawl's ``cdx-api`` is asked on its own.
- ``<cdx-api>?url=<domain>&matchType=domain&output=json``: NDJSON, one capture a line (``urlkey,
  timestamp, url, mime, mime-detected, status, digest, length, offset, filename, languages,
  encoding``).  ``showNumPages=true`` answers ``{"pages": N, ...}``; then ``page=0`` … ``N-1``.
  No captures: HTTP 404 with a JSON ``message``.
- Records: ``GET <data server>/<filename>`` with ``Range: bytes=<offset>-<offset+length-1>`` answers
  206 with one gzip member, one WARC record (``records.py`` reads it).

URL builders and parsers only; the spider does the requests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlencode

from kznews.backfill.cdx import BadIndexLine, IndexEntry, cdx_bound, integer


@dataclass(frozen=True)
class Crawl:
    """One Common Crawl crawl: its id, CDX API and the time it covers (None: not stated)."""

    id: str
    cdx_api: str
    start: datetime | None
    end: datetime | None

    def overlaps(self, since: date | None, until: date | None) -> bool:
        """True unless the crawl ended before ``since`` or started after ``until`` (UTC days)."""
        if since and self.end and self.end.date() < since:
            return False
        return not (until and self.start and self.start.date() > until)


def _moment(value: object) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_collinfo(body: bytes) -> list[Crawl]:
    """The crawls ``collinfo.json`` lists; ``BadIndexLine`` when it is not that list."""
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise BadIndexLine(f"collinfo.json is not JSON: {exc}") from None
    if not isinstance(data, list):
        raise BadIndexLine("collinfo.json is not a list of crawls")
    crawls = []
    for entry in data:
        if isinstance(entry, dict) and entry.get("id") and entry.get("cdx-api"):
            crawls.append(Crawl(str(entry["id"]), str(entry["cdx-api"]), _moment(entry.get("from")),
                                _moment(entry.get("to"))))
    return crawls


def index_url(crawl: Crawl, domain: str, since: date | None, until: date | None, page: int | None = None) -> str:
    """The CDX query for every capture of ``domain`` and its subdomains in the window; ``page`` None asks how
    many pages the answer has (``showNumPages``)."""
    params = {"url": domain, "matchType": "domain", "output": "json", "filter": "=status:200",
              "from": cdx_bound(since, end=False), "to": cdx_bound(until, end=True)}
    params |= {"showNumPages": "true"} if page is None else {"page": str(page)}
    return f"{crawl.cdx_api}?{urlencode({k: v for k, v in params.items() if v is not None})}"


def parse_index(body: bytes, crawl: str) -> Iterator[IndexEntry | BadIndexLine]:
    """The captures of an NDJSON answer, one per line; a line that is not one is yielded as ``BadIndexLine``."""
    for line in body.splitlines():
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
            if not isinstance(fields, dict):
                raise BadIndexLine(f"not a JSON object: {line[:80]!r}")
            yield IndexEntry(
                url=str(fields["url"]), timestamp=str(fields["timestamp"]), status=integer(fields.get("status")),
                mime=str(fields.get("mime-detected") or fields.get("mime") or ""),
                digest=fields.get("digest"), length=integer(fields.get("length")), offset=integer(fields.get("offset")),
                filename=fields.get("filename"), crawl=crawl,
            )
        except (ValueError, KeyError) as exc:  # json's errors and BadIndexLine are ValueErrors
            yield exc if isinstance(exc, BadIndexLine) else BadIndexLine(f"{type(exc).__name__}: {line[:80]!r}")


def record_request(data_server: str, entry: IndexEntry) -> tuple[str, str]:
    """The URL and ``Range`` header that fetch exactly ``entry``'s record."""
    if entry.filename is None or entry.offset is None or not entry.length:
        raise BadIndexLine(f"no record location for {entry.url}")
    return f"{data_server.rstrip('/')}/{entry.filename}", f"bytes={entry.offset}-{entry.offset + entry.length - 1}"

"""The Wayback Machine's CDX search and raw playback, as its public API describes them.

- ``/cdx/search/cdx?url=<domain>&matchType=domain&output=json&collapse=digest&from=…&to=…``: a JSON list of
  lists whose first row is the header (``urlkey, timestamp, original, mimetype, statuscode, digest,
  length``); ``collapse=digest`` drops a capture whose digest equals the one before it.
- ``/web/<timestamp>id_/<original>``: the capture as it was served (no toolbar, links not rewritten).

URL builders and parsers only; the spider does the requests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlencode

from kznews.backfill.cdx import BadIndexLine, IndexEntry, cdx_bound, integer

_PLAYBACK = re.compile(r"/web/(\d{4,14})id_/(.+)$")


def search_url(base: str, domain: str, since: date | None, until: date | None) -> str:
    """The CDX search for every 200 capture of ``domain`` and its subdomains in the window, repeats collapsed."""
    params = {"url": domain, "matchType": "domain", "output": "json", "collapse": "digest",
              "filter": "statuscode:200", "from": cdx_bound(since, end=False), "to": cdx_bound(until, end=True)}
    return f"{base.rstrip('/')}/cdx/search/cdx?{urlencode({k: v for k, v in params.items() if v is not None})}"


def parse_search(body: bytes) -> Iterator[IndexEntry | BadIndexLine]:
    """The captures of a list-of-lists answer; a row that is not one is yielded as ``BadIndexLine``.

    An empty answer (``[]`` or nothing) has no captures; one that is not a JSON list is a ``BadIndexLine``.
    """
    if not body.strip():
        return
    try:
        rows = json.loads(body)
    except ValueError as exc:
        yield BadIndexLine(f"not JSON: {exc}")
        return
    if not isinstance(rows, list) or (rows and not isinstance(rows[0], list)):
        yield BadIndexLine("not a list of rows")
        return
    if not rows:
        return
    header = [str(name) for name in rows[0]]
    for row in rows[1:]:
        try:
            if not isinstance(row, list) or len(row) != len(header):
                raise BadIndexLine(f"row does not match the header: {str(row)[:80]}")
            fields = dict(zip(header, row, strict=True))
            yield IndexEntry(
                url=str(fields["original"]), timestamp=str(fields["timestamp"]),
                status=integer(fields.get("statuscode")), mime=str(fields.get("mimetype") or ""),
                digest=fields.get("digest") or None, length=integer(fields.get("length")),
            )
        except (BadIndexLine, KeyError) as exc:
            yield exc if isinstance(exc, BadIndexLine) else BadIndexLine(f"row lacks {exc}")


def playback_url(base: str, entry: IndexEntry) -> str:
    """The raw capture of ``entry`` (``id_``: as the site served it)."""
    return f"{base.rstrip('/')}/web/{entry.timestamp}id_/{entry.url}"


def playback_target(url: str) -> tuple[str, str] | None:
    """``(timestamp, original URL)`` of a raw-playback URL (the Wayback Machine may redirect to a nearer
    timestamp), or None when ``url`` is not one."""
    m = _PLAYBACK.search(url)
    return (m.group(1), m.group(2)) if m else None

"""The Wayback Machine's CDX search and raw playback, as its public API describes them.

- ``/cdx/search/cdx?url=<domain>&matchType=domain&output=json&collapse=digest&from=…&to=…``: a JSON list of
  lists whose first row is the header (``urlkey, timestamp, original, mimetype, statuscode, digest,
  length``); ``collapse=digest`` drops a capture whose digest equals the one before it.
- Paging, for a domain of millions of captures: ``showNumPages=true`` answers a bare number N (pages of the
  secondary "zipnum" index, so a page may hold few or no captures once filtered), then ``page=0`` … ``N-1``;
  a server without that index answers 400.  Within a page (or an unpaged query) the server stops at its
  query limit; with ``showResumeKey=true`` such an answer ends with an empty row and a row holding the
  resumption key, and the same query with ``resumeKey=<key>`` goes on from there.
- ``/web/<timestamp>id_/<original>``: the capture as it was served (no toolbar, links not rewritten).

URL builders and parsers only; the spider does the requests.
"""

from __future__ import annotations

import json
import re
from datetime import date
from urllib.parse import urlencode

from kznews.backfill.cdx import BadIndexLine, IndexEntry, cdx_bound, integer

_PLAYBACK = re.compile(r"/web/(\d{4,14})id_/(.+)$")


# Pages of a paged search: ask how many (``NUM_PAGES``), or for no page at all (``UNPAGED``, the whole answer
# in one query continued by resumption keys, for a server that cannot page).
NUM_PAGES = -1
UNPAGED = None


def search_url(base: str, domain: str, since: date | None, until: date | None, page: int | None = UNPAGED,
               resume_key: str | None = None) -> str:
    """The CDX search for every 200 capture of ``domain`` and its subdomains in the window, repeats collapsed:
    how many pages it has (``page=NUM_PAGES``), one page, or the whole (``UNPAGED``); from ``resume_key`` on."""
    params = {"url": domain, "matchType": "domain", "output": "json", "collapse": "digest",
              "filter": "statuscode:200", "from": cdx_bound(since, end=False), "to": cdx_bound(until, end=True)}
    if page == NUM_PAGES:
        params["showNumPages"] = "true"
    else:
        params |= {"page": None if page is None else str(page), "showResumeKey": "true", "resumeKey": resume_key}
    return f"{base.rstrip('/')}/cdx/search/cdx?{urlencode({k: v for k, v in params.items() if v is not None})}"


def parse_search(body: bytes) -> tuple[list[IndexEntry | BadIndexLine], str | None]:
    """The captures of a list-of-lists answer (a row that is not one as a ``BadIndexLine``) and its resumption
    key (None: the query is complete).

    An empty answer (``[]`` or nothing) has no captures; one that is not a JSON list of rows is one
    ``BadIndexLine``.
    """
    if not body.strip():
        return [], None
    try:
        rows = json.loads(body)
    except ValueError as exc:
        return [BadIndexLine(f"not JSON: {exc}")], None
    if not isinstance(rows, list) or (rows and not isinstance(rows[0], list)):
        return [BadIndexLine("not a list of rows")], None
    if not rows:
        return [], None
    resume_key = None
    if len(rows) >= 3 and rows[-2] == [] and isinstance(rows[-1], list) and len(rows[-1]) == 1:
        resume_key, rows = str(rows[-1][0]), rows[:-2]  # an empty row, then the key
    header = [str(name) for name in rows[0]]
    found: list[IndexEntry | BadIndexLine] = []
    for row in rows[1:]:
        try:
            if not isinstance(row, list) or len(row) != len(header):
                raise BadIndexLine(f"row does not match the header: {str(row)[:80]}")
            fields = dict(zip(header, row, strict=True))
            found.append(IndexEntry(
                url=str(fields["original"]), timestamp=str(fields["timestamp"]),
                status=integer(fields.get("statuscode")), mime=str(fields.get("mimetype") or ""),
                digest=fields.get("digest") or None, length=integer(fields.get("length")),
            ))
        except (BadIndexLine, KeyError) as exc:
            found.append(exc if isinstance(exc, BadIndexLine) else BadIndexLine(f"row lacks {exc}"))
    return found, resume_key


def playback_url(base: str, entry: IndexEntry) -> str:
    """The raw capture of ``entry`` (``id_``: as the site served it)."""
    return f"{base.rstrip('/')}/web/{entry.timestamp}id_/{entry.url}"


def playback_target(url: str) -> tuple[str, str] | None:
    """``(timestamp, original URL)`` of a raw-playback URL (the Wayback Machine may redirect to a nearer
    timestamp), or None when ``url`` is not one."""
    m = _PLAYBACK.search(url)
    return (m.group(1), m.group(2)) if m else None

"""What a CDX index says of one capture, whichever archive's index said it.

Common Crawl's index (``commoncrawl.py``) and the Wayback Machine's (``wayback.py``) answer in
different shapes with the same fields; both become ``IndexEntry``.  Pure functions, no I/O.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

# Media types of the HTML pages a backfill keeps (a CDX ``mime`` is what the server declared).
HTML_TYPES = ("text/html", "application/xhtml+xml")


class BadIndexLine(ValueError):
    """A line (or row) of an index answer that is not a capture: counted, never fatal."""


@dataclass(frozen=True)
class IndexEntry:
    """One capture as an index lists it."""

    url: str
    timestamp: str  # YYYYMMDDhhmmss, UTC
    status: int | None  # None: the index left it out (revisits, some old captures)
    mime: str
    digest: str | None  # base32 SHA-1 of the payload
    length: int | None  # bytes of the record (Common Crawl: the gzip member; Wayback: the capture)
    offset: int | None = None  # Common Crawl: where the record starts in its WARC file
    filename: str | None = None  # Common Crawl: the WARC file, relative to the data server
    crawl: str | None = None  # Common Crawl: the crawl id the entry came from

    @property
    def captured_at(self) -> str:
        """The capture time as the archive stores times: ISO 8601, UTC."""
        return capture_time(self.timestamp).isoformat(timespec="seconds")

    def is_html_page(self) -> bool:
        """A 200 response declared (or detected) as HTML: what a backfill fetches."""
        return self.status == 200 and self.mime.split(";")[0].strip().lower() in HTML_TYPES


@dataclass(frozen=True)
class CaptureWindow:
    """The --since/--until days of a backfill, in capture time (UTC days); open ends accept any capture.

    A capture time is not a publication time: an article published on the 31st may be captured on the 1st.
    """

    since: date | None = None
    until: date | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> CaptureWindow:
        window = cls(date.fromisoformat(since) if since else None, date.fromisoformat(until) if until else None)
        if window.since and window.until and window.since > window.until:
            raise ValueError(f"since {since} is after until {until}")
        return window

    def run_args(self) -> dict[str, str | None]:
        """The window as a run's ``runs`` row records it (``since``/``until``: YYYY-MM-DD, None when open)."""
        return {"since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None}

    def holds(self, entry: IndexEntry) -> bool:
        day = capture_time(entry.timestamp).date()
        return not ((self.since and day < self.since) or (self.until and day > self.until))


def capture_time(timestamp: str) -> datetime:
    """A CDX timestamp (14 digits; fewer mean the start of that year, month...) as a UTC datetime."""
    if not (timestamp.isascii() and timestamp.isdigit() and 4 <= len(timestamp) <= 14):
        raise BadIndexLine(f"bad timestamp {timestamp!r}")
    padded = timestamp + "0101000000"[len(timestamp) - 4:] if len(timestamp) < 14 else timestamp
    try:
        return datetime.strptime(padded, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        raise BadIndexLine(f"bad timestamp {timestamp!r}") from None


def cdx_bound(day: date | None, end: bool) -> str | None:
    """A --since/--until day as a CDX ``from``/``to`` value (``to`` takes the whole day)."""
    if day is None:
        return None
    return day.strftime("%Y%m%d") + ("235959" if end else "000000")


def parse_num_pages(body: bytes) -> int:
    """How many pages a ``showNumPages`` answer announces: Common Crawl's ``{"pages": N, ...}`` or the Wayback
    Machine's bare number."""
    try:
        data = json.loads(body)
        pages = int(data["pages"] if isinstance(data, dict) else data)
    except (ValueError, KeyError, TypeError):
        raise BadIndexLine(f"not a showNumPages answer: {body[:80]!r}") from None
    if pages < 0:
        raise BadIndexLine(f"not a showNumPages answer: {body[:80]!r}")
    return pages


def integer(value: object) -> int | None:
    """An index field that should be a number: None when absent or "-" (as CDX writes a missing value)."""
    if value in (None, "", "-"):
        return None
    try:
        return int(str(value))
    except ValueError:
        raise BadIndexLine(f"not a number: {value!r}") from None

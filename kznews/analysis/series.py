"""Currency ticker time series: one value per outlet per day, from the quotes pages showed.

A page's quote is observed when the page is fetched; the as-of date is that
moment's date in Asia/Almaty (UTC+6 until 2024-03-01, UTC+5 since).  An outlet
fetched several times a day gives several observations: the series keeps the
last value of the day and says how many there were.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kznews.errors import KznewsError
from kznews.storage.filters import ArticleFilter

ALMATY = ZoneInfo("Asia/Almaty")


class UnknownPair(KznewsError, ValueError):
    """A pair the archive holds no quotes of."""


@dataclass(frozen=True)
class Point:
    """One outlet's value of a pair on one day (Asia/Almaty)."""

    day: str
    site: str
    pair: str
    value: float
    observations: int
    last_observed_at: str


def normalize_pair(pair: str) -> str:
    """``usd/kzt`` -> ``USD/KZT``; a bare currency (``usd``) is quoted in tenge."""
    pair = pair.strip().upper().replace("-", "/")
    return pair if "/" in pair else f"{pair}/KZT"


def pairs(conn: sqlite3.Connection) -> list[str]:
    """The pairs the archive holds quotes of."""
    return [row[0] for row in conn.execute("SELECT DISTINCT pair FROM tickers ORDER BY pair")]


def _aware(moment: str) -> datetime:
    """An ISO 8601 timestamp as an aware datetime (one without an offset is UTC, as the archive writes)."""
    parsed = datetime.fromisoformat(moment)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def almaty_day(moment: str | None) -> str | None:
    """The Asia/Almaty date of an archive timestamp."""
    return _aware(moment).astimezone(ALMATY).date().isoformat() if moment else None


def series(conn: sqlite3.Connection, pair: str, window: ArticleFilter = ArticleFilter()) -> Iterator[Point]:
    """The daily series of ``pair`` per outlet, ordered by day then outlet.

    ``pair`` is taken as stored or normalized (``usd`` -> ``USD/KZT``). ``window`` is the readers' one filter:
    its site, and its inclusive bounds held against each quote's Asia/Almaty observation time (quotes have no
    language: ``lang`` does not apply).  Raises ``UnknownPair``.
    """
    for candidate in (pair, normalize_pair(pair)):
        if conn.execute("SELECT 1 FROM tickers WHERE pair = :pair LIMIT 1", {"pair": candidate}).fetchone():
            pair = candidate
            break
    else:
        known = ", ".join(pairs(conn)) or "none"
        raise UnknownPair(f"no quotes of {normalize_pair(pair)} in the archive (pairs: {known})")
    # Stored times are UTC: a day of margin on each side covers any local offset.
    since, until = window.since, window.until
    low = (date.fromisoformat(since[:10]) - timedelta(days=1)).isoformat() if since else None
    high = (date.fromisoformat(until[:10]) + timedelta(days=2)).isoformat() if until else None
    days: dict[tuple[str, str], list[Any]] = {}  # (day, site) -> [latest UTC time, id, value, count]
    rows = conn.execute(
        "SELECT id, coalesce(site, ''), observed_at, value FROM tickers"
        " WHERE pair = :pair AND (:site IS NULL OR site = :site)"
        " AND (:low IS NULL OR observed_at >= :low) AND (:high IS NULL OR observed_at < :high)",
        {"pair": pair, "site": window.site, "low": low, "high": high},
    )
    for row_id, row_site, observed_at, value in rows:
        instant = _aware(observed_at)
        local = instant.astimezone(ALMATY)
        if not window.holds(local.isoformat()):
            continue
        day = local.date().isoformat()
        stamp = instant.astimezone(UTC).isoformat()
        latest = days.setdefault((day, row_site), [stamp, row_id, value, 0])
        latest[3] += 1
        if (stamp, row_id) > (latest[0], latest[1]):
            latest[:3] = [stamp, row_id, value]
    for (day, row_site), (stamp, _, value, count) in sorted(days.items()):
        yield Point(day=day, site=row_site, pair=pair, value=value, observations=count, last_observed_at=stamp)

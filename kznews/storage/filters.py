"""Which articles a reader asks for: one outlet, one language, an inclusive window of dates.

Every reader of the archive (``search``, ``export``, ``report``, ``tickers``) filters with this one class, so a window
means the same everywhere: ``since``/``until`` are inclusive ISO dates (or datetimes) compared with an article's
publication date, or with its fetch date when the publication date is unknown, and with a ticker quote's Asia/Almaty
observation time; a datetime bound compares to the precision given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kznews.storage.errors import QueryError


def _iso_bound(name: str, value: str | None) -> None:
    """Refuse a since/until bound that is not an ISO date or datetime."""
    if value is None:
        return
    try:
        (datetime if "T" in value or " " in value else date).fromisoformat(value)
    except ValueError:
        raise QueryError(f"--{name} must be an ISO date like 2024-05-01, got {value!r}") from None


@dataclass(frozen=True)
class ArticleFilter:
    """Articles of ``site`` and ``lang`` (any when None) dated from ``since`` to ``until`` inclusive.

    Raises ``QueryError`` for a bound that is not an ISO date or datetime and for ``since`` after ``until``.
    """

    site: str | None = None
    lang: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        _iso_bound("since", self.since)
        _iso_bound("until", self.until)
        if self.since and self.until and self.since[:len(self.until)] > self.until:
            raise QueryError(f"--since {self.since} is after --until {self.until}")

    @property
    def active(self) -> bool:
        """Whether the filter leaves any article out."""
        return any(v is not None for v in (self.site, self.lang, self.since, self.until))

    def where(self, table: str = "a") -> str:
        """The SQL condition over ``table`` (an alias of ``articles``), with the named parameters of ``params``."""
        day = f"coalesce({table}.published_at, {table}.fetched_at)"
        return (f"(:site IS NULL OR {table}.site = :site) AND (:lang IS NULL OR {table}.lang = :lang)"
                f" AND (:since IS NULL OR substr({day}, 1, length(:since)) >= :since)"
                f" AND (:until IS NULL OR substr({day}, 1, length(:until)) <= :until)")

    def holds(self, moment: str) -> bool:
        """Whether an ISO date or datetime lies in the window: the rule of ``where``, for values computed in Python."""
        return not ((self.since and moment[:len(self.since)] < self.since)
                    or (self.until and moment[:len(self.until)] > self.until))

    def params(self) -> dict[str, Any]:
        return {"site": self.site, "lang": self.lang, "since": self.since, "until": self.until}

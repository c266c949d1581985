"""Incremental crawling on a worker: what the archive holds comes with the claim, not from SQLite.

A worker does not open the archive (it may be on another machine).  ``kznews store`` keeps the
run's ``{p}:archived`` hash -- URL (and canonical URL) of every archived article -> when it was
last fetched and its validators -- seeded from the archive when the writer starts and updated
after each batch it commits; a claim hands each request what the hash says of its URL.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from kznews.distributed.scheduler import ARCHIVED
from kznews.middlewares.incremental import ArchivedSkipMiddleware

if TYPE_CHECKING:
    from scrapy import Request, Spider


class SharedArchivedSkipMiddleware(ArchivedSkipMiddleware):
    """``ArchivedSkipMiddleware`` reading the claim's archive record instead of the SQLite archive."""

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        self.claimed = request.meta.get(ARCHIVED)
        super().process_request(request, spider)

    def lookup(self, url: str) -> tuple[str, str | None, str | None] | None:
        """The archive record the claim brought for the request being processed (``url``'s)."""
        if not self.claimed:
            return None
        fetched_at, etag, last_modified = json.loads(self.claimed)
        return fetched_at, etag, last_modified

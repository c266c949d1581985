"""The worker's last item pipeline: each page goes to the run's Redis stream, for ``kznews store``.

It takes ``StorePipeline``'s place on a worker of a shared run: workers never open the SQLite
archive.  A stream entry is the page item as extraction left it (the record, the packed raw
body), pickled; it is sent in order with the worker's other Redis operations, before the
request it came from is marked done, so a page is either in the stream or its request is
still held (and requeued if the worker dies).  When the page is the last thing its request
still had to send (``ClaimTracker.last_item``: an article page, as a rule), the request is
forgotten in the same step: a worker killed after it does not have the page fetched again.
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

from kznews.items import PageItem

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

    from kznews.distributed.claims import ClaimTracker
    from kznews.distributed.link import Link


class StreamPipeline:
    """Send each page item to ``{p}:pages`` (XADD), tagged with the run and the worker."""

    def __init__(self, crawler: Crawler, link: Link, tracker: ClaimTracker) -> None:
        self.crawler = crawler
        self.link = link
        self.tracker = tracker

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from kznews.distributed import link_for
        from kznews.distributed.claims import tracker_for

        return cls(crawler, link_for(crawler), tracker_for(crawler))

    def process_item(self, item: PageItem) -> PageItem:
        stats = self.crawler.stats
        assert stats is not None
        fields: list[str | bytes] = ["kind", "page", "run", str(stats.get_value("kznews/shared/run")), "worker", self.link.worker,
                  "data", pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)]
        claim = self.tracker.last_item(item)
        if claim is not None:
            claim.sent = True
        link, k = self.link, self.link.keys
        keys = [k.pages, k.inflight(link.worker), k.inflight_n]
        args: list[str | bytes] = [claim.id if claim is not None else "", *fields]
        link.send(lambda pipe: link.scripts.stream(keys=keys, args=args, client=pipe))
        stats.inc_value("kznews/shared/streamed")
        return item

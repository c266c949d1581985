"""The worker's last item pipeline: each page goes to the run's Redis stream, for ``kznews store``.

It takes ``StorePipeline``'s place on a worker of a shared run: workers never open the SQLite
archive.  A stream entry is the page item as extraction left it (the record, the packed raw
body), pickled; it is sent in order with the worker's other Redis operations, before the
request it came from is marked done, so a page is either in the stream or its request is
still held (and requeued if the worker dies).
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

from kznews.items import PageItem

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

    from kznews.distributed.link import Link


class StreamPipeline:
    """Send each page item to ``{p}:pages`` (XADD), tagged with the run and the worker."""

    def __init__(self, crawler: Crawler, link: Link) -> None:
        self.crawler = crawler
        self.link = link

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from kznews.distributed import link_for

        return cls(crawler, link_for(crawler))

    def process_item(self, item: PageItem) -> PageItem:
        stats = self.crawler.stats
        assert stats is not None
        entry = {"kind": "page", "run": str(stats.get_value("kznews/shared/run")), "worker": self.link.worker,
                 "data": pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)}
        stream = self.link.keys.pages
        self.link.send(lambda pipe: pipe.xadd(stream, entry))  # type: ignore[arg-type]
        stats.inc_value("kznews/shared/streamed")
        return item

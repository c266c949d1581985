"""Re-extraction: run extraction again over the raw pages an archive keeps, in parallel, written in batches.

A backfill after an extractor improvement reads every kept page again: the main process reads
and decompresses pages and writes batches (``Archive.store_records``, one transaction each);
worker processes extract, normalize and derive the search index, a bounded number of pages in
flight, so memory stays flat however large the archive.  Results are stored in page order.  A page that fails to extract
is counted and reported, and the others go on; a batch is all-or-nothing, so an interrupted run
leaves every earlier batch stored, and running it again changes only what differs.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TypeVar

from kznews import sites
from kznews.extract import extract_item
from kznews.extract.normalize import normalize
from kznews.items import PageItem, PageRecord
from kznews.sites import Outlet
from kznews.storage import Archive
from kznews.storage.indexing import index_record
from kznews.workers import extraction_pool

T = TypeVar("T")
IN_FLIGHT_PER_WORKER = 8  # pages handed to each worker ahead of the one it is on: workers never wait on the reader


@dataclass
class Tally:
    """What a re-extraction did."""

    pages: int = 0
    changed: int = 0  # articles whose extracted content changed (or that a page now yields for the first time)
    errors: list[str] = field(default_factory=list)  # "<url>: <error>", one per page that failed to extract


def extract_again(item: PageItem, outlet: Outlet | None) -> PageRecord | str:
    """What the page says now (normalized, with its article's search index), or the error that stopped its
    extraction, as one line.  The index is derived here, in the worker, as a crawl's workers do: the writer then
    only files it (it derives one itself only for a text that changed after)."""
    try:
        record = extract_item(item, outlet)
    except Exception as exc:  # one broken page must not stop the others
        return f"{item.url}: {type(exc).__name__}: {exc}"
    normalize(record)
    index_record(record)
    return record


def default_workers() -> int:
    """One worker per core: the main process only reads, hands out and writes pages, so it adds little load."""
    return os.cpu_count() or 1


def reextract(archive: Archive, *, site: str | None = None, workers: int = 1, batch_size: int = 500,
              on_error: Callable[[str], None] | None = None,
              on_progress: Callable[[Tally], None] | None = None) -> Tally:
    """Extract every kept page again (the latest of each URL; ``site``: one outlet's) and store what changed.

    ``workers`` 0 extracts in this process.  ``on_error`` hears each page that failed, as it fails;
    ``on_progress`` hears the tally after each page (``changed`` counts stored batches).
    """
    tally = Tally()
    batch: list[tuple[int, PageRecord]] = []

    def store(page_id: int, found: PageRecord | str) -> None:
        tally.pages += 1
        if isinstance(found, str):
            tally.errors.append(found)
            if on_error is not None:
                on_error(found)
        else:
            batch.append((page_id, found))
            if len(batch) >= batch_size:
                flush()
        if on_progress is not None:
            on_progress(tally)

    def flush() -> None:
        if batch:
            result = archive.store_records(batch)
            tally.changed += result.updated_articles + result.new_articles
            batch.clear()

    pages = ((page_id, item, sites.for_url(item.url) or sites.adhoc(item.url))
             for page_id, item in archive.iter_pages(site=site))
    if workers <= 0:
        for page_id, item, outlet in pages:
            store(page_id, extract_again(item, outlet))
    else:
        for page_id, found in in_workers(pages, workers, extract_again):
            store(page_id, found)
    flush()
    return tally


def in_workers(pages: Iterator[tuple[int, PageItem, Outlet]], workers: int,
               work: Callable[[PageItem, Outlet], T], start: str = "spawn") -> Iterator[tuple[int, T | str]]:
    """``work`` of each ``(key, page, outlet)`` in ``workers`` processes (started by ``start``: see
    ``extraction_pool``), in order, a bounded window in flight (``reextract``: ``extract_again`` by page id;
    ``kznews import``: extraction and packing by record number).

    A worker that dies (a page crashing the parser, a kill) fails the pages in flight with it, which
    are reported like any failed page; new workers take the pages after them.
    """
    window: deque[tuple[int, str, Future[T]]] = deque()
    pool = extraction_pool(workers, start)

    def result(page_id: int, url: str, future: Future[T]) -> tuple[int, T | str]:
        try:
            return page_id, future.result()
        except BrokenProcessPool as exc:
            return page_id, f"{url}: an extraction worker died while this page was in flight ({exc})"

    try:
        for page_id, item, outlet in pages:
            try:
                future = pool.submit(work, item, outlet)
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = extraction_pool(workers, start)
                future = pool.submit(work, item, outlet)
            window.append((page_id, item.url, future))
            if len(window) >= workers * IN_FLIGHT_PER_WORKER:
                yield result(*window.popleft())
        while window:
            yield result(*window.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

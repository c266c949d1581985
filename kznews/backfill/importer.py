"""``kznews import``: WARC and ARC files from any crawler into the archive.

Common Crawl and CC-NEWS downloads, Heritrix, Browsertrix, ``kznews export --format warc``: every 200
HTML response of a registry outlet is archived as a page with its ``Capture`` (origin "warc": the
file, the record's offset and id, its payload digest), extracted and stored as a crawl stores a
live page; with ``all_sites`` every other site's pages too, as ad-hoc sites.  Everything else is
counted and skipped: other sites, other statuses, non-HTML payloads, records already archived (by
URL and payload digest, so importing a file again reads it but stores nothing twice), and records
that cannot be read.  Extraction, the search index and packing run in worker processes
(``reextract.in_workers``), forked: this process runs no threads, and forked workers start with the
extraction stack it has imported instead of importing it again each; this process reads the files and
writes batches, one transaction each.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kznews import sites
from kznews.backfill.records import BadRecord, Response, iter_responses
from kznews.items import Capture, DiscoveryHint, PackedBody, PageItem, PageRecord
from kznews.reextract import extract_again, in_workers
from kznews.sites import Outlet
from kznews.storage import Archive
from kznews.storage.indexing import index_record
from kznews.storage.packing import pack


@dataclass
class ImportTally:
    """What an import read, archived and skipped."""

    records: int = 0  # response records read
    pages: int = 0  # pages archived (extracted and stored)
    new_articles: int = 0
    updated_articles: int = 0
    tickers: int = 0
    other_sites: int = 0
    not_ok: int = 0  # a status other than 200
    not_html: int = 0
    archived: int = 0  # captures already in the archive
    errors: list[str] = field(default_factory=list)  # "<file>: <why>", one per unreadable record or failed page


def _item(response: Response, path: Path, outlet: Outlet) -> PageItem:
    """The page a record holds, as a crawl would have fetched it; a kznews export's own headers give back
    its kind, edition and discovery hint."""
    own = response.kznews or {}
    kind = own.get("kind") or (
        ("article" if outlet.is_article_url(response.url) else "listing") if outlet.registered else "page")
    return PageItem(
        url=response.url, status=response.status, headers=response.headers, body=response.body,
        fetched_at=response.date, site=outlet.key, edition=own.get("edition"), kind=kind,
        hint=DiscoveryHint(**json.loads(own["hint"])) if own.get("hint") else None,
        capture=Capture("warc", response.digest, {
            "file": str(path), "offset": response.offset, "record_id": response.record_id or "",
            **({"exported_origin": own["origin"]} if own.get("origin") else {})}),
    )


def _pages(paths: Iterable[Path], archive: Archive, tally: ImportTally, all_sites: bool,
           on_error: Callable[[str], None]) -> Iterator[tuple[int, PageItem, Outlet]]:
    """The records to archive, numbered, as ``in_workers`` takes them; the others counted."""
    seen: set[tuple[str, str]] = set()
    n = 0
    for path in paths:
        with path.open("rb") as stream:
            for response in iter_responses(stream):
                if isinstance(response, BadRecord):
                    tally.errors.append(f"{path}: {response}")
                    on_error(tally.errors[-1])
                    continue
                tally.records += 1
                outlet = sites.for_url(response.url) or (_adhoc(response.url) if all_sites else None)
                if outlet is None:
                    tally.other_sites += 1
                elif response.status != 200:
                    tally.not_ok += 1
                elif not response.is_html():
                    tally.not_html += 1
                elif (key := (response.url, response.digest)) in seen or archive.archived_captures([key]):
                    tally.archived += 1
                else:
                    seen.add(key)
                    n += 1
                    yield n, _item(response, path, outlet), outlet


def extract_and_pack(item: PageItem, outlet: Outlet) -> tuple[PageRecord | str, PackedBody]:
    """What the page says (or why it could not be extracted) with its article's search index, and its body packed
    for the archive: all in a worker, as the crawl's ``ExtractPipeline`` does, so the process that reads the files
    and writes the archive does as little as it can (packing and ``index_record`` are the writer's largest costs
    per real page)."""
    record = extract_again(item, outlet)
    if not isinstance(record, str):
        index_record(record)  # after normalization: the writer takes it as derived from the text it stores
    return record, pack(item.body)


def _adhoc(url: str) -> Outlet | None:
    try:
        return sites.adhoc(url)
    except ValueError:  # not an http(s) URL (dns:, ftp:, a WARC's metadata target)
        return None


def import_files(
    archive: Archive, paths: Iterable[Path], *, all_sites: bool = False, workers: int = 1, batch_size: int = 500,
    on_error: Callable[[str], None] = lambda line: None, on_progress: Callable[[ImportTally], None] | None = None,
) -> ImportTally:
    """Archive the pages of the WARC/ARC ``paths`` (``workers`` extraction processes; 0: extract here)."""
    tally = ImportTally()
    paths = list(paths)
    run_id = archive.start_run("import", {"archive": "warc", "files": [str(p) for p in paths], "all": all_sites})
    batch: list[PageItem] = []
    items: dict[int, PageItem] = {}

    def flush() -> None:
        if batch:
            result = archive.store(batch, run_id=run_id)
            tally.new_articles += result.new_articles
            tally.updated_articles += result.updated_articles
            tally.tickers += result.tickers
            batch.clear()

    def numbered() -> Iterator[tuple[int, PageItem, Outlet]]:
        for n, item, outlet in _pages(paths, archive, tally, all_sites, on_error):
            items[n] = item
            yield n, item, outlet

    found: Iterator[tuple[int, tuple[PageRecord | str, PackedBody] | str]] = (
        in_workers(numbered(), workers, extract_and_pack, start="fork") if workers > 0
        else ((n, extract_and_pack(i, o)) for n, i, o in numbered()))
    outcome = "failed"
    try:
        for n, done in found:
            item = items.pop(n)
            record = done if isinstance(done, str) else done[0]  # a str: the worker died with the page
            if not isinstance(done, str):
                item.packed, item.body = done[1], b""  # the batch holds the packed copy only
            if isinstance(record, str):  # kept raw all the same, as a crawl keeps a page it could not extract
                tally.errors.append(record)
                on_error(record)
            else:
                item.record = record
            batch.append(item)
            tally.pages += 1
            if len(batch) >= batch_size:
                flush()
            if on_progress is not None:
                on_progress(tally)
        flush()
        outcome = "finished"
    except KeyboardInterrupt:
        outcome = "interrupted"
        raise
    finally:
        archive.finish_run(run_id, outcome, {f"kznews/import/{k}": v if isinstance(v, int) else len(v)
                                             for k, v in vars(tally).items()})
    return tally

"""The web-archive commands: backfill (Common Crawl, the Wayback Machine) and import (WARC/ARC files).

Both write the archive named by the group's ``--db``, hold its writer lock (a second writer exits 6), record a
``runs`` row and print one summary line; ``backfill`` drives Scrapy as ``crawl`` does (progress line on a
terminal, the same exit codes), ``import`` extracts on every core.
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import click

from kznews import exitcodes, settings
from kznews.cli.crawling import crawl_options, worker_outcome
from kznews.cli.options import (
    DeferredChoice,
    check_window,
    check_writable,
    default_workers,
    iso_date,
    reader,
    registered,
)
from kznews.storage import Archive


@click.command()
@click.argument("outlets", nargs=-1, required=True)
@click.option("--from", "source", type=DeferredChoice("kznews.backfill.spider", "SOURCES"), required=True,
              metavar="ARCHIVE",  # named in the help: --help does not import the spider to list them
              help="The web archive: commoncrawl (its index, record by record) or wayback (the Wayback Machine).")
@click.option("--since", callback=iso_date, help="Captures from this day on (YYYY-MM-DD, capture time).")
@click.option("--until", callback=iso_date, help="Captures up to this day (YYYY-MM-DD, capture time).")
@click.option("--edition", help="Only this language edition's URLs (ru, kk, en).")
@click.option("--max-articles", type=click.IntRange(min=0), default=0,
              help="Article captures per outlet at most (0: no limit).")
@crawl_options
@click.pass_obj
def backfill(obj: dict[str, Any], outlets: tuple[str, ...], source: str, since: str | None, until: str | None,
             edition: str | None, max_articles: int, overrides: dict[str, str], verbose: bool, redis: str) -> None:
    """Backfill outlets from a web archive: what they published before kznews crawled them.

    Every domain of each outlet (former ones included) is looked up in the archive's index, and
    each capture of an article, homepage or listing page is fetched on its own (a byte range of a
    Common Crawl WARC file; the Wayback Machine's raw capture), then extracted and stored as a live
    page is, with its origin, capture time and the archive's record.  Relative dates and datelines
    without a year are read against the capture time.  Captures already archived are not fetched
    again: a backfill stopped at any moment resumes where it was.

    Polite by default: Common Crawl's index one request a second (KZNEWS_CC_INDEX_DELAY), its data
    server 4 at a time, the Wayback Machine one request every 2.5 s (KZNEWS_WAYBACK_DELAY); a 429 or
    503 waits for its Retry-After, or a backoff doubling from KZNEWS_ARCHIVE_BACKOFF seconds.

    With --redis, this process is one worker of a shared backfill (as `crawl --redis`): the workers
    share the archive's index and its records, each fetched by one of them, and `kznews store
    --redis URL` writes the archive.

    \b
    Examples:
        kznews backfill tengrinews --from commoncrawl --since 2016-01-01 --until 2016-12-31
        kznews backfill inform --from wayback --since 2022-01-01 --until 2022-01-31 --edition ru
        kznews backfill kt --from commoncrawl --redis redis://crawlhost:6379/0   # one worker of a shared run

    Exit codes as for `crawl`: 0 done, 3 some requests failed, 4 failed, 5 stopped by a limit,
    6 another run holds the archive.
    """
    check_window(since, until)
    registered(outlets, edition)
    if redis:
        from kznews.distributed.link import connect

        connect(redis).close()  # RedisUnavailable: one line
    else:
        check_writable(obj["db"])
    # the extraction stack: after the checks, so a refusal is at once
    from kznews.backfill.spider import ArchiveSpider
    from kznews.crawl import run_crawl

    started = time.monotonic()
    summary = run_crawl(
        obj["db"], {"site": ",".join(outlets), "source": source, "edition": edition, "max_articles": max_articles,
                    "since": since, "until": until},
        {"KZNEWS_COMMAND": "backfill", **overrides, "KZNEWS_REDIS_URL": redis}, progress=sys.stderr.isatty(),
        verbose=verbose, spider=ArchiveSpider,
    )
    if redis:  # the captures listed, fetched and archived are the writer's figures (kznews stats)
        summary = worker_outcome(summary)
        f = summary.figures
        click.echo(f"backfill {' '.join(outlets)} from {source}: {summary.outcome} in "
                   f"{time.monotonic() - started:.1f} s: {f['pages']} records, {f['errors']} errors "
                   f"-> the shared run at {redis}")
        sys.exit(summary.exit_code)
    with closing(reader(obj["db"])) as conn:
        row = conn.execute("SELECT stats FROM runs WHERE id = ?", (summary.run_id,)).fetchone()
    stats = json.loads(row[0]) if row and row[0] else {}

    def n(key: str) -> int:
        return int(stats.get(f"kznews/backfill/{key}", 0))

    f = summary.figures
    click.echo(
        f"backfill {' '.join(outlets)} from {source}: {summary.outcome} in {time.monotonic() - started:.1f} s: "
        f"{n('captures_listed')} captures listed, {n('captures_archived')} already archived, "
        f"{n('captures_requested')} fetched ({n('record_bytes')} bytes for records of {n('record_length')}); "
        f"{f['new']} new, {f['updated']} updated articles, {f['tickers']} ticker quotes; "
        f"{n('bad_index_lines')} bad index lines, {n('bad_records')} unreadable records, {n('not_html')} not HTML, "
        f"{f['errors']} errors -> {obj['db']} (run {summary.run_id})"
    )
    sys.exit(summary.exit_code)


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--all", "all_sites", is_flag=True, help="Archive every site's pages (sites not in the registry as ad-hoc sites).")
@click.option("--workers", type=click.IntRange(min=0), default=default_workers, show_default="one per core",
              help="Extraction processes (0: extract in this process).")
@click.pass_obj
def import_cmd(obj: dict[str, Any], files: tuple[str, ...], all_sites: bool, workers: int) -> None:
    """Import WARC or ARC files (gzip or not) from any crawler into the archive.

    Common Crawl and CC-NEWS downloads, Heritrix, Browsertrix and `kznews export --format warc` files:
    the registry's outlets' pages are archived (--all: every page), extracted on every core; other
    records are counted and skipped, as are pages already archived (importing a file twice stores
    nothing twice).  An unreadable record is reported and the others go on (exit 3).

    \b
    Examples:
        kznews import CC-NEWS-20220115123456-00001.warc.gz
        kznews --db copy.db import exports/all/pages.warc.gz
    """
    from kznews.backfill.importer import import_files

    started = time.monotonic()
    with Archive(obj["db"]) as archive:
        try:
            tally = import_files(archive, [Path(f) for f in files], all_sites=all_sites, workers=workers,
                                 batch_size=settings.KZNEWS_BATCH_SIZE, on_error=lambda line: click.echo(line, err=True))
        except KeyboardInterrupt:
            click.echo("import: interrupted; the pages stored so far are kept, run it again to go on", err=True)
            sys.exit(exitcodes.LIMIT)
    click.echo(
        f"import: {tally.records} records in {time.monotonic() - started:.1f} s: {tally.pages} pages archived, "
        f"{tally.new_articles} new, {tally.updated_articles} updated articles, {tally.tickers} ticker quotes; "
        f"skipped {tally.other_sites} of other sites, {tally.not_ok} not 200, {tally.not_html} not HTML, "
        f"{tally.archived} already archived; {len(tally.errors)} errors -> {obj['db']}"
    )
    sys.exit(exitcodes.PARTIAL if tally.errors else exitcodes.OK)


COMMANDS = (backfill, import_cmd)

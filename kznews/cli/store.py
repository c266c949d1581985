"""``kznews store``: the one writer of a shared run (``kznews/distributed/store.py``)."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

import click

from kznews import settings
from kznews.cli.options import check_writable, scrapy_settings

if TYPE_CHECKING:
    from kznews.distributed.store import StoreTally


@click.command()
@click.option("--redis", envvar="KZNEWS_REDIS_URL", required=True, metavar="redis://HOST:PORT/DB",
              help="The shared run's Redis (also KZNEWS_REDIS_URL).")
@click.option("--prefix", default=settings.KZNEWS_REDIS_PREFIX, show_default=True,
              help="The shared run's key prefix (workers: -s KZNEWS_REDIS_PREFIX=...).")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", callback=scrapy_settings,
              help="A setting (KZNEWS_BATCH_SIZE, KZNEWS_FLUSH_SECONDS, KZNEWS_SQLITE_CACHE_MIB), as for `crawl`.")
@click.pass_obj
def store(obj: dict[str, Any], redis: str, prefix: str, overrides: dict[str, str]) -> None:
    """Write the pages of a shared run's workers into the archive, until SIGTERM or Ctrl-C.

    Run it on the archive's machine, one at a time (the archive's lock: exit 6 if another run
    holds it). It first tells the workers what the archive already holds, so they fetch no
    archived article again; then it writes the workers' pages in batches and acknowledges each
    batch only once it is committed: killed at any moment it loses nothing and, restarted,
    writes nothing twice. SIGTERM or Ctrl-C: the batch in hand is committed, exit 0.

    \b
    Example (three machines):
        kznews store --redis redis://crawlhost:6379/0                # beside the archive
        kznews harvest --redis redis://crawlhost:6379/0              # on each crawling machine
    """
    from scrapy.settings import Settings

    from kznews.distributed.store import store as run_store  # Redis and the archive: no extraction stack

    started = time.monotonic()
    check_writable(obj["db"])

    def ready(tally: StoreTally) -> None:
        click.echo(f"store: {tally.seeded} archived URLs published; writing the pages of {redis} into {obj['db']}",
                   err=True)

    config = Settings()
    config.setmodule("kznews.settings", priority="project")
    config.setdict(overrides, priority="cmdline")
    tally = run_store(obj["db"], redis, prefix=prefix, batch_size=config.getint("KZNEWS_BATCH_SIZE"),
                      flush_seconds=config.getfloat("KZNEWS_FLUSH_SECONDS"),
                      cache_mib=config.getint("KZNEWS_SQLITE_CACHE_MIB"), on_ready=ready)
    runs = f", runs finished: {', '.join(map(str, tally.runs_finished))}" if tally.runs_finished else ""
    click.echo(f"store: stopped after {time.monotonic() - started:.1f} s: {tally.entries} entries, {tally.pages} pages,"
               f" {tally.new_articles} new articles in {tally.batches} batches{runs} -> {obj['db']}")
    sys.exit(0)


COMMANDS = [store]

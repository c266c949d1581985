"""The kznews command line: one command group whose --help is the documentation.

Each module holds one family of commands (``COMMANDS``): crawling (crawl, harvest, cron, extract, reextract),
the web archives' (backfill, import), the archive's readers (search, stats, sql), the analyst's (export, tickers,
report, serve) and the outlet maintainer's (sites, check, fixture).  ``options`` holds what they share.
"""

from __future__ import annotations

from kznews.cli import analyst, archive, backfill, crawling, outlets, store
from kznews.cli.group import DEFAULT_DB, main

for _module in (crawling, backfill, archive, analyst, outlets, store):
    for _command in _module.COMMANDS:
        main.add_command(_command)

__all__ = ["DEFAULT_DB", "main"]

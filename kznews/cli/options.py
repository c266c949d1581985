"""Shared pieces of the command line: date options, the read-only archive, output formats.

Every error here is one line (``click.ClickException``, exit 1), as the commands promise.
"""

from __future__ import annotations

import base64
import csv
import importlib
import json
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cached_property
from typing import Any

import click
from tabulate import tabulate

from kznews import sites
from kznews.storage import Archive, connect_readonly

FORMATS = click.Choice(["table", "json", "csv"])


class DeferredChoice(click.Choice[str]):
    """A choice among the values of ``module.name``, read when the option is first parsed or shown: a module that
    only a command's run needs (the extraction stack, the archive spider) is not imported to build the group, so
    every other command, and ``kznews --help``, starts without it."""

    def __init__(self, module: str, name: str) -> None:  # Choice's own would store the choices at once
        self._source = module, name
        self.case_sensitive = True

    @cached_property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]  # a cached_property, writeable as the attribute
        module, name = self._source
        return tuple(getattr(importlib.import_module(module), name))


def emit(rows: Sequence[dict[str, Any]], fmt: str, *, columns: Sequence[str] = (), noun: str = "rows") -> None:
    """Print rows as an aligned table, JSON lines or CSV.  Without rows, CSV still prints the header of
    ``columns`` (when given) and a table on a terminal says "0 <noun>"."""
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        fieldnames = list(rows[0]) if rows else list(columns)
        if fieldnames:
            writer = csv.DictWriter(sys.stdout, fieldnames=fieldnames)
            writer.writeheader()
            writer.writerows(rows)
    elif rows:
        click.echo(tabulate(rows, headers="keys", tablefmt="simple", maxcolwidths=_widths(rows)))
    elif sys.stdout.isatty():
        click.echo(f"0 {noun}")


TABLE_CELL = 200  # characters of one value a table shows; CSV and JSON print values whole
WRAP = 60  # a table wraps text columns at this width, never a column of URLs (they must stay copyable)


def _widths(rows: Sequence[dict[str, Any]]) -> list[int | None]:
    """Each column's wrapping width: ``WRAP`` for text, none for a column holding URLs."""
    def is_url(value: Any) -> bool:
        return isinstance(value, str) and value.startswith(("http://", "https://", "file://")) and " " not in value

    return [None if any(is_url(row.get(key)) for row in rows) else WRAP for key in rows[0]]


def _plain(value: Any) -> Any:
    """A value as CSV and JSON print it: bytes (a blob) as base64 text."""
    return base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value


def _cell(value: Any) -> Any:
    """A value as a table shows it: a blob as its size, a long text cut short with its length."""
    if isinstance(value, bytes):
        return f"<blob: {len(value)} bytes>"
    if isinstance(value, str) and len(value) > TABLE_CELL:
        return f"{value[:TABLE_CELL]}… ({len(value)} chars)"
    return value


def emit_stream(columns: list[str], rows: Iterable[tuple[Any, ...]], fmt: str, *, max_rows: int) -> None:
    """Print a result as its rows come: JSON lines and CSV (header always) print every row as it is read; a table
    shows the first ``max_rows`` and says how many it left out.  Blobs are base64 in JSON and CSV, their size in a
    table; a table cuts values longer than ``TABLE_CELL`` characters."""
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, map(_plain, row))), ensure_ascii=False))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(map(_plain, row))
        return
    shown: list[dict[str, Any]] = []
    left_out = 0
    for row in rows:
        if len(shown) < max_rows:
            shown.append(dict(zip(columns, map(_cell, row))))
        else:
            left_out += 1
    if shown:
        click.echo(tabulate(shown, headers="keys", tablefmt="simple", maxcolwidths=60))
    elif sys.stdout.isatty():
        click.echo("0 rows")
    if left_out:
        click.echo(f"… {left_out} more rows not shown (--max-rows, or --format csv or json for all)", err=True)


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A YYYY-MM-DD option's value, or a one-line error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.ClickException(f"--{param.name}: {value!r} is not a date like 2024-03-01") from None


def http_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An http(s) URL option's value (a ``RegistryError`` naming the option otherwise)."""
    if value is None:
        return None
    try:
        return sites.http_url(value)
    except sites.RegistryError as exc:
        raise sites.RegistryError(f"--{param.name}: {exc}") from None


def check_window(since: str | None, until: str | None) -> None:
    """Refuse a --since after --until."""
    if since and until and since > until:
        raise click.ClickException(f"--since {since} is after --until {until}")


def known_site(conn: sqlite3.Connection, site: str | None) -> None:
    """Refuse a --site that is neither a registry outlet nor an outlet of the archive: a typo would find nothing."""
    if site is None or site in sites.outlets():
        return
    if conn.execute("SELECT 1 FROM outlets WHERE site = ?", (site,)).fetchone() is None:
        raise click.ClickException(
            f"--site {site}: no such outlet in the registry or the archive (see `kznews sites`; registry: "
            f"{', '.join(sorted(sites.outlets()))})")


def check_writable(path: str) -> None:
    """Fail early, in one line, on an archive a writing command cannot use: damaged, foreign, read-only, or held
    by another run (``ArchiveBusy``: exit 6); before any crawl, index or Redis is asked."""
    Archive(path).close()


def reader(path: str) -> sqlite3.Connection:
    """The archive opened read-only (an ``ArchiveError`` when it cannot be)."""
    return connect_readonly(path)


def registered(keys: Sequence[str], edition: str | None = None) -> list[sites.Outlet]:
    """The registry's outlets named by ``keys``, each with ``edition`` when one is given (``UnknownOutlet`` or
    ``RegistryError`` otherwise)."""
    outlets = [sites.get(key) for key in keys]
    for outlet in outlets if edition else ():
        outlet.edition(edition)
    return outlets


def default_workers() -> int:
    """``--workers``' default: ``kznews.reextract``'s (one per core), imported only when a command that extracts
    runs (it imports the extraction stack)."""
    from kznews.reextract import default_workers as per_core

    return per_core()


def scrapy_settings(ctx: click.Context, param: click.Parameter, pairs: tuple[str, ...]) -> dict[str, str]:
    """``-s NAME=VALUE`` pairs as a dict of Scrapy settings, as ``scrapy crawl -s`` takes them."""
    found = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", ctx=ctx, param=param)
        found[name] = value
    return found

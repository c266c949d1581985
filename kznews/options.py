"""Shared pieces of the command line: date options, the read-only archive, output formats.

Every error here is one line (``click.ClickException``, exit 1), as the commands promise.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

import click
from tabulate import tabulate

from kznews.storage import ArchiveError, connect_readonly

FORMATS = click.Choice(["table", "json", "csv"])


def emit(rows: Sequence[dict[str, Any]], fmt: str) -> None:
    """Print rows as an aligned table, JSON lines or CSV."""
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    elif rows:
        click.echo(tabulate(rows, headers="keys", tablefmt="simple", maxcolwidths=60))


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A YYYY-MM-DD option's value, or a one-line error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.ClickException(f"--{param.name}: {value!r} is not a date like 2024-03-01") from None


def check_window(since: str | None, until: str | None) -> None:
    """Refuse a --since after --until."""
    if since and until and since > until:
        raise click.ClickException(f"--since {since} is after --until {until}")


def reader(path: str) -> sqlite3.Connection:
    """The archive opened read-only, or a one-line error."""
    try:
        return connect_readonly(path)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None

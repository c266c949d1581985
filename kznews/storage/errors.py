"""The errors the archive layer raises, and how SQLite errors become them.

Both are ``KznewsError``s: a one-line message meant for the person running ``kznews``, which the CLI
prints before it exits non-zero, never showing an SQLite traceback.
"""

from __future__ import annotations

import sqlite3

from kznews import exitcodes
from kznews.errors import KznewsError

BUSY_TIMEOUT_S = 10.0  # how long a writer waits for another writer's lock


class ArchiveError(KznewsError):
    """The archive cannot be opened or written (wrong file, read-only, disk full...)."""


class ArchiveBusy(ArchiveError):
    """Another writer (another kznews run) holds the archive's lock: its own exit code, so cron can tell it apart."""

    exit_code = exitcodes.BUSY


class QueryError(KznewsError):
    """A query was refused or failed (malformed search, write attempted, too slow...)."""


def explain(exc: sqlite3.Error, label: str) -> ArchiveError | None:
    """An ``ArchiveError`` for SQLite failures a user can act on, else None (a bug: re-raise)."""
    message = str(exc)
    if "file is not a database" in message:
        return ArchiveError(f"{label} is not a SQLite database")
    if "database or disk is full" in message:
        return ArchiveError(f"disk full while writing {label}; the batch was rolled back")
    if "readonly database" in message:
        return ArchiveError(f"{label} is read-only; kznews needs to write to it")
    if "unable to open database file" in message:
        return ArchiveError(f"cannot open {label} (check the path and its permissions)")
    if "database is locked" in message or "database is busy" in message:
        return ArchiveBusy(f"{label} is locked by another writer; is another kznews run still going?")
    if "disk I/O error" in message:
        return ArchiveError(f"disk I/O error on {label}")
    if "malformed" in message:
        return ArchiveError(f"{label} is damaged ({message}): restore a copy, or salvage it with "
                            f"`sqlite3 {label} .recover | sqlite3 recovered.db`")
    return None

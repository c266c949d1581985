"""Takedowns: what a recheck found of an archived article, and the removals kept per article (schema v14).

A recheck (``kznews recheck``, ``kznews harvest --recheck DAYS``) fetches archived articles again and gives each
answer that says something definite as a ``Check``: the article is there (a 200 with the article, a 304), or it
is gone (404, 410 or 451; a redirect to a page that is not the article; a stub in its place).  A 5xx, a timeout
or a host that cannot be reached says nothing of the article and is never a ``Check``.

``record`` keeps, per article, its removals in ``removals``, one row per episode:

- a first "gone" opens a suspected removal (``removed_at``: the time it was first seen, with its status, final
  URL and evidence); it is a removal only when the next definite answer says "gone" too (``confirmed_at``);
- "there" ends an open episode (``restored_at``): a confirmed removal is restored, a suspicion is cleared;
- a later "gone" starts over, with a new row.

Nothing the archive holds of the article is ever deleted or replaced: a takedown adds a row here, and the
article, its versions and its pages stay as they were.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# Statuses that answer "this article is not here any more": not found, gone, unavailable for legal reasons.
GONE_STATUSES = (404, 410, 451)
# A removal (its columns, unqualified) whose episode is open and confirmed: the article is removed now.
CONFIRMED = "confirmed_at IS NOT NULL AND restored_at IS NULL"


@dataclass(frozen=True)
class Archived:
    """An archived article as a recheck needs it: where to ask, with which validators, and what it said."""

    id: int
    url: str
    lang: str | None
    headline: str | None
    body: str | None
    etag: str | None = None  # the validators its latest stored page came with
    last_modified: str | None = None


@dataclass(frozen=True)
class Check:
    """One definite answer of a recheck about an archived article."""

    article_id: int
    checked_at: str  # ISO 8601, UTC
    gone: bool  # the article is gone (else: it is there)
    status: int | None = None  # the HTTP status of the answer (of the last one, after redirects)
    final_url: str | None = None  # where the request ended, after redirects
    reason: str | None = None  # why it is gone: "status", "redirect" or "stub"
    evidence: str | None = None  # the answer in a few words: "HTTP 410", "redirected to a listing: …"


def record(conn: sqlite3.Connection, checks: Sequence[Check], run_id: int | None) -> Counter[str]:
    """Apply ``checks`` (in the caller's transaction), in the order they were made; count what they did.

    The counts: ``present`` (there, nothing open), ``suspected`` (a first "gone"), ``removed`` (a second one in a
    row: the removal is recorded), ``still_removed``, ``restored`` (a removed article is there again) and
    ``cleared`` (a suspected one is there again: it was no removal).
    """
    done: Counter[str] = Counter()
    for check in sorted(checks, key=lambda c: c.checked_at):
        open_episode = conn.execute(
            "SELECT id, confirmed_at FROM removals WHERE article_id = ? AND restored_at IS NULL", (check.article_id,)
        ).fetchone()
        if not check.gone:
            if open_episode is not None:
                conn.execute("UPDATE removals SET restored_at = ? WHERE id = ?", (check.checked_at, open_episode[0]))
            done["present" if open_episode is None else "restored" if open_episode[1] else "cleared"] += 1
        elif open_episode is None:
            conn.execute(
                "INSERT INTO removals (article_id, removed_at, last_seen_gone_at, reason, status, final_url, evidence,"
                " run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (check.article_id, check.checked_at, check.checked_at, check.reason, check.status, check.final_url,
                 check.evidence, run_id),
            )
            done["suspected"] += 1
        else:
            conn.execute(
                "UPDATE removals SET confirmed_at = coalesce(confirmed_at, :at), last_seen_gone_at = :at WHERE id = :id",
                {"at": check.checked_at, "id": open_episode[0]},
            )
            done["still_removed" if open_episode[1] else "removed"] += 1
    return done

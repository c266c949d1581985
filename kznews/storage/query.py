"""Readers of the archive: full-text search, statistics, ad-hoc SQL.

Nothing here writes. Every connection is opened ``mode=ro`` and can run
while a crawl is writing (WAL). Values reach SQL only as named parameters.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kznews.storage import wordforms
from kznews.storage.errors import BUSY_TIMEOUT_S, ArchiveError, QueryError, explain
from kznews.storage.filters import ArticleFilter
from kznews.storage.folding import fold_query, snippet
from kznews.storage.removals import CONFIRMED, Archived
from kznews.storage.schema import SCHEMA_VERSION, archive_version, register_functions

# bm25 weights for (headline, lead, body): a hit in the headline counts most.
_BM25_WEIGHTS = "10.0, 4.0, 1.0"
# Ranking reads every match's column sizes and positions: a word found in half of a million
# articles costs seconds.  A ranked search scores the newest matches (highest ids) first,
# this many, and widens the window until enough of them pass the filters or all are in.
RANK_WINDOW = 2000
_ORDERS = {"rank": "rank", "date": "day DESC"}
READER_CACHE_MIB = 128
# A window's matches in one language, by the index of (lang, id): an article's row (its text beside) is not read.
_IN_LANG = (" AND EXISTS (SELECT 1 FROM articles AS a INDEXED BY idx_articles_lang"
            " WHERE a.lang = :lang AND a.id = articles_fold.rowid)")


def _versioned(path: Path, query: str) -> tuple[sqlite3.Connection, int]:
    """A connection opened with the URI ``query`` and the archive's schema version (closed on any error)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=BUSY_TIMEOUT_S,
                           isolation_level=None)
    try:
        return conn, archive_version(conn, str(path))
    except BaseException:
        conn.close()
        raise


def _unwritable_folder(path: Path) -> bool:
    """No ``-shm`` file beside the archive, and none can be made there."""
    return not Path(f"{path}-shm").exists() and not os.access(path.resolve().parent, os.W_OK)


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an existing archive read-only (``mode=ro``); ``ArchiveError`` if it is not one.

    A reader needs the archive's ``-shm`` file beside it (WAL mode), which SQLite creates when it is missing.
    Where it cannot (a folder the reader may not write, a read-only mount) and none is there, the archive is
    opened ``immutable``: without locks and without the ``-wal`` file, so it reads what was last checkpointed
    (every finished run checkpoints), and a writer changing the archive meanwhile is not seen.
    """
    path = Path(path)
    label = str(path)
    if not path.is_file():
        raise ArchiveError(f"no archive at {label}")
    try:
        conn, version = _versioned(path, "mode=ro")
    except sqlite3.Error as exc:
        if not _unwritable_folder(path):
            raise explain(exc, label) or ArchiveError(f"cannot read {label}: {exc}") from None
        try:
            conn, version = _versioned(path, "mode=ro&immutable=1")
        except sqlite3.Error as exc:
            raise explain(exc, label) or ArchiveError(f"cannot read {label}: {exc}") from None
    register_functions(conn)  # so a (refused) write fails on mode=ro, not on the triggers
    # Ranking reads the whole posting list of every term of a query (bm25's document frequencies): megabytes at a
    # million articles, which SQLite's default 2 MiB cache read again from the OS at each query.  A reader keeps
    # up to READER_CACHE_MIB of them (only what it reads is held): a reader running many searches (serve, report)
    # reads the lists of frequent words once.
    conn.execute(f"PRAGMA cache_size = {-1024 * READER_CACHE_MIB}")
    if version == 0:
        conn.close()
        raise ArchiveError(f"{label} is an empty database, not a kznews archive")
    if version < SCHEMA_VERSION:
        conn.close()
        raise ArchiveError(
            f"{label} has schema version {version}, older than this kznews ({SCHEMA_VERSION}); "
            "run a crawl or `kznews reextract` once to upgrade it"
        )
    return conn


def match_query(conn: sqlite3.Connection, query: str, *, exact: bool = False, lang: str | None = None) -> str:
    """``query`` as the archive's index reads it: folded, each bare word with its archived word forms
    (``word_forms``) unless ``exact``; ``lang`` (ru, kk) narrows the forms to that language's."""
    if exact:
        return fold_query(query)
    narrowed = lang if lang in ("ru", "kk") else None
    return fold_query(query, lambda word: wordforms.forms(conn, word, narrowed))


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    exact: bool = False,
    site: str | None = None,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    order: str = "rank",
    highlight: tuple[str, str] = ("[", "]"),
) -> list[dict[str, Any]]:
    """Full-text search of headline, lead and body, best matches first (bm25) or newest first.

    ``query`` uses FTS5 syntax: words, "phrases", ``prefix*``, AND/OR/NOT.
    Terms are folded (``kznews.storage.folding``): ``Токаев`` and ``Toqaev``
    find ``Тоқаев``, ``елка`` finds ``ёлка``.  A word finds its forms (``город``: города, городе;
    ``Қазақстан``: Қазақстанның, Қазақстанда); a "quoted" word or phrase, or every word with ``exact``,
    only the form typed. ``since``/``until`` are inclusive
    ISO dates (or datetimes) compared with ``published_at``, or ``fetched_at``
    when the date is unknown. ``order`` is "rank" (bm25, lower is better) or "date".
    For a frequent term, "rank" ranks the newest ``RANK_WINDOW`` matches (more if the
    filters leave fewer than ``limit``), not all of them: bounded time at any archive size.
    """
    if not query.strip():
        raise QueryError("empty search query")
    if limit < 1:
        raise QueryError(f"limit must be at least 1, got {limit}")
    if order not in _ORDERS:
        raise QueryError(f"order must be one of {', '.join(_ORDERS)}, got {order!r}")
    wanted = ArticleFilter(site=site, lang=lang, since=since, until=until)
    # The best ``limit`` ids first, reading only what ranking and filters need; the
    # articles' text is read for those alone (reading every match's body is the cost).
    if order == "date" or wanted.active and wanted != ArticleFilter(lang=lang):
        hits = f"""SELECT a.id, bm25(articles_fold, {_BM25_WEIGHTS}) AS rank,
                   coalesce(a.published_at, a.fetched_at) AS day
            FROM articles_fold JOIN articles AS a ON a.id = articles_fold.rowid
            WHERE articles_fold MATCH :query AND articles_fold.rowid >= :floor AND {wanted.where("a")}
            ORDER BY {_ORDERS[order]} LIMIT :limit"""
    else:  # ranked, no filter or the language alone: read from the index of (lang, id), not from each article's row
        in_lang = _IN_LANG if lang is not None else ""
        hits = f"""SELECT rowid AS id, bm25(articles_fold, {_BM25_WEIGHTS}) AS rank, NULL AS day
            FROM articles_fold WHERE articles_fold MATCH :query AND rowid >= :floor{in_lang} ORDER BY rank LIMIT :limit"""
    sql = f"""
        SELECT a.url, a.site, a.lang, a.headline, a.published_at, a.body, hits.rank
        FROM ({hits}) AS hits JOIN articles AS a ON a.id = hits.id
        ORDER BY {_ORDERS[order]}
    """
    params = {"query": match_query(conn, query, exact=exact, lang=lang), **wanted.params(), "limit": limit, "floor": 0}
    window = RANK_WINDOW if order == "rank" else None
    try:
        while True:
            if window is not None:  # the id of the window's oldest match; None: fewer matches than that
                row = conn.execute(
                    "SELECT rowid FROM articles_fold WHERE articles_fold MATCH :query"
                    " ORDER BY rowid DESC LIMIT 1 OFFSET :skip",
                    {"query": params["query"], "skip": window - 1},
                ).fetchone()
                params["floor"] = row[0] if row else 0
            cursor = conn.execute(sql, params)
            columns = [d[0] for d in cursor.description]
            rows = [dict(zip(columns, row, strict=True)) for row in cursor]
            if window is None or not params["floor"] or len(rows) >= limit:
                break
            window *= 8
    except sqlite3.OperationalError as exc:
        raise QueryError(f"invalid search query {query!r}: {exc}") from None
    for row in rows:
        body = row.pop("body")
        row["snippet"] = snippet(body, params["query"], mark=highlight)
    return rows


def editions_of(conn: sqlite3.Connection, urls: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The archived language editions of each article in ``urls``.

    Two articles are editions of one story when either links the other (hreflang,
    sitemap alternates) or both carry the same story key (a shared numeric id).
    """
    found: dict[str, list[dict[str, Any]]] = {url: [] for url in urls}
    if not urls:
        return found
    rows = conn.execute(
        """
        WITH u(url) AS (SELECT value FROM json_each(:urls))
        SELECT e.url, a.url, a.lang, a.headline, coalesce(e.evidence, 'link')
          FROM editions e JOIN u ON u.url = e.url JOIN articles a ON a.url = e.edition_url
        UNION
        SELECT e.edition_url, a.url, a.lang, a.headline, coalesce(e.evidence, 'link')
          FROM editions e JOIN u ON u.url = e.edition_url JOIN articles a ON a.url = e.url
        UNION
        SELECT x.url, a.url, a.lang, a.headline, 'story'
          FROM articles x JOIN u ON u.url = x.url
          JOIN articles a ON a.story = x.story AND a.id != x.id
        ORDER BY 1, 3
        """,
        {"urls": json.dumps(urls)},
    )
    seen: set[tuple[str, str]] = set()
    for of, url, lang, headline, evidence in rows:
        if (of, url) not in seen:
            seen.add((of, url))
            found[of].append({"url": url, "lang": lang, "headline": headline, "evidence": evidence})
    return found


def stories_of(conn: sqlite3.Connection, urls: list[str]) -> list[dict[str, Any]]:
    """The stories the articles at ``urls`` belong to, in the order of their first article in ``urls``: each with
    its first publication (``first_published``, ``first_publisher``, its ``headline`` and ``url``), its ``outlets``
    (comma-separated) and how many ``articles`` tell it (republished and rewritten copies, editions)."""
    rows = conn.execute(
        """
        WITH hits(url, n) AS (SELECT value, key FROM json_each(:urls)),
        wanted AS (SELECT s.story, min(h.n) AS n FROM hits h JOIN articles a ON a.url = h.url
                   JOIN stories s ON s.article_id = a.id GROUP BY s.story)
        SELECT min(coalesce(a.published_at, a.fetched_at)) AS first_published, a.site AS first_publisher,
               group_concat(DISTINCT a.site) AS outlets, count(*) AS articles, a.headline AS headline, a.url AS url
        FROM wanted w JOIN stories m ON m.story = w.story JOIN articles a ON a.id = m.article_id
        GROUP BY w.story ORDER BY w.n
        """,
        {"urls": json.dumps(urls)},
    )
    columns = [d[0] for d in rows.description]
    return [dict(zip(columns, row, strict=True)) for row in rows]


def removed(conn: sqlite3.Connection, query: str | None = None, *, exact: bool = False, site: str | None = None,
            lang: str | None = None, since: str | None = None, until: str | None = None,
            limit: int = 20) -> list[dict[str, Any]]:
    """The articles removed now (a removal two rechecks in a row confirmed, and not restored), the latest removal
    first: when it was first seen gone, the evidence (reason, status, final URL) and the article as archived.

    ``query`` (as ``search`` reads it) keeps the removed articles it matches; ``site``, ``lang``, ``since`` and
    ``until`` filter as they do in ``search``.
    """
    wanted = ArticleFilter(site=site, lang=lang, since=since, until=until)
    matching = "a.id IN (SELECT rowid FROM articles_fold WHERE articles_fold MATCH :query)" if query else "1"
    try:
        cursor = conn.execute(
            f"""SELECT r.removed_at, r.confirmed_at, a.site, a.lang, a.headline, a.published_at, r.reason, r.status,
                      r.evidence, r.final_url, a.url
               FROM removals AS r JOIN articles AS a ON a.id = r.article_id
               WHERE {CONFIRMED} AND {wanted.where("a")} AND {matching}
               ORDER BY r.removed_at DESC, a.id DESC LIMIT :limit""",
            {**wanted.params(), "limit": limit,
             "query": match_query(conn, query, exact=exact, lang=lang) if query else None},
        )
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor]
    except sqlite3.OperationalError as exc:
        raise QueryError(f"invalid search query {query!r}: {exc}") from None


def recheck_candidates(conn: sqlite3.Connection, wanted: ArticleFilter, *, before: int | None = None,
                       limit: int = 500, urls: Sequence[str] | None = None) -> list[Archived]:
    """The archived articles ``wanted`` selects (an outlet, a window) with an id below ``before``, newest first, at
    most ``limit``: what a recheck asks for, with the validators of each one's latest stored page.  ``urls``: only
    those archived at one of these URLs (a harvest's article requests, which a recheck answers too)."""
    at = " AND a.url IN (SELECT value FROM json_each(:urls))" if urls is not None else ""
    rows = conn.execute(
        "SELECT a.id, a.url, a.lang, a.headline, a.body,"
        " (SELECT headers FROM pages p WHERE p.url = a.url ORDER BY p.last_fetched_at DESC, p.id DESC LIMIT 1)"
        f" FROM articles AS a WHERE (:before IS NULL OR a.id < :before) AND {wanted.where('a')}{at}"
        " ORDER BY a.id DESC LIMIT :limit",
        {**wanted.params(), "before": before, "limit": limit, "urls": json.dumps(list(urls or ()))},
    ).fetchall()
    return [Archived(i, url, lang, headline, body, *_validators(headers))
            for i, url, lang, headline, body, headers in rows]


def stats(conn: sqlite3.Connection, *, days: int = 14) -> dict[str, Any]:
    """Archive totals, articles per outlet per day, per-outlet totals, the last runs and pages by source.

    The per-day window is the last ``days`` days up to the newest publication
    date in the archive (capped at tomorrow, so a mis-parsed future date does
    not hide the present). Days are the local dates as published.  Every outlet
    with articles has a count for every day of the window, 0 included: an outlet
    that published nothing on a day shows it instead of vanishing.
    """
    counted = dict(conn.execute("SELECT name, n FROM counts").fetchall())
    totals = {
        "articles": counted["articles"],
        "earlier_versions": counted["article_versions"],
        "pages": counted["pages"],
        "tickers": counted["tickers"],
        **dict(
            zip(
                ("links", "runs"),
                conn.execute("SELECT (SELECT count(*) FROM links), (SELECT count(*) FROM runs)").fetchone(),
                strict=True,
            )
        ),
    }
    # Each bound is read from an index: the newest date is the end of the published_at index, and
    # `published_at > :first` (implied by the day test) makes the window a range scan of it.
    (last_day,) = conn.execute(
        "SELECT min(substr(max(published_at), 1, 10), date('now', '+1 day')) FROM articles"
    ).fetchone()
    per_day = [
        {"site": site, "day": day, "articles": n}
        for site, day, n in conn.execute(
            """
            SELECT site, substr(published_at, 1, 10) AS day, count(*)
            FROM articles INDEXED BY idx_articles_published_at
            WHERE published_at > date(:last_day, '-' || :days || ' days')
              AND substr(published_at, 1, 10) <= :last_day
              AND substr(published_at, 1, 10) > date(:last_day, '-' || :days || ' days')
            GROUP BY site, day
            ORDER BY day, site
            """,
            {"days": days, "last_day": last_day},
        )
    ]
    if last_day is not None:
        counted_days = {(row["site"], row["day"]) for row in per_day}
        window = [(date.fromisoformat(last_day) - timedelta(days=i)).isoformat() for i in range(days - 1, -1, -1)]
        sites = [site for (site,) in conn.execute("SELECT site FROM outlets WHERE articles > 0 ORDER BY site")]
        per_day += [{"site": site, "day": day, "articles": 0}
                    for site in sites for day in window if (site, day) not in counted_days]
        per_day.sort(key=lambda row: (row["day"], row["site"] or ""))
    per_outlet = [
        {"site": site, "articles": n, "first_published": first, "last_published": last, "last_fetched": fetched}
        for site, n, first, last, fetched in conn.execute(
            # the counts kept by triggers; each date an index end (site, published_at / fetched_at)
            "SELECT site, articles,"
            " (SELECT min(published_at) FROM articles AS a WHERE a.site IS o.site),"
            " (SELECT max(published_at) FROM articles AS a WHERE a.site IS o.site),"
            " (SELECT max(fetched_at) FROM articles AS a WHERE a.site IS o.site)"
            " FROM outlets AS o WHERE articles > 0 ORDER BY articles DESC, site"
        )
    ]
    runs = [
        {
            "id": run_id,
            "command": command,
            "args": json.loads(args) if args else None,
            "started_at": started,
            "ended_at": ended,
            "outcome": outcome,
            "stats": json.loads(run_stats) if run_stats else None,
        }
        for run_id, command, args, started, ended, outcome, run_stats in conn.execute(
            "SELECT id, command, args, started_at, ended_at, outcome, stats FROM runs ORDER BY id DESC LIMIT 10"
        )
    ]
    # where the pages came from: live, or a web archive's or WARC file's capture (an index scan of pages.origin)
    captures = [{"source": origin, "pages": n} for origin, n in conn.execute(
        "SELECT origin, count(*) FROM pages GROUP BY origin ORDER BY count(*) DESC")]
    # takedowns per outlet: removed now, removed and restored since, suspected (one recheck found it gone)
    removals = [{"site": site, "removed": now, "restored": back, "suspected": suspected, "last_removed_at": last}
                for site, now, back, suspected, last in conn.execute(
        "SELECT a.site, count(CASE WHEN r.confirmed_at IS NOT NULL AND r.restored_at IS NULL THEN 1 END) AS now,"
        " count(CASE WHEN r.confirmed_at IS NOT NULL AND r.restored_at IS NOT NULL THEN 1 END),"
        " count(CASE WHEN r.confirmed_at IS NULL AND r.restored_at IS NULL THEN 1 END),"
        " max(CASE WHEN r.confirmed_at IS NOT NULL THEN r.removed_at END)"
        " FROM removals AS r JOIN articles AS a ON a.id = r.article_id GROUP BY a.site"
        " HAVING count(r.confirmed_at) + count(CASE WHEN r.restored_at IS NULL THEN 1 END) > 0 ORDER BY now DESC, a.site")]
    return {"totals": totals, "per_day": per_day, "per_outlet": per_outlet, "runs": runs, "captures": captures,
            "removals": removals}


# -- ad-hoc SQL -------------------------------------------------------------------

_LEADING_COMMENTS = re.compile(r"\A(?:\s+|--[^\n]*(?:\n|\Z)|/\*.*?\*/)*", re.DOTALL)
_READ_KEYWORDS = {"SELECT", "WITH", "EXPLAIN"}
_ALLOWED_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
_DENIED_FUNCTIONS = {"load_extension"}
_READ_PRAGMAS = {"data_version", "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list"}


def _authorize(action: int, arg1: str | None, arg2: str | None, _db: str | None, _trigger: str | None) -> int:
    """Allow reads and (safe) function calls; deny writes, ATTACH, PRAGMA, transactions.

    Two exceptions SQLite needs to read: connecting a virtual table (FTS5,
    ``pragma_table_info``) is reported as an UPDATE of sqlite_master, which
    cannot really be written here (read-only connection, ``writable_schema``
    denied); and a few PRAGMAs that only read (FTS5 checks ``data_version``).
    """
    if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master":
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in _READ_PRAGMAS:
        return sqlite3.SQLITE_OK
    if action not in _ALLOWED_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


MAX_VALUE_MIB = 32  # the longest string or blob a statement may make or read: randomblob(1e9) is refused


class SqlRows:
    """The result of one read-only statement: ``columns``, then its rows as they are iterated (never all held).

    The time limit covers the whole reading, not only the first row; a context manager (or ``close``) releases
    the connection.
    """

    def __init__(self, conn: sqlite3.Connection, cursor: sqlite3.Cursor, deadline: float, timeout: float) -> None:
        self.columns = [d[0] for d in cursor.description] if cursor.description else []
        self._conn, self._cursor, self._deadline, self._timeout = conn, cursor, deadline, timeout

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        with _translated(self._deadline, self._timeout):
            for row in self._cursor:
                yield row
                if time.monotonic() > self._deadline:
                    raise QueryError(f"query took longer than {self._timeout:g} s")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SqlRows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def _translated(deadline: float, timeout: float) -> Iterator[None]:
    """SQLite's errors while a statement runs, as one-line ``QueryError``s."""
    try:
        yield
    except sqlite3.ProgrammingError as exc:
        raise QueryError(str(exc)) from None  # several statements, missing parameter
    except sqlite3.DataError as exc:
        raise QueryError(f"a value is longer than {MAX_VALUE_MIB} MiB: {exc}") from None
    except sqlite3.DatabaseError as exc:
        if time.monotonic() > deadline and "interrupted" in str(exc):
            raise QueryError(f"query took longer than {timeout:g} s") from None
        if any(word in str(exc) for word in ("not authorized", "readonly", "may not be modified")):
            raise QueryError("not allowed: only reading the archive is permitted") from None
        if "too big" in str(exc):
            raise QueryError(f"a value is longer than {MAX_VALUE_MIB} MiB: {exc}") from None
        raise QueryError(f"SQL error: {exc}") from None


def run_sql(path: str | Path, sql: str, params: dict[str, Any] | None = None, *, timeout: float = 10.0) -> SqlRows:
    """Run one read-only SELECT/WITH/EXPLAIN statement; its rows are read as the result is iterated.

    Defence in depth: a ``mode=ro`` connection, ``PRAGMA query_only``, a statement-keyword check, an
    authorizer that allows only reads; bounds: ``timeout`` seconds for running and reading the whole result,
    ``MAX_VALUE_MIB`` for any one value (``QueryError`` when exceeded).
    """
    body = _LEADING_COMMENTS.sub("", sql)
    keyword = (body.split(None, 1) or [""])[0].upper()
    if keyword not in _READ_KEYWORDS:
        raise QueryError(f"only SELECT, WITH or EXPLAIN statements are allowed, not {keyword or 'an empty query'}")
    conn = connect_readonly(path)
    try:
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_MIB * 2**20)
        conn.execute("PRAGMA query_only = 1")
        conn.set_authorizer(_authorize)
        deadline = time.monotonic() + timeout
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 1000)
        with _translated(deadline, timeout):
            cursor = conn.execute(sql, params or {})
        return SqlRows(conn, cursor, deadline, timeout)
    except BaseException:
        conn.close()
        raise


def archived_captures(conn: sqlite3.Connection, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The ``(url, digest)`` pairs of ``pairs`` the archive holds a capture of, from any web archive or WARC file:
    a backfill or an import does not fetch or read them again."""
    if not pairs:
        return set()
    return set(conn.execute(
        "SELECT url, digest FROM captures WHERE (url, digest) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))",
        (json.dumps(pairs),),
    ).fetchall())


def article_fetch_info(
    conn: sqlite3.Connection, urls: list[str] | tuple[str, ...]
) -> dict[str, tuple[str, str | None, str | None]]:
    """``{url: (fetched_at, etag, last_modified)}`` for the ``urls`` archived as articles.

    For the incremental crawl: ``fetched_at`` is the latest fetch of the article
    (ISO 8601 UTC); ``etag`` and ``last_modified`` are the validators the latest
    stored page of that URL was served with (None when it had none).  A URL that
    is only some article's ``canonical_url`` counts as archived too.  Every row
    is fetched before returning, so no read transaction stays open between calls
    (an open one would keep the writer from checkpointing the WAL).
    """
    if not urls:
        return {}
    rows = conn.execute(
        "WITH wanted(u) AS (SELECT value FROM json_each(:u)),"
        " hit AS ("
        "  SELECT w.u AS asked, a.url AS url, a.fetched_at AS fetched_at FROM wanted w"
        "  JOIN articles a ON a.url = w.u"
        "  UNION ALL"
        "  SELECT w.u, a.url, a.fetched_at FROM wanted w"
        "  JOIN articles a ON a.canonical_url = w.u AND a.canonical_url <> a.url"  # the partial index (v10)
        "  WHERE NOT EXISTS (SELECT 1 FROM articles b WHERE b.url = w.u))"
        " SELECT asked, fetched_at,"
        "  (SELECT headers FROM pages p WHERE p.url = hit.url"
        "   ORDER BY p.last_fetched_at DESC, p.id DESC LIMIT 1)"
        " FROM hit",
        {"u": json.dumps(list(urls))},
    ).fetchall()
    found: dict[str, tuple[str, str | None, str | None]] = {}
    for asked, fetched_at, headers in rows:
        previous = found.get(asked)
        if previous is None or (fetched_at or "") > (previous[0] or ""):
            found[asked] = (fetched_at, *_validators(headers))
    return found


def _validators(headers: str | None) -> tuple[str | None, str | None]:
    """``(etag, last_modified)`` of a stored page's headers (JSON: name -> [values]); None where it had none."""
    etag = last_modified = None
    try:
        parsed = json.loads(headers) if headers else {}
    except ValueError:
        parsed = {}
    for name, values in parsed.items() if isinstance(parsed, dict) else ():
        value = values[0] if isinstance(values, list) and values else values
        if not isinstance(value, str):
            continue
        if name.lower() == "etag":
            etag = value
        elif name.lower() == "last-modified":
            last_modified = value
    return etag, last_modified

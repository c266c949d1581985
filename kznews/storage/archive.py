"""The archive writer: the one object that writes to the SQLite archive.

Each ``store`` call is one ``BEGIN IMMEDIATE`` transaction (a deferred
``BEGIN`` could fail at once with "database is locked" when it upgrades to a
write): a batch is either fully archived or not at all, so a hard kill never
leaves half an article behind, and a restart skips exactly what was committed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kznews.items import Article, DiscoveryHint, PageItem, PageRecord
from kznews.storage.errors import BUSY_TIMEOUT_S, ArchiveError, explain
from kznews.storage.lock import WriterLock
from kznews.storage.schema import (
    CONTENT_COLUMNS,
    archive_version,
    migrate,
    register_functions,
)

_JSON_COLUMNS = {"authors", "tags", "provenance"}
_HASHED_COLUMNS = [c for c in CONTENT_COLUMNS if c != "provenance"]


@dataclass
class StoreResult:
    """What one ``store``/``store_records`` call changed."""

    pages: int = 0  # page rows added (an identical re-fetch adds none)
    new_articles: int = 0
    updated_articles: int = 0  # content changed: current row updated, version added
    unchanged_articles: int = 0  # same content: only fetched_at/last_seen_at moved
    tickers: int = 0  # quotes added
    links: int = 0  # (listing, url) pairs added


def utc_now() -> str:
    """The current time as ISO 8601 UTC, the archive's timestamp format."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    # default=str: Scrapy stats hold datetimes.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def content_hash(article: Article) -> str:
    """The article's ``content_hash`` if the pipeline set one, else a hash of its content fields."""
    if article.content_hash:
        return article.content_hash
    content = {name: getattr(article, name) for name in _HASHED_COLUMNS}
    return hashlib.sha256(_json(content).encode()).hexdigest()


def _content_row(article: Article) -> dict[str, Any]:
    row = {name: getattr(article, name) for name in CONTENT_COLUMNS}
    for name in _JSON_COLUMNS:
        row[name] = _json(row[name])
    return row


def _check_path(path: Path, label: str) -> None:
    """Create the archive's directory; refuse a path that is a directory."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"cannot create directory {path.parent}: {exc.strerror}") from None
    if path.is_dir():
        raise ArchiveError(f"{label} is a directory, not an archive file")


def _open(path: Path, label: str) -> sqlite3.Connection:
    """Open the writer connection with its pragmas, and migrate the schema."""
    # check_same_thread=False: the pipeline may hand batches to a worker thread;
    # the Archive must still be used by one thread at a time.
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as exc:
        raise explain(exc, label) or ArchiveError(f"cannot open {label}: {exc}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        archive_version(conn, label)  # refuse a foreign file before anything writes to it
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal":
            raise ArchiveError(f"{label}: cannot switch to WAL journal mode (got {mode!r})")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        register_functions(conn)
        migrate(conn, label)
    except sqlite3.Error as exc:
        conn.close()
        error = explain(exc, label)
        if error is None:
            raise
        raise error from None
    except BaseException:
        conn.close()
        raise
    return conn


class Archive:
    """The archive writer: raw pages, articles and their versions, tickers, links, runs.

    Opening creates (or upgrades) the archive; a file that is not a kznews
    archive is refused with ``ArchiveError`` and left untouched.  An open
    ``Archive`` holds the archive's writer lock (``<db>.lock``) until ``close``:
    a second one, in any process, raises ``ArchiveBusy`` at once.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._label = str(self.path)
        _check_path(self.path, self._label)
        self._lock = WriterLock(self.path, self._label)  # before anything migrates or writes
        try:
            self._conn = _open(self.path, self._label)
        except BaseException:
            self._lock.release()
            raise

    def close(self) -> None:
        """Close the connection (committed data is already durable) and release the lock."""
        self._conn.close()
        self._lock.release()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; rolled back on any error."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error) and (error := explain(exc, self._label)):
                raise error from None
            raise

    # -- runs -----------------------------------------------------------------

    def start_run(self, command: str, args: dict[str, Any]) -> int:
        """Record the start of a crawl/re-extract run; return its id for ``store``.

        A run still marked "running" here was killed (this writer holds the lock, so
        no other run is alive): it is closed as "killed" first.
        """
        with self._transaction() as conn:
            conn.execute(
                "UPDATE runs SET outcome = 'killed', ended_at = :now WHERE outcome = 'running'",
                {"now": utc_now()},
            )
            cursor = conn.execute(
                "INSERT INTO runs (started_at, command, args, outcome)"
                " VALUES (:now, :command, :args, 'running')",
                {"now": utc_now(), "command": command, "args": _json(args)},
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(self, run_id: int, outcome: str, stats: dict[str, Any]) -> None:
        """Record how a run ended ("finished", "failed", "interrupted", ...) and its stats."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE runs SET ended_at = :now, outcome = :outcome, stats = :stats WHERE id = :id",
                {"now": utc_now(), "outcome": outcome, "stats": _json(stats), "id": run_id},
            )
            if cursor.rowcount != 1:
                raise ArchiveError(f"no run {run_id} in {self._label}")

    # -- writing --------------------------------------------------------------

    def store(self, items: Sequence[PageItem], run_id: int | None = None) -> StoreResult:
        """Archive a batch of fetched pages and what was extracted from them, atomically."""
        result = StoreResult()
        with self._transaction():
            for item in items:
                page_id = self._store_page(item, run_id, result)
                if item.record is not None:
                    self._store_record(page_id, item.record, item.fetched_at, item.site, result)
        return result

    def store_records(self, page_id: int, record: PageRecord) -> StoreResult:
        """Archive what a (re-)extraction found on a stored page; adds no page row."""
        result = StoreResult()
        with self._transaction() as conn:
            row = conn.execute("SELECT last_fetched_at, site FROM pages WHERE id = ?", (page_id,)).fetchone()
            if row is None:
                raise ArchiveError(f"no page {page_id} in {self._label}")
            self._store_record(page_id, record, row[0], row[1], result)
        return result

    def _store_page(self, item: PageItem, run_id: int | None, result: StoreResult) -> int:
        """Insert the raw page unless this exact body of this URL is already stored."""
        digest = hashlib.sha256(item.body).hexdigest()
        row = self._conn.execute(
            "SELECT id FROM pages WHERE url = ? AND body_sha256 = ?", (item.url, digest)
        ).fetchone()
        if row is not None:
            self._conn.execute(
                "UPDATE pages SET last_fetched_at = max(last_fetched_at, ?) WHERE id = ?",
                (item.fetched_at, row[0]),
            )
            return row[0]
        cursor = self._conn.execute(
            "INSERT INTO pages (url, site, edition, kind, status, headers, hint, body, body_sha256,"
            " fetched_at, last_fetched_at, run_id) VALUES (:url, :site, :edition, :kind, :status,"
            " :headers, :hint, :body, :sha, :fetched_at, :fetched_at, :run_id)",
            {
                "url": item.url,
                "site": item.site,
                "edition": item.edition,
                "kind": item.kind,
                "status": item.status,
                "headers": _json(item.headers),
                "hint": _json(asdict(item.hint)) if item.hint else None,
                "body": zlib.compress(item.body),
                "sha": digest,
                "fetched_at": item.fetched_at,
                "run_id": run_id,
            },
        )
        result.pages += 1
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _store_record(
        self, page_id: int, record: PageRecord, fetched_at: str, site: str | None, result: StoreResult
    ) -> None:
        if record.article is not None:
            self._store_article(page_id, record.article, fetched_at, site, result)
            self._store_links_of(record.article)
        for quote in record.tickers:
            cursor = self._conn.execute(
                "INSERT INTO tickers (pair, value, change, direction, url, site, observed_at, page_id)"
                " VALUES (:pair, :value, :change, :direction, :url, :site, :observed_at, :page_id)"
                " ON CONFLICT (pair, url, observed_at) DO NOTHING",
                {
                    "pair": quote.pair,
                    "value": quote.value,
                    "change": quote.change,
                    "direction": quote.direction,
                    "url": quote.url,
                    "site": quote.site or site,
                    "observed_at": quote.observed_at or fetched_at,
                    "page_id": page_id,
                },
            )
            result.tickers += cursor.rowcount
        for link in record.links:
            params = {**asdict(link), "listing_url": record.url, "site": site, "seen_at": fetched_at}
            cursor = self._conn.execute(
                "INSERT INTO links (listing_url, url, site, headline, published_raw, published_at, seen_at)"
                " VALUES (:listing_url, :url, :site, :headline, :published_raw, :published_at, :seen_at)"
                " ON CONFLICT (listing_url, url) DO NOTHING",
                params,
            )
            if cursor.rowcount:
                result.links += 1
            else:
                self._conn.execute(
                    "UPDATE links SET headline = coalesce(:headline, headline),"
                    " published_raw = coalesce(:published_raw, published_raw),"
                    " published_at = coalesce(:published_at, published_at),"
                    " seen_at = max(seen_at, :seen_at)"
                    " WHERE listing_url = :listing_url AND url = :url",
                    params,
                )

    def _store_article(
        self, page_id: int, article: Article, fetched_at: str, site: str | None, result: StoreResult
    ) -> None:
        """Insert a new article, touch an unchanged one, or update a changed one and add a version."""
        seen = article.fetched_at or fetched_at
        digest = content_hash(article)
        content = _content_row(article)
        existing = self._conn.execute(
            "SELECT id, content_hash FROM articles WHERE url = ?", (article.url,)
        ).fetchone()
        if existing is None:
            columns = ["url", "site", *content, "fetched_at", "first_seen_at", "last_seen_at", "content_hash", "page_id"]
            cursor = self._conn.execute(
                f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})",
                {
                    **content,
                    "url": article.url,
                    "site": article.site or site,
                    "fetched_at": seen,
                    "first_seen_at": seen,
                    "last_seen_at": seen,
                    "content_hash": digest,
                    "page_id": page_id,
                },
            )
            assert cursor.lastrowid is not None
            self._add_version(cursor.lastrowid, digest, content, seen, page_id)
            result.new_articles += 1
            return
        article_id, old_digest = existing
        touch = {"id": article_id, "seen": seen}
        if digest == old_digest:
            self._conn.execute(
                "UPDATE articles SET fetched_at = max(fetched_at, :seen),"
                " last_seen_at = max(last_seen_at, :seen) WHERE id = :id",
                touch,
            )
            result.unchanged_articles += 1
            return
        self._add_version(article_id, digest, content, seen, page_id)
        assignments = ", ".join(f"{c} = :{c}" for c in content)
        self._conn.execute(
            f"UPDATE articles SET {assignments}, site = coalesce(:site, site), content_hash = :digest,"
            " page_id = :page_id, fetched_at = :seen, last_seen_at = max(last_seen_at, :seen),"
            " versions = (SELECT count(*) FROM article_versions WHERE article_id = :id)"
            " WHERE id = :id",
            {**content, **touch, "site": article.site or site, "digest": digest, "page_id": page_id},
        )
        result.updated_articles += 1

    def _store_links_of(self, article: Article) -> None:
        """Record the article's story key, its links to other editions and its sources."""
        article_id = self._conn.execute(
            "UPDATE articles SET story = ? WHERE url = ? RETURNING id", (article.story, article.url)
        ).fetchone()[0]
        self._conn.execute("DELETE FROM sources WHERE article_id = ?", (article_id,))
        self._conn.executemany(
            "INSERT INTO sources (article_id, name, kind, via, evidence, outlet)"
            " VALUES (:article_id, :name, :kind, :via, :evidence, :outlet)",
            [{**asdict(src), "article_id": article_id} for src in article.sources],
        )
        evidence = article.provenance.get("editions")
        for lang, url in article.editions.items():
            if url != article.url:
                self._conn.execute(
                    "INSERT INTO editions (url, lang, edition_url, evidence) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (url, edition_url) DO NOTHING",
                    (article.url, lang, url, evidence),
                )

    def _add_version(
        self, article_id: int, digest: str, content: dict[str, Any], fetched_at: str, page_id: int
    ) -> None:
        """Record a version (insert-only; a reverted article reuses its earlier version row)."""
        columns = ["article_id", "content_hash", *content, "fetched_at", "page_id"]
        self._conn.execute(
            f"INSERT INTO article_versions ({', '.join(columns)})"
            f" VALUES ({', '.join(':' + c for c in columns)})"
            " ON CONFLICT (article_id, content_hash) DO NOTHING",
            {**content, "article_id": article_id, "content_hash": digest, "fetched_at": fetched_at, "page_id": page_id},
        )

    # -- reading (for the crawler and re-extraction) ----------------------------

    def iter_pages(self, site: str | None = None, kind: str | None = None) -> Iterator[tuple[int, PageItem]]:
        """Yield ``(page_id, PageItem)`` for the latest stored page of each URL, body decompressed.

        Ids are listed first and bodies read one at a time, so callers may
        ``store_records`` while iterating and memory stays flat.
        """
        ids = [
            row[0]
            for row in self._conn.execute(
                "SELECT id FROM (SELECT id, row_number() OVER"
                " (PARTITION BY url ORDER BY last_fetched_at DESC, id DESC) AS n"
                " FROM pages WHERE (:site IS NULL OR site = :site) AND (:kind IS NULL OR kind = :kind))"
                " WHERE n = 1 ORDER BY id",
                {"site": site, "kind": kind},
            )
        ]
        for page_id in ids:
            row = self._conn.execute(
                "SELECT url, status, headers, body, last_fetched_at, site, edition, kind, hint"
                " FROM pages WHERE id = ?",
                (page_id,),
            ).fetchone()
            url, status, headers, body, fetched_at, page_site, edition, page_kind, hint = row
            yield page_id, PageItem(
                url=url,
                status=status,
                headers=json.loads(headers),
                body=zlib.decompress(body),
                fetched_at=fetched_at,
                site=page_site,
                edition=edition,
                kind=page_kind,
                hint=DiscoveryHint(**json.loads(hint)) if hint else None,
            )

    def known_article_urls(self, urls: Iterable[str]) -> set[str]:
        """The subset of ``urls`` already archived as articles (by URL or canonical URL)."""
        wanted = _json(list(urls))
        rows = self._conn.execute(
            "SELECT url FROM articles WHERE url IN (SELECT value FROM json_each(:u))"
            " UNION SELECT canonical_url FROM articles WHERE canonical_url IN (SELECT value FROM json_each(:u))",
            {"u": wanted},
        )
        return {row[0] for row in rows}

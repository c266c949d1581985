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
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from kznews.items import Article, ArticleIndex, Capture, DiscoveryHint, PageItem, PageRecord
from kznews.storage.errors import BUSY_TIMEOUT_S, ArchiveError, explain
from kznews.storage.folding import headline_key
from kznews.storage.indexing import INSERT_FOLD, StoryInput, Vocabulary, assign_stories, fold_row, index_of
from kznews.storage.lock import WriterLock
from kznews.storage.packing import packed, unpack
from kznews.storage.removals import Check
from kznews.storage.removals import record as record_removals
from kznews.storage.schema import (
    CONTENT_COLUMNS,
    archive_version,
    migrate,
    register_functions,
)

_JSON_COLUMNS = {"authors", "tags", "provenance"}
_HASHED_COLUMNS = [c for c in CONTENT_COLUMNS if c != "provenance"]
_CONTENT_VALUES = attrgetter(*CONTENT_COLUMNS)  # one C call instead of a getattr per column
_HASHED_VALUES = attrgetter(*_HASHED_COLUMNS)


_ARTICLE_COLUMNS = [
    "id", "url", "site", *CONTENT_COLUMNS, "fetched_at", "first_seen_at", "last_seen_at", "content_hash", "page_id",
    "story", "versions", "headline_key",
]
_ARTICLE_ROW = itemgetter(*_ARTICLE_COLUMNS)
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})"
)
_VERSION_COLUMNS = ["article_id", "content_hash", *CONTENT_COLUMNS, "fetched_at", "page_id"]
_INSERT_VERSION = (
    f"INSERT INTO article_versions ({', '.join(_VERSION_COLUMNS)})"
    f" VALUES ({', '.join(':' + c for c in _VERSION_COLUMNS)}) ON CONFLICT (article_id, content_hash) DO NOTHING"
)
_SUPERSEDE = (  # the stored current text becomes an earlier version (schema v11: the text is kept once)
    f"INSERT INTO article_versions ({', '.join(_VERSION_COLUMNS)})"
    f" SELECT id, {', '.join(_VERSION_COLUMNS[1:])} FROM articles WHERE id = ?"
    " ON CONFLICT (article_id, content_hash) DO NOTHING"
)
_INSERT_TICKER = (
    "INSERT INTO tickers (pair, value, change, direction, as_of, url, site, observed_at, page_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pair, url, observed_at) DO NOTHING"
)
_UPSERT_LINK = (  # a link seen again keeps what the listing said before unless it now says more
    "INSERT INTO links (listing_url, url, site, headline, published_raw, published_at, seen_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (listing_url, url) DO UPDATE SET"
    " headline = coalesce(excluded.headline, headline), published_raw = coalesce(excluded.published_raw, published_raw),"
    " published_at = coalesce(excluded.published_at, published_at), seen_at = max(seen_at, excluded.seen_at)"
)
_INSERT_SOURCE = "INSERT INTO sources (article_id, name, kind, via, evidence, outlet) VALUES (?, ?, ?, ?, ?, ?)"
_INSERT_EDITION = (
    "INSERT INTO editions (url, lang, edition_url, evidence) VALUES (?, ?, ?, ?) ON CONFLICT (url, edition_url) DO NOTHING"
)


def _source_rows(article_id: int, article: Article) -> list[tuple[Any, ...]]:
    return [(article_id, s.name, s.kind, s.via, s.evidence, s.outlet) for s in article.sources]


def _edition_rows(article: Article) -> list[tuple[Any, ...]]:
    evidence = article.provenance.get("editions")
    return [(article.url, lang, url, evidence) for lang, url in article.editions.items() if url != article.url]


@dataclass
class _Fetch:
    """One fetch of an article, ready to store."""

    article: Article
    site: str | None
    content: dict[str, Any]
    digest: str
    seen: str
    page_id: int
    carried: ArticleIndex | None  # the search index the extraction worker derived, if any

    @cached_property
    def index(self) -> ArticleIndex:
        """The article's search index (derived here only for a new or changed text, and only when not carried)."""
        return index_of(self.article, self.carried)


@dataclass
class _NewArticle:
    """An article first seen in this batch: its row and earlier versions, built in memory."""

    row: dict[str, Any]
    earlier: dict[str, dict[str, Any]]  # content hash -> version row, for texts this batch saw superseded
    sources: list[tuple[Any, ...]]
    index: ArticleIndex  # of the current text


class _Batch:
    """The articles (and ticker quotes, listing links) of one transaction, written table by table with ``executemany``.

    New articles (and their later fetches in the same batch) are merged in memory; fetches
    of stored articles run the per-row update, grouped by article in ascending id.  The search
    index (``articles_fold``) is written in ascending rowid order after the updates: FTS5 flushes
    its pending terms to a new segment whenever a rowid goes backwards, so interleaving would
    cost one segment (and its merging) per edit.  Updates and deletes are re-indexed by the
    schema's triggers.
    """

    def __init__(self, conn: sqlite3.Connection, urls: Iterable[str], result: StoreResult,
                 vocabulary: Vocabulary) -> None:
        self.conn = conn
        self.result = result
        self.vocabulary = vocabulary
        self.changed: list[ArticleIndex] = []  # the indexes of edited articles' new texts
        self.stored: dict[str, int] = {}
        self.digests: dict[int, str] = {}
        self.current_seen: dict[int, str] = {}  # when the stored current text was fetched (or captured)
        for url, article_id, digest, fetched_at in conn.execute(
            "SELECT url, id, content_hash, fetched_at FROM articles WHERE url IN (SELECT value FROM json_each(?))",
            (_json(list(urls)),),
        ):
            self.stored[url] = article_id
            self.digests[article_id] = digest
            self.current_seen[article_id] = fetched_at or ""  # unknown (an old archive): any fetch is newer
        self.next_id: int = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
        self.new: dict[str, _NewArticle] = {}
        self.updates: dict[int, list[_Fetch]] = {}
        self.editions: list[tuple[Any, ...]] = []
        self.tickers: list[tuple[Any, ...]] = []
        self.links: list[tuple[Any, ...]] = []  # (listing_url, url, site, headline, published_raw, published_at, seen_at)

    def add(self, fetch: _Fetch) -> None:
        """Take one fetch of an article: new, a re-fetch of one new in this batch, or of a stored one."""
        url = fetch.article.url
        self.editions += _edition_rows(fetch.article)
        if url in self.stored:
            self.updates.setdefault(self.stored[url], []).append(fetch)
        elif url in self.new:
            self._merge(self.new[url], fetch)
        else:
            article_id = self.next_id
            self.next_id += 1
            row = {
                **fetch.content, "id": article_id, "url": url, "site": fetch.article.site or fetch.site,
                "fetched_at": fetch.seen, "first_seen_at": fetch.seen, "last_seen_at": fetch.seen,
                "content_hash": fetch.digest, "page_id": fetch.page_id, "story": fetch.article.story, "versions": 1,
            }
            self.new[url] = _NewArticle(row, {}, _source_rows(article_id, fetch.article), fetch.index)
            self.result.new_articles += 1

    def _merge(self, new: _NewArticle, fetch: _Fetch) -> None:
        """A re-fetch of an article new in this batch: what ``_update`` would do, in memory."""
        row = new.row
        row["first_seen_at"] = min(row["first_seen_at"], fetch.seen)
        if fetch.digest == row["content_hash"]:
            row["fetched_at"] = max(row["fetched_at"], fetch.seen)
            self.result.unchanged_articles += 1
        elif fetch.seen < row["fetched_at"]:  # an older capture of another text: an earlier version
            new.earlier.setdefault(fetch.digest, _version_row(row["id"], fetch))
            row["versions"] = len(new.earlier.keys() | {row["content_hash"]})
            self.result.updated_articles += 1
            return
        else:
            new.earlier.setdefault(row["content_hash"], {**row, "article_id": row["id"]})
            row.update(fetch.content, content_hash=fetch.digest, page_id=fetch.page_id, fetched_at=fetch.seen,
                       site=fetch.article.site or fetch.site or row["site"],
                       versions=len(new.earlier.keys() | {fetch.digest}))
            new.index = fetch.index
            self.result.updated_articles += 1
        row["last_seen_at"] = max(row["last_seen_at"], fetch.seen)
        row["story"] = fetch.article.story
        new.sources = _source_rows(row["id"], fetch.article)

    def _update(self, article_id: int, fetch: _Fetch) -> None:
        """Touch a stored article (same content) or update it and add a version (changed).

        Versions follow capture order, not the order fetches arrive in: a changed text captured before
        the stored current one (a backfill from a web archive) is added as an earlier version.
        """
        touch = {"id": article_id, "seen": fetch.seen}
        if fetch.digest == self.digests[article_id]:
            self.conn.execute(
                "UPDATE articles SET fetched_at = max(fetched_at, :seen), first_seen_at = min(first_seen_at, :seen),"
                " last_seen_at = max(last_seen_at, :seen), story = :story WHERE id = :id",
                {**touch, "story": fetch.article.story},
            )
            self.result.unchanged_articles += 1
        elif fetch.seen < self.current_seen[article_id]:
            _count(self.conn, "article_versions", self.conn.execute(
                _INSERT_VERSION, _version_row(article_id, fetch)).rowcount)
            self.conn.execute(
                "UPDATE articles SET first_seen_at = min(first_seen_at, :seen), versions = 1 + (SELECT count(*)"
                " FROM article_versions AS v WHERE v.article_id = :id AND v.content_hash <> articles.content_hash)"
                " WHERE id = :id",
                touch,
            )
            self.result.updated_articles += 1
            return
        else:
            _count(self.conn, "article_versions", self.conn.execute(_SUPERSEDE, (article_id,)).rowcount)
            assignments = ", ".join(f"{c} = :{c}" for c in fetch.content)
            self.conn.execute(  # the AFTER UPDATE trigger re-indexes the text
                f"UPDATE articles SET {assignments}, site = coalesce(:site, site), content_hash = :digest,"
                " page_id = :page_id, fetched_at = :seen, last_seen_at = max(last_seen_at, :seen), story = :story,"
                " versions = 1 + (SELECT count(*) FROM article_versions WHERE article_id = :id AND content_hash <> :digest)"
                " WHERE id = :id",
                {**fetch.content, **touch, "site": fetch.article.site or fetch.site, "digest": fetch.digest,
                 "page_id": fetch.page_id, "story": fetch.article.story},
            )
            self.digests[article_id] = fetch.digest
            self.current_seen[article_id] = fetch.seen
            self.changed.append(fetch.index)
            self.result.updated_articles += 1
        self.conn.execute("DELETE FROM sources WHERE article_id = ?", (article_id,))
        self.conn.executemany(_INSERT_SOURCE, _source_rows(article_id, fetch.article))

    def flush(self) -> None:
        """Write the batch: updates by ascending id, then new rows, then their index entries by ascending rowid."""
        conn = self.conn
        for article_id in sorted(self.updates):
            for fetch in self.updates[article_id]:
                self._update(article_id, fetch)
        new = list(self.new.values())
        conn.executemany(_INSERT_ARTICLE, [_ARTICLE_ROW(n.row) for n in new])
        _count(conn, "articles", len(new))
        if earlier := [v for n in new for v in n.earlier.values()]:
            _count(conn, "article_versions", conn.executemany(_INSERT_VERSION, earlier).rowcount)
        added = Counter(n.row["site"] for n in new)
        for site, n in added.items():
            self.result.new_by_site[site] = self.result.new_by_site.get(site, 0) + n
        conn.executemany(
            "INSERT INTO outlets (site, articles) SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM outlets WHERE site IS ?)",
            [(site, site) for site in added],
        )
        conn.executemany("UPDATE outlets SET articles = articles + ? WHERE site IS ?", [(n, s) for s, n in added.items()])
        conn.executemany(_INSERT_SOURCE, [s for n in new for s in n.sources])
        conn.executemany(_INSERT_EDITION, self.editions)
        assign_stories(conn, [StoryInput(n.row["id"], n.row["url"], n.index.bands, n.row["story"]) for n in new])
        tickers = max(conn.executemany(_INSERT_TICKER, self.tickers).rowcount, 0)
        _count(conn, "tickers", tickers)
        self.result.tickers += tickers
        self._write_links()
        conn.executemany(INSERT_FOLD, [fold_row(n.row["id"], n.index) for n in new])
        self.vocabulary.file(conn, [*(n.index for n in new), *self.changed])

    def _write_links(self) -> None:
        """Upsert the listing links in fetch order; count the (listing, url) pairs not stored before."""
        pairs = {link[:2] for link in self.links}
        if not pairs:
            return
        (known,) = self.conn.execute(
            "SELECT count(*) FROM links WHERE (listing_url, url) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))",
            (_json(list(pairs)),),
        ).fetchone()
        self.conn.executemany(_UPSERT_LINK, self.links)
        self.result.links += len(pairs) - known


def _version_row(article_id: int, fetch: _Fetch) -> dict[str, Any]:
    """The ``article_versions`` row of a fetch whose text is not the current one."""
    return {**fetch.content, "article_id": article_id, "content_hash": fetch.digest, "fetched_at": fetch.seen,
            "page_id": fetch.page_id}


def _count(conn: sqlite3.Connection, table: str, added: int) -> None:
    """Add rows this writer inserted to ``counts`` (triggers count deletes; see schema v7 and v10)."""
    if added:
        conn.execute("UPDATE counts SET n = n + ? WHERE name = ?", (added, table))


@dataclass
class StoreResult:
    """What one ``store``/``store_records`` call changed."""

    pages: int = 0  # page rows added (an identical re-fetch adds none)
    new_articles: int = 0
    updated_articles: int = 0  # content changed: current row updated, version added
    unchanged_articles: int = 0  # same content: only fetched_at/last_seen_at moved
    tickers: int = 0  # quotes added
    links: int = 0  # (listing, url) pairs added
    new_by_site: dict[str | None, int] = field(default_factory=dict)  # new articles per outlet


def utc_now() -> str:
    """The current time as ISO 8601 UTC, the archive's timestamp format."""
    return datetime.now(UTC).isoformat(timespec="seconds")


# default=str: Scrapy stats hold datetimes. One encoder: json.dumps with options builds one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _json(value: Any) -> str:
    return _ENCODER.encode(value)


def content_hash(article: Article) -> str:
    """The article's ``content_hash`` if the pipeline set one, else a hash of its content fields."""
    if article.content_hash:
        return article.content_hash
    content = dict(zip(_HASHED_COLUMNS, _HASHED_VALUES(article), strict=True))
    return hashlib.sha256(_json(content).encode()).hexdigest()


def _content_row(article: Article) -> dict[str, Any]:
    row = dict(zip(CONTENT_COLUMNS, _CONTENT_VALUES(article), strict=True))
    for name in _JSON_COLUMNS:
        row[name] = _json(row[name])
    row["headline_key"] = headline_key(article.headline)  # derived: written to articles, not hashed or versioned
    return row


def _check_path(path: Path, label: str) -> None:
    """Create the archive's directory; refuse a path that is a directory."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"cannot create directory {path.parent}: {exc.strerror}") from None
    if path.is_dir():
        raise ArchiveError(f"{label} is a directory, not an archive file")


class _UpgradeReport:
    """Shows an upgrade that re-reads every article on stderr: a progress line on a terminal, else a line when it
    starts and one when it is done."""

    def __init__(self, label: str) -> None:
        self.label, self.terminal, self.started = label, sys.stderr.isatty(), False

    def __call__(self, done: int, total: int) -> None:
        if self.terminal:
            print(f"\rupgrading {self.label}: {done:,} of {total:,} articles re-indexed",
                  end="\n" if done >= total else "", file=sys.stderr, flush=True)
        elif done >= total:
            print(f"upgraded {self.label}: {total:,} articles re-indexed", file=sys.stderr, flush=True)
        elif not self.started:
            print(f"upgrading {self.label}: re-indexing {total:,} articles, once", file=sys.stderr, flush=True)
        self.started = True


def _open(path: Path, label: str, cache_mib: int) -> sqlite3.Connection:
    """Open the writer connection with its pragmas (a page cache of ``cache_mib``), and migrate the schema."""
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
        conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: a commit survives a crash of the process
        conn.execute(f"PRAGMA cache_size = {-1024 * int(cache_mib)}")  # KiB: FTS segments and indexes stay cached
        # Checkpoint every 16 MiB of WAL (4000 pages), not SQLite's 4: an index page rewritten by several
        # commits is copied back to the database once.
        conn.execute("PRAGMA wal_autocheckpoint = 4000")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        register_functions(conn)
        migrate(conn, label, _UpgradeReport(label))
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

    def __init__(self, path: str | Path, cache_mib: int = 64) -> None:
        self.path = Path(path)
        self._label = str(self.path)
        _check_path(self.path, self._label)
        self._lock = WriterLock(self.path, self._label)  # before anything migrates or writes
        self._vocabulary = Vocabulary()  # the words this writer has filed in word_forms
        try:
            self._conn = _open(self.path, self._label, cache_mib)
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

    def update_run(self, run_id: int, stats: dict[str, Any]) -> None:
        """Record a run's stats so far, the run going on (a shared run's writer, as its workers report)."""
        with self._transaction() as conn:
            cursor = conn.execute("UPDATE runs SET stats = :stats WHERE id = :id", {"stats": _json(stats), "id": run_id})
            if cursor.rowcount != 1:
                raise ArchiveError(f"no run {run_id} in {self._label}")

    def run_stats(self, run_id: int) -> dict[str, Any]:
        """The stats recorded for run ``run_id`` (empty when none yet)."""
        row = self._conn.execute("SELECT stats FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise ArchiveError(f"no run {run_id} in {self._label}")
        return json.loads(row[0]) if row[0] else {}

    def record_checks(self, checks: Sequence[Check], run_id: int | None = None) -> Counter[str]:
        """Record what a recheck found of archived articles, atomically: removals suspected, confirmed, restored
        (``kznews.storage.removals``); the articles themselves are not touched."""
        with self._transaction() as conn:
            return record_removals(conn, checks, run_id)

    # -- writing --------------------------------------------------------------

    def store(self, items: Sequence[PageItem], run_id: int | None = None) -> StoreResult:
        """Archive a batch of fetched pages and what was extracted from them, atomically."""
        result = StoreResult()
        with self._transaction() as conn:
            batch = _Batch(conn, [i.record.article.url for i in items if i.record and i.record.article], result,
                           self._vocabulary)
            page_ids = self._store_pages(items, run_id, result)
            for item, page_id in zip(items, page_ids, strict=True):
                if item.record is not None:
                    self._store_record(batch, page_id, item.record, item.fetched_at, item.site)
            batch.flush()
        return result

    def store_records(self, records: Sequence[tuple[int, PageRecord]]) -> StoreResult:
        """Archive what a (re-)extraction found on stored pages, ``(page_id, record)`` each, atomically;
        adds no page row."""
        result = StoreResult()
        with self._transaction() as conn:
            pages = {
                page_id: (fetched_at, site)
                for page_id, fetched_at, site in conn.execute(
                    "SELECT id, last_fetched_at, site FROM pages WHERE id IN (SELECT value FROM json_each(?))",
                    (_json([page_id for page_id, _ in records]),),
                )
            }
            if missing := sorted({page_id for page_id, _ in records} - pages.keys()):
                raise ArchiveError(f"no page {', '.join(map(str, missing))} in {self._label}")
            batch = _Batch(conn, [r.article.url for _, r in records if r.article], result, self._vocabulary)
            for page_id, record in records:
                self._store_record(batch, page_id, record, *pages[page_id])
            batch.flush()
        return result

    def _store_pages(self, items: Sequence[PageItem], run_id: int | None, result: StoreResult) -> list[int]:
        """The page id of each item: its raw page inserted unless this exact body of this URL is stored.

        One lookup for the whole batch; new pages get the next ids (this writer holds the
        write lock) and are inserted with one ``executemany``.
        """
        bodies = [packed(item) for item in items]
        known: dict[tuple[str, str], int] = {
            (url, sha): page_id
            for url, sha, page_id in self._conn.execute(
                "SELECT url, body_sha256, id FROM pages WHERE (url, body_sha256) IN"
                " (SELECT value ->> 0, value ->> 1 FROM json_each(?))",
                (_json([[item.url, body.sha256] for item, body in zip(items, bodies, strict=True)]),),
            )
        }
        next_id = self._conn.execute("SELECT coalesce(max(id), 0) + 1 FROM pages").fetchone()[0]
        ids, rows, touched = [], [], []
        for item, body in zip(items, bodies, strict=True):
            page_id = known.get((item.url, body.sha256))
            if page_id is None:
                page_id = known[item.url, body.sha256] = next_id
                next_id += 1
                rows.append((
                    page_id, item.url, item.site, item.edition, item.kind, item.status, _json(item.headers),
                    _json(asdict(item.hint)) if item.hint else None, body.compressed,
                    body.sha256, item.fetched_at, item.fetched_at, run_id, item.capture.origin if item.capture else "live",
                ))
            else:
                touched.append((item.fetched_at, item.fetched_at, page_id))
            ids.append(page_id)
        self._conn.executemany(
            "INSERT INTO pages (id, url, site, edition, kind, status, headers, hint, body, body_sha256,"
            " fetched_at, last_fetched_at, run_id, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self._conn.executemany(  # an older capture of a stored body moves its first fetch back
            "UPDATE pages SET last_fetched_at = max(last_fetched_at, ?), fetched_at = min(fetched_at, ?) WHERE id = ?",
            touched,
        )
        _count(self._conn, "pages", len(rows))
        result.pages += len(rows)
        self._conn.executemany(
            "INSERT INTO captures (page_id, url, origin, captured_at, digest, record, run_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(page_id, item.url, item.capture.origin, item.fetched_at, item.capture.digest, _json(item.capture.record),
              run_id) for item, page_id in zip(items, ids, strict=True) if item.capture],
        )
        return ids

    @staticmethod
    def _store_record(batch: _Batch, page_id: int, record: PageRecord, fetched_at: str, site: str | None) -> None:
        """Hand what was extracted from one page to the batch: its article, ticker quotes and listing links."""
        if record.article is not None:
            Archive._store_article(batch, page_id, record.article, fetched_at, site, record.index)
        batch.tickers += [
            (q.pair, q.value, q.change, q.direction, q.as_of, q.url, q.site or site, q.observed_at or fetched_at, page_id)
            for q in record.tickers
        ]
        batch.links += [
            (record.url, link.url, site, link.headline, link.published_raw, link.published_at, fetched_at)
            for link in record.links
        ]

    @staticmethod
    def _store_article(batch: _Batch, page_id: int, article: Article, fetched_at: str, site: str | None,
                       index: ArticleIndex | None) -> None:
        """Hand one fetch of an article to the batch (new, unchanged or changed is decided there)."""
        batch.add(_Fetch(article, site, _content_row(article), content_hash(article), article.fetched_at or fetched_at,
                         page_id, index))

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
                "SELECT p.url, p.status, p.headers, p.body, p.last_fetched_at, p.site, p.edition, p.kind, p.hint,"
                " c.origin, c.digest, c.record, c.captured_at FROM pages AS p LEFT JOIN captures AS c ON c.id ="
                " (SELECT id FROM captures WHERE page_id = p.id ORDER BY captured_at DESC, id DESC LIMIT 1)"
                " WHERE p.id = ?",
                (page_id,),
            ).fetchone()
            url, status, headers, body, fetched_at, page_site, edition, page_kind, hint, *captured = row
            origin, digest, record, captured_at = captured
            # the capture that gave last_fetched_at is the page's origin and "now" for its relative dates
            capture = Capture(origin, digest, json.loads(record)) if origin and captured_at == fetched_at else None
            yield page_id, PageItem(
                url=url,
                status=status,
                headers=json.loads(headers),
                body=unpack(body),
                fetched_at=fetched_at,
                site=page_site,
                edition=edition,
                kind=page_kind,
                hint=DiscoveryHint(**json.loads(hint)) if hint else None,
                capture=capture,
            )

    def archived_captures(self, pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """``query.archived_captures`` on the writer's own connection (an import reads and writes in one process)."""
        from kznews.storage.query import archived_captures

        return archived_captures(self._conn, pairs)

    def known_article_urls(self, urls: Iterable[str]) -> set[str]:
        """The subset of ``urls`` already archived as articles (by URL or canonical URL)."""
        wanted = _json(list(urls))
        rows = self._conn.execute(
            "SELECT url FROM articles WHERE url IN (SELECT value FROM json_each(:u))"
            " UNION SELECT canonical_url FROM articles WHERE canonical_url IN (SELECT value FROM json_each(:u))"
            " AND canonical_url <> url",  # the partial index (v10); an equal one is found by url
            {"u": wanted},
        )
        return {row[0] for row in rows}

"""The archive's schema: created and upgraded by numbered migrations.

``meta`` holds ``app = 'kznews'`` (so a foreign SQLite file is never touched)
and ``schema_version`` (how many entries of ``MIGRATIONS`` have been applied).
``migrate`` applies the missing ones, in order, in one ``BEGIN IMMEDIATE``
transaction: an archive is either fully at a version or untouched. Migrations
are append-only: never edit a released one, add the next.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.db import ForeignKey

from kznews.storage.errors import ArchiveError
from kznews.storage.folding import fold, headline_key

APP = "kznews"

# The content of an article, as stored in `articles` (current) and in
# `article_versions` (earlier versions, since v11). JSON columns hold lists/dicts.
CONTENT_COLUMNS: dict[str, type] = {
    "canonical_url": str,
    "lang": str,
    "headline": str,
    "dateline": str,
    "published_at": str,
    "published_raw": str,
    "modified_at": str,
    "authors": str,  # JSON list
    "lead": str,
    "body": str,
    "source": str,
    "section": str,
    "tags": str,  # JSON list
    "provenance": str,  # JSON object: field -> rule
}

FTS_COLUMNS = ("headline", "lead", "body")

# FTS5 with external content on `articles`. The update trigger fires only when
# an indexed column changes: re-fetching an unchanged article touches
# last_seen_at and must not re-index its body.
_FTS_TRIGGERS = """
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, headline, lead, body)
  VALUES (new.id, new.headline, new.lead, new.body);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, headline, lead, body)
  VALUES ('delete', old.id, old.headline, old.lead, old.body);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF headline, lead, body ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, headline, lead, body)
  VALUES ('delete', old.id, old.headline, old.lead, old.body);
  INSERT INTO articles_fts (rowid, headline, lead, body)
  VALUES (new.id, new.headline, new.lead, new.body);
END;
CREATE TRIGGER article_versions_insert_only BEFORE UPDATE ON article_versions BEGIN
  SELECT RAISE(ABORT, 'article_versions is insert-only');
END;
"""


def _v1_initial(db: Database) -> None:
    """Raw pages, articles with their versions, tickers, listing links, runs, FTS."""
    db.table("meta").create({"key": str, "value": str}, pk="key", not_null=["value"])
    db.table("runs").create(
        {
            "id": int,
            "started_at": str,
            "ended_at": str,
            "command": str,
            "args": str,  # JSON
            "outcome": str,  # running | finished | failed | interrupted | ...
            "stats": str,  # JSON
        },
        pk="id",
        not_null=["started_at", "command", "outcome"],
    )
    db.table("pages").create(
        {
            "id": int,
            "url": str,
            "site": str,
            "edition": str,
            "kind": str,
            "status": int,
            "headers": str,  # JSON: name -> [values]
            "hint": str,  # JSON DiscoveryHint, or NULL
            "body": bytes,  # zlib-compressed raw response body
            "body_sha256": str,  # of the uncompressed body
            "fetched_at": str,  # first fetch of this exact body
            "last_fetched_at": str,  # latest fetch of this exact body
            "run_id": int,
        },
        pk="id",
        not_null=["url", "kind", "status", "body", "body_sha256", "fetched_at", "last_fetched_at"],
        foreign_keys=[("run_id", "runs", "id")],
    )
    db.table("pages").create_index(["url", "body_sha256"], unique=True)
    db.table("pages").create_index(["site", "kind"])

    db.table("articles").create(
        {
            "id": int,
            "url": str,
            "site": str,
            **CONTENT_COLUMNS,
            "fetched_at": str,
            "first_seen_at": str,
            "last_seen_at": str,
            "content_hash": str,
            "page_id": int,
            "versions": int,
        },
        pk="id",
        not_null=["url", "first_seen_at", "last_seen_at", "content_hash", "versions"],
        foreign_keys=[("page_id", "pages", "id")],
        defaults={"versions": 1},
    )
    articles = db.table("articles")
    articles.create_index(["url"], unique=True)
    articles.create_index(["canonical_url"])
    articles.create_index(["site", "published_at"])
    articles.create_index(["published_at"])
    articles.create_index(["lang"])

    db.table("article_versions").create(
        {
            "id": int,
            "article_id": int,
            "content_hash": str,
            **CONTENT_COLUMNS,
            "fetched_at": str,
            "page_id": int,
        },
        pk="id",
        not_null=["article_id", "content_hash"],
        foreign_keys=[
            # Deleting an article (e.g. a takedown) removes its history too.
            ForeignKey("article_versions", "article_id", "articles", "id", on_delete="CASCADE"),
            ("page_id", "pages", "id"),
        ],
    )
    db.table("article_versions").create_index(["article_id", "content_hash"], unique=True)

    db.table("tickers").create(
        {
            "id": int,
            "pair": str,
            "value": float,
            "url": str,
            "site": str,
            "observed_at": str,
            "page_id": int,
        },
        pk="id",
        not_null=["pair", "value", "url", "observed_at"],
        foreign_keys=[("page_id", "pages", "id")],
    )
    db.table("tickers").create_index(["pair", "url", "observed_at"], unique=True)
    db.table("tickers").create_index(["pair", "observed_at"])

    db.table("links").create(
        {
            "id": int,
            "listing_url": str,
            "url": str,
            "site": str,
            "headline": str,
            "published_raw": str,
            "published_at": str,
            "seen_at": str,  # latest time the listing showed this link
        },
        pk="id",
        not_null=["listing_url", "url", "seen_at"],
    )
    db.table("links").create_index(["listing_url", "url"], unique=True)
    db.table("links").create_index(["url"])

    articles.enable_fts(FTS_COLUMNS, tokenize="unicode61 remove_diacritics 2")
    db.executescript(_FTS_TRIGGERS)


# The folded index (kznews.storage.folding): what plain keyboards type meets what was
# printed (Тоқаев / Токаев / Toqaev). Contentless: it stores no second copy of the text;
# deleting needs the old folded values, which kz_fold recomputes.
_FOLD_TRIGGERS = """
CREATE TRIGGER articles_fold_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fold (rowid, headline, lead, body)
  VALUES (new.id, kz_fold(new.headline), kz_fold(new.lead), kz_fold(new.body));
END;
CREATE TRIGGER articles_fold_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fold (articles_fold, rowid, headline, lead, body)
  VALUES ('delete', old.id, kz_fold(old.headline), kz_fold(old.lead), kz_fold(old.body));
END;
CREATE TRIGGER articles_fold_au AFTER UPDATE OF headline, lead, body ON articles BEGIN
  INSERT INTO articles_fold (articles_fold, rowid, headline, lead, body)
  VALUES ('delete', old.id, kz_fold(old.headline), kz_fold(old.lead), kz_fold(old.body));
  INSERT INTO articles_fold (rowid, headline, lead, body)
  VALUES (new.id, kz_fold(new.headline), kz_fold(new.lead), kz_fold(new.body));
END;
"""


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema's triggers call; every writer connection registers them."""
    conn.create_function("kz_fold", 1, fold, deterministic=True)


def _v2_folded_search(db: Database) -> None:
    """A folded FTS5 index beside articles_fts, filled from the articles already stored."""
    db.execute(
        "CREATE VIRTUAL TABLE articles_fold USING fts5("
        "headline, lead, body, content='', tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        "INSERT INTO articles_fold (rowid, headline, lead, body)"
        " SELECT id, kz_fold(headline), kz_fold(lead), kz_fold(body) FROM articles"
    )
    db.executescript(_FOLD_TRIGGERS)


def _v3_editions(db: Database) -> None:
    """Language editions of one story: links between URLs, and a shared story key."""
    db.execute("ALTER TABLE articles ADD COLUMN story TEXT")
    db.table("articles").create_index(["story"])
    db.table("editions").create(
        {"url": str, "lang": str, "edition_url": str, "evidence": str},
        not_null=["url", "edition_url"],
    )
    db.table("editions").create_index(["url", "edition_url"], unique=True)
    db.table("editions").create_index(["edition_url"])


def _v4_sources(db: Database) -> None:
    """Attributions as data, and who republishes whom (a view over them)."""
    db.table("sources").create(
        {"article_id": int, "name": str, "kind": str, "via": str, "evidence": str, "outlet": str},
        not_null=["article_id", "name", "kind"],
        foreign_keys=[ForeignKey("sources", "article_id", "articles", "id", on_delete="CASCADE")],
    )
    db.table("sources").create_index(["article_id"])
    db.table("sources").create_index(["outlet"])
    db.execute(
        """
        CREATE VIEW republications AS
        SELECT s.outlet AS source_outlet, a.site AS republisher, count(*) AS articles,
               min(a.published_at) AS first_published, max(a.published_at) AS last_published
        FROM sources s JOIN articles a ON a.id = s.article_id
        WHERE s.outlet IS NOT NULL AND s.outlet IS NOT a.site
        GROUP BY s.outlet, a.site
        """
    )


def _v5_ticker_moves(db: Database) -> None:
    """The change and direction a ticker shows beside its value."""
    db.execute("ALTER TABLE tickers ADD COLUMN change REAL")
    db.execute("ALTER TABLE tickers ADD COLUMN direction TEXT")


def _v6_writer_indexes_inserts(db: Database) -> None:
    """New articles are indexed by the writer, in bulk, not by per-row INSERT triggers.

    The folded index's insert trigger called the Python ``kz_fold`` three times per row
    and both insert triggers indexed one row at a time: together about two thirds of
    the write time.  ``Archive`` now folds each text once and inserts into both indexes
    with ``executemany``; the UPDATE and DELETE triggers stay, so any change or removal
    of an article still re-indexes it.
    """
    db.execute("DROP TRIGGER articles_fts_ai")
    db.execute("DROP TRIGGER articles_fold_ai")


COUNTED_TABLES = ("articles", "article_versions", "pages")

# Articles per outlet (``site IS``: an article may have no site). Like the FTS indexes, the
# writer counts what it inserts, once per batch; triggers follow deletes and site changes.
_OUTLET_TRIGGERS = """
CREATE TRIGGER outlets_ad AFTER DELETE ON articles BEGIN
  UPDATE outlets SET articles = articles - 1 WHERE site IS old.site;
END;
CREATE TRIGGER outlets_au AFTER UPDATE OF site ON articles WHEN old.site IS NOT new.site BEGIN
  UPDATE outlets SET articles = articles - 1 WHERE site IS old.site;
  INSERT INTO outlets (site, articles) SELECT new.site, 0 WHERE NOT EXISTS (SELECT 1 FROM outlets WHERE site IS new.site);
  UPDATE outlets SET articles = articles + 1 WHERE site IS new.site;
END;
"""


def _count_rows(db: Database, table: str) -> None:
    """Keep ``table``'s row count in ``counts``: counted now, then deletes by a trigger and inserts by the writer."""
    db.execute(f"INSERT INTO counts (name, n) SELECT '{table}', count(*) FROM {table}")
    db.execute(
        f"CREATE TRIGGER {table}_count_ad AFTER DELETE ON {table} BEGIN"
        f" UPDATE counts SET n = n - 1 WHERE name = '{table}'; END"
    )


def _v7_stats_at_scale(db: Database) -> None:
    """Row counts and articles per outlet kept up to date, and an index for each outlet's latest fetch.

    ``count(*)`` of a million articles, versions or pages reads a whole index (seconds for
    the wide ones), and so does counting per outlet; ``counts`` and ``outlets`` hold the
    numbers, exact, and ``stats`` reads the first/last dates from index ends.  The writer adds
    what it inserted once per batch: per-row insert triggers would weigh on every write.
    """
    db.execute("CREATE TABLE counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL)")
    for table in COUNTED_TABLES:
        _count_rows(db, table)
    db.execute("CREATE TABLE outlets (site TEXT, articles INTEGER NOT NULL)")
    db.execute("CREATE INDEX idx_outlets_site ON outlets (site)")
    db.execute("INSERT INTO outlets (site, articles) SELECT site, count(*) FROM articles GROUP BY site")
    db.executescript(_OUTLET_TRIGGERS)
    db.table("articles").create_index(["site", "fetched_at"])


# The original of a republication: the earliest article of the named outlet with the same headline
# key, published from LAG_WINDOW_DAYS before the republication to one day after it (day-precision
# dates and clock skew can put a republication's stated time before its source's).
LAG_WINDOW_DAYS = 7
_REPUBLICATION_VIEWS = f"""
CREATE VIEW republication_lags AS
SELECT s.outlet AS source_outlet, a.site AS republisher, a.id AS article_id, a.url AS url,
       a.published_at AS published_at, o.id AS original_id, o.url AS original_url,
       o.published_at AS original_published_at,
       CAST(round((julianday(a.published_at) - julianday(o.published_at)) * 1440) AS INTEGER) AS lag_minutes
FROM (SELECT DISTINCT article_id, outlet FROM sources WHERE outlet IS NOT NULL) s
JOIN articles a ON a.id = s.article_id
JOIN articles o ON o.id = (
    SELECT c.id FROM articles c
    WHERE c.headline_key = a.headline_key AND c.site = s.outlet AND c.id <> a.id
      AND julianday(c.published_at) BETWEEN julianday(a.published_at) - {LAG_WINDOW_DAYS} AND julianday(a.published_at) + 1
    ORDER BY julianday(c.published_at) LIMIT 1
)
WHERE s.outlet IS NOT a.site AND a.headline_key <> '' AND a.published_at IS NOT NULL;

CREATE VIEW republications AS
SELECT s.outlet AS source_outlet, a.site AS republisher, count(*) AS articles,
       min(a.published_at) AS first_published, max(a.published_at) AS last_published,
       count(l.article_id) AS with_original, min(l.lag_minutes) AS min_lag_minutes,
       CAST(round(avg(l.lag_minutes)) AS INTEGER) AS avg_lag_minutes, max(l.lag_minutes) AS max_lag_minutes
FROM (SELECT DISTINCT article_id, outlet FROM sources WHERE outlet IS NOT NULL) s
JOIN articles a ON a.id = s.article_id
LEFT JOIN republication_lags l ON l.article_id = a.id AND l.source_outlet = s.outlet
WHERE s.outlet IS NOT a.site
GROUP BY s.outlet, a.site;
"""


def _v8_lags_and_as_of(db: Database) -> None:
    """How soon a republication follows its source (``republication_lags``), and tickers' as-of day.

    The original is matched by ``articles.headline_key`` (the headline folded, words only);
    ``republications`` gains how many republications have their original in the archive and
    the lag in minutes.  It now counts an article once per named outlet, not once per
    attribution line naming it.
    """
    db.execute("ALTER TABLE articles ADD COLUMN headline_key TEXT")
    db.conn.executemany(
        "UPDATE articles SET headline_key = ? WHERE id = ?",
        ((headline_key(h), i) for i, h in db.execute("SELECT id, headline FROM articles").fetchall()),
    )
    db.table("articles").create_index(["headline_key", "site"])
    db.execute("DROP VIEW republications")
    db.executescript(_REPUBLICATION_VIEWS)
    db.execute("ALTER TABLE tickers ADD COLUMN as_of TEXT")


def _v9_one_search_index(db: Database) -> None:
    """One full-text index: ``articles_fold`` serves every search, ``articles_fts`` and its triggers go.

    Every search (``kznews search``, ``export --query``, ``serve``) now folds its query and reads the
    folded index; writing the same text into a second index was about a fifth of the write time.
    """
    db.execute("DROP TRIGGER articles_fts_ad")
    db.execute("DROP TRIGGER articles_fts_au")
    db.execute("DROP TABLE articles_fts")


def _v10_fewer_scattered_index_writes(db: Database) -> None:
    """Indexes a batch's rows land together in: fewer pages rewritten per commit.

    An index ordered by URL takes each new row on a different page, so a commit of 100
    articles rewrites as many of its pages.  Tickers get one unique index led by time,
    ``(pair, observed_at, url)``, in place of ``(pair, url, observed_at)`` and ``(pair, observed_at)``:
    the same uniqueness, and it serves the series queries.  ``canonical_url`` is indexed only
    where it differs from ``url`` (an equal one is found by ``url``), which is seldom.  The ticker
    index is wider than the one ``count(*)`` used to read, so tickers are counted in ``counts`` too.
    """
    _count_rows(db, "tickers")
    db.execute("DROP INDEX idx_tickers_pair_url_observed_at")
    db.execute("DROP INDEX idx_tickers_pair_observed_at")
    db.table("tickers").create_index(["pair", "observed_at", "url"], unique=True)
    db.execute("DROP INDEX idx_articles_canonical_url")
    db.execute("CREATE INDEX idx_articles_canonical_url ON articles (canonical_url) WHERE canonical_url <> url")


_HISTORY_COLUMNS = ", ".join(["content_hash", *CONTENT_COLUMNS, "fetched_at", "page_id"])
_HISTORY_VIEW = f"""
CREATE VIEW article_history AS
SELECT article_id, {_HISTORY_COLUMNS}, 0 AS current FROM article_versions
UNION ALL
SELECT id AS article_id, {_HISTORY_COLUMNS}, 1 AS current FROM articles
"""


def _v11_current_text_once(db: Database) -> None:
    """The current text is stored once, in ``articles``; ``article_versions`` keeps the earlier ones.

    Every article's text was written twice (its row and its first version): about a third of
    the bytes a batch commits.  A version is now added when a fetch shows a different text: the
    text it replaces moves to ``article_versions`` (still insert-only; its ``fetched_at`` is the
    last fetch that showed it).  The view ``article_history`` lists every version, current included.
    Deleting the copies leaves free pages that later writes reuse (``VACUUM`` returns them to the disk).
    """
    (last,) = db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()
    for first in range(1, last + 1, 10_000):  # statement by statement: each one's undo journal stays small
        db.execute(
            "DELETE FROM article_versions WHERE id IN (SELECT v.id FROM articles a JOIN article_versions v"
            " ON v.article_id = a.id AND v.content_hash = a.content_hash WHERE a.id BETWEEN ? AND ?)",
            (first, first + 9_999),
        )
    db.execute(_HISTORY_VIEW)


def _v12_captures(db: Database) -> None:
    """Where each page came from: ``pages.origin`` (live, commoncrawl, wayback, warc) and ``captures``.

    A page fetched from a web archive or read from a WARC file is one row of ``captures`` per capture:
    its origin, capture time, the archive's payload digest and its record (Common Crawl: crawl, WARC
    file, offset, length; Wayback: timestamp; a WARC file: its path, offset and record id), linked to
    the page row holding its body (several captures of one body share it).  A backfill asks it which
    captures are archived already (by URL and digest), so a second run fetches only the rest.
    Every page stored before is a live fetch.
    """
    db.execute("ALTER TABLE pages ADD COLUMN origin TEXT NOT NULL DEFAULT 'live'")
    db.table("pages").create_index(["origin"])
    db.table("captures").create(
        {
            "id": int,
            "page_id": int,
            "url": str,
            "origin": str,
            "captured_at": str,
            "digest": str,
            "record": str,  # JSON object
            "run_id": int,
        },
        pk="id",
        not_null=["page_id", "url", "origin", "captured_at"],
        foreign_keys=[("page_id", "pages", "id"), ("run_id", "runs", "id")],
    )
    db.execute("CREATE UNIQUE INDEX idx_captures_url_digest ON captures (url, digest, origin, captured_at)")
    db.table("captures").create_index(["page_id"])


# ``republication_lags`` finds a republication's original by headline (v8) or, since v13, by body: the source
# outlet's earliest article of the same story (``stories``: near-duplicate bodies) in the same window.
_REPUBLICATION_VIEWS_V13 = f"""
CREATE VIEW republication_lags AS
SELECT s.outlet AS source_outlet, a.site AS republisher, a.id AS article_id, a.url AS url,
       a.published_at AS published_at, o.id AS original_id, o.url AS original_url,
       o.published_at AS original_published_at,
       CAST(round((julianday(a.published_at) - julianday(o.published_at)) * 1440) AS INTEGER) AS lag_minutes,
       CASE WHEN o.headline_key = a.headline_key THEN 'headline' ELSE 'body' END AS matched_by
FROM (SELECT DISTINCT article_id, outlet FROM sources WHERE outlet IS NOT NULL) s
JOIN articles a ON a.id = s.article_id
JOIN articles o ON o.id = (
    SELECT c.id FROM articles c
    WHERE c.site = s.outlet AND c.id <> a.id
      AND (c.headline_key = a.headline_key AND a.headline_key <> ''
           OR c.id IN (SELECT m.article_id FROM stories m
                       WHERE m.story = (SELECT story FROM stories WHERE article_id = a.id)))
      AND julianday(c.published_at) BETWEEN julianday(a.published_at) - {LAG_WINDOW_DAYS} AND julianday(a.published_at) + 1
    ORDER BY julianday(c.published_at) LIMIT 1
)
WHERE s.outlet IS NOT a.site AND a.published_at IS NOT NULL;

CREATE VIEW republications AS
SELECT s.outlet AS source_outlet, a.site AS republisher, count(*) AS articles,
       min(a.published_at) AS first_published, max(a.published_at) AS last_published,
       count(l.article_id) AS with_original, count(CASE WHEN l.matched_by = 'body' THEN 1 END) AS by_body,
       min(l.lag_minutes) AS min_lag_minutes,
       CAST(round(avg(l.lag_minutes)) AS INTEGER) AS avg_lag_minutes, max(l.lag_minutes) AS max_lag_minutes
FROM (SELECT DISTINCT article_id, outlet FROM sources WHERE outlet IS NOT NULL) s
JOIN articles a ON a.id = s.article_id
LEFT JOIN republication_lags l ON l.article_id = a.id AND l.source_outlet = s.outlet
WHERE s.outlet IS NOT a.site
GROUP BY s.outlet, a.site;

CREATE VIEW story_outlets AS
SELECT m.story AS story, count(*) AS articles, count(DISTINCT a.site) AS outlets,
       group_concat(DISTINCT a.site) AS sites, min(coalesce(a.published_at, a.fetched_at)) AS first_published,
       a.site AS first_publisher, a.headline AS headline, a.url AS first_url
FROM (SELECT DISTINCT story FROM stories WHERE story <> article_id) multi
JOIN stories m ON m.story = multi.story
JOIN articles a ON a.id = m.article_id
GROUP BY m.story;
"""

# Upgrades that read every article report how far they are (``migrate``'s ``progress``).
Progress = Callable[[int, int], None]
_progress: list[Progress] = []
_UPGRADE_CHUNK = 2000


def _v13_word_forms_and_stories(db: Database) -> None:
    """Search that knows word forms, Latin folded only where it can be Kazakh, and stories across outlets.

    ``word_forms`` files each word of an article under its word-form keys (``kznews.storage.wordforms``): a
    search for ``город`` also finds ``города``.  The folding now keeps Latin words that cannot be Kazakh Latin
    (``on`` no longer folds into ``он``): ``articles_fold`` and ``headline_key`` are rebuilt with it (the
    index's delete triggers need the folding it was written with).  ``stories`` gives each article its story
    (near-duplicate bodies, editions), ``story_bands`` the MinHash bands it is found by
    (``kznews.storage.stories``); ``story_outlets`` lists the stories told by more than one article, and
    ``republication_lags`` also finds originals whose headline differs but whose body matches.
    Every article is read once, in chunks, with a progress report.
    """
    from kznews.storage.indexing import INSERT_FOLD, StoryInput, Vocabulary, assign_stories, derive, fold_row

    conn = db.conn
    conn.execute("DROP TABLE articles_fold")
    conn.execute("CREATE VIRTUAL TABLE articles_fold USING fts5("
                 "headline, lead, body, content='', tokenize='unicode61 remove_diacritics 2')")
    conn.execute("CREATE TABLE word_forms (key TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (key, word))"
                 " WITHOUT ROWID")
    conn.execute("CREATE TABLE stories (article_id INTEGER PRIMARY KEY"
                 " REFERENCES articles (id) ON DELETE CASCADE, story INTEGER NOT NULL)")
    conn.execute("CREATE INDEX idx_stories_story ON stories (story)")
    conn.execute("CREATE TABLE story_bands (key INTEGER NOT NULL, article_id INTEGER NOT NULL"
                 " REFERENCES articles (id) ON DELETE CASCADE, PRIMARY KEY (key, article_id)) WITHOUT ROWID")
    conn.execute("CREATE INDEX idx_story_bands_article_id ON story_bands (article_id)")
    conn.execute("DROP VIEW republications")
    conn.execute("DROP VIEW republication_lags")
    db.executescript(_REPUBLICATION_VIEWS_V13)
    (total,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    vocabulary, last, done = Vocabulary(), 0, 0
    while rows := conn.execute(
        "SELECT id, url, lang, headline, lead, body, story FROM articles WHERE id > ? ORDER BY id LIMIT ?",
        (last, _UPGRADE_CHUNK),
    ).fetchall():
        indexes = [derive(lang, headline, lead, body) for _, _, lang, headline, lead, body, _ in rows]
        conn.executemany(INSERT_FOLD, [fold_row(row[0], index) for row, index in zip(rows, indexes, strict=True)])
        conn.executemany("UPDATE articles SET headline_key = ? WHERE id = ?",
                         [(headline_key(row[3]), row[0]) for row in rows])
        vocabulary.file(conn, indexes)
        assign_stories(conn, [StoryInput(row[0], row[1], index.bands, row[6]) for row, index in zip(rows, indexes, strict=True)],
                       file_keys=False)
        last, done = rows[-1][0], done + len(rows)
        for report in _progress:
            report(done, total)


def _v14_removals(db: Database) -> None:
    """Takedowns: the articles a recheck found gone, since when and on what evidence, and those that came back.

    ``removals`` holds one row per episode (``kznews.storage.removals``): ``removed_at``, the first definite answer
    that the article is gone (its ``status``, ``final_url``, ``reason`` and ``evidence``); ``confirmed_at``, the
    next definite answer, gone too (until then the removal is only suspected); ``last_seen_gone_at``; and
    ``restored_at``, the first answer showing the article again.  An article has one open episode at most.  The
    view ``takedowns`` lists the confirmed removals with their article.  Nothing is read or rewritten: an archive
    is upgraded at once, whatever its size.
    """
    db.execute(
        "CREATE TABLE removals (id INTEGER PRIMARY KEY,"
        " article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
        " removed_at TEXT NOT NULL, confirmed_at TEXT, last_seen_gone_at TEXT NOT NULL, restored_at TEXT,"
        " reason TEXT NOT NULL, status INTEGER, final_url TEXT, evidence TEXT, run_id INTEGER REFERENCES runs (id))"
    )
    db.execute("CREATE INDEX idx_removals_article_id ON removals (article_id)")
    db.execute("CREATE UNIQUE INDEX idx_removals_open ON removals (article_id) WHERE restored_at IS NULL")
    db.execute(
        "CREATE VIEW takedowns AS"
        " SELECT a.site AS site, a.url AS url, a.headline AS headline, a.published_at AS published_at,"
        " r.removed_at AS removed_at, r.confirmed_at AS confirmed_at, r.last_seen_gone_at AS last_seen_gone_at,"
        " r.restored_at AS restored_at, r.reason AS reason, r.status AS status, r.final_url AS final_url,"
        " r.evidence AS evidence, a.id AS article_id"
        " FROM removals r JOIN articles a ON a.id = r.article_id WHERE r.confirmed_at IS NOT NULL"
    )


def _v15_story_bands_one_index(db: Database) -> None:
    """``story_bands`` kept in one B-tree: its primary key ``(key, article_id)``, which finds a band's holders and,
    given an article's keys, its rows.

    The ``article_id`` index and the foreign key of v13 (which made each band row cost a second index insert and a
    look-up of its article) are gone; ``stories.bands`` keeps the keys an article was filed under (a JSON list), and
    deleting its ``stories`` row (as deleting the article does, by ``stories``' foreign key) deletes those rows by
    the primary key.  The rows are copied in key order and the keys read from them once, with a progress report.
    """
    conn = db.conn
    conn.execute("ALTER TABLE stories ADD COLUMN bands TEXT")
    (total,) = conn.execute("SELECT count(*) FROM stories").fetchone()
    last, done = 0, 0
    while ids := [row[0] for row in conn.execute(
        "SELECT article_id FROM stories WHERE article_id > ? ORDER BY article_id LIMIT ?", (last, 10 * _UPGRADE_CHUNK),
    )]:
        conn.execute(
            "UPDATE stories SET bands = (SELECT json_group_array(key) FROM story_bands"
            " WHERE story_bands.article_id = stories.article_id) WHERE article_id BETWEEN ? AND ?",
            (ids[0], ids[-1]),
        )
        last, done = ids[-1], done + len(ids)
        for report in _progress:
            report(done, total)
    conn.execute("CREATE TABLE story_bands_v15 (key INTEGER NOT NULL, article_id INTEGER NOT NULL,"
                 " PRIMARY KEY (key, article_id)) WITHOUT ROWID")
    conn.execute("INSERT INTO story_bands_v15 (key, article_id) SELECT key, article_id FROM story_bands"
                 " ORDER BY key, article_id")
    conn.execute("DROP TABLE story_bands")
    conn.execute("ALTER TABLE story_bands_v15 RENAME TO story_bands")
    conn.execute(
        "CREATE TRIGGER stories_bands_ad AFTER DELETE ON stories BEGIN"
        " DELETE FROM story_bands WHERE key IN (SELECT value FROM json_each(old.bands)) AND article_id = old.article_id;"
        " END"
    )


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_initial, _v2_folded_search, _v3_editions, _v4_sources, _v5_ticker_moves, _v6_writer_indexes_inserts,
    _v7_stats_at_scale, _v8_lags_and_as_of, _v9_one_search_index, _v10_fewer_scattered_index_writes,
    _v11_current_text_once, _v12_captures, _v13_word_forms_and_stories, _v14_removals,
    _v15_story_bands_one_index,
]
SCHEMA_VERSION = len(MIGRATIONS)


def _not_ours(label: str) -> ArchiveError:
    return ArchiveError(f"{label} is a SQLite database but not a kznews archive; refusing to touch it")


def archive_version(conn: sqlite3.Connection, label: str) -> int:
    """The schema version of the database behind ``conn``: 0 if it is empty.

    Raises ``ArchiveError`` for a non-SQLite file, a foreign SQLite database
    (tables but no kznews marker) and a version newer than this code.
    """
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise ArchiveError(f"{label} is not a SQLite database") from None
        raise
    if not names:
        return 0
    if "meta" not in names:
        raise _not_ours(label)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.OperationalError:  # someone else's `meta` table
        raise _not_ours(label) from None
    if meta.get("app") != APP:
        raise _not_ours(label)
    version = int(meta.get("schema_version", 0))
    if version > SCHEMA_VERSION:
        raise ArchiveError(
            f"{label} has schema version {version}, newer than this kznews supports "
            f"({SCHEMA_VERSION}); upgrade kznews"
        )
    return version


def migrate(conn: sqlite3.Connection, label: str, progress: Progress | None = None) -> int:
    """Bring the archive to ``SCHEMA_VERSION`` in one transaction; return the version.

    ``conn`` must be in autocommit mode (``isolation_level=None``) with no open
    transaction. The version is read again inside the write lock, so two
    processes opening a new archive at once cannot both migrate it.  An upgrade that reads
    every article calls ``progress(done, total)`` as it goes.
    """
    if archive_version(conn, label) == SCHEMA_VERSION:
        return SCHEMA_VERSION  # the common case: no write lock needed to open
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = archive_version(conn, label)
        if version < SCHEMA_VERSION:
            db = Database(conn, execute_plugins=False)
            _progress[:] = [progress] if progress and version else []  # a new archive has nothing to report
            try:
                for migration in MIGRATIONS[version:]:
                    migration(db)
            finally:
                _progress.clear()
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('app', :app), ('schema_version', :v)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                {"app": APP, "v": str(SCHEMA_VERSION)},
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION

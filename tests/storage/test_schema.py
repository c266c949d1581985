"""Schema creation, versioning and migration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from kznews.storage import Archive, ArchiveError, connect_readonly, schema, search, stories
from kznews.storage.folding import _TABLE, fold
from kznews.storage.schema import (
    SCHEMA_VERSION,
    archive_version,
    migrate,
    register_functions,
)
from tests.storage.conftest import check_search_index, make_item


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    register_functions(conn)  # the folded index's triggers call kz_fold
    return conn


def _schema_sql(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_fresh_archive_has_every_table(db_path: Path) -> None:
    Archive(db_path).close()
    names = set(Database(db_path).table_names())
    assert {"meta", "pages", "articles", "article_versions", "tickers", "links", "runs", "articles_fold"} <= names
    assert not any(name.startswith("articles_fts") for name in names)  # one search index (v9)


def test_meta_marks_app_and_version(db_path: Path) -> None:
    Archive(db_path).close()
    meta = dict(_connect(db_path).execute("SELECT key, value FROM meta").fetchall())
    assert meta == {"app": "kznews", "schema_version": str(SCHEMA_VERSION)}


def test_migrate_is_idempotent(db_path: Path) -> None:
    Archive(db_path).close()
    conn = _connect(db_path)
    before = _schema_sql(conn)
    assert migrate(conn, "x") == SCHEMA_VERSION
    assert migrate(conn, "x") == SCHEMA_VERSION
    assert _schema_sql(conn) == before


def test_reopening_keeps_data(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.start_run("crawl", {})
    with Archive(db_path):
        pass
    assert _connect(db_path).execute("SELECT count(*) FROM runs").fetchone() == (1,)


def test_empty_database_is_version_zero(db_path: Path) -> None:
    assert archive_version(_connect(db_path), "x") == 0


def test_failed_migration_leaves_database_untouched(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(db: Database) -> None:
        db["half_done"].create({"id": int}, pk="id")
        raise RuntimeError("boom")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        Archive(db_path)
    assert _schema_sql(_connect(db_path)) == []


def test_migrations_apply_from_the_stored_version(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Archive(db_path).close()

    def v2(db: Database) -> None:
        db["articles"].add_column("summary", str)

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, v2])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    Archive(db_path).close()
    conn = _connect(db_path)
    assert "summary" in [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION + 1),)


def test_foreign_database_is_refused_and_untouched(db_path: Path) -> None:
    _connect(db_path).execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    before = db_path.read_bytes()
    with pytest.raises(ArchiveError, match="not a kznews archive"):
        Archive(db_path)
    assert db_path.read_bytes() == before
    assert _schema_sql(_connect(db_path))[0][0] == "users"


def test_foreign_meta_table_is_refused(db_path: Path) -> None:
    _connect(db_path).execute("CREATE TABLE meta (name TEXT, content TEXT)")
    with pytest.raises(ArchiveError, match="not a kznews archive"):
        Archive(db_path)


def test_meta_of_another_app_is_refused(db_path: Path) -> None:
    conn = _connect(db_path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('app', 'other'), ('schema_version', '1')")
    with pytest.raises(ArchiveError, match="not a kznews archive"):
        Archive(db_path)


def test_newer_schema_is_refused(db_path: Path) -> None:
    Archive(db_path).close()
    _connect(db_path).execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(ArchiveError, match="schema version 999, newer"):
        Archive(db_path)


def test_garbage_file_is_refused_and_untouched(db_path: Path) -> None:
    db_path.write_bytes(b"this is not sqlite at all\n" * 100)
    with pytest.raises(ArchiveError, match="is not a SQLite database") as excinfo:
        Archive(db_path)
    assert "\n" not in str(excinfo.value)
    assert db_path.read_bytes() == b"this is not sqlite at all\n" * 100


def test_fts_uses_unicode61_without_diacritics_not_porter(db_path: Path) -> None:
    Archive(db_path).close()
    (sql,) = _connect(db_path).execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fold'").fetchone()
    assert "tokenize='unicode61 remove_diacritics 2'" in sql
    assert "porter" not in sql
    assert "content=''" in sql  # contentless: the text is stored once, in articles


def test_fts_triggers_follow_updates_and_deletes_the_writer_indexes_inserts(db_path: Path) -> None:
    Archive(db_path).close()
    triggers = {row[0] for row in _connect(db_path).execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"articles_fold_ad", "articles_fold_au"} <= triggers
    assert not {t for t in triggers if t.startswith("articles_fts") or t.endswith("_ai")}


def _old_archive(db_path: Path, version: int) -> sqlite3.Connection:
    """A connection, in an open transaction, to an archive made by the first ``version`` migrations."""
    conn = _connect(db_path)
    conn.execute("BEGIN IMMEDIATE")
    db = Database(conn, execute_plugins=False)
    for migration in schema.MIGRATIONS[:version]:
        migration(db)
    conn.execute("INSERT INTO meta VALUES ('app', 'kznews'), ('schema_version', ?)", (str(version),))
    return conn


def test_v8_archive_keeps_its_folded_index_and_drops_the_other(db_path: Path) -> None:
    """v9: a two-index archive loses articles_fts (table, shadow tables, triggers), searches the same; v10 counts tickers."""
    conn = _old_archive(db_path, 8)
    for n, (headline, body) in enumerate([("Тоқаев", "Алматыда жаңбыр жауды."), ("Жаңалық", "Шымкентте күн ашық.")]):
        conn.execute(
            "INSERT INTO articles (id, url, headline, body, first_seen_at, last_seen_at, content_hash)"
            " VALUES (?, ?, ?, ?, 't', 't', ?)", (n + 1, f"https://kaz.example/{n}", headline, body, f"h{n}"))
        for table, text in (("articles_fts", str), ("articles_fold", fold)):  # as the v8 writer indexed
            conn.execute(f"INSERT INTO {table} (rowid, headline, body) VALUES (?, ?, ?)", (n + 1, text(headline), text(body)))
    conn.execute("INSERT INTO tickers (pair, value, url, observed_at) VALUES ('USD/KZT', 445.5, 'https://kaz.example/', 't')")
    conn.execute("COMMIT")

    with Archive(db_path) as archive:
        archive.store([make_item("https://kaz.example/1", headline="Жаңалық", body="Ақтөбеде жол ашылды.")])
        check_search_index(archive._conn)
    conn = _connect(db_path)
    assert not {row[0] for row in conn.execute("SELECT name FROM sqlite_master") if row[0].startswith("articles_fts")}
    assert conn.execute("SELECT n FROM counts WHERE name = 'tickers'").fetchone() == (1,)  # v10 counted the v8 quote
    read = connect_readonly(db_path)
    assert [r["url"] for r in search(read, "Токаев")] == ["https://kaz.example/0"]
    assert [r["url"] for r in search(read, "Актобеде")] == ["https://kaz.example/1"]
    assert search(read, "Шымкентте") == []  # the edit re-indexed the v8 row


def test_v10_archive_keeps_each_current_text_once(db_path: Path) -> None:
    """v11: the copy of each current text in article_versions goes, earlier texts stay, counts follow."""
    conn = _old_archive(db_path, 10)
    conn.execute("INSERT INTO articles (id, url, body, first_seen_at, last_seen_at, content_hash, versions)"
                 " VALUES (1, 'https://kaz.example/1', 'Түзетілген мәтін.', 't', 't', 'h2', 2),"
                 " (2, 'https://kaz.example/2', 'Шымкентте күн ашық.', 't', 't', 'h3', 1)")
    conn.execute("INSERT INTO article_versions (article_id, content_hash, body) VALUES"
                 " (1, 'h1', 'Алматыда жаңбыр жауды.'), (1, 'h2', 'Түзетілген мәтін.'), (2, 'h3', 'Шымкентте күн ашық.')")
    conn.execute("UPDATE counts SET n = CASE name WHEN 'articles' THEN 2 WHEN 'article_versions' THEN 3 ELSE n END")
    conn.execute("COMMIT")

    Archive(db_path).close()
    conn = _connect(db_path)
    assert conn.execute("SELECT article_id, body FROM article_versions").fetchall() == [(1, "Алматыда жаңбыр жауды.")]
    assert conn.execute("SELECT n FROM counts WHERE name = 'article_versions'").fetchone() == (1,)
    history = conn.execute("SELECT article_id, content_hash, current FROM article_history ORDER BY 1, 2").fetchall()
    assert history == [(1, "h1", 0), (1, "h2", 1), (2, "h3", 1)]


def test_v5_archive_is_upgraded_in_place(db_path: Path) -> None:
    """An archive written by the v5 writer (insert triggers) keeps its index and gains the bulk writer."""
    conn = _old_archive(db_path, 5)
    for n, body in enumerate(["Алматыда жаңбыр жауды.", "Шымкентте күн ашық."]):
        conn.execute(
            "INSERT INTO articles (url, headline, body, first_seen_at, last_seen_at, content_hash)"
            " VALUES (?, 'Тоқаев', ?, 't', 't', ?)",
            (f"https://kaz.example/{n}", body, f"h{n}"),
        )
    conn.execute("COMMIT")
    assert conn.execute("SELECT count(*) FROM articles_fold('Токаев')").fetchone() == (2,)

    with Archive(db_path) as archive:
        assert archive_version(archive._conn, "x") == SCHEMA_VERSION
        archive.store([
            make_item("https://kaz.example/0", headline="Тоқаев", body="Алматыда қар жауды."),  # edits a v5 row
            make_item("https://kaz.example/2", headline="Жаңалық", body="Ақтөбеде жол ашылды."),
        ])
    conn = _connect(db_path)
    check_search_index(conn)
    assert dict(conn.execute("SELECT name, n FROM counts").fetchall()) == {
        "articles": 3, "article_versions": 1, "pages": 2, "tickers": 0}  # the v5 rows (inserted bare), then the new;
    # the edit kept the v5 row's text as an earlier version
    assert conn.execute("SELECT body FROM article_versions").fetchall() == [("Алматыда жаңбыр жауды.",)]
    read = connect_readonly(db_path)
    assert sorted(r["url"] for r in search(read, "Токаев")) == ["https://kaz.example/0", "https://kaz.example/1"]
    assert search(read, "жаңбыр") == []
    assert [r["url"] for r in search(read, "Актобеде")] == ["https://kaz.example/2"]
    keys = read.execute("SELECT url, headline_key FROM articles ORDER BY url").fetchall()
    assert keys == [("https://kaz.example/0", "токаев"), ("https://kaz.example/1", "токаев"),
                    ("https://kaz.example/2", "жаналык")]  # the v5 row's key written by the upgrade


@pytest.mark.parametrize(
    ("table", "columns", "unique"),
    [
        ("articles", ["url"], True),
        ("articles", ["site", "published_at"], False),
        ("articles", ["published_at"], False),
        ("articles", ["lang"], False),
        ("pages", ["url", "body_sha256"], True),
        ("article_versions", ["article_id", "content_hash"], True),
        ("tickers", ["pair", "observed_at", "url"], True),
        ("links", ["listing_url", "url"], True),
    ],
)
def test_indexes(db_path: Path, table: str, columns: list[str], unique: bool) -> None:
    Archive(db_path).close()
    indexes = {(tuple(i.columns), bool(i.unique)) for i in Database(db_path)[table].indexes}
    assert (tuple(columns), unique) in indexes


def test_canonical_url_lookups_read_the_partial_index(db_path: Path) -> None:
    """Only canonical URLs unlike the URL are indexed (v10), and the lookups use that index."""
    with Archive(db_path) as archive:
        archive.store([make_item("https://kaz.example/a?utm=1", canonical_url="https://kaz.example/a"),
                       make_item("https://kaz.example/b", canonical_url="https://kaz.example/b")])
        assert archive.known_article_urls(["https://kaz.example/a", "https://kaz.example/b"]) == {
            "https://kaz.example/a", "https://kaz.example/b"}
        conn = archive._conn
        assert conn.execute("SELECT count(*) FROM articles INDEXED BY idx_articles_canonical_url"
                            " WHERE canonical_url > '' AND canonical_url <> url").fetchone() == (1,)
        plan = conn.execute("EXPLAIN QUERY PLAN SELECT url FROM articles WHERE canonical_url = 'x'"
                            " AND canonical_url <> url").fetchall()
    assert "idx_articles_canonical_url" in str(plan)


def test_article_versions_are_insert_only(db_path: Path) -> None:
    Archive(db_path).close()
    conn = _connect(db_path)
    conn.execute("INSERT INTO articles (url, first_seen_at, last_seen_at, content_hash) VALUES ('u', 't', 't', 'h')")
    conn.execute("INSERT INTO article_versions (article_id, content_hash) VALUES (1, 'h')")
    with pytest.raises(sqlite3.IntegrityError, match="insert-only"):
        conn.execute("UPDATE article_versions SET body = 'rewritten'")


def test_v12_archive_is_reindexed_for_word_forms_and_stories(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """v13: the folded index is rebuilt with the folding that keeps English Latin, every word is filed under its
    word-form keys and every article placed in a story, in the one upgrade transaction, with a progress line."""
    wire = ("Министр энергетики провел совещание в Астане по подготовке к отопительному сезону. " * 3
            + "В городе проверили котельные, сети и запасы угля на зиму, сообщили в пресс-службе.") * 2
    rows = [("https://a.kz/1", "a", "ru", "Совещание", wire),
            ("https://b.kz/1", "b", "ru", "Подготовка к зиме", "АСТАНА. КАЗИНФОРМ – " + wire),
            ("https://c.kz/1", "c", "en", "Roads", "The road on the left was closed for repairs on Monday.")]
    conn = _old_archive(db_path, 12)
    for n, (url, site, lang, headline, body) in enumerate(rows, 1):
        conn.execute("INSERT INTO articles (id, url, site, lang, headline, body, first_seen_at, last_seen_at,"
                     " content_hash) VALUES (?, ?, ?, ?, ?, ?, 't', 't', ?)", (n, url, site, lang, headline, body, f"h{n}"))
        conn.execute("INSERT INTO articles_fold (rowid, headline, body) VALUES (?, ?, ?)",  # as the v12 writer folded
                     (n, headline.translate(_TABLE), body.translate(_TABLE)))
    conn.execute("COMMIT")

    with Archive(db_path) as archive:
        check_search_index(archive._conn)
    assert capsys.readouterr().err.splitlines()[-1] == f"upgraded {db_path}: 3 articles re-indexed"
    read = connect_readonly(db_path)
    assert [r["url"] for r in search(read, "города")] == ["https://a.kz/1", "https://b.kz/1"]  # городе, a form
    assert search(read, "он") == []  # English "on" no longer folds into он
    assert [r["url"] for r in search(read, "road")] == ["https://c.kz/1"]
    stories = read.execute("SELECT article_id, story FROM stories ORDER BY 1").fetchall()
    assert stories == [(1, 1), (2, 1), (3, 3)]  # the republished wire copy joins the first one's story
    assert read.execute("SELECT count(*) FROM word_forms WHERE word = 'городе'").fetchone()[0] == 1


def test_v13_archive_gains_removals_and_keeps_its_articles(db_path: Path) -> None:
    """v14: ``removals`` and the ``takedowns`` view are added in place; nothing stored changes."""
    conn = _old_archive(db_path, 13)
    conn.execute("INSERT INTO articles (id, url, site, headline, body, first_seen_at, last_seen_at, content_hash)"
                 " VALUES (1, 'https://a.kz/1', 'a', 'Әкім', 'Мәтін.', 't', 't', 'h1')")
    conn.execute("COMMIT")
    before = conn.execute("SELECT * FROM articles").fetchall()
    with Archive(db_path) as archive:
        assert archive._conn.execute("SELECT * FROM articles").fetchall() == before
        assert archive._conn.execute("SELECT count(*) FROM takedowns").fetchone() == (0,)
    read = connect_readonly(db_path)
    assert archive_version(read, "x") == SCHEMA_VERSION >= 14
    assert read.execute("SELECT count(*) FROM removals").fetchone() == (0,)


def test_v14_archive_keeps_its_bands_in_one_index(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """v15: ``stories.bands`` filled from ``story_bands``, which keeps its rows without the article_id index; a
    deleted article's rows go with it, and a new copy still joins the story of its original."""
    conn = _old_archive(db_path, 14)
    body = " ".join(f"слово{n} идет за словом{n + 1} в длинном тексте" for n in range(20))
    conn.execute("INSERT INTO articles (id, url, site, lang, headline, body, first_seen_at, last_seen_at, content_hash)"
                 " VALUES (1, 'https://a.kz/1', 'a', 'ru', 'Заголовок', ?, 't', 't', 'h1')", (body,))
    keys = stories.keys_of([fold(body)])[0]
    conn.execute("INSERT INTO stories (article_id, story) VALUES (1, 1)")
    conn.executemany("INSERT INTO story_bands (key, article_id) VALUES (?, 1)", [(k,) for k in keys])
    conn.execute("COMMIT")

    with Archive(db_path) as archive:
        conn = archive._conn
        assert sorted(json.loads(conn.execute("SELECT bands FROM stories").fetchone()[0])) == sorted(keys)
        assert {row[1] for row in conn.execute("PRAGMA index_list(story_bands)")} == {"sqlite_autoindex_story_bands_1"}
        assert conn.execute("PRAGMA foreign_key_list(story_bands)").fetchall() == []
        archive.store([make_item("https://b.kz/1", site="b", lang="ru", headline="Копия", body=body)])
        assert conn.execute("SELECT story FROM stories WHERE article_id = 2").fetchone() == (1,)
        conn.execute("DELETE FROM articles WHERE id = 1")
        assert conn.execute("SELECT DISTINCT article_id FROM story_bands").fetchall() == [(2,)]
    assert capsys.readouterr().err.splitlines()[-1] == f"upgraded {db_path}: 1 articles re-indexed"

"""Readers: read-only connections, full-text search, stats, ad-hoc SQL."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kznews.storage import (
    Archive,
    ArchiveError,
    QueryError,
    connect_readonly,
    run_sql,
    search,
    stats,
)
from kznews.storage import query as query_module
from kznews.storage.filters import ArticleFilter
from kznews.storage.removals import Check
from kznews.storage.schema import register_functions
from tests.storage.conftest import check_search_index, make_item

ARTICLES = [
    # url, site, lang, headline, body, published_at
    ("https://a.kz/1", "a", "kk", "Тоқаев Астанада сөз сөйледі", "Президент ұлттық құрылтайда сөйледі.", "2024-05-01T10:00:00+05:00"),
    ("https://a.kz/2", "a", "ru", "Курс доллара вырос", "Тоқаев не комментировал курс. Ёлка стоит.", "2024-05-02T09:00:00+05:00"),
    ("https://b.kz/1", "b", "kk", "Әлемдік ғылым", "Өнер мен ғылым туралы. Тоқаевтың жарлығы.", "2024-05-03T23:30:00+05:00"),
    ("https://b.kz/2", "b", "en", "Tokayev visits Almaty", "The president met students.", None),
]


@pytest.fixture
def filled(db_path: Path) -> Path:
    with Archive(db_path) as archive:
        run_id = archive.start_run("crawl", {"site": "a"})
        archive.store(
            [
                make_item(url, site=site, lang=lang, headline=headline, body=body, published_at=published)
                for url, site, lang, headline, body, published in ARTICLES
            ],
            run_id,
        )
        archive.finish_run(run_id, "finished", {"items": 4})
    return db_path


@pytest.fixture
def conn(filled: Path) -> Iterator[sqlite3.Connection]:
    conn = connect_readonly(filled)
    yield conn
    conn.close()


def _urls(results: list[dict]) -> list[str]:
    return [r["url"] for r in results]


# -- connect_readonly ----------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no archive at"):
        connect_readonly(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_garbage_file(db_path: Path) -> None:
    db_path.write_bytes(b"garbage" * 1000)
    with pytest.raises(ArchiveError, match="not a SQLite database"):
        connect_readonly(db_path)


def test_foreign_database(db_path: Path) -> None:
    sqlite3.connect(db_path).execute("CREATE TABLE t (x)")
    with pytest.raises(ArchiveError, match="not a kznews archive"):
        connect_readonly(db_path)


def test_readonly_connection_cannot_write(conn: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")


# -- search --------------------------------------------------------------------------


def test_search_returns_fields_and_highlighted_snippet(conn: sqlite3.Connection) -> None:
    (hit,) = search(conn, "құрылтайда")
    assert hit["url"] == "https://a.kz/1"
    assert (hit["site"], hit["lang"], hit["headline"]) == ("a", "kk", "Тоқаев Астанада сөз сөйледі")
    assert hit["published_at"] == "2024-05-01T10:00:00+05:00"
    assert "[құрылтайда]" in hit["snippet"]
    assert isinstance(hit["rank"], float)


def test_kazakh_letters_are_searchable(conn: sqlite3.Connection) -> None:
    assert _urls(search(conn, "Тоқаев")) == ["https://a.kz/1", "https://a.kz/2"]  # headline hit ranks first
    assert _urls(search(conn, "ғылым")) == ["https://b.kz/1"]
    assert _urls(search(conn, "Өнер")) == ["https://b.kz/1"]
    assert _urls(search(conn, "ұлттық")) == ["https://a.kz/1"]


def test_cyrillic_search_ignores_case(conn: sqlite3.Connection) -> None:
    assert _urls(search(conn, "ТОҚАЕВ")) == _urls(search(conn, "тоқаев"))
    assert _urls(search(conn, "ӘЛЕМДІК")) == ["https://b.kz/1"]


def test_yo_and_ye_meet(conn: sqlite3.Connection) -> None:
    assert _urls(search(conn, "ёлка")) == ["https://a.kz/2"]
    assert _urls(search(conn, "елка")) == ["https://a.kz/2"]


@pytest.mark.parametrize("typed", ["Тоқаев*", "Токаев*", "Toqaev*", "TOQAEV*"])
def test_kazakh_russian_and_latin_spellings_meet(conn: sqlite3.Connection, typed: str) -> None:
    assert _urls(search(conn, typed)) == _urls(search(conn, "Тоқаев*"))


def test_snippet_marks_the_printed_word_for_a_folded_query(conn: sqlite3.Connection) -> None:
    (hit,) = search(conn, "Toqaevtyñ")
    assert "[Тоқаевтың]" in hit["snippet"]


def test_order_by_date_puts_the_newest_first(conn: sqlite3.Connection) -> None:
    dates = [r["published_at"] for r in search(conn, "Тоқаев*", order="date") if r["published_at"]]
    assert dates == sorted(dates, reverse=True)


def test_prefix_search_finds_suffixed_forms(conn: sqlite3.Connection) -> None:
    assert "https://b.kz/1" in _urls(search(conn, "Тоқаев*"))


def test_search_filters(conn: sqlite3.Connection) -> None:
    assert _urls(search(conn, "Тоқаев*", site="b")) == ["https://b.kz/1"]
    assert _urls(search(conn, "Тоқаев*", lang="ru")) == ["https://a.kz/2"]
    assert sorted(_urls(search(conn, "Тоқаев*", since="2024-05-02"))) == ["https://a.kz/2", "https://b.kz/1"]
    assert sorted(_urls(search(conn, "Тоқаев*", until="2024-05-02"))) == ["https://a.kz/1", "https://a.kz/2"]
    assert _urls(search(conn, "Тоқаев*", since="2024-05-02", until="2024-05-02")) == ["https://a.kz/2"]
    assert len(search(conn, "Тоқаев*", limit=1)) == 1


def test_date_filter_falls_back_to_fetched_at(conn: sqlite3.Connection) -> None:
    assert _urls(search(conn, "visits", since="2024-05-01", until="2024-05-01")) == ["https://b.kz/2"]
    assert search(conn, "visits", since="2024-05-02") == []


def test_filter_values_are_parameters_not_sql(conn: sqlite3.Connection) -> None:
    assert search(conn, "Тоқаев", site="a' OR 1=1 --") == []


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "NEAR(", "nocolumn:x", "*", "", "   "])
def test_malformed_query_is_a_query_error(conn: sqlite3.Connection, query: str) -> None:
    with pytest.raises(QueryError) as excinfo:
        search(conn, query)
    assert "\n" not in str(excinfo.value)


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-01", "01.05.2024"])
def test_bad_date_is_a_query_error(conn: sqlite3.Connection, bad: str) -> None:
    with pytest.raises(QueryError, match="ISO date"):
        search(conn, "Тоқаев", since=bad)


def test_bad_limit(conn: sqlite3.Connection) -> None:
    with pytest.raises(QueryError, match="limit"):
        search(conn, "Тоқаев", limit=0)


def test_search_sees_updates_and_not_old_text(filled: Path) -> None:
    with Archive(filled) as archive:
        archive.store([make_item("https://a.kz/1", site="a", headline="Жаңа тақырып", body="Жаңартылған мәтін.")])
        check_search_index(archive._conn)
    conn = connect_readonly(filled)
    assert _urls(search(conn, "Жаңартылған")) == ["https://a.kz/1"]
    assert search(conn, "құрылтайда") == []


# -- stats ----------------------------------------------------------------------------


def test_stats(conn: sqlite3.Connection) -> None:
    result = stats(conn)
    assert result["totals"] == {"articles": 4, "earlier_versions": 0, "pages": 4, "tickers": 0, "links": 0, "runs": 1}
    assert [row for row in result["per_day"] if row["articles"]] == [
        {"site": "a", "day": "2024-05-01", "articles": 1},
        {"site": "a", "day": "2024-05-02", "articles": 1},
        {"site": "b", "day": "2024-05-03", "articles": 1},  # local date as published, not UTC
    ]
    # every outlet has every day of the window, an empty day as 0: b published nothing on 2024-05-01
    window = [f"2024-04-{d:02}" for d in range(20, 31)] + ["2024-05-01", "2024-05-02", "2024-05-03"]
    assert [(row["site"], row["day"]) for row in result["per_day"]] == [(s, d) for d in window for s in "ab"]
    assert [(o["site"], o["articles"]) for o in result["per_outlet"]] == [("a", 2), ("b", 2)]
    (run,) = result["runs"]
    assert (run["command"], run["outcome"], run["args"], run["stats"]) == ("crawl", "finished", {"site": "a"}, {"items": 4})


def test_stats_window_ends_at_newest_day(conn: sqlite3.Connection) -> None:
    assert [(d["site"], d["day"], d["articles"]) for d in stats(conn, days=2)["per_day"]] == [
        ("a", "2024-05-02", 1), ("b", "2024-05-02", 0), ("a", "2024-05-03", 0), ("b", "2024-05-03", 1)]


def test_stats_on_empty_archive(db_path: Path) -> None:
    Archive(db_path).close()
    result = stats(connect_readonly(db_path))
    assert result["totals"]["articles"] == 0
    assert result["per_day"] == result["per_outlet"] == result["runs"] == []


# -- run_sql --------------------------------------------------------------------------


def _all(path: Path, sql: str, params: dict | None = None, **kw: float) -> tuple[list[str], list[tuple]]:
    with run_sql(path, sql, params, **kw) as result:
        return result.columns, list(result)


def test_run_sql_select_with_params(filled: Path) -> None:
    columns, rows = _all(filled, "SELECT url, lang FROM articles WHERE site = :site ORDER BY url", {"site": "b"})
    assert columns == ["url", "lang"]
    assert rows == [("https://b.kz/1", "kk"), ("https://b.kz/2", "en")]


@pytest.mark.parametrize(
    "sql",
    [
        "-- count\nSELECT count(*) FROM articles",
        "WITH x AS (SELECT url FROM articles) SELECT count(*) FROM x",
        "EXPLAIN QUERY PLAN SELECT * FROM articles WHERE url = 'x'",
        "SELECT count(*) FROM articles_fold WHERE articles_fold MATCH 'Токаев'",
        "SELECT name FROM pragma_table_info('articles')",
        "select 1;",
    ],
)
def test_run_sql_allows_reads(filled: Path, sql: str) -> None:
    _all(filled, sql)


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO runs (started_at, command, outcome) VALUES ('t', 'x', 'y')",
        "DELETE FROM articles",
        "UPDATE articles SET body = ''",
        "DROP TABLE articles",
        "ATTACH DATABASE '/tmp/other.db' AS other",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA writable_schema = ON",
        "VACUUM INTO '/tmp/copy.db'",
        "WITH x AS (SELECT 1) DELETE FROM articles",
        "WITH x AS (SELECT 1) UPDATE sqlite_master SET sql = ''",
        "SELECT load_extension('/tmp/evil.so')",
        "SELECT * FROM pragma_journal_mode",
        "SELECT 1; DELETE FROM articles",
        "",
    ],
)
def test_run_sql_refuses_everything_else(filled: Path, sql: str) -> None:
    with pytest.raises(QueryError) as excinfo:
        _all(filled, sql)
    assert "\n" not in str(excinfo.value)
    assert _all(filled, "SELECT count(*) FROM articles")[1] == [(4,)]


def test_run_sql_times_out(filled: Path) -> None:
    runaway = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"query took longer than 0.3 s"):
        _all(filled, runaway, timeout=0.3)
    assert time.monotonic() - started < 3


def test_run_sql_errors_are_one_line(filled: Path) -> None:
    with pytest.raises(QueryError, match="no such table: nope"):
        _all(filled, "SELECT * FROM nope")
    with pytest.raises(QueryError, match="binding parameter"):
        _all(filled, "SELECT :missing")


def test_run_sql_does_not_create_a_missing_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError):
        _all(tmp_path / "nope.db", "SELECT 1")
    assert not (tmp_path / "nope.db").exists()


# -- readers alongside the writer (WAL) ----------------------------------------------------


def test_readers_work_while_a_writer_holds_a_transaction(filled: Path) -> None:
    writer = sqlite3.connect(filled, isolation_level=None)
    register_functions(writer)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM articles")  # uncommitted
    try:
        started = time.monotonic()
        conn = connect_readonly(filled)
        assert len(search(conn, "Тоқаев*")) == 3
        assert stats(conn)["totals"]["articles"] == 4
        assert _all(filled, "SELECT count(*) FROM articles")[1] == [(4,)]
        assert time.monotonic() - started < 2  # nobody waited for the lock
    finally:
        writer.execute("ROLLBACK")


def test_writer_works_while_a_reader_is_mid_query(filled: Path) -> None:
    reader = connect_readonly(filled)
    cursor = reader.execute("SELECT url FROM articles")
    cursor.fetchone()  # read transaction open
    with Archive(filled) as archive:
        assert archive.store([make_item("https://a.kz/3", site="a")]).new_articles == 1
    assert len(cursor.fetchall()) == 3  # the reader keeps its snapshot
    assert reader.execute("SELECT count(*) FROM articles").fetchone() == (5,)


def test_ranked_search_widens_its_window_until_the_filters_are_met(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "w.db"
    with Archive(db) as archive:
        archive.store([
            make_item(f"https://a.kz/{n}", site="a" if n else "b", headline="Тоқаев" if n == 0 else "Жаңалық",
                      body="Тоқаев сөз сөйледі.")
            for n in range(6)
        ])
    monkeypatch.setattr(query_module, "RANK_WINDOW", 2)
    conn = connect_readonly(db)
    assert len(search(conn, "Тоқаев")) == 6  # fewer than the limit in the window: every match
    assert _urls(search(conn, "Тоқаев", site="b")) == ["https://a.kz/0"]  # the oldest, found by widening
    # a full page from the newest matches: the oldest (a headline hit, the best bm25) is not ranked
    assert "https://a.kz/0" not in _urls(search(conn, "Тоқаев", limit=2))
    assert _urls(search(conn, "Тоқаев", limit=2, order="date"))  # date order reads every match


def test_run_sql_time_limit_covers_reading_the_rows(filled: Path) -> None:
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n"
    started = time.monotonic()
    with run_sql(filled, endless, timeout=0.3) as result:
        rows = iter(result)
        assert next(rows) == (1,)  # the statement starts at once: the rows come as they are read
        with pytest.raises(QueryError, match=r"query took longer than 0.3 s"):
            for _ in rows:
                pass
    assert time.monotonic() - started < 3


def test_run_sql_refuses_a_huge_value_without_making_it(filled: Path) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match="a value is longer than 32 MiB"):
        _all(filled, "SELECT randomblob(1000000000)")
    assert time.monotonic() - started < 3


# -- word forms, exact search, Latin --------------------------------------------------

FORMS = [
    ("https://f.kz/1", "ru", "Новости области", "В городе Павлодаре открыли школу. Жители города довольны."),
    ("https://f.kz/2", "ru", "Курс", "Президент Казахстана провел совещание в Астане."),
    ("https://f.kz/3", "kk", "Жаңалықтар", "Қазақстанның Президенті Астанада кеңес өткізді. Облысына барды."),
    ("https://f.kz/4", "kk", "Qazaqstan", "Qazaqstanda jańa mektep ashyldy, dep habarlaıdy Qazinform tilshisi."),
    ("https://f.kz/5", "en", "Roads", "The road on the left was closed. President Tokaev spoke in Astana."),
]


@pytest.fixture
def forms(db_path: Path) -> Iterator[sqlite3.Connection]:
    with Archive(db_path) as archive:
        archive.store([make_item(url, lang=lang, headline=headline, body=body) for url, lang, headline, body in FORMS])
    conn = connect_readonly(db_path)
    yield conn
    conn.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("город", ["https://f.kz/1"]),  # городе, города
    ("Казахстан", ["https://f.kz/2"]),  # Казахстана
    ("Қазақстан", ["https://f.kz/3", "https://f.kz/4"]),  # Қазақстанның; Qazaqstanda in Kazakh Latin
    ("Астана", ["https://f.kz/2", "https://f.kz/3", "https://f.kz/5"]),  # Астане, Астанада, and English Astana
    ("облыс", ["https://f.kz/3"]),  # облысына
    ("президент", ["https://f.kz/2", "https://f.kz/3"]),  # Президенті; English "President" is another spelling
])
def test_a_base_form_finds_the_forms_of_its_word(forms: sqlite3.Connection, query: str, expected: list[str]) -> None:
    assert sorted(_urls(search(forms, query))) == expected


def test_exact_and_quoted_words_match_the_form_typed(forms: sqlite3.Connection) -> None:
    assert search(forms, "город", exact=True) == []
    assert _urls(search(forms, "города", exact=True)) == ["https://f.kz/1"]
    assert search(forms, '"город"') == []
    assert _urls(search(forms, '"городе Павлодаре"')) == ["https://f.kz/1"]
    assert _urls(search(forms, '"городе" AND школ*')) == ["https://f.kz/1"]


def test_prefix_queries_and_snippets_with_word_forms(forms: sqlite3.Connection) -> None:
    assert _urls(search(forms, "Павлод*")) == ["https://f.kz/1"]
    assert "[городе]" in search(forms, "город")[0]["snippet"]  # the form found is marked


def test_latin_folds_into_cyrillic_only_where_it_can_be_kazakh(forms: sqlite3.Connection) -> None:
    assert search(forms, "он") == [] and search(forms, "на") == []  # English "on" is not он
    assert _urls(search(forms, "on")) == ["https://f.kz/5"]
    assert _urls(search(forms, "Tokaev")) == ["https://f.kz/5"]
    assert _urls(search(forms, "мектеп")) == ["https://f.kz/4"]  # Kazakh Latin text: mektep
    assert _urls(search(forms, "headline:Qazaqstan")) == ["https://f.kz/4"]


# -- takedowns: removed, recheck_candidates, stats --------------------------------------------


def _takedowns(path: Path, gone: dict[str, int]) -> None:
    """Record ``gone[url]`` rechecks in a row that found the article at ``url`` gone (two confirm a removal)."""
    with Archive(path) as archive:
        ids = dict(archive._conn.execute("SELECT url, id FROM articles").fetchall())
        for n in range(max(gone.values())):
            archive.record_checks([Check(ids[url], f"2024-06-0{n + 1}T00:00:00+00:00", gone=True, status=410,
                                         final_url=url, reason="status", evidence="HTTP 410")
                                   for url, times in gone.items() if times > n])


def test_removed_lists_only_confirmed_removals_latest_first(filled: Path) -> None:
    _takedowns(filled, {"https://a.kz/1": 2, "https://b.kz/1": 2, "https://a.kz/2": 1})
    conn = connect_readonly(filled)
    rows = query_module.removed(conn)
    assert _urls(rows) == ["https://b.kz/1", "https://a.kz/1"]  # a.kz/2 is only suspected
    assert (rows[0]["removed_at"], rows[0]["confirmed_at"], rows[0]["status"], rows[0]["reason"]) == (
        "2024-06-01T00:00:00+00:00", "2024-06-02T00:00:00+00:00", 410, "status")
    assert _urls(query_module.removed(conn, "Тоқаев", site="a")) == ["https://a.kz/1"]  # a query and a filter
    assert _urls(query_module.removed(conn, "ғылым")) == ["https://b.kz/1"]
    assert query_module.removed(conn, "доллар") == []  # a.kz/2 matches, but it is not removed
    with pytest.raises(QueryError, match="invalid search query"):
        query_module.removed(conn, '"unclosed')


def test_stats_counts_takedowns_per_outlet(filled: Path) -> None:
    _takedowns(filled, {"https://a.kz/1": 2, "https://a.kz/2": 1})
    assert stats(connect_readonly(filled))["removals"] == [
        {"site": "a", "removed": 1, "restored": 0, "suspected": 1, "last_removed_at": "2024-06-01T00:00:00+00:00"}]


def test_recheck_candidates_are_an_outlets_window_newest_first_with_validators(db_path: Path) -> None:
    with Archive(db_path) as archive:
        item = make_item("https://a.kz/3", site="a", headline="", body="Мәтін бар.", published_at="2024-05-04T10:00:00+05:00")
        item.headers = {"ETag": ['"v1"'], "Last-Modified": ["Sat, 04 May 2024 05:00:00 GMT"]}
        archive.store([make_item(url, site=site, headline=headline, body=body, published_at=published)
                       for url, site, _, headline, body, published in ARTICLES] + [item])
    conn = connect_readonly(db_path)
    found = query_module.recheck_candidates(conn, ArticleFilter(site="a", since="2024-05-02"))
    assert [(a.url, a.headline, a.body, a.etag, a.last_modified) for a in found] == [
        ("https://a.kz/3", "", "Мәтін бар.", '"v1"', "Sat, 04 May 2024 05:00:00 GMT"),
        ("https://a.kz/2", ARTICLES[1][3], ARTICLES[1][4], None, None)]
    assert query_module.recheck_candidates(conn, ArticleFilter(site="a"), before=found[0].id, limit=1) == [found[1]]
    # those at given URLs only (a harvest's requests): outside the window or not archived, none
    wanted = ["https://a.kz/2", "https://a.kz/1", "https://a.kz/none"]
    assert query_module.recheck_candidates(conn, ArticleFilter(site="a", since="2024-05-02"), urls=wanted) == [found[1]]

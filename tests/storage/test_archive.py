"""The writer: pages, articles and versions, tickers, links, runs, failures."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kznews.items import DiscoveryHint, LinkHint, PackedBody, PageRecord, TickerQuote
from kznews.storage import Archive, ArchiveError, StoreResult
from kznews.storage import archive as archive_module
from kznews.storage.archive import content_hash
from kznews.storage.folding import fold_query
from kznews.storage.packing import pack
from tests.storage.conftest import check_search_index, make_item

LATER = "2024-05-02T06:00:00+00:00"


def _count(archive: Archive, table: str) -> int:
    return archive._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _article(archive: Archive, url: str = "https://kaz.example/news/1") -> sqlite3.Row:
    archive._conn.row_factory = sqlite3.Row
    try:
        return archive._conn.execute("SELECT * FROM articles WHERE url = ?", (url,)).fetchone()
    finally:
        archive._conn.row_factory = None


def _fts_ok(archive: Archive) -> None:
    check_search_index(archive._conn)


def _fts_urls(archive: Archive, query: str) -> list[str]:
    return [
        row[0]
        for row in archive._conn.execute(
            "SELECT a.url FROM articles_fold JOIN articles a ON a.id = articles_fold.rowid WHERE articles_fold MATCH ?",
            (fold_query(query),),
        )
    ]


# -- opening ---------------------------------------------------------------------


def test_creates_parent_directories(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "archive.db"
    Archive(path).close()
    assert path.is_file()


def test_writer_pragmas(archive: Archive) -> None:
    pragma = lambda name: archive._conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 1  # NORMAL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 10_000


def test_parent_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ArchiveError, match="cannot create directory"):
        Archive(tmp_path / "file" / "archive.db")


def test_directory_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="is a directory"):
        Archive(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file_is_a_clear_error(db_path: Path) -> None:
    Archive(db_path).close()
    db_path.chmod(0o444)
    with pytest.raises(ArchiveError, match="read-only"):
        Archive(db_path).store([make_item()])


def test_context_manager_closes(db_path: Path) -> None:
    with Archive(db_path) as archive:
        pass
    with pytest.raises(sqlite3.ProgrammingError):
        archive._conn.execute("SELECT 1")


# -- pages -----------------------------------------------------------------------


def test_page_is_stored_raw_and_compressed(archive: Archive) -> None:
    item = make_item()
    archive.store([item])
    status, headers, body, sha, kind = archive._conn.execute(
        "SELECT status, headers, body, body_sha256, kind FROM pages"
    ).fetchone()
    assert status == 200
    assert headers == '{"Content-Type": ["text/html; charset=utf-8"]}'
    assert zlib.decompress(body) == item.body
    assert sha == hashlib.sha256(item.body).hexdigest()
    assert kind == "article"


def test_a_body_packed_beside_extraction_is_stored_as_given(archive: Archive) -> None:
    """The writer takes the worker's packing, and compresses nothing itself."""
    item = make_item()
    item.packed = PackedBody(hashlib.sha256(item.body).hexdigest(), zlib.compress(item.body, 9))
    archive.store([item])
    body, sha = archive._conn.execute("SELECT body, body_sha256 FROM pages").fetchone()
    assert body == item.packed.compressed != pack(item.body).compressed
    assert sha == item.packed.sha256
    assert archive.store([make_item()]).pages == 0  # the same page packed by the writer: known by its hash


def test_identical_refetch_adds_no_page_row(archive: Archive) -> None:
    assert archive.store([make_item()]).pages == 1
    assert archive.store([make_item(fetched_at=LATER)]).pages == 0
    assert _count(archive, "pages") == 1
    assert archive._conn.execute("SELECT fetched_at, last_fetched_at FROM pages").fetchone() == ("2024-05-01T06:00:00+00:00", LATER)


def test_changed_body_adds_a_page_row(archive: Archive) -> None:
    archive.store([make_item(html="<p>one</p>")])
    assert archive.store([make_item(html="<p>two</p>")]).pages == 1
    assert _count(archive, "pages") == 2


def test_page_without_record_stores_only_the_page(archive: Archive) -> None:
    item = make_item()
    item.record = None
    assert archive.store([item]) == StoreResult(pages=1)
    assert _count(archive, "articles") == 0


def test_page_carries_its_run(archive: Archive) -> None:
    run_id = archive.start_run("crawl", {})
    archive.store([make_item()], run_id=run_id)
    assert archive._conn.execute("SELECT run_id FROM pages").fetchone() == (run_id,)


# -- articles and versions ---------------------------------------------------------


def test_new_article(archive: Archive) -> None:
    result = archive.store([make_item(authors=["Айгүл Сәрсенова"], tags=["саясат"], provenance={"body": "selector"})])
    assert (result.pages, result.new_articles) == (1, 1)
    row = _article(archive)
    assert row["headline"] == "Тоқаев Астанада сөз сөйледі"
    assert row["authors"] == '["Айгүл Сәрсенова"]'
    assert row["tags"] == '["саясат"]'
    assert row["provenance"] == '{"body": "selector"}'
    assert row["first_seen_at"] == row["last_seen_at"] == row["fetched_at"] == "2024-05-01T06:00:00+00:00"
    assert row["versions"] == 1
    assert row["page_id"] == 1
    assert _count(archive, "article_versions") == 0  # the current text is kept once, in articles


def test_unchanged_article_only_moves_last_seen(archive: Archive) -> None:
    archive.store([make_item()])
    result = archive.store([make_item(fetched_at=LATER)])
    assert result == StoreResult(unchanged_articles=1)
    row = _article(archive)
    assert row["first_seen_at"] == "2024-05-01T06:00:00+00:00"
    assert row["last_seen_at"] == row["fetched_at"] == LATER
    assert row["versions"] == 1
    assert _count(archive, "article_versions") == 0


def test_changed_article_updates_row_and_adds_version(archive: Archive) -> None:
    archive.store([make_item()])
    result = archive.store([make_item(fetched_at=LATER, body="Түзетілген мәтін.")])
    assert (result.updated_articles, result.new_articles, result.pages) == (1, 0, 1)
    row = _article(archive)
    assert row["body"] == "Түзетілген мәтін."
    assert row["versions"] == 2
    assert row["first_seen_at"] == "2024-05-01T06:00:00+00:00"
    assert row["page_id"] == 2
    earlier = archive._conn.execute("SELECT body, page_id, fetched_at FROM article_versions").fetchall()
    assert earlier == [("Мемлекет басшысы бүгін сөз сөйледі.", 1, "2024-05-01T06:00:00+00:00")]
    history = archive._conn.execute("SELECT body, current FROM article_history ORDER BY page_id").fetchall()
    assert history == [("Мемлекет басшысы бүгін сөз сөйледі.", 0), ("Түзетілген мәтін.", 1)]


def test_earlier_version_keeps_its_last_fetch(archive: Archive) -> None:
    archive.store([make_item()])
    archive.store([make_item(fetched_at=LATER)])  # same text, fetched again
    archive.store([make_item(fetched_at="2024-05-03T06:00:00+00:00", body="Түзетілген мәтін.")])
    assert archive._conn.execute("SELECT fetched_at FROM article_versions").fetchall() == [(LATER,)]


def test_edit_within_one_batch_keeps_the_earlier_text(archive: Archive) -> None:
    result = archive.store([make_item(), make_item(fetched_at=LATER, body="Түзетілген мәтін.")])
    assert (result.new_articles, result.updated_articles) == (1, 1)
    assert _article(archive)["versions"] == 2
    assert archive._conn.execute("SELECT body FROM article_versions").fetchall() == [
        ("Мемлекет басшысы бүгін сөз сөйледі.",)]


def test_reverted_article_reuses_its_earlier_version(archive: Archive) -> None:
    archive.store([make_item()])
    archive.store([make_item(body="Түзетілген мәтін.")])
    result = archive.store([make_item()])
    assert result.updated_articles == 1
    assert _article(archive)["body"] == "Мемлекет басшысы бүгін сөз сөйледі."
    assert _count(archive, "article_versions") == 2  # both texts were superseded once
    assert _article(archive)["versions"] == 2


def test_new_articles_are_counted_per_outlet(archive: Archive) -> None:
    result = archive.store([make_item("https://a.kz/1", site="a"), make_item("https://a.kz/2", site="a"),
                            make_item("https://b.kz/1", site="b"), make_item("https://b.kz/1", site="b", body="Өзгерді.")])
    assert result.new_by_site == {"a": 2, "b": 1}  # the edit in the same batch is one article
    assert archive.store([make_item("https://a.kz/1", site="a", body="Өзгерді.")]).new_by_site == {}


def test_same_article_twice_in_one_batch(archive: Archive) -> None:
    result = archive.store([make_item(), make_item(fetched_at=LATER)])
    assert (result.new_articles, result.unchanged_articles, result.pages) == (1, 1, 1)


def test_pipeline_content_hash_is_used(archive: Archive) -> None:
    archive.store([make_item(content_hash="abc")])
    assert _article(archive)["content_hash"] == "abc"
    assert archive.store([make_item(content_hash="abc", body="other")]).unchanged_articles == 1


def test_fallback_content_hash_ignores_provenance() -> None:
    a = make_item(provenance={"body": "selector"}).record.article  # type: ignore[union-attr]
    b = make_item(provenance={"body": "trafilatura"}).record.article  # type: ignore[union-attr]
    c = make_item(body="changed").record.article  # type: ignore[union-attr]
    assert a is not None and b is not None and c is not None
    assert content_hash(a) == content_hash(b) != content_hash(c)


def test_known_article_urls(archive: Archive) -> None:
    archive.store([make_item("https://kaz.example/a", canonical_url="https://kaz.example/a-canonical")])
    known = archive.known_article_urls(["https://kaz.example/a", "https://kaz.example/a-canonical", "https://kaz.example/b"])
    assert known == {"https://kaz.example/a", "https://kaz.example/a-canonical"}
    assert archive.known_article_urls([]) == set()


# -- full-text index kept in sync -------------------------------------------------


def test_fts_follows_updates(archive: Archive) -> None:
    archive.store([make_item(body="Алматыда жаңбыр жауды.")])
    archive.store([make_item(body="Шымкентте күн ашық.")])
    _fts_ok(archive)
    assert _fts_urls(archive, "Шымкентте") == ["https://kaz.example/news/1"]
    assert _fts_urls(archive, "Алматыда") == []


def test_fts_follows_deletes(archive: Archive) -> None:
    archive.store([make_item(body="Алматыда жаңбыр жауды.")])
    archive.store([make_item(body="Шымкентте күн ашық.")])
    archive._conn.execute("DELETE FROM articles")
    _fts_ok(archive)
    assert _fts_urls(archive, "Шымкентте") == []
    assert _count(archive, "article_versions") == 0  # history goes with the article


def test_unchanged_refetch_does_not_reindex(archive: Archive) -> None:
    archive.store([make_item()])
    before = archive._conn.execute("SELECT count(*) FROM articles_fold_data").fetchone()
    archive.store([make_item(fetched_at=LATER)])
    assert archive._conn.execute("SELECT count(*) FROM articles_fold_data").fetchone() == before
    _fts_ok(archive)


# -- tickers and links ---------------------------------------------------------------


def test_tickers_are_idempotent(archive: Archive) -> None:
    quotes = [TickerQuote("USD/KZT", 445.5, "https://kaz.example/"), TickerQuote("EUR/KZT", 480.1, "https://kaz.example/")]
    assert archive.store([make_item(tickers=quotes)]).tickers == 2
    assert archive.store([make_item(tickers=quotes)]).tickers == 0
    assert _count(archive, "tickers") == 2


def test_ticker_observed_at_defaults_to_fetch_time(archive: Archive) -> None:
    archive.store([make_item(tickers=[TickerQuote("USD/KZT", 445.5, "https://kaz.example/")])])
    archive.store([make_item(fetched_at=LATER, tickers=[TickerQuote("USD/KZT", 446.0, "https://kaz.example/")])])
    rows = archive._conn.execute("SELECT value, observed_at, site FROM tickers ORDER BY observed_at").fetchall()
    assert rows == [(445.5, "2024-05-01T06:00:00+00:00", "example"), (446.0, LATER, "example")]


def test_ticker_keeps_its_as_of_day_and_move(archive: Archive) -> None:
    quote = TickerQuote("USD/KZT", 445.5, "https://kaz.example/", change=-0.26, direction="down", as_of="2024-05-02")
    archive.store([make_item(tickers=[quote, TickerQuote("EUR/KZT", 480.1, "https://kaz.example/")])])
    rows = archive._conn.execute("SELECT pair, change, direction, as_of FROM tickers ORDER BY pair").fetchall()
    assert rows == [("EUR/KZT", None, None, None), ("USD/KZT", -0.26, "down", "2024-05-02")]


def test_links_are_unique_per_listing_and_refreshed(archive: Archive) -> None:
    listing = "https://kaz.example/news/"
    first = [LinkHint("https://kaz.example/news/1", headline="Бірінші", published_raw="10:15")]
    again = [LinkHint("https://kaz.example/news/1", headline=None, published_at="2024-05-02T10:15:00+05:00")]
    assert archive.store([make_item(listing, kind="listing", with_article=False, links=first)]).links == 1
    assert archive.store([make_item(listing, kind="listing", with_article=False, links=again, fetched_at=LATER)]).links == 0
    rows = archive._conn.execute("SELECT listing_url, url, headline, published_raw, published_at, seen_at FROM links").fetchall()
    assert rows == [(listing, "https://kaz.example/news/1", "Бірінші", "10:15", "2024-05-02T10:15:00+05:00", LATER)]


# -- re-extraction -------------------------------------------------------------------


def test_iter_pages_yields_latest_page_per_url_decompressed(archive: Archive) -> None:
    hint = DiscoveryHint(source="sitemap", title="Тақырып", published="2024-05-01")
    old, new = make_item(html="<p>old</p>"), make_item(html="<p>new</p>", fetched_at=LATER)
    new.hint = hint
    other = make_item("https://kaz.example/news/2", site="other")
    archive.store([old, new, other])
    pages = list(archive.iter_pages())
    assert [(page_id, page.url) for page_id, page in pages] == [(2, new.url), (3, other.url)]
    page = pages[0][1]
    assert (page.body, page.fetched_at, page.hint, page.record, page.edition) == (b"<p>new</p>", LATER, hint, None, "kk")
    assert page.headers == new.headers


def test_iter_pages_filters(archive: Archive) -> None:
    archive.store([make_item("https://a/1", site="a"), make_item("https://b/1", site="b", kind="listing")])
    assert [p.url for _, p in archive.iter_pages(site="a")] == ["https://a/1"]
    assert [p.url for _, p in archive.iter_pages(kind="listing")] == ["https://b/1"]
    assert list(archive.iter_pages(site="a", kind="listing")) == []


def test_iter_pages_prefers_the_latest_refetch_of_an_earlier_body(archive: Archive) -> None:
    archive.store([make_item(html="<p>A</p>")])
    archive.store([make_item(html="<p>B</p>", fetched_at=LATER)])
    archive.store([make_item(html="<p>A</p>", fetched_at="2024-05-03T06:00:00+00:00")])
    assert [p.body for _, p in archive.iter_pages()] == [b"<p>A</p>"]


def test_store_records_updates_articles_without_page_rows(archive: Archive) -> None:
    archive.store([make_item()])
    (page_id, page), = archive.iter_pages()
    better = make_item(body="Жақсырақ экстрактор тапқан мәтін.").record
    assert better is not None
    result = archive.store_records([(page_id, better)])
    assert result == StoreResult(updated_articles=1)
    assert _count(archive, "pages") == 1
    assert _article(archive)["versions"] == 2
    assert archive.store_records([(page_id, better)]) == StoreResult(unchanged_articles=1)


def test_store_records_takes_a_batch_of_pages(archive: Archive) -> None:
    archive.store([make_item("https://kaz.example/1"), make_item("https://kaz.example/2")])
    pages = dict(archive._conn.execute("SELECT url, id FROM pages").fetchall())
    records = [(pages[url], make_item(url, body=f"Жаңа мәтін {n}.").record) for n, url in enumerate(sorted(pages))]
    assert archive.store_records(records) == StoreResult(updated_articles=2)  # type: ignore[arg-type]
    bodies = archive._conn.execute("SELECT url, body, page_id FROM articles ORDER BY url").fetchall()
    assert bodies == [("https://kaz.example/1", "Жаңа мәтін 0.", pages["https://kaz.example/1"]),
                      ("https://kaz.example/2", "Жаңа мәтін 1.", pages["https://kaz.example/2"])]


def test_store_records_unknown_page_stores_nothing(archive: Archive) -> None:
    archive.store([make_item()])
    (page_id, _), = archive.iter_pages()
    changed = make_item(body="Жаңа мәтін.").record
    with pytest.raises(ArchiveError, match="no page 42 in"):
        archive.store_records([(page_id, changed), (42, PageRecord(url="https://x", kind="article"))])  # type: ignore[list-item]
    assert _article(archive)["body"] == "Мемлекет басшысы бүгін сөз сөйледі."


# -- runs ------------------------------------------------------------------------------


def test_runs_are_recorded(archive: Archive) -> None:
    run_id = archive.start_run("crawl", {"site": "example", "limit": 5})
    assert archive._conn.execute("SELECT outcome, ended_at FROM runs").fetchone() == ("running", None)
    archive.finish_run(run_id, "interrupted", {"start_time": datetime(2024, 5, 1, tzinfo=UTC), "items": 3})
    outcome, stats, args, ended = archive._conn.execute("SELECT outcome, stats, args, ended_at FROM runs").fetchone()
    assert outcome == "interrupted"
    assert stats == '{"items": 3, "start_time": "2024-05-01 00:00:00+00:00"}'
    assert args == '{"limit": 5, "site": "example"}'
    assert ended is not None


def test_a_run_left_running_by_a_killed_process_is_closed_as_killed(tmp_path) -> None:
    db = tmp_path / "k.db"
    with Archive(db) as first:
        first.start_run("crawl", {})  # never finished: the process "died"
    with Archive(db) as second:
        second.start_run("crawl", {})
        rows = second._conn.execute("SELECT id, outcome, ended_at IS NOT NULL FROM runs ORDER BY id").fetchall()
    assert rows == [(1, "killed", 1), (2, "running", 0)]


def test_finish_unknown_run(archive: Archive) -> None:
    with pytest.raises(ArchiveError, match="no run 7"):
        archive.finish_run(7, "finished", {})


# -- atomicity and failures ------------------------------------------------------------


def test_failed_batch_is_rolled_back_entirely(archive: Archive) -> None:
    bad = make_item("https://kaz.example/news/2", tickers=[TickerQuote("USD/KZT", None, "https://x")])  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        archive.store([make_item(), bad])
    assert _count(archive, "pages") == _count(archive, "articles") == 0
    assert archive.store([make_item()]).new_articles == 1  # still usable


def test_disk_full_is_a_clear_error_and_rolls_back(archive: Archive) -> None:
    archive.store([make_item()])
    pages = archive._conn.execute("PRAGMA page_count").fetchone()[0]
    archive._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = [make_item(f"https://kaz.example/big/{i}", html=os.urandom(20_000).hex()) for i in range(20)]
    with pytest.raises(ArchiveError, match="disk full") as excinfo:
        archive.store(big)
    assert "\n" not in str(excinfo.value)
    assert _count(archive, "pages") == 1
    assert archive._conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_second_writer_waits_then_fails_clearly(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_module, "BUSY_TIMEOUT_S", 0.2)
    Archive(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with Archive(db_path) as archive, pytest.raises(ArchiveError, match="locked by another writer"):
        archive.store([make_item()])
    other.execute("ROLLBACK")


def test_page_cache_size_is_a_parameter(tmp_path: Path) -> None:
    """The writer's SQLite page cache is what a long crawl keeps resident: the caller sizes it."""
    for mib, expected in ((64, -65536), (8, -8192)):
        archive = Archive(tmp_path / f"c{mib}.db", cache_mib=mib) if mib != 64 else Archive(tmp_path / "c.db")
        try:
            assert archive._conn.execute("PRAGMA cache_size").fetchone()[0] == expected
        finally:
            archive.close()

"""Pages from web archives: their origin and capture rows, and versions in capture order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kznews.items import Capture, PageItem
from kznews.storage import Archive, connect_readonly, stats

from .conftest import make_item

LIVE = "2024-05-01T06:00:00+00:00"
OLDER = "2018-03-21T10:15:00+00:00"
OLDEST = "2016-08-30T00:00:00+00:00"
CC = Capture("commoncrawl", "AAAA", {"crawl": "CC-MAIN-2018-13", "filename": "crawl-data/x.warc.gz",
                                     "offset": 120, "length": 4000})


def _captured(item: PageItem, capture: Capture = CC) -> PageItem:
    item.capture = capture
    return item


def test_a_capture_is_stored_with_its_origin_and_record(archive: Archive, db_path: Path) -> None:
    archive.store([_captured(make_item(fetched_at=OLDER)), make_item("https://kaz.example/news/2")])
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT url, origin FROM pages ORDER BY id").fetchall() == [
        ("https://kaz.example/news/1", "commoncrawl"), ("https://kaz.example/news/2", "live")]
    assert conn.execute("SELECT url, origin, captured_at, digest, json_extract(record, '$.offset') FROM captures"
                        ).fetchall() == [("https://kaz.example/news/1", "commoncrawl", OLDER, "AAAA", 120)]


def test_a_second_capture_of_a_stored_body_is_recorded_and_moves_the_first_fetch_back(
    archive: Archive, db_path: Path
) -> None:
    archive.store([make_item(fetched_at=LIVE)])
    wayback = Capture("wayback", "AAAA", {"timestamp": "20180321101500"})
    archive.store([_captured(make_item(fetched_at=OLDER), wayback)])
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*), min(fetched_at), max(last_fetched_at), min(origin) FROM pages").fetchone() == (
        1, OLDER, LIVE, "live")
    assert conn.execute("SELECT origin, page_id FROM captures").fetchall() == [("wayback", 1)]


def _history(db_path: Path) -> list[tuple[str, int, str]]:
    return sqlite3.connect(db_path).execute(
        "SELECT headline, current, fetched_at FROM article_history ORDER BY fetched_at").fetchall()


def test_an_older_capture_of_another_text_becomes_an_earlier_version(archive: Archive, db_path: Path) -> None:
    archive.store([make_item(fetched_at=LIVE, headline="Жаңа мәтін")])
    result = archive.store([_captured(make_item(fetched_at=OLDER, headline="Ескі мәтін"))])
    assert result.updated_articles == 1
    assert _history(db_path) == [("Ескі мәтін", 0, OLDER), ("Жаңа мәтін", 1, LIVE)]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT first_seen_at, last_seen_at, versions FROM articles").fetchone() == (OLDER, LIVE, 2)
    # the search index still holds the current text only
    assert conn.execute("SELECT count(*) FROM articles_fold WHERE articles_fold MATCH 'жана'").fetchone() == (1,)


def test_captures_arriving_in_any_order_in_one_batch_give_the_versions_in_capture_order(
    archive: Archive, db_path: Path
) -> None:
    archive.store([
        _captured(make_item(fetched_at=OLDER, headline="Екінші")),
        _captured(make_item(fetched_at=LIVE, headline="Үшінші")),
        _captured(make_item(fetched_at=OLDEST, headline="Бірінші")),
    ])
    assert _history(db_path) == [("Бірінші", 0, OLDEST), ("Екінші", 0, OLDER), ("Үшінші", 1, LIVE)]
    assert sqlite3.connect(db_path).execute("SELECT first_seen_at, versions FROM articles").fetchone() == (OLDEST, 3)


def test_an_older_capture_of_the_same_text_only_moves_first_seen_back(archive: Archive, db_path: Path) -> None:
    archive.store([make_item(fetched_at=LIVE)])
    result = archive.store([_captured(make_item(fetched_at=OLDER))])
    assert result.unchanged_articles == 1
    assert sqlite3.connect(db_path).execute(
        "SELECT first_seen_at, fetched_at, last_seen_at, versions FROM articles").fetchone() == (OLDER, LIVE, LIVE, 1)


def test_reextraction_reads_a_captured_page_with_its_capture(archive: Archive) -> None:
    archive.store([_captured(make_item(fetched_at=OLDER)), make_item("https://kaz.example/news/2")])
    pages = {item.url: item for _, item in archive.iter_pages()}
    assert pages["https://kaz.example/news/1"].capture == CC
    assert pages["https://kaz.example/news/1"].fetched_at == OLDER
    assert pages["https://kaz.example/news/2"].capture is None


def test_stats_count_the_pages_of_each_source(archive: Archive, db_path: Path) -> None:
    archive.store([_captured(make_item(fetched_at=OLDER)), make_item("https://kaz.example/news/2"),
                   make_item("https://kaz.example/news/3")])
    conn = connect_readonly(db_path)
    assert stats(conn)["captures"] == [{"source": "live", "pages": 2}, {"source": "commoncrawl", "pages": 1}]

"""Attributions as data: one row per source, and who republishes whom."""

from __future__ import annotations

from pathlib import Path

from kznews.items import Source
from kznews.storage import Archive, connect_readonly
from tests.storage.conftest import make_item

KAZTAG = Source(name="КазТАГ", kind="reports", evidence="сообщает КазТАГ со ссылкой на МИД",
                via="МИД", outlet="kaztag")


def test_sources_are_rows_of_their_article(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Archive(db) as archive:
        archive.store([make_item("https://ic24.kz/news/a-u1", site="ic24", sources=[KAZTAG])])
    rows = connect_readonly(db).execute("SELECT name, kind, via, outlet FROM sources").fetchall()
    assert rows == [("КазТАГ", "reports", "МИД", "kaztag")]


def test_re_extraction_replaces_the_sources(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Archive(db) as archive:
        archive.store([make_item("https://ic24.kz/news/a-u1", site="ic24", sources=[KAZTAG])])
        archive.store([make_item("https://ic24.kz/news/a-u1", site="ic24", sources=[])])
    assert connect_readonly(db).execute("SELECT count(*) FROM sources").fetchone() == (0,)


def test_republications_counts_who_republishes_whom(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    own = Source(name="КазТАГ", kind="source-line", evidence="Источник: КазТАГ", outlet="kaztag")
    with Archive(db) as archive:
        archive.store([
            make_item("https://ic24.kz/news/a-u1", site="ic24", sources=[KAZTAG],
                      published_at="2024-04-16T10:00:00+05:00"),
            make_item("https://ic24.kz/news/b-u2", site="ic24", sources=[own],
                      published_at="2024-04-17T10:00:00+05:00"),
            make_item("https://kaztag.kz/ru/news/c-1", site="kaztag", sources=[own]),  # its own line
        ])
    rows = connect_readonly(db).execute(
        "SELECT source_outlet, republisher, articles, first_published, last_published, with_original"
        " FROM republications"
    ).fetchall()
    assert rows == [("kaztag", "ic24", 2, "2024-04-16T10:00:00+05:00", "2024-04-17T10:00:00+05:00", 0)]


def _lags(db: Path) -> list[tuple]:
    return connect_readonly(db).execute(
        "SELECT source_outlet, republisher, url, original_url, lag_minutes FROM republication_lags ORDER BY url"
    ).fetchall()


def store_republications(db: Path) -> None:
    """A KazTAG article, an ic24 republication of it 90 minutes later, and one whose original is not archived."""
    with Archive(db) as archive:
        archive.store([
            make_item("https://kaztag.kz/ru/news/1", site="kaztag", headline="Тоқаев подписал закон о СМИ",
                      published_at="2024-04-16T10:00:00+05:00"),
            # 06:30 UTC is 11:30 at +05:00: 90 minutes after the original
            make_item("https://ic24.kz/news/a-u1", site="ic24", headline="«Токаев подписал закон о СМИ»",
                      published_at="2024-04-16T06:30:00Z", sources=[KAZTAG]),
            make_item("https://ic24.kz/news/b-u2", site="ic24", headline="Другая новость",
                      published_at="2024-04-16T12:00:00+05:00", sources=[KAZTAG]),
        ])


def test_republication_lag_is_minutes_after_the_sources_article(tmp_path: Path) -> None:
    """The original: the source outlet's article with the same headline (folded, words only), offsets honoured."""
    db = tmp_path / "s.db"
    store_republications(db)
    assert _lags(db) == [("kaztag", "ic24", "https://ic24.kz/news/a-u1", "https://kaztag.kz/ru/news/1", 90)]
    summary = connect_readonly(db).execute(
        "SELECT articles, with_original, min_lag_minutes, avg_lag_minutes, max_lag_minutes FROM republications"
    ).fetchone()
    assert summary == (2, 1, 90, 90, 90)


def test_republication_lag_takes_the_earliest_original_in_the_window(tmp_path: Path) -> None:
    """A headline the source reused a month earlier is not the original; of two in the window, the first is."""
    db = tmp_path / "s.db"
    same = "Курс доллара вырос"
    with Archive(db) as archive:
        archive.store([
            make_item("https://kaztag.kz/ru/news/old", site="kaztag", headline=same,
                      published_at="2024-03-10T09:00:00+05:00"),
            make_item("https://kaztag.kz/ru/news/1", site="kaztag", headline=same,
                      published_at="2024-04-16T09:00:00+05:00"),
            make_item("https://kaztag.kz/ru/news/2", site="kaztag", headline=same,
                      published_at="2024-04-16T10:00:00+05:00"),
            make_item("https://ic24.kz/news/a-u1", site="ic24", headline=same,
                      published_at="2024-04-16T11:00:00+05:00", sources=[KAZTAG, KAZTAG]),
        ])
    assert _lags(db) == [("kaztag", "ic24", "https://ic24.kz/news/a-u1", "https://kaztag.kz/ru/news/1", 120)]


def test_a_republication_of_another_outlet_is_not_matched(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Archive(db) as archive:
        archive.store([
            make_item("https://www.inform.kz/ru/x_a1", site="inform", headline="Новость дня",
                      published_at="2024-04-16T09:00:00+05:00"),
            make_item("https://ic24.kz/news/a-u1", site="ic24", headline="Новость дня",
                      published_at="2024-04-16T11:00:00+05:00", sources=[KAZTAG]),
        ])
    assert _lags(db) == []

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
        "SELECT source_outlet, republisher, articles, first_published, last_published FROM republications"
    ).fetchall()
    assert rows == [("kaztag", "ic24", 2, "2024-04-16T10:00:00+05:00", "2024-04-17T10:00:00+05:00")]

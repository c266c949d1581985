"""The bulk write path: a batch stores exactly what the same fetches stored one by one would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kznews.items import LinkHint, PageItem, Source, TickerQuote
from kznews.storage import Archive, connect_readonly, indexing, search
from kznews.storage.folding import _TABLE, fold
from tests.storage.conftest import check_search_index, make_item

T = ["2024-05-01T06:00:00+00:00", "2024-05-02T06:00:00+00:00", "2024-05-03T06:00:00+00:00"]
A, B, C = "https://kaz.example/a", "https://kaz.example/b", "https://kaz.example/c"


def _fetches() -> list[PageItem]:
    """New articles, re-fetches, edits, a revert and a changed source list, in crawl order; links and quotes."""
    src = [Source(name="КазТАГ", kind="source-line", evidence="Источник: КазТАГ", outlet="kaztag")]
    said, says_more = [LinkHint(C, headline="Toqaev", published_raw="10:15")], [LinkHint(C, published_at=T[1]), LinkHint(A)]
    return [
        make_item(A, headline="Жаңалық", body="Алматыда жаңбыр жауды.", fetched_at=T[0], sources=src, story="s:1",
                  links=said, tickers=[TickerQuote("USD/KZT", 445.5, A)]),
        make_item(B, headline="Ауа райы", body="Шымкентте күн ашық.", fetched_at=T[0], editions={"ru": C}, links=said,
                  tickers=[TickerQuote("USD/KZT", 445.5, A)]),  # the same quote again
        make_item(A, headline="Жаңалық", body="Алматыда жаңбыр жауды.", fetched_at=T[1], links=says_more),
        # the fetch above is unchanged: no version
        make_item(A, headline="Жаңалық", body="Алматыда қар жауды.", fetched_at=T[1], site="other", story="s:2"),  # edited
        make_item(B, headline="Ауа райы", body="Шымкентте күн ашық.", fetched_at=T[0]),  # an older re-fetch
        make_item(A, headline="Жаңалық", body="Алматыда жаңбыр жауды.", fetched_at=T[2]),  # reverted: the first version again
        make_item(C, headline="Toqaev", body="Ақтөбеде жол ашылды.", fetched_at=T[2], lang="kk-latn"),
        make_item(C, headline="Toqaev", body="Ақтөбеде көпір ашылды.", fetched_at=T[2], sources=src),
    ]


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row, but versions without their own id: a batch numbers them article by article."""
    conn = sqlite3.connect(db)
    try:
        versions = ", ".join(r[1] for r in conn.execute("PRAGMA table_info(article_versions)") if r[1] != "id")
        return {
            table: conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2, 3").fetchall()
            for table, columns in (("articles", "*"), ("article_versions", versions), ("sources", "*"),
                                   ("editions", "*"), ("pages", "*"), ("links", "*"), ("tickers", "*"))
        }
    finally:
        conn.close()


def _consistent(db: Path) -> None:
    """The search index holds exactly the current text of every article."""
    conn = sqlite3.connect(db)
    try:
        check_search_index(conn)
        for article_id, *texts in conn.execute("SELECT id, headline, lead, body FROM articles").fetchall():
            for word in " ".join(t for t in texts if t).replace(".", " ").split():
                hits = conn.execute("SELECT rowid FROM articles_fold(?)", (f'"{fold(word)}"',)).fetchall()
                assert (article_id,) in hits, word
    finally:
        conn.close()


@pytest.mark.parametrize("split", [1, 3, 8])
def test_a_batch_stores_what_single_fetches_store(tmp_path: Path, split: int) -> None:
    one_by_one, batched = tmp_path / "one.db", tmp_path / "batched.db"
    with Archive(one_by_one) as archive:
        singles = [archive.store([item]) for item in _fetches()]
    items = _fetches()
    with Archive(batched) as archive:
        results = [archive.store(items[i:i + split]) for i in range(0, len(items), split)]
    for field in ("pages", "new_articles", "updated_articles", "unchanged_articles", "tickers", "links"):
        assert sum(getattr(r, field) for r in results) == sum(getattr(r, field) for r in singles), field
    assert _dump(batched) == _dump(one_by_one)
    _consistent(batched)
    conn = connect_readonly(batched)
    assert [r["url"] for r in search(conn, "қар")] == []  # the edit was reverted
    assert [r["url"] for r in search(conn, "Токаев")] == [C]
    assert [r["url"] for r in search(conn, "жол")] == []  # replaced in the same batch
    versions = dict(conn.execute("SELECT url, versions FROM articles").fetchall())
    assert versions == {A: 2, B: 1, C: 2}


def test_updates_of_stored_articles_and_new_ones_in_one_batch(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        archive.store([make_item(f"https://kaz.example/{n}", body=f"Бірінші мәтін {n}.") for n in range(30)])
        # stored articles edited in descending id order, among new ones
        batch = []
        for n in reversed(range(30)):
            batch.append(make_item(f"https://kaz.example/{n}", body=f"Екінші нұсқа {n}.", fetched_at=T[1]))
            batch.append(make_item(f"https://kaz.example/new{n}", body=f"Жаңа мақала {n}.", fetched_at=T[1]))
        result = archive.store(batch)
    assert (result.new_articles, result.updated_articles) == (30, 30)
    _consistent(db)
    conn = connect_readonly(db)
    assert search(conn, "Бірінші") == []
    assert len(search(conn, "нусқа", limit=100)) == 30


def test_a_failed_batch_leaves_no_index_entries(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    archive.store([make_item(A, body="Алматыда жаңбыр жауды.")])

    def failing_fold(text: str | None) -> str | None:
        if text and "Шымкентте" in text:
            raise RuntimeError("failed after the rows and the first index were written")
        return fold(text)

    monkeypatch.setattr(indexing, "fold", failing_fold)
    with pytest.raises(RuntimeError):
        archive.store([make_item(B, body="Шымкентте күн ашық.")])
    conn = archive._conn
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM articles_fold('Шымкентте')").fetchone()[0] == 0
    check_search_index(conn)


@pytest.mark.parametrize(
    "text",
    ["Тоқаев Астанада", "Toqaev Ğylym Şymkent", "ЁЛКА ёлка", "قازاقستان Қазақстан", "€ “” — 2024 ™", "", "Ұлттық Үкімет"],
)
def test_fold_fast_path_matches_the_letter_table(text: str) -> None:
    assert fold(text) == text.translate(_TABLE)
    assert len(fold(text) or "") == len(text)


def test_counts_follow_inserts_and_cascading_deletes(archive: Archive) -> None:
    quotes = [TickerQuote("USD/KZT", 445.5, A), TickerQuote("EUR/KZT", 480.1, A)]
    archive.store([*_fetches()[:3], make_item(A, with_article=False, tickers=quotes)])
    conn = archive._conn

    def exact() -> None:
        counted = dict(conn.execute("SELECT name, n FROM counts").fetchall())
        for table in ("articles", "article_versions", "pages", "tickers"):
            assert counted[table] == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
        outlets = conn.execute("SELECT site, articles FROM outlets WHERE articles > 0 ORDER BY site").fetchall()
        assert outlets == conn.execute("SELECT site, count(*) FROM articles GROUP BY site ORDER BY site").fetchall()

    exact()
    archive.store(_fetches()[3:4])  # A moves to "other"
    assert conn.execute("SELECT site FROM articles WHERE url = ?", (A,)).fetchone() == ("other",)
    exact()
    archive.store(_fetches()[4:] + [make_item("https://kaz.example/d", site=None)])  # and back; no site at all
    exact()
    conn.execute("DELETE FROM articles WHERE url = ?", (A,))  # its versions go with it
    conn.execute("DELETE FROM tickers WHERE pair = 'EUR/KZT'")
    exact()
    assert dict(conn.execute("SELECT name, n FROM counts").fetchall())["articles"] == 3

"""Stories across outlets: MinHash sketches as datasketch makes them, near-duplicate bodies grouped by the writer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from datasketch import MinHash

from kznews.items import Source
from kznews.storage import Archive, connect_readonly, stories
from kznews.storage.folding import fold
from tests.storage.conftest import make_item

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _zyte_bodies(n: int) -> list[str]:
    truth = json.loads((SHARED / "evaldata/zyte/ground-truth.json").read_text("utf-8"))
    return [v["articleBody"] for _, v in sorted(truth.items()) if len((v.get("articleBody") or "").split()) > 150][:n]


def test_sketches_are_datasketchs_minhash() -> None:
    bodies = [fold(body) for body in _zyte_bodies(5)]
    sets = [s for s in stories.shingles(bodies) if s is not None]
    for words, values, row in zip(bodies, sets, stories.signatures(sets), strict=True):
        tokens = re.findall(r"[^\W_]+", words.lower())
        assert len(values) == len(tokens) - stories.SHINGLE + 1
        sketch = MinHash(num_perm=stories.NUM_PERM, hashfunc=int, permutations=stories.PERMUTATIONS, scheme="affine32")
        sketch.update_batch(values.tolist())
        assert (sketch.hashvalues == row).all()


def test_short_bodies_have_no_keys() -> None:
    assert stories.keys_of(["Фото: Акорда", None, ""]) == [[], [], []]


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


@pytest.fixture
def grouped(db_path: Path) -> list[tuple[str, int]]:
    original, other, third = _zyte_bodies(3)
    sentences = _sentences(original)
    rewrite = " ".join([_sentences(other)[0], *sentences[1:4], *sentences[5:]])  # new lead, a sentence dropped
    with Archive(db_path) as archive:
        archive.store([make_item("https://a.kz/1", site="a", lang="en", headline="One", body=original),
                       make_item("https://b.kz/1", site="b", lang="en", headline="Two", body=other)])
        archive.store([make_item("https://c.kz/1", site="c", lang="en", headline="Another headline",
                                 body="ASTANA. Kazinform – " + rewrite),
                       make_item("https://d.kz/1", site="d", lang="en", headline="Three", body=third),
                       make_item("https://e.kz/1", site="e", lang="en", headline="Copy", body=third)])
    conn = connect_readonly(db_path)
    return conn.execute("SELECT a.url, s.story FROM articles a JOIN stories s ON s.article_id = a.id ORDER BY 1").fetchall()


def test_republished_and_rewritten_copies_join_the_story_of_the_first(grouped: list[tuple[str, int]]) -> None:
    story = dict(grouped)
    assert story["https://c.kz/1"] == story["https://a.kz/1"] != story["https://b.kz/1"]  # archived before
    assert story["https://e.kz/1"] == story["https://d.kz/1"] != story["https://a.kz/1"]  # earlier in the batch
    assert len(set(story.values())) == 3


def test_editions_of_one_story_share_it(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.store([make_item("https://a.kz/ru/1", site="a", lang="ru", story="a:1", body="Текст новости.")])
        archive.store([make_item("https://a.kz/kk/1", site="a", lang="kk", story="a:1", body="Жаңалық мәтіні."),
                       make_item("https://a.kz/en/1", site="a", lang="en", body="The news.",
                                 editions={"ru": "https://a.kz/ru/1"})])
    conn = connect_readonly(db_path)
    assert {s for (s,) in conn.execute("SELECT story FROM stories")} == {1}


def test_story_outlets_and_republications_by_body(db_path: Path) -> None:
    original = _zyte_bodies(1)[0]
    with Archive(db_path) as archive:
        archive.store([make_item("https://kaztag.kz/1", site="kaztag", lang="ru", headline="Original headline",
                                 body=original, published_at="2024-05-01T10:00:00+05:00")])
        archive.store([make_item("https://inform.kz/1", site="inform", lang="ru", headline="A headline of its own",
                                 body=original + " Источник: КазТАГ", published_at="2024-05-01T11:30:00+05:00",
                                 sources=[_source("КазТАГ", "kaztag")])])
    conn = connect_readonly(db_path)
    row = conn.execute("SELECT articles, outlets, first_publisher, first_url FROM story_outlets").fetchone()
    assert row == (2, 2, "kaztag", "https://kaztag.kz/1")
    lag = conn.execute("SELECT original_url, lag_minutes, matched_by FROM republication_lags").fetchone()
    assert lag == ("https://kaztag.kz/1", 90, "body")
    assert conn.execute("SELECT with_original, by_body FROM republications").fetchone() == (1, 1)


def _source(name: str, outlet: str) -> Source:
    return Source(name=name, kind="source-line", evidence=f"Источник: {name}", outlet=outlet)


def test_deleting_an_article_deletes_its_bands_by_the_one_key(db_path: Path) -> None:
    """v15: ``story_bands`` has its primary key alone; an article's keys, kept in ``stories.bands``, delete its rows."""
    original, other = _zyte_bodies(2)
    with Archive(db_path) as archive:
        archive.store([make_item("https://a.kz/1", site="a", lang="en", body=original),
                       make_item("https://b.kz/1", site="b", lang="en", body=other),
                       make_item("https://c.kz/1", site="c", lang="en", body="Too short to group.")])
        conn = archive._conn
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(story_bands)")}
        assert indexes == {"sqlite_autoindex_story_bands_1"}  # the primary key, no article_id index
        held = dict(conn.execute("SELECT article_id, count(*) FROM story_bands GROUP BY article_id").fetchall())
        assert held == {1: stories.BANDS, 2: stories.BANDS}
        for article_id, bands in conn.execute("SELECT article_id, bands FROM stories").fetchall():
            expected = sorted(k for (k,) in conn.execute("SELECT key FROM story_bands WHERE article_id = ?",
                                                          (article_id,)))
            assert sorted(json.loads(bands or "[]")) == expected
        conn.execute("DELETE FROM articles WHERE url = 'https://a.kz/1'")
        assert conn.execute("SELECT DISTINCT article_id FROM story_bands").fetchall() == [(2,)]
        assert conn.execute("SELECT article_id FROM stories ORDER BY 1").fetchall() == [(2,), (3,)]

"""An article's search index: derived by the extraction worker or by the writer, the archive holds the same rows."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

from kznews.extract.normalize import normalize
from kznews.items import PageItem
from kznews.storage import Archive
from kznews.storage.indexing import derive, index_record
from tests.conftest import SHARED
from tests.storage.conftest import make_item

_TABLES = {  # every row the writer derives from an article's text, in a stable order
    "word_forms": "SELECT key, word FROM word_forms ORDER BY 1, 2",
    "stories": "SELECT article_id, story FROM stories ORDER BY 1",
    "story_bands": "SELECT key, article_id FROM story_bands ORDER BY 1, 2",
    "search index": "SELECT term, doc, col, offset FROM temp.terms ORDER BY 1, 2, 3, 4",
    "headline keys": "SELECT id, headline_key FROM articles ORDER BY 1",
}


def _real_texts() -> list[tuple[str, str]]:
    """(lang, text) of real Russian and Kazakh news passages, and English bodies long enough to be sketched."""
    with open(SHARED / "texts" / "cases.jsonl", encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh]
    passages = [(c["lang"], c["context"]) for c in cases if c["lang"] in ("ru", "kk") and len(c["context"]) > 200]
    truth = json.loads((SHARED / "evaldata/zyte/ground-truth.json").read_text("utf-8"))
    bodies = [v["articleBody"] for _, v in sorted(truth.items()) if len((v.get("articleBody") or "").split()) > 150]
    return passages[:6] + [c for c in passages if c[0] == "kk"][:6] + [("en", body) for body in bodies[:2]]


def _items() -> list[PageItem]:
    """Articles on real texts: Russian, Kazakh, English; a republished copy (a story), and an edit of one."""
    texts = _real_texts()
    items = [make_item(f"https://a.kz/{n}", lang=lang, headline=text[:60], lead=text[:120], body=text)
             for n, (lang, text) in enumerate(texts)]
    lang, body = texts[-1]
    items.append(make_item("https://b.kz/copy", site="b", lang=lang, headline="Copy", body="ASTANA. " + body))
    first = texts[0][1]
    items.append(make_item("https://a.kz/0", lang=texts[0][0], headline=first[:60], body=first + " Обновлено.",
                           fetched_at="2024-05-02T06:00:00+00:00"))
    return items


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, articles_fold, 'instance')")
        return {name: conn.execute(sql).fetchall() for name, sql in _TABLES.items()}
    finally:
        conn.close()


def _store(db: Path, batches: list[list[PageItem]]) -> dict[str, list[tuple[object, ...]]]:
    with Archive(db) as archive:
        for batch in batches:
            archive.store(batch)
    return _rows(db)


def test_an_index_from_the_worker_gives_the_rows_the_writer_derives(tmp_path: Path) -> None:
    items = _items()
    carried = copy.deepcopy(items)
    for item in carried:
        assert item.record is not None
        index_record(item.record)
        assert item.record.index is not None
    assert any(item.record and item.record.index and item.record.index.bands for item in carried)
    by_writer = _store(tmp_path / "writer.db", [items[:8], items[8:]])
    by_worker = _store(tmp_path / "worker.db", [carried[:8], carried[8:]])
    assert by_worker == by_writer
    assert all(by_writer.values())  # words filed, stories and bands kept, text indexed
    assert len({story for _, story in by_writer["stories"]}) < len(by_writer["stories"])  # the copy joined a story


def test_an_index_of_a_text_changed_since_is_derived_again(tmp_path: Path) -> None:
    """Normalization cleans the text after the worker derived its index: the writer indexes the cleaned text."""
    item = make_item(lang="ru", headline="Новости", body="Президент Казах\x00стана подписал закон о бюджете.")
    assert item.record is not None and item.record.article is not None
    index_record(item.record)
    normalize(item.record)
    assert item.record.index is not None and item.record.index.of[3] != item.record.article.body
    clean = make_item(lang="ru", headline="Новости", body="Президент Казахстана подписал закон о бюджете.")
    assert _store(tmp_path / "carried.db", [[item]]) == _store(tmp_path / "clean.db", [[clean]])
    words = {word for _, word in _rows(tmp_path / "carried.db")["word_forms"]}
    assert "казахстана" in words and "стана" not in words


def test_the_index_is_what_the_text_alone_gives() -> None:
    index = derive("kk", "Тоқаев Астанада", None, "Мемлекет басшысы Қазақстанның болашағы туралы айтты.")
    assert index.folded == ("Токаев Астанада", None, "Мемлекет басшысы Казакстаннын болашагы туралы айтты.")
    lines = dict(line.split(" ", 1) for line in index.forms.split("\n"))
    assert "kказакстан" in lines["казакстаннын"].split()  # filed under its Kazakh stem: Қазақстан finds it
    assert "токаев" in lines and "басшысы" in lines
    assert index.bands == ()  # a body of fewer than 40 words is not grouped into stories

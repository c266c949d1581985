"""Search across the Kazakh alphabets: a word found in Cyrillic and in each Latin alphabet, whichever it is typed in.

Generated from ``kznews.extract.kazakh``'s tables: real Kazakh passages are archived in Cyrillic and spelled in the
2017 (apostrophes), 2018 (acute accents, sh/ch/ts digraphs), 2021 (Turkic letters) and informal ASCII alphabets;
every word of them, typed in any of these alphabets, finds the passage in all of them and nothing else.  English
words with the same letter pairs (sh, ch, ts) find their English text only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kznews.extract import kazakh
from kznews.storage import Archive, connect_readonly, search
from kznews.storage.folding import fold, kazakh_readings
from tests.conftest import SHARED
from tests.storage.conftest import make_item

ALPHABETS = ("cyrillic", "latin2017", "latin2018", "latin2021", "ascii")
_DIGRAPH_LETTERS = set("шчцжщюяё")  # spelled with two letters or an apostrophe in some Latin alphabet
_APOSTROPHE_LETTERS = {c for c in "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщыіэюя" if "'" in kazakh.latin(c, "latin2017")}


def _passages() -> list[str]:
    with open(SHARED / "texts" / "cases.jsonl", encoding="utf-8") as fh:
        cases = sorted((json.loads(line) for line in fh), key=lambda case: case["id"])
    kazakh_texts = [re.sub(r"\S*[A-Za-z]\S*", "", c["context"]) for c in cases if c["lang"] == "kk"]  # Latin names out
    cyrillic = [text for text in kazakh_texts if len(re.findall("[а-яәғқңөұүһі]", text.lower())) > 150]  # not tote
    return cyrillic[:6]


def _words(text: str) -> list[str]:
    return sorted({w for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) >= 4})


@pytest.fixture(scope="module")
def archived(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    passages = _passages()
    english = json.loads((SHARED / "evaldata/zyte/ground-truth.json").read_text("utf-8"))
    body = next(v["articleBody"] for _, v in sorted(english.items()) if "sh" in (v.get("articleBody") or ""))
    db = tmp_path_factory.mktemp("folding") / "archive.db"
    with Archive(db) as archive:
        archive.store([
            *(make_item(f"https://kk.kz/{alphabet}/{n}", lang="kk", headline=kazakh.spell(text.split(".")[0], alphabet),
                        body=kazakh.spell(text, alphabet))
              for n, text in enumerate(passages) for alphabet in ALPHABETS),
            make_item("https://en.kz/1", lang="en", headline="News", body=body),
        ])
    yield db, passages


def _found(db: Path, query: str) -> set[str]:
    conn = connect_readonly(db)
    try:
        return {hit["url"] for hit in search(conn, query, exact=True, limit=100)}
    finally:
        conn.close()


def test_a_word_typed_in_any_alphabet_finds_it_in_every_alphabet(archived: tuple[Path, list[str]]) -> None:
    db, passages = archived
    folded_words = [set(re.findall(r"\w+", fold(text).lower())) for text in passages]
    tested: set[str] = set()
    missed = []
    for word in sorted({w for text in passages for w in _words(text)}):
        holding = {n for n, words in enumerate(folded_words) if fold(word).lower() in words}
        for alphabet in ALPHABETS:
            # Informal ASCII does not tell н from ң, nor the other letters 2017 writes with an apostrophe
            reach = [a for a in ALPHABETS if not (alphabet == "ascii" and a == "latin2017" and _APOSTROPHE_LETTERS & set(word))]
            expected = {f"https://kk.kz/{a}/{n}" for n in holding for a in reach}
            typed = kazakh.spell(word, alphabet)
            found = _found(db, typed)
            if not expected <= found or found - {f"https://kk.kz/{a}/{n}" for n in holding for a in ALPHABETS}:
                missed.append((word, alphabet, typed, sorted(found ^ expected)))
        tested.add(word)
    assert not missed, (len(missed), missed[:40])
    assert any(_DIGRAPH_LETTERS & set(word) for word in tested)  # the digraphs were tried
    assert any(_APOSTROPHE_LETTERS & set(word) for word in tested)  # and the apostrophes of 2017


def test_a_latin_spelling_reads_back_to_the_cyrillic_word() -> None:
    """The letter groups read as one letter: each official spelling of a word reads as the word, in its alphabet."""
    for word in ("шымкент", "шешім", "жиналыс", "цифрлық", "ұлттық", "қазақстанның", "тәуелсіздік", "заңсыз"):
        for alphabet in ("latin2017", "latin2018", "latin2021"):
            assert word in kazakh_readings(kazakh.latin(word, alphabet)), (word, alphabet)


def test_english_words_with_the_same_letter_pairs_find_their_english_text_only(
        archived: tuple[Path, list[str]]) -> None:
    db, _ = archived
    conn = connect_readonly(db)
    try:
        body = str(conn.execute("SELECT body FROM articles WHERE url = 'https://en.kz/1'").fetchone()[0])
    finally:
        conn.close()
    paired = sorted({w for w in re.findall(r"[a-z]+", body.lower()) if len(w) >= 4 and re.search("sh|ch|ts", w)})
    assert paired
    for word in paired:
        assert _found(db, word) == {"https://en.kz/1"}, word

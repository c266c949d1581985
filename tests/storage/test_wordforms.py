"""Word forms: Russian Snowball stems and the Kazakh suffix stripper, on words printed by Kazakh news pages."""

from __future__ import annotations

import sqlite3

import pytest

from kznews.storage.folding import fold
from kznews.storage.wordforms import forms, keys, stem_kk, stems_kk, words


def _f(word: str) -> str:
    return fold(word).lower()


def _finds(base: str, form: str, lang: str) -> bool:
    """Whether a search for ``base`` finds ``form`` printed in an article of ``lang``, through ``word_forms``."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE word_forms (key TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (key, word)) WITHOUT ROWID")
    conn.executemany("INSERT INTO word_forms VALUES (?, ?)", [(key, _f(form)) for key in keys(_f(form), lang)])
    return _f(form) == _f(base) or _f(form) in forms(conn, _f(base))


# Kazakh forms from the texts of bench/wordforms (case contexts, aikyn.kz headlines): plural, possessive, case,
# each in its harmony and assimilation variant, and the -ғы adjectival.
KAZAKH = [
    ("Қазақстан", ["Қазақстанның", "Қазақстандағы", "Qazaqstanda"]),
    ("доллар", ["долларды", "доллардың", "доллары", "долларының", "долларға"]),
    ("мәлімет", ["мәліметке", "мәліметтер", "мәліметтеріне", "мәліметі", "мәліметінше", "mälimetterdi"]),
    ("облыс", ["облысы", "облысына", "облысының", "облысында"]),
    ("министрлік", ["министрлігі", "министрлігіне", "министрлігінің", "министрліктің"]),
    ("агенттік", ["агенттігі", "агенттігіне"]),
    ("теңге", ["теңгеге", "теңгеден", "теңгемен", "теңгені"]),
    ("қала", ["қаласы", "қаласында", "қаласындағы", "қаласының"]),
    ("күн", ["күнгі", "күндері", "күні", "күнімен", "күнін", "күніне"]),
    ("жыл", ["жылдан", "жылды", "жылдың", "жылғы"]),
    ("қыркүйек", ["қыркүйекте", "қыркүйектегі", "qyrkýiek"]),
    ("тілші", ["тілшісі"]),
    ("валюта", ["валюталардың", "валюталарына", "валютаның"]),
    ("ел", ["елдегі", "елімізде", "еліміздің"]),
]


@pytest.mark.parametrize(("base", "forms"), KAZAKH)
def test_a_kazakh_base_form_finds_its_forms(base: str, forms: list[str]) -> None:
    assert [form for form in forms if not _finds(base, form, "kk")] == []


@pytest.mark.parametrize(("base", "other"), [
    ("облыс", "облыстық"),  # a derived adjective (regional) is another word
    ("аудан", "аударды"),  # translated: another root
    ("жыл", "жылу"),  # warmth
    ("Астана", "Аста"),
    ("мереке", "мерекелік"),
])
def test_a_kazakh_base_form_does_not_find_other_words(base: str, other: str) -> None:
    assert not _finds(base, other, "kk")


def test_the_stripper_never_leaves_a_stem_shorter_than_two_letters() -> None:
    assert all(len(stem) >= 2 for word in ("ауданы", "елге", "ана", "суда", "ойы") for stem in stems_kk(_f(word)))
    assert stem_kk("кыркуйег") == "кыркуиек"  # a final voiced г is the к of the base form, й is и (2018 Latin ı)


@pytest.mark.parametrize(("base", "forms"), [
    ("Казахстан", ["Казахстана", "Казахстане", "Казахстану"]),
    ("Астана", ["Астане", "Астаны", "Астану"]),
    ("город", ["города", "городах", "городе", "городов", "городу"]),
    ("область", ["области"]),
    ("служба", ["служб", "службе", "службу", "службы"]),
    ("национальный", ["национальная", "национального", "национальной", "национальном"]),
])
def test_a_russian_base_form_finds_its_forms(base: str, forms: list[str]) -> None:
    assert [form for form in forms if not _finds(base, form, "ru")] == []


def test_a_word_is_filed_by_its_article_language() -> None:
    assert all(key.startswith("r") for key in keys("города", "ru"))
    assert all(key.startswith("k") for key in keys("калада", "kk"))
    assert {key[0] for key in keys("калада", None)} == {"r", "k"}
    assert keys("города", "en") == ()


def test_words_are_cyrillic_words_of_three_letters_or_more() -> None:
    assert words([_f("В городе Астане 2024 года Toqaev и on"), None]) == {"городе", "астане", "года", "токаев"}

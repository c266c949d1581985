"""Word forms: which words of the archive are forms of a searched word, in Russian and in Kazakh.

Search works on folded, lowercased words (``kznews.storage.folding``).  Each such word of an article is filed
under a key: its Russian Snowball stem (PyStemmer) in a Russian article, its Kazakh stem (``stem_kk``) in a
Kazakh one, both when the language is not known.  The writer keeps ``word_forms (key, word)``; a search
looks up the keys of a searched word and matches every word filed under them, so ``город`` finds
``города`` and ``городе``, ``Қазақстан`` finds ``Қазақстанның`` and ``Qazaqstanda``.

Kazakh has no Snowball stemmer.  ``stem_kk`` strips the endings of Kazakh nominal morphology from the end of a
word, again and again: case (genitive, accusative, dative, locative, ablative, instrumental, the ``-ғы``
adjectival and the ``-ша`` equative), possessive (third person, first person plural) and plural, each in its
vowel-harmony and consonant-assimilation variants as folding leaves them (ғ→г, қ→к, ң→н, і→и, ә→а, ө→о,
ү/ұ→у), and only where the letter before the ending allows that variant.  It never leaves fewer than
``MIN_STEM`` letters, and a stem's final г/б is read as к/п (қыркүйек → қыркүйегі, агенттік → агенттігі).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

MIN_STEM = 2  # Kazakh has two-letter roots (ел, су, ай); a stem never gets shorter than this
_RUSSIAN = Stemmer.Stemmer("russian")
# A word worth filing: three letters or more, Cyrillic (what is not Cyrillic after folding is not Russian or Kazakh).
WORD = re.compile(r"[а-яё]{3,}")
_SEARCHED = re.compile(r"[а-яё]{2,}")  # a searched word may be a two-letter Kazakh root (ел, су), its forms longer

_VOWELS = frozenset("аеиоуыэюя")
_VOICELESS = frozenset("кпстфхцчшщ")
_NASAL = frozenset("мн")
_FRONT_SUFFIX = frozenset("еи")
# Which sound may come before each ending: v vowel, n nasal (м н ң), z voiced consonant, s voiceless, p a
# possessive vowel (ы, і: the ending follows a possessive), l the sonants л р й у (the instrumental and plural).
_ENDINGS: dict[str, str] = {
    # genitive
    "нын": "vnp", "нин": "vnp", "дын": "zl", "дин": "zl", "тын": "s", "тин": "s",
    # accusative
    "ны": "v", "ни": "v", "ды": "znl", "ди": "znl", "ты": "s", "ти": "s", "н": "p",
    # dative
    "га": "vznl", "ге": "vznl", "ка": "s", "ке": "s", "на": "p", "не": "p",
    # locative, and the adjectival -ғы after it
    "да": "vznl", "де": "vznl", "та": "s", "те": "s", "нда": "p", "нде": "p",
    "дагы": "vznl", "деги": "vznl", "тагы": "s", "теги": "s", "ндагы": "p", "ндеги": "p",
    "гы": "vznl", "ги": "vznl", "кы": "s", "ки": "s",
    # ablative
    "дан": "vzl", "ден": "vzl", "нан": "np", "нен": "np", "тан": "s", "тен": "s",
    # instrumental
    "мен": "vnlp", "бен": "zl", "пен": "s", "менен": "vnlp", "бенен": "zl", "пенен": "s",
    # equative (мәліметінше: according to the information)
    "нша": "p", "нше": "p", "ша": "vzns", "ше": "vzns",
    # possessive: third person, first person plural
    "ы": "znsl", "и": "znsl", "сы": "v", "си": "v", "ымыз": "znsl", "имиз": "znsl", "мыз": "v", "миз": "v",
    # plural
    "лар": "vl", "лер": "vl", "дар": "zn", "дер": "zn", "тар": "s", "тер": "s",
}
_DEVOICED = str.maketrans("гбй", "кпи")


def _sound(stem: str) -> str:
    """The class of the last letter of ``stem``: v, n, l, z or s (see ``_ENDINGS``)."""
    last = stem[-1]
    if last in _VOWELS:
        return "v"
    if last in _NASAL:
        return "n"
    if last in "лрйу":
        return "l"
    return "s" if last in _VOICELESS else "z"


def _harmonious(stem: str, ending: str) -> bool:
    """Whether ``ending`` can follow ``stem`` by vowel harmony: after a last vowel ы a back ending, after е or и a
    front one (а, о, у are both after folding, as ә, ө, ү became them)."""
    last = next((ch for ch in reversed(stem) if ch in _VOWELS), None)
    vowel = next((ch for ch in ending if ch in _VOWELS), None)
    if last is None or vowel is None:
        return True
    if last == "ы":
        return vowel not in _FRONT_SUFFIX
    if last in "еи":
        return vowel in _FRONT_SUFFIX
    return True


def _allowed(stem: str, classes: str) -> bool:
    if "p" in classes and stem[-1] in "ыи" and len(stem) > MIN_STEM:
        return True
    return _sound(stem) in classes.replace("p", "")


@lru_cache(maxsize=200_000)
def stems_kk(word: str) -> frozenset[str]:
    """Every Kazakh stem a folded, lowercased word may have: the word itself and what is left after each way of
    stripping its endings (see the module's doc), a final г/б read as к/п and й as и.

    A word can split more than one way (облыс-ы, or облы-сы; күн-і, or кү-ні), so every split is kept: a word is
    filed under each, and a search for its base form finds it under that one.
    """
    found = {word}
    todo = [word]
    while todo:
        stem = todo.pop()
        for ending, classes in _ENDINGS.items():
            rest = stem[:-len(ending)]
            if (stem.endswith(ending) and len(rest) >= MIN_STEM and _VOWELS.intersection(rest)
                    and rest not in found and _allowed(rest, classes) and _harmonious(rest, ending)):
                found.add(rest)
                todo.append(rest)
    return frozenset(stem_kk(stem) for stem in found)


def stem_kk(word: str) -> str:
    """The key a Kazakh base form is searched under: itself, a final г/б read as к/п, й as и."""
    return word[:-1].replace("й", "и") + word[-1].translate(_DEVOICED)


@lru_cache(maxsize=200_000)
def stem_ru(word: str) -> str:
    """The Russian Snowball stem of a folded, lowercased word."""
    return str(_RUSSIAN.stemWord(word))


def keys(word: str, lang: str | None) -> tuple[str, ...]:
    """The keys ``word`` (folded, lowercased) is filed under in an article of ``lang``: ``r`` + its Russian stem in
    Russian, ``k`` + each of its Kazakh stems in Kazakh, both when the language is unknown (None), none in other
    languages."""
    russian = ("r" + stem_ru(word),) if lang in ("ru", None) else ()
    kazakh = tuple("k" + stem for stem in stems_kk(word)) if lang in ("kk", None) else ()
    return russian + kazakh


RUSSIAN_STEM_SLACK = 1  # letters a word's Russian stem may run past the searched word's (Snowball cuts астана
# to аста but астане to астан, казахстан to казахста but казахстане to казахстан)


def russian_match(word_stem: str, query_stem: str) -> bool:
    """Whether a word whose Russian stem is ``word_stem`` is a form of a searched word whose stem is
    ``query_stem``: the same stem, or one running ``RUSSIAN_STEM_SLACK`` letters past it."""
    return word_stem.startswith(query_stem) and len(word_stem) - len(query_stem) <= RUSSIAN_STEM_SLACK


def words(folded: Iterable[str | None]) -> set[str]:
    """The distinct words worth filing in folded texts (lowercased here)."""
    found: set[str] = set()
    for text in folded:
        if text:
            found.update(WORD.findall(text.lower()))
    return found


def forms(conn: sqlite3.Connection, word: str, lang: str | None = None) -> list[str]:
    """The other archived forms of folded, lowercased ``word`` (a base form): the words of Russian articles whose
    stem matches its stem (``russian_match``), the words of Kazakh articles with it among their stems.

    ``lang`` narrows them to one language (None: both, as a query's language is not known).
    """
    if not _SEARCHED.fullmatch(word):
        return []
    russian = "r" + stem_ru(word) if lang in ("ru", None) else None
    kazakh = "k" + stem_kk(word) if lang in ("kk", None) else None
    rows_ = conn.execute(
        "SELECT DISTINCT word FROM word_forms WHERE (key >= :ru AND key < :ru || char(1114111)"
        " AND length(key) <= length(:ru) + :slack OR key = :kk) AND word <> :word ORDER BY word",
        {"ru": russian, "kk": kazakh, "slack": RUSSIAN_STEM_SLACK, "word": word},
    ).fetchall()
    return [row[0] for row in rows_]

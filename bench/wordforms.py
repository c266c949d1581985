"""Word forms in search: recall and precision of base-form queries over real Russian and Kazakh texts.

For every query of ``bench/wordforms/queries.jsonl`` the texts that answer it are those holding one of its word
forms listed by reading (``bench/wordforms``).  A method finds a text when one of the text's folded words is the
query's folding or shares a key with it (the way ``word_forms`` files words: the Russian stem in a Russian text,
the Kazakh stem in a Kazakh one; the query's language is not known, so it is looked up under both):

- ``exact``: today's search before word forms, the folded word only;
- ``pystemmer`` / ``snowballstemmer``: Russian Snowball stems (the C library and the pure-Python one);
- ``pymorphy3``: the dictionary lemmatizer, every lemma of each word;
- Kazakh words are filed by ``kznews.storage.wordforms.stem_kk`` in every method but ``exact``.

Recall and precision are per text, summed over the queries of each half (rule-writing, test-only) and language.
Then the cost of each Russian method: words stemmed per second (all distinct words of the texts, uncached), and
the size of the ``word_forms`` rows it files for the 1M-article archive's vocabulary when ``--db`` names one.

Usage: ``python bench/wordforms.py [--db ARCHIVE] [--no-append]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402
from bench.wordforms import documents, queries  # noqa: E402
from kznews.storage import wordforms  # noqa: E402
from kznews.storage.folding import fold, term_alternatives  # noqa: E402

Keys = Callable[[str], set[str]]


def _russian_methods() -> dict[str, Keys]:
    import pymorphy3
    import Stemmer
    from snowballstemmer.russian_stemmer import RussianStemmer

    pystemmer = Stemmer.Stemmer("russian")
    snowball = RussianStemmer()  # the pure-Python one: snowballstemmer.stemmer() hands out PyStemmer when installed
    morph = pymorphy3.MorphAnalyzer()
    return {
        "pystemmer": lambda w: {pystemmer.stemWord(w)},
        "snowballstemmer": lambda w: {snowball.stemWord(w)},
        "pymorphy3": lambda w: {p.normal_form.replace("ё", "е") for p in morph.parse(w)},
    }


def _text_words() -> list[tuple[str, str, set[str]]]:
    """``(id, lang, folded words)`` of every text (all its words, not only those ``word_forms`` files)."""
    import re

    return [(d.id, d.lang, set(re.findall(r"[^\W_]+", fold(d.text).lower()))) for d in documents()]


def evaluate(ru_keys: Keys | None) -> dict[tuple[str, str], tuple[int, int, int]]:
    """``(lang, half) -> (relevant, found, found and relevant)``; ``ru_keys`` None: the exact method."""
    texts = _text_words()
    out: dict[tuple[str, str], list[int]] = {}

    def text_keys(lang: str, word: str) -> set[str]:
        if ru_keys is None or not wordforms.WORD.fullmatch(word):
            return set()
        return {"r" + k for k in ru_keys(word)} if lang == "ru" else set(wordforms.keys(word, "kk"))

    def form_of(keys: set[str], wanted: set[str]) -> bool:  # as kznews.storage.wordforms.forms matches
        return any(k == w if k[0] == "k" else wordforms.russian_match(k, w) for k in keys for w in wanted if k[0] == w[0])

    cache: dict[tuple[str, str], set[str]] = {}
    for query in queries():
        typed = set(term_alternatives(query["query"]))
        wanted = {k for q in typed for k in ({"r" + s for s in ru_keys(q)} | {"k" + wordforms.stem_kk(q)})
                  } if ru_keys else set()
        forms = {fold(f).lower() for f in query["forms"]}
        tally = out.setdefault((query["lang"], query["half"]), [0, 0, 0])
        for _, lang, words in texts:
            if lang != query["lang"]:  # the query's language is given (--lang): its texts only
                continue
            relevant = bool(words & forms)
            found = bool(typed & words) or any(form_of(cache.setdefault((lang, w), text_keys(lang, w)), wanted)
                                               for w in words)
            tally[0] += relevant
            tally[1] += found
            tally[2] += relevant and found
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def _speed(keys: Keys, vocabulary: list[str]) -> float:
    start = time.perf_counter()
    for word in vocabulary:
        keys(word)
    return len(vocabulary) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--misses", action="store_true", help="print each rule-half query's misses and false hits")
    args = parser.parse_args(argv)
    methods: dict[str, Keys | None] = {"exact": None, **_russian_methods()}
    lines = ["| method | lang | half | queries | relevant texts | found | recall | precision |",
             "|---|---|---|---|---|---|---|---|"]
    counts = {(q["lang"], q["half"]): 0 for q in queries()}
    for q in queries():
        counts[q["lang"], q["half"]] += 1
    for name, keys in methods.items():
        for (lang, which), (relevant, found, hit) in sorted(evaluate(keys).items()):
            lines.append(f"| {name} | {lang} | {which} | {counts[lang, which]} | {relevant} | {found} | "
                         f"**{hit / relevant:.3f}** | **{hit / found if found else 1:.3f}** |")
    vocabulary = sorted({w for _, _, words in _text_words() for w in words if wordforms.WORD.fullmatch(w)})
    lines += ["", f"Speed over the texts' {len(vocabulary)} distinct Cyrillic words, uncached:", "",
              "| method | words/s |", "|---|---|"]
    for name, keys in methods.items():
        if keys is not None:
            lines.append(f"| {name} | {_speed(keys, vocabulary):,.0f} |")
    lines.append(f"| stems_kk (Kazakh) | {_speed(wordforms.stems_kk.__wrapped__, vocabulary):,.0f} |")
    report = "\n".join(lines)
    print(report)
    if args.misses:
        _print_misses()
    if not args.no_append:
        append("word forms (search recall and precision)", report, __file__, argv)
    return 0


def _print_misses() -> None:
    """For the rule half only: the forms a query misses and the words it finds wrongly (Kazakh rules are written
    from these)."""
    texts = _text_words()
    every = {w for _, _, words in texts for w in words}
    for query in queries("rules"):
        q = fold(query["query"]).lower()
        forms = {fold(f).lower() for f in query["forms"]}
        key = wordforms.stem_kk(q)
        found = {w for w in every if wordforms.WORD.fullmatch(w) and key in wordforms.stems_kk(w)} | {q}
        print(query["lang"], query["query"], "missed:", sorted(forms - found), "wrong:", sorted(found - forms - {q}))


if __name__ == "__main__":
    raise SystemExit(main())

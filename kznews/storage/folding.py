"""Search folding for Kazakh and Russian: what a plain keyboard types meets what was printed.

``fold`` maps, letter for letter, Kazakh letters to their Russian base (ә→а, ғ→г,
қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), ё→е, and Kazakh written in Latin letters (the 2018 and
2021 alphabets, and plain ASCII) to Cyrillic, so ``Тоқаев``, ``Токаев`` and ``Toqaev`` all fold
to ``Токаев``.  Latin is Kazakh only where it can be: a word with a letter of the Kazakh Latin
alphabets (q, ä, ğ, ñ, ö, ū, ü, ş, ç, ı, á, ǵ, ń, ó, ú, ý), or every word of a text written in them;
other Latin words (English, names) are kept, so ``on``, ``na`` and ``po`` do not fold into ``он``, ``на``
and ``по``.  One character always becomes one character, so positions in folded text are positions
in the original (snippets rely on it).  Case is left to the FTS5 tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import overload

_PAIRS = (
    # Kazakh Cyrillic letters and ё to the Russian base letter
    "әа ӘА ғг ҒГ қк ҚК ңн ҢН өо ӨО ұу ҰУ үу ҮУ һх ҺХ іи ІИ ёе ЁЕ "
    # Kazakh Latin (2021) letters with diacritics
    "äа ÄА ğг ĞГ ñн ÑН öо ÖО ūу ŪУ üу ÜУ şш ŞШ çч ÇЧ ıи İИ "
    # Kazakh Latin (2018) letters with an acute accent (ı, и in 2018 and і in 2021, folds to и either way)
    "áа ÁА ǵг ǴГ ńн ŃН óо ÓО úу ÚУ ýу ÝУ "
    # plain Latin letters, as the 2021 alphabet reads them (q = қ → к, j = ж, y = ы)
    "aа AА bб BБ cц CЦ dд DД eе EЕ fф FФ gг GГ hх HХ iи IИ jж JЖ kк KК lл LЛ mм MМ "
    "nн NН oо OО pп PП qк QК rр RР sс SС tт TТ uу UУ vв VВ wу WУ xх XХ yы YЫ zз ZЗ"
)
_TABLE = str.maketrans({pair[0]: pair[1] for pair in _PAIRS.split()})
# The fast path: text that fits the Kazakh single-byte code page (Cyrillic with the Kazakh
# letters, ASCII, common punctuation) is folded as bytes, several times faster than
# str.translate, which looks every non-ASCII character up in a dict.
_CODEPAGE = "kz1048"


def _byte_table(pairs: list[str]) -> bytes:
    table = bytearray(range(256))
    for pair in pairs:
        try:
            table[pair[0].encode(_CODEPAGE)[0]] = pair[1].encode(_CODEPAGE)[0]
        except UnicodeEncodeError:
            continue  # a Latin letter with a diacritic: only on the slow path
    return bytes(table)


_CYRILLIC_PAIRS = [pair for pair in _PAIRS.split() if not pair[0].isascii() and pair[0].lower() in "әғқңөұүһіё"]
_BYTE_TABLE = _byte_table(_PAIRS.split())
_CYRILLIC_BYTE_TABLE = _byte_table(_CYRILLIC_PAIRS)
_CYRILLIC_TABLE = str.maketrans({pair[0]: pair[1] for pair in _CYRILLIC_PAIRS})
# A word in Latin letters, and the letters that only the Kazakh Latin alphabets have (q stands for қ).
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_KAZAKH_LATIN = re.compile("[qQäÄğĞñÑöÖūŪüÜşŞçÇıİáÁǵǴńŃóÓúÚýÝ]")
# A plain ASCII search term this long may be Kazakh (or Russian) typed in Latin letters: it also searches its
# Cyrillic folding (Tokaev: Токаев).  Shorter ones are English words as often (on, no, to, do).
LATIN_ALTERNATIVE_MIN = 4
_CYRILLIC_WORD = re.compile("[а-яё]+")
_TO_LATIN = str.maketrans({  # folded Cyrillic in plain Latin letters, the way the folding reads Latin back
    **{c: latin for c, latin in zip("абвгдежзийклмнопрстуфхцыэ", "abvgdejziiklmnoprstufhcye", strict=True)},
    "ч": "ch", "ш": "sh", "щ": "sh", "ю": "iu", "я": "ia", "ь": "", "ъ": "",
})
# FTS5 query syntax that must survive folding: operators (uppercase words) and
# column filters ("headline:"); everything else that is a word is a search term.
_TERM = re.compile(r"(?<![\w])(?!(?:AND|OR|NOT|NEAR)\b)(\w+)(?!\w*:)")
# A column set, "{headline lead}:", kept as written; a minus before a term (not before a column filter), as web
# searches read it: "тенге -банк" is "тенге NOT банк".
_COLUMN_SET = re.compile(r"(\{[^{}]*\}\s*:)")
_MINUS = re.compile(r"(^|(?<=\s))-(?=[\w\"])(?!\w+\s*:)")
# What of a query is kept as typed, its terms only folded: a "phrase" and a NEAR(...) group.
_EXACT_PART = re.compile(r'("[^"]*"?|\bNEAR\s*\([^)]*\)?)')


def _full(text: str) -> str:
    try:
        return text.encode(_CODEPAGE).translate(_BYTE_TABLE).decode(_CODEPAGE)
    except UnicodeEncodeError:  # Arabic script, Latin diacritics, other symbols
        return text.translate(_TABLE)


def _kazakh_latin_word(match: re.Match[str]) -> str:
    word = match.group()
    return word.translate(_TABLE) if _KAZAKH_LATIN.search(word) else word


@overload
def fold(text: str) -> str: ...
@overload
def fold(text: None) -> None: ...
def fold(text: str | None) -> str | None:
    """``text`` folded letter for letter (None stays None); Latin words only where they can be Kazakh."""
    if text is None:
        return None
    try:
        cyrillic = text.encode(_CODEPAGE).translate(_CYRILLIC_BYTE_TABLE).decode(_CODEPAGE)
    except UnicodeEncodeError:
        cyrillic = text.translate(_CYRILLIC_TABLE)
    if not _KAZAKH_LATIN.search(text):  # the common case: no Latin word can be Kazakh
        return cyrillic
    latin = _LATIN_WORD.findall(text)
    marked = sum(1 for word in latin if _KAZAKH_LATIN.search(word))
    if marked >= 2 and 5 * marked >= len(latin):  # a text in Kazakh Latin: every Latin word is Kazakh
        return _full(text)
    return _LATIN_WORD.sub(_kazakh_latin_word, cyrillic)


def term_alternatives(term: str) -> list[str]:
    """The folded, lowercased spellings a typed search term stands for: its folding, and for a word of
    ``LATIN_ALTERNATIVE_MIN`` letters or more its reading in the other script, as Latin words are kept where they
    are not Kazakh: a plain ASCII word's Cyrillic (``Tokaev``: tokaev, токаев), a Cyrillic word's plain Latin
    (``Астана``: астана, astana)."""
    folded = fold(term).lower()
    alternatives = [folded]
    if len(term) >= LATIN_ALTERNATIVE_MIN and term.isalpha():
        if term.isascii() and folded.isascii():
            alternatives.append(_full(term).lower())
        elif _CYRILLIC_WORD.fullmatch(folded):
            alternatives.append(folded.translate(_TO_LATIN))
    return alternatives


def fold_query(query: str, forms: Callable[[str], list[str]] | None = None) -> str:
    """An FTS5 query with its search terms folded and its operators and column names kept; ``-term`` is
    ``NOT term``.

    A bare term (not in a "phrase" or a NEAR group, not a ``prefix*``) becomes the group of what it stands for:
    its alternatives (``term_alternatives``) and, given ``forms`` (a folded word -> its other word forms), their
    forms: ``город`` -> ``(город OR города OR городе)``.  A phrase is matched as typed (folded).
    """
    def bare(match: re.Match[str]) -> str:
        term = match.group(1)
        if query_prefix(match):
            return fold(term)
        found = term_alternatives(term)
        if forms is not None:
            found += [form for word in list(found) for form in forms(word)]
        found = list(dict.fromkeys(found))
        return found[0] if len(found) == 1 else "(" + " OR ".join(found) + ")"

    def query_prefix(match: re.Match[str]) -> bool:
        return match.string[match.end():match.end() + 1] == "*"

    out = []
    for i, piece in enumerate(_COLUMN_SET.split(query)):  # odd pieces: column sets
        if i % 2:
            out.append(piece)
            continue
        for j, part in enumerate(_EXACT_PART.split(_MINUS.sub(r"\1NOT ", piece))):  # odd parts: phrases, NEAR
            out.append(_TERM.sub(lambda m: fold(m.group(1)), part) if j % 2 else _TERM.sub(bare, part))
    return "".join(out)


def headline_key(headline: str | None) -> str:
    """``headline`` folded, lowercased, words only: what a republished headline shares with its source.

    ``«Казинформ»: Тоқаев подписал закон`` and ``Казинформ - Токаев подписал закон!`` have one key;
    the key is empty when there is no headline (it then matches nothing).
    """
    return " ".join(re.findall(r"\w+", fold(headline).lower())) if headline else ""


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The folded, lowercased terms of a query and whether each is a prefix (``term*``); a folded query's terms
    (``fold_query``) are themselves."""
    return [
        (fold(m.group(1)).lower(), query[m.end():m.end() + 1] == "*")
        for m in _TERM.finditer(query)
    ]


def snippet(text: str | None, query: str, *, width: int = 160, mark: tuple[str, str] = ("[", "]")) -> str:
    """A window of ``text`` around the first match of ``query``'s terms, matches marked.

    Matching is on folded, lowercased words, so ``Токаев`` marks ``Тоқаев``.
    """
    if not text:
        return ""
    terms = query_terms(query)
    folded = fold(text).lower()
    hits = [
        m.span()
        for m in re.finditer(r"\w+", folded)
        if any(m.group() == t or (prefix and m.group().startswith(t)) for t, prefix in terms)
    ]
    start = max(0, hits[0][0] - width // 3) if hits else 0
    end = min(len(text), start + width)
    if start:  # begin at a word boundary
        start = text.find(" ", start, hits[0][0] if hits else end) + 1 or start
    out, pos = [], start
    for a, b in hits:
        if a >= start and b <= end:
            out += [text[pos:a], mark[0], text[a:b], mark[1]]
            pos = b
    out.append(text[pos:end])
    return ("…" if start else "") + "".join(out).replace("\n", " ") + ("…" if end < len(text) else "")

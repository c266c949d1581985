"""Search folding for Kazakh and Russian: what a plain keyboard types meets what was printed.

``fold`` maps, letter for letter, Kazakh letters to their Russian base (ә→а, ғ→г,
қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), ё→е, and Kazakh written in Latin letters (the 2018 and
2021 alphabets, and plain ASCII) to Cyrillic, so ``Тоқаев``, ``Токаев`` and ``Toqaev`` all fold
to ``Токаев``.  Latin is Kazakh only where it can be: a word with a letter of the Kazakh Latin
alphabets (q, ä, ğ, ñ, ö, ū, ü, ş, ç, ı, á, ǵ, ń, ó, ú, ý), or every word of a text written in them;
other Latin words (English, names) are kept, so ``on``, ``na`` and ``po`` do not fold into ``он``, ``на``
and ``по``.  One character always becomes one character, so positions in folded text are positions
in the original (snippets rely on it).  Case is left to the FTS5 tokenizer.

The letter groups of the Kazakh Latin alphabets (the 2017 apostrophes: ``s'`` for ш, ``n'`` for ң; the 2018 digraphs
``sh``, ``ch``, ``ts``; the 2021 ``şş``) cannot be read letter for letter, so a search term stands for the word in
every alphabet instead (``term_alternatives``): a Cyrillic term also searches its spellings in each Latin alphabet
as the index holds them, a Latin one its Cyrillic readings (``kazakh_readings``) and their spellings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
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
# column filters ("headline:"); everything else that is a word is a search term, apostrophes of the 2017
# alphabet included (Tа'uelsizdik).
_APOSTROPHES = "'’‘ʼ`´"
_TERM = re.compile(rf"(?<![\w{_APOSTROPHES}])(?!(?:AND|OR|NOT|NEAR)\b)(\w+(?:[{_APOSTROPHES}]\w+)*[{_APOSTROPHES}]?)(?!\w*:)")
_SPELLED = re.compile(rf"[^\W\d_]+(?:[{_APOSTROPHES}][^\W\d_]+)*[{_APOSTROPHES}]?")  # a word, in letters only
_TO_APOSTROPHE = str.maketrans({mark: "'" for mark in _APOSTROPHES})
# The Latin alphabets a Kazakh word is spelled in (``kznews.extract.kazakh``), and the letters it spells.
_LATIN_ALPHABETS = ("latin2017", "latin2018", "latin2021", "ascii")
_KAZAKH_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_GLIDE = re.compile("(?<=[аәеёоөуұүыіэюя])и")  # и after a vowel: й, as Kazakh writes it
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


@cache
def _readers() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """For each Kazakh Latin alphabet: a pattern of its spellings of the Cyrillic letters (``sh``, ``ch``, ``ts``,
    ``şş``, ``s'``, ``n'``, ``ń``, ``q``…), longest first, and the letter each spells (the first of the letters
    spelled alike: ``ı`` и in 2018, і in 2021).  An alphabet that spells ц ``ts`` is read a second time with ``ts``
    as т and с: ц is rare in Kazakh, т before с common (айтса, aitsa), and ``tsh`` is т and ш.

    Read from ``kznews.extract.kazakh``'s tables (imported here, when a query first needs them: the extraction
    package is slow to import)."""
    from kznews.extract import kazakh

    readers = []
    for alphabet in _LATIN_ALPHABETS:
        letters: dict[str, str] = {}
        for letter in _KAZAKH_LETTERS:
            if spelled := kazakh.latin(letter, alphabet):
                letters.setdefault(spelled, letter)
        for read in (letters, {group: letter for group, letter in letters.items() if group != "ts"}):
            readers.append((re.compile("|".join(map(re.escape, sorted(read, key=lambda s: (-len(s), s))))), read))
    return readers


def kazakh_readings(word: str) -> list[str]:
    """The lowercase Cyrillic words a word in Latin letters stands for: read in each Kazakh Latin alphabet it can be
    read in, its letter groups as one letter (``Shymkent`` шымкент in 2018, ``Zan'syz`` and ``zańsyz`` заңсыз).  The
    alphabets spell и and й alike, and е and э: after a vowel и is also read as й (``aıyp``: айып), a first е as э
    (``ekonomıka``: экономика)."""
    word = word.lower().translate(_TO_APOSTROPHE)
    readings = []
    for pattern, letters in _readers():
        read = pattern.sub(lambda m: letters[m.group()], word)
        if not _LATIN_WORD.search(read) and "'" not in read:
            readings += [read, _GLIDE.sub("й", read), _GLIDE.sub("й", "э" + read[1:]) if read[:1] == "е" else read]
    return list(dict.fromkeys(readings))


def term_words(term: str) -> list[str]:
    """The folded Cyrillic words a search term stands for (whose word forms it also finds): its folding, or for a
    word in Latin letters its Kazakh readings folded."""
    word = term.lower().translate(_TO_APOSTROPHE)
    if not _LATIN_WORD.fullmatch(word.replace("'", "")):
        return [fold(term).lower()]
    return list(dict.fromkeys([fold(term).lower(), *(fold(reading) for reading in kazakh_readings(word))]))


def _index_forms(spelled: str) -> list[str]:
    """How the index holds a word printed in Latin letters, as FTS5 terms: read letter for letter into Cyrillic (a
    word of a Kazakh Latin text), and as ``fold`` reads it in other text (each part of it read only if it has a letter
    only Kazakh Latin has); an apostrophe splits the word into a phrase."""
    forms = []
    for form in (_full(spelled).lower(), _LATIN_WORD.sub(_kazakh_latin_word, spelled).lower()):
        words = re.findall(r"\w+", form)
        forms.append(words[0] if len(words) == 1 else '"' + " ".join(words) + '"')
    return forms


def _spelled_forms(word: str) -> list[str]:
    """The index's forms of a lowercase Cyrillic word spelled in the Kazakh Latin alphabets, with the variants
    in common use (``kznews.extract.kazakh.spellings``)."""
    from kznews.extract import kazakh

    return list(dict.fromkeys(form for spelled in sorted(kazakh.spellings(word))
                              if _LATIN_WORD.fullmatch(spelled.replace("'", "")) for form in _index_forms(spelled)))


def term_alternatives(term: str) -> list[str]:
    """The folded, lowercased spellings a typed search term stands for: its folding, and for a word of
    ``LATIN_ALTERNATIVE_MIN`` letters or more the same word in every alphabet, as the index holds it.

    A Cyrillic word: its plain Latin (``Астана``: astana; Latin words are kept where they are not Kazakh) and its
    spellings in the Kazakh Latin alphabets (``Шымкент``: 2018's Shymkent, 2017's S'ymkent).  A Latin word: how the
    index holds it (``Tokaev``: tokaev, токаев), its Cyrillic readings with the letter groups read as one letter
    (``Shymkent``: шымкент) and their spellings in the other alphabets (Şymkent).  Every alternative is one
    FTS5 term or a "phrase"."""
    folded = fold(term).lower()
    word = term.lower().translate(_TO_APOSTROPHE)
    alternatives = _index_forms(word) if "'" in word else [folded]
    if len(word.replace("'", "")) >= LATIN_ALTERNATIVE_MIN and _SPELLED.fullmatch(word):
        if _CYRILLIC_WORD.fullmatch(folded) and not _LATIN_WORD.search(word):
            alternatives += [folded.translate(_TO_LATIN), *_spelled_forms(word)]
        elif _LATIN_WORD.fullmatch(word.replace("'", "")):
            alternatives += _index_forms(word)
            for reading in kazakh_readings(word):
                alternatives += [fold(reading), *_spelled_forms(reading)]
    return [a for a in dict.fromkeys(alternatives) if a]


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
            found += [form for word in term_words(term) for form in forms(word)]
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


@lru_cache(maxsize=256)
def _hit_pattern(query: str) -> re.Pattern[str] | None:
    """A pattern finding the words of folded, lowercased text that ``query``'s terms match, each whole: a word
    equal to a term, or beginning with a prefix term (``term*``); None when no term can match a word."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    for term, prefix in query_terms(query):
        if re.fullmatch(r"\w+", term):  # a term with an apostrophe is never one word
            (prefixes if prefix else exact).add(term)
    branches = []
    if exact:  # longest first is not needed: (?!\w) sends a shorter term that is part of a word back
        branches.append(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(exact))) + r")(?!\w)")
    if prefixes:
        branches.append(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(prefixes))) + r")\w*")
    return re.compile("|".join(branches)) if branches else None


def snippet(text: str | None, query: str, *, width: int = 160, mark: tuple[str, str] = ("[", "]")) -> str:
    """A window of ``text`` around the first match of ``query``'s terms, matches marked.

    Matching is on folded, lowercased words, so ``Токаев`` marks ``Тоқаев``.  The words are found by one
    pattern of the query's terms, from the first match to the window's end only.
    """
    if not text:
        return ""
    pattern = _hit_pattern(query)
    folded = fold(text).lower()
    first = pattern.search(folded) if pattern is not None else None
    start = max(0, first.start() - width // 3) if first else 0
    end = min(len(text), start + width)
    if start:  # begin at a word boundary
        start = text.find(" ", start, first.start() if first else end) + 1 or start
    out, pos = [], start
    if first is not None and pattern is not None:
        for match in pattern.finditer(folded, first.start()):
            a, b = match.span()
            if b > end:
                break
            out += [text[pos:a], mark[0], text[a:b], mark[1]]
            pos = b
    out.append(text[pos:end])
    return ("…" if start else "") + "".join(out).replace("\n", " ") + ("…" if end < len(text) else "")

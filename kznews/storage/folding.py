"""Search folding for Kazakh and Russian: what a plain keyboard types meets what was printed.

``fold`` maps, letter for letter, Kazakh letters to their Russian base (ә→а, ғ→г,
қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), ё→е, and Latin letters (the 2021 Kazakh
Latin alphabet and plain ASCII) to Cyrillic, so ``Тоқаев``, ``Токаев`` and
``Toqaev`` all fold to ``Токаев``.  One character always becomes one character,
so positions in folded text are positions in the original (snippets rely on it).
Case is left to the FTS5 tokenizer.
"""

from __future__ import annotations

import re

_PAIRS = (
    # Kazakh Cyrillic letters and ё to the Russian base letter
    "әа ӘА ғг ҒГ қк ҚК ңн ҢН өо ӨО ұу ҰУ үу ҮУ һх ҺХ іи ІИ ёе ЁЕ "
    # Kazakh Latin (2021) letters with diacritics
    "äа ÄА ğг ĞГ ñн ÑН öо ÖО ūу ŪУ üу ÜУ şш ŞШ çч ÇЧ ıы İИ "
    # plain Latin letters, as the 2021 alphabet reads them (q = қ → к, j = ж, y = ы)
    "aа AА bб BБ cц CЦ dд DД eе EЕ fф FФ gг GГ hх HХ iи IИ jж JЖ kк KК lл LЛ mм MМ "
    "nн NН oо OО pп PП qк QК rр RР sс SС tт TТ uу UУ vв VВ wу WУ xх XХ yы YЫ zз ZЗ"
)
_TABLE = str.maketrans({pair[0]: pair[1] for pair in _PAIRS.split()})
# The fast path: text that fits the Kazakh single-byte code page (Cyrillic with the Kazakh
# letters, ASCII, common punctuation) is folded as bytes, several times faster than
# str.translate, which looks every non-ASCII character up in a dict.
_CODEPAGE = "kz1048"


def _byte_table() -> bytes:
    table = bytearray(range(256))
    for pair in _PAIRS.split():
        try:
            table[pair[0].encode(_CODEPAGE)[0]] = pair[1].encode(_CODEPAGE)[0]
        except UnicodeEncodeError:
            continue  # a Latin letter with a diacritic: only on the slow path
    return bytes(table)


_BYTE_TABLE = _byte_table()
# FTS5 query syntax that must survive folding: operators (uppercase words) and
# column filters ("headline:"); everything else that is a word is a search term.
_TERM = re.compile(r"(?<![\w])(?!(?:AND|OR|NOT|NEAR)\b)(\w+)(?!\w*:)")
# A column set, "{headline lead}:", kept as written; a minus before a term (not before a column filter), as web
# searches read it: "тенге -банк" is "тенге NOT банк".
_COLUMN_SET = re.compile(r"(\{[^{}]*\}\s*:)")
_MINUS = re.compile(r"(^|(?<=\s))-(?=[\w\"])(?!\w+\s*:)")


def fold(text: str | None) -> str | None:
    """``text`` folded letter for letter (None stays None)."""
    if text is None:
        return None
    try:
        return text.encode(_CODEPAGE).translate(_BYTE_TABLE).decode(_CODEPAGE)
    except UnicodeEncodeError:  # Arabic script, Latin diacritics, other symbols
        return text.translate(_TABLE)


def fold_query(query: str) -> str:
    """An FTS5 query with its search terms folded and its operators and column names kept; ``-term`` is
    ``NOT term``."""
    pieces = _COLUMN_SET.split(query)  # odd pieces: column sets
    return "".join(piece if i % 2 else _TERM.sub(lambda m: fold(m.group(1)), _MINUS.sub(r"\1NOT ", piece))
                   for i, piece in enumerate(pieces))


def headline_key(headline: str | None) -> str:
    """``headline`` folded, lowercased, words only: what a republished headline shares with its source.

    ``«Казинформ»: Тоқаев подписал закон`` and ``Казинформ - Токаев подписал закон!`` have one key;
    the key is empty when there is no headline (it then matches nothing).
    """
    return " ".join(re.findall(r"\w+", fold(headline).lower())) if headline else ""


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The folded, lowercased terms of a query and whether each is a prefix (``term*``)."""
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

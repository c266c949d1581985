"""Kazakh in its alphabets: Cyrillic spelled in the Latin alphabets and the Arabic-based tote script.

Kazakh is written in Cyrillic (Kazakhstan), in three official Latin alphabets (2017 with apostrophes,
2018 with acute accents, 2021 with Turkic letters), in informal ASCII, and in the Arabic-based tote
script (the Kazakhs of China).  Word lists (months, weekdays, relative words) are kept once in
Cyrillic; ``spellings`` gives every other way they are printed, and ``fold`` gives the key under
which all of them compare equal to what a page prints in any letter case.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

ALPHABETS = ("cyrillic", "latin2017", "latin2018", "latin2021", "ascii", "tote")


def _table(spec: str) -> dict[str, tuple[str, ...]]:
    """A letter table from ``"а=a ә=a'|a ..."``: each Cyrillic letter, its spellings (the first is the official one)."""
    return {pair[0]: tuple(pair[2:].split("|")) for pair in spec.split()}


# ь and ъ are not written.  Alternatives after "|" are spellings in common use beside the official one.
_LATIN: dict[str, dict[str, tuple[str, ...]]] = {
    # 2017 (decree of 26 October 2017): apostrophes for the Kazakh letters; у often printed as u
    "latin2017": _table(
        "а=a ә=a' б=b в=v г=g ғ=g' д=d е=e ё=io ж=j з=z и=i' й=i' к=k қ=q л=l м=m н=n ң=n' о=o ө=o' п=p р=r "
        "с=s т=t у=y'|u ұ=u ү=u' ф=f х=h һ=h ц=c ч=c' ш=s' щ=s' ъ= ы=y і=i ь= э=e ю=i'y' я=i'a"
    ),
    # 2018 (decree of 19 February 2018): acute accents, sh/ch digraphs; ү often typed ý, the accent of у
    "latin2018": _table(
        "а=a ә=á б=b в=v г=g ғ=ǵ д=d е=e ё=ıo ж=j з=z и=ı й=ı к=k қ=q л=l м=m н=n ң=ń о=o ө=ó п=p р=r "
        "с=s т=t у=ý|u ұ=u ү=ú|ý ф=f х=h һ=h ц=ts ч=ch ш=sh щ=shch ъ= ы=y і=i ь= э=e ю=ıý я=ıa"
    ),
    # 2021 (the revised alphabet): Turkic letters, dotless ı for і, dotted i for и/й
    "latin2021": _table(
        "а=a ә=ä б=b в=v г=g ғ=ğ д=d е=e ё=io ж=j з=z и=i й=i к=k қ=q л=l м=m н=n ң=ñ о=o ө=ö п=p р=r "
        "с=s т=t у=u ұ=ū ү=ü ф=f х=h һ=h ц=ts ч=ç|ch ш=ş щ=şş ъ= ы=y і=ı ь= э=e ю=iu я=ia"
    ),
    # informal ASCII: Russian-style digraphs or the bare Latin letter
    "ascii": _table(
        "а=a ә=a|ae б=b в=v г=g ғ=g|gh д=d е=e ё=yo ж=zh|j з=z и=i й=i|y к=k қ=q|k л=l м=m н=n ң=n|ng о=o "
        "ө=o|oe п=p р=r с=s т=t у=u|w ұ=u ү=u|ue ф=f х=h|kh һ=h ц=ts ч=ch ш=sh щ=sch ъ= ы=y|i і=i ь= э=e "
        "ю=yu я=ya"
    ),
}

_TOTE = _table(
    "а=ا ә=ا б=ب в=ۆ г=گ ғ=ع д=د е=ە ё=يو ж=ج з=ز и=ي й=ي к=ك қ=ق л=ل м=م н=ن ң=ڭ о=و ө=و п=پ р=ر "
    "с=س т=ت у=ۋ ұ=ۇ ү=ۇ ф=ف х=ح һ=ھ ц=تس ч=چ ш=ش щ=شش ъ= ы=ى і=ى ь= э=ە ю=يۋ я=يا"
)
_HAMZA = "ء"
_WORD = re.compile(r"[^\W\d_]+")
_TOTE_PUNCTUATION = str.maketrans(",;?", "،؛؟")
_FRONT = set("әөүі")  # front vowels that tote letters do not show (ә=а, ө=о, ү=ұ, і=ы)
_SHOWN_FRONT = set("екгэ")  # letters that already mark a word as front: it takes no hamza

# What fold() drops or maps: apostrophes of the 2017 alphabet, tote's hamza (U+0621, U+0674), and
# Arabic-script letter variants that different keyboards type (Persian keheh and yeh; ي beside ى).
_FOLD = str.maketrans({"'": None, "’": None, "‘": None, "ʼ": None, "`": None, "´": None, "ı": "i",
                       "ء": None, "ٴ": None, "ک": "ك", "ی": "ى", "ي": "ى"})


def _spell_letters(word: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    """Every spelling of lowercase Cyrillic ``word`` letter by letter (other characters kept)."""
    choices = [table.get(ch, (ch,)) for ch in word]
    return ["".join(combo) for combo in product(*choices)]


def _tote_word(word: str, every_front: bool) -> str:
    """One lowercase Cyrillic word in tote: a leading hamza when its front vowels show nowhere else
    (or, ``every_front``, on every word with a front vowel, as some writers do)."""
    spelled = "".join(_TOTE.get(ch, (ch,))[0] for ch in word)
    needs_hamza = bool(_FRONT & set(word)) and (every_front or not _SHOWN_FRONT & set(word))
    return _HAMZA + spelled if needs_hamza else spelled


def tote(text: str, every_front: bool = False) -> str:
    """Cyrillic Kazakh ``text`` in the tote script: each word spelled (tote has no letter case), Arabic punctuation."""
    spelled = _WORD.sub(lambda m: _tote_word(m.group(0).lower(), every_front), text)
    return spelled.translate(_TOTE_PUNCTUATION)


def _latin_word(word: str, table: dict[str, tuple[str, ...]]) -> str:
    """One Cyrillic word in a Latin alphabet: a capital stays a capital, a word in capitals stays in capitals."""
    out = []
    for ch in word:
        part = table.get(ch.lower(), (ch,))[0]
        out.append(part[:1].upper() + part[1:] if ch.isupper() else part)
    spelled = "".join(out)
    return spelled.upper() if word.isupper() and len(word) > 1 else spelled


def latin(text: str, alphabet: str = "latin2018") -> str:
    """Cyrillic Kazakh ``text`` in one Latin ``alphabet``, official letters, letter case kept."""
    return _WORD.sub(lambda m: _latin_word(m.group(0), _LATIN[alphabet]), text)


def spell(text: str, alphabet: str) -> str:
    """Cyrillic Kazakh ``text`` in ``alphabet`` (one of ``ALPHABETS``), the official spelling."""
    if alphabet == "cyrillic":
        return text
    return tote(text) if alphabet == "tote" else latin(text, alphabet)


@lru_cache(maxsize=4096)
def spellings(word: str) -> frozenset[str]:
    """Every lowercase spelling of Cyrillic Kazakh ``word``: Cyrillic, each Latin alphabet with its variants, tote."""
    word = word.lower()
    found = {word, tote(word), tote(word, every_front=True)}
    for table in _LATIN.values():
        found.update(_spell_letters(word, table))
    return frozenset(found)


def fold(word: str) -> str:
    """The key under which every spelling of a word compares equal, whatever its case and accents.

    Lowercased, accents, apostrophes and tote's hamza dropped, dotless ı made i: ``Sáýir``, ``SÁÝIR``,
    ``sa'y'ir`` and ``sayir`` give one key, ``säuır``, ``SÄUIR`` and ``sauir`` another (``spellings`` lists
    both spellings of сәуір), ``ءساۋىر`` and ``ساۋىر`` a third.
    """
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLD)


# Kazakh suffixes: vowel harmony (back а о ұ ы / front ә ө ү і е) and the first consonant's assimilation.
_BACK, _FRONT_ALL = set("аоұыя"), set("әөүіеэ")  # и, у, ю are glides: they do not set the harmony
_VOWELS = _BACK | _FRONT_ALL | {"ю"}
_VOICELESS = set("кқпстфхцчшщ")
_NASAL = set("мнң")
_VOICING = {"к": "г", "қ": "ғ", "п": "б"}  # a final stop voiced before a vowel: қыркүйек → қыркүйегі


def _is_front(word: str) -> bool:
    """Whether the last vowel of ``word`` is front (suffixes then take front vowels)."""
    for ch in reversed(word.lower()):
        if ch in _FRONT_ALL:
            return True
        if ch in _BACK:
            return False
    return False


def _after(word: str) -> str:
    """The class of ``word``'s last sound: "vowel", "nasal", "voiceless" or "voiced"."""
    last = word[-1].lower()
    if last in _VOWELS:
        return "vowel"
    return "nasal" if last in _NASAL else "voiceless" if last in _VOICELESS else "voiced"


# Each case: its suffix after a vowel, a nasal, a voiceless and a voiced consonant (back vowel form).
_CASES = {
    "locative": ("да", "да", "та", "да"),
    "genitive": ("ның", "ның", "тың", "дың"),
    "dative": ("ға", "ға", "қа", "ға"),
    "ablative": ("дан", "нан", "тан", "дан"),
    "adjective": ("ғы", "ғы", "қы", "ғы"),  # жылғы, наурыздағы
}
_FRONTED = str.maketrans("аығқ", "еігк")
_SOUNDS = ("vowel", "nasal", "voiceless", "voiced")


def _suffix(word: str, case: str) -> str:
    """The ending of ``case`` after ``word``, by its last sound and its vowel harmony."""
    suffix = _CASES[case][_SOUNDS.index(_after(word))]
    return suffix.translate(_FRONTED) if _is_front(word) else suffix


def _possessive(word: str) -> str:
    """The third-person possessive (сәуірі, наурызы, шілдесі, қыркүйегі)."""
    front = _is_front(word)
    if _after(word) == "vowel":
        return word + ("сі" if front else "сы")
    return word[:-1] + _VOICING.get(word[-1], word[-1]) + ("і" if front else "ы")


# After the possessive the case endings start with н: locative, genitive, dative, ablative (back, front).
_OWNED_CASES = {False: ("нда", "ның", "на", "нан"), True: ("нде", "нің", "не", "нен")}
ORDINAL_SUFFIXES = ("ыншы", "інші", "ншы", "нші", "шы", "ші")  # 16-ыншы, 2-нші; on digits mostly cut: 16-шы, 1-ші


def _owned_forms(owned: str) -> list[str]:
    """A possessive form and its case forms: сәуірі, сәуірінде, сәуірінің, сәуіріне, сәуірінен."""
    return [owned, *(owned + ending for ending in _OWNED_CASES[_is_front(owned)])]


def case_forms(word: str) -> tuple[str, ...]:
    """``word`` (lowercase Cyrillic) and its case forms as dates use them, with and without the possessive.

    ``наурыз`` → наурызда, наурыздың, наурызға, наурыздан, наурыздағы, наурызы, наурызында, наурызының ...
    """
    forms = [word]
    for case in ("locative", "genitive", "dative", "ablative", "adjective"):
        forms.append(word + _suffix(word, case))
    located = word + _suffix(word, "locative")
    forms.append(located + _suffix(located, "adjective"))
    forms += _owned_forms(_possessive(word))
    return tuple(dict.fromkeys(forms))


def day_suffixes() -> tuple[str, ...]:
    """What follows a day's digits in Kazakh: the possessive (16-сы, 1-і), with a case (16-сында), or an ordinal."""
    return (*(form for owned in ("ы", "і", "сы", "сі") for form in _owned_forms(owned)), *ORDINAL_SUFFIXES)

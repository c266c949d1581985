"""Month and weekday names: one table per language, every printed spelling derived from it.

Russian names are inflected by rule (nominative, genitive, prepositional, accusative) and cut to
their abbreviations (``янв.``, ``сент.``); Kazakh names are kept in Cyrillic and given their case
forms (``наурызда``, ``наурыздың``, ``сәуірі``) and every alphabet's spelling by ``kazakh.py``;
English names come full and cut (``Apr``, ``Sept``).  Look-ups are one dict access on a folded key,
so any letter case and any Kazakh alphabet compare equal.
"""

from __future__ import annotations

from functools import lru_cache

from .kazakh import case_forms, fold, spellings

MONTHS: dict[str, tuple[str, ...]] = {
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь",
           "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"),
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
           "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"),
    "en": ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"),
}
WEEKDAYS: dict[str, tuple[str, ...]] = {  # Monday first, as datetime.weekday() counts
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "kk": ("дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
# Abbreviations that are not a name's first letters.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {"ru": ("пн", "вт", "ср", "чт", "пт", "сб", "вс")}
# A name cut to this many letters (янв, сент, Sept, Thurs) abbreviates it, unless another name shares the cut.
_CUTS = (3, 4, 5)


# Russian ordinal numerals of the days, masculine nominative: a date may print its day in words (пятого января).
_RU_ORDINALS = ("первый", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой", "девятый",
                "десятый", "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый", "пятнадцатый",
                "шестнадцатый", "семнадцатый", "восемнадцатый", "девятнадцатый", "двадцатый")
_RU_TENS = {20: "двадцать", 30: "тридцать"}


def _ru_ordinal_forms(word: str) -> tuple[str, ...]:
    """An ordinal in the forms a date's day takes: the genitive (пятого января: on the 5th), the neuter nominative or
    accusative (пятое января, на пятое января) and the dative (к пятому января); ё written or not."""
    stem, soft = (word[:-2] + "ь", True) if word.endswith("ий") else (word[:-2], False)  # третий: третьего, третье
    forms = (stem + "его", stem + "е", stem + "ему") if soft else (stem + "ого", stem + "ое", stem + "ому")
    return tuple({f for form in forms for f in (form, form.replace("ё", "е"))})


def russian_day_words() -> dict[str, int]:
    """Every printed form of the days 1-31 in Russian words, lowercase, to the day's number: ``двадцать пятого``."""
    names = dict(enumerate(_RU_ORDINALS, 1)) | {30: "тридцатый"}
    for tens in (20, 30):
        for unit in range(1, 10 if tens == 20 else 2):
            names[tens + unit] = f"{_RU_TENS[tens]} {_RU_ORDINALS[unit - 1]}"
    out: dict[str, int] = {}
    for number, name in names.items():
        lead, _, last = name.rpartition(" ")
        out.update((f"{lead} {form}".strip(), number) for form in _ru_ordinal_forms(last))
    return out


def russian_forms(word: str) -> tuple[str, ...]:
    """A Russian month or weekday name in the cases dates use: апрель, апреля, апреле; среда, среду, среды."""
    if word[-1] in "ьй":
        stem = word[:-1]
        return (word, stem + "я", stem + "е", stem + "ю")
    if word[-1] in "ао":
        stem = word[:-1]
        return (word, stem + "у", stem + "ы", stem + "е")
    return (word, word + "а", word + "е", word + "у")


def _full_forms(lang: str, name: str) -> set[str]:
    """Every printed spelling of a full ``name`` of ``lang``, lowercase."""
    if lang == "ru":
        return set(russian_forms(name))
    if lang == "kk":
        return {spelled for form in case_forms(name) for spelled in spellings(form)}
    return {name.lower()}


def _cut_forms(name: str) -> set[str]:
    """The abbreviations of ``name``: its first letters as printed (сәу., қаң., янв., Sept).

    Kazakh names are cut in Cyrillic only: pages in the other alphabets print them whole, and their
    cuts would be common words (say, saw, tam) taken for months.
    """
    return {name.lower()[:n] for n in _CUTS}


def _index(table: dict[str, tuple[str, ...]], base: int, extra: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Folded spelling → number counted from ``base``; abbreviations shared by two names dropped."""
    full: dict[str, int] = {}
    cut: dict[str, set[int]] = {}
    for lang, names in table.items():
        for number, name in enumerate(names, base):
            full.update((fold(form), number) for form in _full_forms(lang, name))
            for form in _cut_forms(name):
                cut.setdefault(fold(form), set()).add(number)
    for lang, words in extra.items():
        full.update((fold(word), number) for number, word in enumerate(words, base))
    unique_cuts = {key: numbers.pop() for key, numbers in cut.items() if len(numbers) == 1 and key not in full}
    return {**unique_cuts, **full}


_MONTH_INDEX = _index(MONTHS, 1, {})
_WEEKDAY_INDEX = _index(WEEKDAYS, 0, ABBREVIATIONS)


@lru_cache(maxsize=8192)
def month_number(word: str) -> int | None:
    """Month number (1-12) of a month word in Russian, Kazakh (any alphabet, any case form) or English."""
    return _MONTH_INDEX.get(fold(word.rstrip(".")))


@lru_cache(maxsize=4096)
def weekday_number(word: str) -> int | None:
    """Weekday (0 = Monday) of a weekday word in Russian, Kazakh (any alphabet) or English, or None."""
    return _WEEKDAY_INDEX.get(fold(word.rstrip(".,")))


def weekday_words() -> tuple[str, ...]:
    """Every printed spelling of a full weekday name, lowercase (for a regex alternation compiled with re.I)."""
    return tuple(sorted({form for lang, names in WEEKDAYS.items() for name in names for form in _full_forms(lang, name)}))


def kazakh_words(*words: str) -> tuple[str, ...]:
    """Every spelling of the Cyrillic Kazakh ``words`` and their case forms, longest first (for regex alternations)."""
    found = {s for word in words for form in case_forms(word) for s in spellings(form)}
    return tuple(sorted(found, key=lambda s: (-len(s), s)))

"""Russian morphology for extraction: a noun phrase printed in an oblique case, given in the nominative.

An attribution names its reporter in whatever case the sentence put it in (``со ссылкой на пресс-службу
Министерства обороны``, ``по данным городского акимата``, ``Фото Турара Казангапова``); the reporter is given in the
nominative (``пресс-служба Министерства обороны``, ``городской акимат``, ``Турар Казангапов``).  The words are read by
pymorphy3 on OpenCorpora's dictionary, whose guesser also reads words it does not hold, and the phrase is put in the
nominative by agreement: its leading group (adjectives and participles, then the head noun; or a person's first name,
patronymic and surname) takes the nominative in the head's gender and number, and what depends on the head (a
genitive complement, a place, a quoted name, a Latin word, an abbreviation) is kept as printed.

The analyzer (a dictionary of some 15 MB) is loaded once per process, on the first phrase to convert.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

# The cases a phrase may be printed in, with pymorphy3's variants of each (the second genitive ``чаю``, the second
# locative ``в лесу``, the second accusative ``в люди``).
_CASES = {
    "gent": frozenset(("gent", "gen2")), "loct": frozenset(("loct", "loc2")), "accs": frozenset(("accs", "acc2")),
    "datv": frozenset(("datv",)), "ablt": frozenset(("ablt",)), "nomn": frozenset(("nomn",)),
}
CASES = tuple(case for case in _CASES if case != "nomn")  # the oblique cases ``nominative`` takes

# A Russian word: Cyrillic letters, hyphenated parts, a Latin or digit prefix (``Telegram-канала``); a word holding
# a Kazakh letter is not Russian.  An initial (``М.``) stands in a person's name.
_WORD = re.compile(r"(?:[A-Za-z0-9]+-)?[а-яё]+(?:-[а-яё]+)*", re.I)
_INITIAL = re.compile(r"[А-ЯЁ]\.(?:[А-ЯЁ]\.)?")
_LATIN_NAME = re.compile(r"[A-Za-z][\w.-]*")
_QUOTED = re.compile(r"([«\"“])([^«»\"“”]+)([»\"”])")
_ADJECTIVAL = frozenset(("ADJF", "PRTF"))
_PERSON = frozenset(("Name", "Patr", "Surn"))
_GUESSED_NAMES = frozenset(("Name", "Patr"))  # the guesser's readings of names kept (a surname goes by its shape)
_ABBREVIATION_MAX = 5  # letters: a longer word in capitals the dictionary lacks is a word printed in capitals
_PLACE = frozenset(("Geox", "Orgn"))  # a place's or an organisation's name, never a person's
_FUNCTION_WORDS = frozenset(("PREP", "CONJ", "PRCL", "INTJ", "NPRO"))  # a preposition opens no noun phrase
_GENDERS = ("masc", "femn")


@functools.cache
def _analyzer() -> Any:
    """pymorphy3's analyzer for Russian, loaded on first use (a process that converts no phrase never loads it)."""
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang="ru")


class _Sense(NamedTuple):
    """One reading of a word: its grammemes (pymorphy3's tag), normal form and score, and either pymorphy3's parse
    (inflected for the nominative) or, for a word read by a model's paradigm, its nominative."""

    tag: Any
    normal_form: str
    score: float
    parse: Any = None
    nominative: str = ""


@functools.lru_cache(maxsize=1 << 16)
def _parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a lower-case word."""
    return tuple(_analyzer().parse(word))


@functools.lru_cache(maxsize=1 << 16)
def _known(word: str) -> bool:
    """Whether the dictionary holds the lower-case ``word`` itself: a parse by the dictionary alone, not by a prefix
    taken off (анти+коре) or the guesser's known endings."""
    from pymorphy3.units import DictionaryAnalyzer  # type: ignore[import-untyped]

    return any(len(p.methods_stack) == 1 and type(p.methods_stack[0][0]) is DictionaryAnalyzer for p in _parses(word))


def _form(sense: _Sense, grammemes: Iterable[str]) -> str | None:
    """The word of ``sense``'s lexeme with ``grammemes`` (a model's reading: its nominative), or None when the
    lexeme has no such form."""
    if sense.parse is None:
        return sense.nominative
    inflected = sense.parse.inflect(set(grammemes))
    return inflected.word if inflected else None


# Paradigms for the words the dictionary lacks, by the dictionary word of the same shape (its nominative ending, the
# model): a surname (Казангапова → Казангапов, Сейткалиевой → Сейткалиева, Жумагалиевского → Жумагалиевский), and a
# noun, most often an organisation's compound name (в Антикоре → Антикор, Казгидромета → Казгидромет), masculine
# first (an animate one too, whose accusative is its genitive: a first name), and a feminine in -а: the guesser reads
# the common nouns of its suffixes, not names.
_SURNAME_MODELS = (("ов", "иванов"), ("ев", "сергеев"), ("ин", "пушкин"), ("ын", "птицын"), ("ский", "чайковский"),
                   ("цкий", "троцкий"), ("ской", "трубецкой"))
_NOUN_MODELS = (("", "комитет"), ("", "министр"), ("а", "служба"), ("о", "агентство"), ("ия", "комиссия"))


@functools.cache
def _paradigm(shape: str, model: str, surname: bool) -> tuple[tuple[str, Any, str, str], ...]:
    """The model's forms as (ending after its stem, tag, the nominative's ending, the normal form's ending): a
    surname's singular forms, a noun's all; an empty ending only where the form is the nominative's (комитет), not
    elsewhere (служб), as it would fit any word."""
    stem = len(model) - len(shape)
    parse = next(p for p in _parses(model) if p.tag.POS == "NOUN" and (not surname or "Surn" in p.tag))
    out = []
    for form in parse.lexeme:
        if surname and (form.tag.number != "sing" or form.tag.gender not in _GENDERS):
            continue
        nominative = form.inflect({"nomn", form.tag.gender} if surname else {"nomn"})
        if nominative and form.word.startswith(model[:stem]) and (form.word[stem:] or form.word == parse.word):
            out.append((form.word[stem:], form.tag, nominative.word[stem:], parse.normal_form[stem:]))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 12)
def _by_model(word: str, case: str, surname: bool) -> tuple[_Sense, ...]:
    """The readings of a lower-case word the dictionary lacks, printed in ``case``, by the paradigm of each model of
    its shape (a surname's, singular, or a noun's), in the models' order."""
    found: list[_Sense] = []
    for rank, (shape, model) in enumerate(_SURNAME_MODELS if surname else _NOUN_MODELS):
        for ending, tag, nominative, normal in _paradigm(shape, model, surname):
            if tag.case in _CASES[case] and word.endswith(ending) and len(word) - len(ending) >= 2:
                base = word[: len(word) - len(ending)]
                # the first model first, and of its forms the one with the longer ending (акиматы: plural)
                found.append(_Sense(tag, base + normal, 1 / (rank + 2) + len(ending) / 100, None, base + nominative))
    return tuple(found)


def _in_case(word: str, case: str) -> tuple[_Sense, ...]:
    """The readings of ``word`` (any letter case) in ``case``: the dictionary's; for a word it lacks, the guesser's
    adjectives, first names and patronymics (declinable ones: its indeclinable names are guesses of last resort), and
    the models' nouns; a hyphenated word the dictionary lacks by its last part, the parts before kept
    (``медиа-центра``)."""
    low = word.lower()
    head, _, last = low.rpartition("-")
    if head and not _known(low):
        return tuple(s._replace(normal_form=head + "-" + s.normal_form, nominative=s.nominative and head + "-" + s.nominative,
                                parse=s.parse and _Hyphenated(head, s.parse)) for s in _in_case(last, case))
    cases = _CASES[case]
    if _known(low):
        return tuple(_Sense(p.tag, p.normal_form, p.score, p) for p in _parses(low) if p.tag.case in cases)
    return tuple(_Sense(p.tag, p.normal_form, p.score, p) for p in _parses(low) if p.tag.case in cases and (
        p.tag.POS in _ADJECTIVAL or _GUESSED_NAMES & p.tag.grammemes and "Fixd" not in p.tag)) + _by_model(
        low, case, False)


class _Hyphenated(NamedTuple):
    """A parse of a hyphenated word's last part, inflected with the parts before it kept."""

    head: str
    parse: Any

    def inflect(self, grammemes: set[str]) -> Any:
        inflected = self.parse.inflect(grammemes)
        return inflected._replace(word=self.head + "-" + inflected.word) if inflected else None


def _cased(printed: str, form: str) -> str:
    """``form`` (lower case) in the letter case of the word it replaces: the letters both share kept as printed, the
    new ending in the case of the printed word's last letter (Министерства → Министерство, ПРЕСС-СЛУЖБЫ →
    ПРЕСС-СЛУЖБА); ё written е where the printed word has none."""
    if "ё" not in printed.lower():
        form = form.replace("ё", "е")
    low = printed.lower()
    shared = 0
    while shared < min(len(low), len(form)) and low[shared] == form[shared]:
        shared += 1
    tail = form[shared:]
    return printed[:shared] + (tail.upper() if printed[-1].isupper() and len(printed) > 1 else tail)


# --- people ------------------------------------------------------------------------------------------------------


def _name_part(word: str, case: str, shape: bool = True) -> dict[str, str]:
    """gender -> nominative of one word of a person's name printed in ``case``: a first name, patronymic or surname
    of the dictionary; a surname of a common shape (if ``shape``) by its paradigm, before the guesser's reading of a
    word the dictionary lacks (Курманалине: Курманалин, not a woman's name Курманалина), never a place the dictionary
    holds (Берлина); empty if it is none of these."""
    low = word.lower()
    known = _known(low)
    shaped: dict[str, str] = {}
    if shape and not (known and any(_PLACE & p.tag.grammemes for p in _parses(low))):
        for sense in _by_model(low, case, True):
            shaped.setdefault(sense.tag.gender, sense.nominative)
    if shaped and not known:
        return shaped
    out: dict[str, str] = {}
    # a declinable name first: the dictionary holds indeclinable homographs of some forms (Анне, Алию)
    for sense in sorted(_in_case(word, case), key=lambda s: ("Fixd" in s.tag, -s.score)):
        if (sense.parse is not None and sense.tag.gender in _GENDERS and _PERSON & sense.tag.grammemes
                and sense.tag.number != "plur"):  # one person: Айгуль is no genitive plural of a name Айгуля
            form = _form(sense, ("nomn", sense.tag.gender))
            if form:
                out.setdefault(sense.tag.gender, form)
    return out or shaped


def _first_name(word: str, case: str) -> dict[str, str]:
    """gender -> nominative of a word standing as a first name before a surname: a name of the dictionary, else a
    singular noun reading of the word in ``case`` if the dictionary lacks it or holds it only as a rare noun (Турара →
    Турар: a Kazakh name; not Департамента)."""
    named = _name_part(word, case, False)
    senses = sorted(_in_case(word, case), key=lambda s: -s.score)
    if named or any(s.score >= 0.5 or _PLACE & s.tag.grammemes for s in senses if s.parse is not None):
        return named
    out: dict[str, str] = {}
    for sense in senses:
        if sense.tag.POS == "NOUN" and sense.tag.number == "sing" and sense.tag.gender in _GENDERS:
            form = _form(sense, ("nomn",))
            if form:
                out.setdefault(sense.tag.gender, form)
    return out


def _person(words: list[str], case: str) -> list[str] | None:
    """The nominative of ``words``, a person's name (initials, first name, patronymic, surname) printed in ``case``,
    every part in the one gender they all allow (the first name's, if it decides: Айгерим Сейткалиевой → Айгерим
    Сейткалиева); None if they are not a name: a word alone that the dictionary does not hold as a name, or no gender
    fits them all."""
    parts: list[dict[str, str] | None] = []
    for i, word in enumerate(words):
        if _INITIAL.fullmatch(word):
            parts.append(None)
            continue
        part = _name_part(word, case, len(words) > 1)
        if not part and i < len(words) - 1:  # not the last word: a first name the dictionary lacks as a name
            part = _first_name(word, case)
            if not part and not _in_case(word, case):
                parts.append(None)  # no reading in the case: an indeclinable first name (Акмарал Зейиловой)
                continue
        if not part:
            return None
        parts.append(part)
    named = [part for part in parts if part is not None]
    if len(words) == 1 and not _known(words[0].lower()):  # a lone word the dictionary lacks: no name to go by
        return None
    genders = [g for g in _GENDERS if all(g in part for part in named)]
    if not named or not genders:
        return None
    gender = genders[0]
    # a woman's surname ending in a consonant or a soft sign does not decline (Тамары Вааль: Тамара Вааль)
    return [word if part is None or gender == "femn" and i > 0 and re.search(r"[бвгджзклмнпрстфхцчшщь]$", word, re.I)
            else _cased(word, part[gender]) for i, (word, part) in enumerate(zip(words, parts, strict=True))]


def _name_run(words: list[str], start: int) -> int:
    """How many words from ``start`` may be a person's name: up to four capitalised Russian words (a surname in
    capitals too: Айзата АТШЫБАЕВА, not an abbreviation) or initials."""
    n = 0
    while start + n < len(words) and n < 4 and (_INITIAL.fullmatch(words[start + n]) or (
            words[start + n][:1].isupper() and _declinable(words[start + n]))):
        n += 1
    return n


# --- the agreeing group ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """A phrase read in one case: its words in the nominative, the head noun's normal form (None: no head, the
    phrase as printed) and the mean score of the parses chosen."""

    words: list[str]
    head: str | None
    score: float


def _agrees(adjective: Any, noun: Any) -> bool:
    """Whether an adjective's parse agrees with a noun's in number and, in the singular, gender."""
    if adjective.tag.number != noun.tag.number:
        return False
    return noun.tag.number == "plur" or noun.tag.gender not in _GENDERS + ("neut",) or (
        adjective.tag.gender == noun.tag.gender)


def _declinable(word: str) -> bool:
    """Whether ``word`` is a Russian word to decline: not an abbreviation (``МВД``, ``МЧС``, ``ЕАЭС``: capitals the
    dictionary holds as one, or short and no word of it; ``ПРЕСС-СЛУЖБЫ``, ``АКИМАТА`` are words)."""
    if not _WORD.fullmatch(word):
        return False
    return not (word.isupper() and (len(word) <= _ABBREVIATION_MAX and not _known(word.lower())
                                    or any("Abbr" in p.tag for p in _parses(word.lower()))))


def _read(words: list[str], case: str) -> _Reading | None:
    """``words`` read in ``case``: the leading agreeing group in the nominative (see the module's docstring), the
    rest as printed; None if its first word cannot open such a group in ``case``."""
    if not words or not _INITIAL.fullmatch(words[0]) and (
            not _declinable(words[0]) or not _in_case(words[0], case)
            or _parses(words[0].lower())[0].tag.POS in _FUNCTION_WORDS):
        return None
    if words[0][:1].isupper():
        run = _name_run(words, 0)
        for n in range(run, 0, -1):  # the longest name
            person = _person(words[:n], case) if run else None
            if person:
                return _Reading(person + words[n:], "", 1.0)
    modifiers: list[tuple[Any, ...]] = []
    for i, word in enumerate(words):
        parses = _in_case(word, case) if _declinable(word) else ()
        guessed = not _known(word.lower())  # the guesser's names serve a person's name only, not a head noun
        nouns = [p for p in parses if p.tag.POS == "NOUN" and not (guessed and _GUESSED_NAMES & p.tag.grammemes)]
        adjectives = [p for p in parses if p.tag.POS in _ADJECTIVAL]
        following = words[i + 1] if i + 1 < len(words) and _declinable(words[i + 1]) else None
        if adjectives and following and any(
                _agrees(a, p) for a in adjectives for p in _in_case(following, case) if p.tag.POS in _ADJECTIVAL | {
                    "NOUN"}):
            modifiers.append(tuple(adjectives))
            continue
        if not nouns and adjectives and not following and _known(word.lower()):  # standing as a noun: «Новой»
            best = max(adjectives, key=lambda a: a.score)
            grammemes = ("nomn", "plur") if best.tag.number == "plur" else ("nomn", "sing", best.tag.gender)
            scores = [a[0].score for a in modifiers] + [best.score]
            return _Reading(words[:i - len(modifiers)] + [
                _cased(w, _form(max(a, key=lambda p: p.score), grammemes) or w) for w, a in zip(
                    words[i - len(modifiers):i], modifiers, strict=True)] + [_cased(word, _form(best, grammemes) or word)]
                + words[i + 1:], best.normal_form, sum(scores) / len(scores))
        if not nouns:
            return None
        return _with_head(words, i, nouns, modifiers, case)
    return None


def _with_head(words: list[str], i: int, nouns: list[Any], modifiers: list[tuple[Any, ...]], case: str) -> _Reading:
    """The reading whose head noun is ``words[i]`` (one of ``nouns``, its parses in ``case``) after its agreeing
    ``modifiers``: the head's parse that all the modifiers agree with, the best scored; an official's title (an
    animate head) with a person's name closing the phrase declines the name too (``руководителя отдела … Гаухар
    Наурызбаеву`` → ``руководитель отдела … Гаухар Наурызбаева``)."""
    def chosen(noun: Any) -> list[Any] | None:
        agreeing = [max((a for a in options if _agrees(a, noun)), key=lambda a: a.score, default=None)
                    for options in modifiers]
        return None if None in agreeing else agreeing

    options = [(noun, mods) for noun in nouns for mods in [chosen(noun)] if mods is not None]
    noun, mods = max(options, key=lambda o: o[0].score) if options else (nouns[0], [])
    if not options:  # the modifiers agree with no reading of the head: only the head is declined
        mods, start = [], i
    else:
        start = i - len(mods)
    out = words[:start]
    for word, adjective in zip(words[start:i], mods, strict=True):
        grammemes = ("nomn", "plur") if noun.tag.number == "plur" else ("nomn", "sing", adjective.tag.gender)
        out.append(_cased(word, _form(adjective, grammemes) or word))
    out.append(_cased(words[i], _form(noun, ("nomn",)) or words[i]))
    rest = words[i + 1:]
    # a title printed in lower case is no name, whatever the dictionary says (акима: Аким is a first name too)
    if noun.tag.animacy == "anim" and ("Name" not in noun.tag or words[i][:1].islower()) and len(rest) >= 2:
        for n in (3, 2):
            closing = rest[-n:]
            person = _person(closing, case) if len(rest) >= n and _name_run(closing, 0) == n else None
            if person:
                rest = rest[:-n] + person
                break
    scores = [p.score for p in (*mods, noun)]
    return _Reading(out + rest, noun.normal_form, sum(scores) / len(scores))


@functools.lru_cache(maxsize=1 << 14)
def _reading(phrase: str, case: str | None) -> tuple[str, str | None]:
    """(the nominative, the head noun's normal form or "" for a person or None) of ``phrase``, printed in ``case`` or,
    if None, in the case whose reading is best scored (the nominative among them: a phrase printed in it is kept)."""
    quoted = _QUOTED.fullmatch(phrase)
    if quoted:
        inner, head = _reading(quoted.group(2), case)
        return quoted.group(1) + inner + quoted.group(3), head
    parts = re.split(r"(\s+)", phrase.strip())
    words = parts[::2]
    # a brand in Latin letters inside the group stands aside (официальном Facebook аккаунте → официальный Facebook
    # аккаунт): read without it, put back in its place
    aside = [k for k in range(1, len(words) - 1) if _LATIN_NAME.fullmatch(words[k]) and _declinable(words[k - 1])
             and _declinable(words[k + 1]) and words[k + 1][:1].islower()]  # before a common noun, not a name
    kept = [w for k, w in enumerate(words) if k not in aside]
    readings = [r for c in ((case,) if case else (*CASES, "nomn")) for r in [_read(kept, c)] if r]
    if not readings:
        return phrase, None
    best = max(readings, key=lambda r: r.score)
    read = list(best.words)
    for k in aside:
        read.insert(k, words[k])
    parts[::2] = read
    return ("".join(parts) if read != words else phrase), best.head


def nominative(phrase: str, case: str | None = None) -> str:
    """``phrase``, a Russian noun phrase printed in ``case`` (``gent``, ``accs``, ``loct``, ``datv``, ``ablt``; None:
    the case its leading group reads best in), with that group in the nominative: ``городского акимата`` → ``городской
    акимат``, ``пресс-службу Министерства обороны`` → ``пресс-служба Министерства обороны``, ``Турара Казангапова`` →
    ``Турар Казангапов``; a phrase that opens with no Russian word of that case (a Latin name, an abbreviation, a word
    of Kazakh) is given as printed; a phrase wholly in quotes is declined inside them."""
    if case is not None and case not in _CASES:
        raise ValueError(f"unknown case {case!r}: one of {', '.join(_CASES)}")
    return _reading(phrase, case)[0]


def head(phrase: str, case: str | None = None) -> str | None:
    """The normal form of the head noun of ``phrase`` read as ``nominative`` reads it (``пресс-службе акимата`` →
    ``пресс-служба``), "" for a person's name, None when no Russian noun group opens it."""
    if case is not None and case not in _CASES:
        raise ValueError(f"unknown case {case!r}: one of {', '.join(_CASES)}")
    return _reading(phrase, case)[1]


# The number and gender a finite verb asks of its subject, by its ending: past сообщил/сообщила/сообщило/сообщили
# (reflexive -ся/-сь), present сообщает/сообщают.
_VERB_AGREEMENT = (("лись", ("plur", None)), ("лось", ("sing", "neut")), ("лась", ("sing", "femn")), ("лся", ("sing", "masc")),
                   ("ли", ("plur", None)), ("ло", ("sing", "neut")), ("ла", ("sing", "femn")), ("л", ("sing", "masc")),
                   ("ются", ("plur", None)), ("ятся", ("plur", None)), ("ется", ("sing", None)), ("ится", ("sing", None)),
                   ("ют", ("plur", None)), ("ут", ("plur", None)), ("ят", ("plur", None)), ("ат", ("plur", None)),
                   ("т", ("sing", None)))


def may_be_subject(word: str, verb: str, only: bool = False) -> bool:
    """Whether ``word``, printed before the Russian finite ``verb``, may be (a word of) its subject: a reading in the
    nominative that agrees with the verb in number and, in the past singular, gender (``Компания предложила``, ``Он
    передал``); not a word only oblique (``Ситуацию прокомментировали``, ``Информацию подтвердили``) nor a nominative
    that does not agree (``Конфликт прокомментировали``).  A word the dictionary lacks (a name, an abbreviation) may;
    with ``only``, a word read in no other case than the nominative (inside a prepositional phrase, ``В Алматы полиция
    сообщила``: полиция, not спецоперации, which may be a genitive)."""
    low = word.lower()
    if not known(low):
        return not only
    if only and any(p.tag.case not in ("nomn", None) for p in _parses(low)):
        return False
    number, gender = next((agreement for ending, agreement in _VERB_AGREEMENT if verb.lower().endswith(ending)),
                          (None, None))
    for parse in _parses(low):
        tag = parse.tag
        if tag.case != "nomn" or tag.POS not in ("NOUN", "NPRO", "ADJF", "PRTF", "NUMR"):
            continue
        if number is None or tag.number is None or "Fixd" in tag or tag.POS == "NUMR":
            return True
        if tag.number == number and (number == "plur" or gender is None or tag.gender in (gender, None)
                                     or "ms-f" in tag):
            return True
    return False


def known(word: str) -> bool:
    """Whether ``word`` is a Russian word the dictionary holds (any letter case)."""
    low = word.lower()
    return bool(re.fullmatch(r"[а-яё-]+", low)) and _known(low)


_PREPOSITIONS = frozenset("в во на с со по при к ко о об от до для за из у через".split())


def names_someone(phrase: str) -> bool:
    """Whether ``phrase``, a Russian noun phrase in the nominative, names a person by a common noun: its head noun is
    animate (``казахстанский спортсмен``, ``Тренер сборной``, ``пенсионерка из Алматы``), not a person's name."""
    noun = head(phrase, "nomn")
    return bool(noun) and any(p.tag.POS == "NOUN" and "anim" in p.tag and not _PERSON & p.tag.grammemes
                              for p in _parses(noun) if p.normal_form == noun)


def without_addressee(phrase: str) -> str:
    """``phrase``, a subject printed after its Russian verb, without the words after it that are read only in the
    dative: whom it was said to (``сказал Глава государства Ильину``, ``заявил министр журналистам``); a dative after a
    preposition is the subject's own (``председатель комиссии по делам``)."""
    words = phrase.split(" ")
    while len(words) > 1 and words[-2].lower() not in _PREPOSITIONS and known(words[-1]):
        cases = {p.tag.case for p in _parses(words[-1].lower())}
        if "datv" not in cases or not cases <= {"datv", "accs"}:
            break
        words.pop()
    return " ".join(words)

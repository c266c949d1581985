"""Russian noun phrases in the nominative (kznews/extract/russian.py).

The property tests put a vocabulary taken from the language in every oblique case, number and gender by pymorphy3's
own paradigms (the dictionary's lexemes, not tables written here) and read each form back to the nominative: head
nouns of organisations of every gender, adjectives of every stem (hard, soft, velar, hushing, stressed), men's and
women's first names and surnames of every common shape, known to the dictionary and not.
"""

from __future__ import annotations

import pymorphy3
import pytest

from kznews.extract import russian
from kznews.extract.attribution import find_attribution, find_attributions
from kznews.extract.russian import CASES, head, nominative

MORPH = pymorphy3.MorphAnalyzer(lang="ru")

# Head nouns of every gender and declension: hard and soft masculine, animate (titles) too, neuter in -о/-ие/-ство,
# feminine in -а/-ия, compound (пресс-служба, вице-министр), and акимат, which the dictionary lacks.
HEADS = ("акимат", "департамент", "комитет", "банк", "штаб", "руководитель", "секретарь", "вице-министр",
         "министерство", "агентство", "управление", "служба", "пресс-служба", "прокуратура", "полиция", "комиссия")
# Adjectives of every stem: hard, stressed (-ой), velar, hushing, soft.
ADJECTIVES = ("городской", "областной", "национальный", "казахстанский", "общий", "верхний", "рабочий", "высший")
DEPENDANTS = (" Министерства обороны", " Алматы", " «Казинформ»", " РК", " Tengrinews.kz", " по делам молодежи")
MEN = ("Нурлан", "Асхат", "Серик", "Данияр", "Сергей", "Алексей", "Илья", "Никита", "Марат", "Ержан")
WOMEN = ("Айгерим", "Гульнара", "Асель", "Жанна", "Наталья", "Мария", "Анна", "Динара", "Алия", "Елена")
SURNAMES = ("Назарбаев", "Иванов", "Пушкин", "Птицын", "Чайковский", "Троцкий", "Трубецкой", "Жумабаев",
            "Ахметов", "Сергеев")
# Surnames the dictionary lacks, of each common shape, and the dictionary surname whose paradigm they follow.
UNKNOWN_SURNAMES = (("Казангапов", "Иванов"), ("Тасжурекулов", "Иванов"), ("Сейткалиев", "Сергеев"),
                    ("Курманалин", "Пушкин"), ("Жолдасбекский", "Чайковский"))


def lexeme(word: str, *grammemes: str) -> object:
    """The dictionary's parse of ``word`` as a noun or adjective with ``grammemes`` (a part of speech, Name…)."""
    return next(p for p in MORPH.parse(word) if set(grammemes) <= p.tag.grammemes and p.tag.case == "nomn")


def form(parse: object, *grammemes: str) -> str:
    inflected = parse.inflect(set(grammemes))  # type: ignore[attr-defined]
    assert inflected, (parse, grammemes)
    return str(inflected.word)


def capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


@pytest.mark.parametrize("noun", HEADS)
def test_adjective_and_head_noun_in_every_case_and_number(noun: str) -> None:
    """Every case and number of an adjective agreeing with a head noun reads back to the nominative of the head's
    gender and number; the words after the head are kept as printed."""
    n = lexeme(noun, "NOUN")
    wrong = []
    for adjective in ADJECTIVES:
        a = lexeme(adjective, "ADJF")
        for number in ("sing", "plur"):
            gender = () if number == "plur" else (n.tag.gender,)  # type: ignore[attr-defined]
            expected = f"{form(a, 'nomn', number, *gender)} {form(n, 'nomn', number)}"
            for case in CASES:
                # the accusative of a masculine or plural adjective follows its noun's animacy
                animacy = (n.tag.animacy,) if case == "accs" and (  # type: ignore[attr-defined]
                    number == "plur" or n.tag.gender == "masc") else ()  # type: ignore[attr-defined]
                printed = f"{form(a, case, number, *gender, *animacy)} {form(n, case, number)}"
                for dependant in ("", DEPENDANTS[len(wrong) % len(DEPENDANTS)]):  # alone and with one dependant
                    got = nominative(printed + dependant, case)
                    if got != expected + dependant:
                        wrong.append((printed + dependant, case, got, expected + dependant))
    assert not wrong, wrong[:10]


# Words the dictionary does not decline, standing after an adjective as its noun: abbreviations, Latin names.
UNDECLINED = ("СМИ", "КНБ", "МВД", "Reuters", "BBC")


@pytest.mark.parametrize("adjective", ADJECTIVES)
def test_adjective_before_an_undeclined_word_keeps_every_word(adjective: str) -> None:
    """An adjective in any case and number before a word that does not decline (``французских СМИ``) is read in
    the nominative and the words after it are kept: no word of a phrase is ever lost."""
    a = lexeme(adjective, "ADJF")
    wrong = []
    for word in UNDECLINED:
        for number in ("sing", "plur"):
            for case in CASES:
                gender = ("masc",) if number == "sing" else ()
                animacy = ("inan",) if case == "accs" else ()
                printed = f"{form(a, case, number, *gender, *animacy)} {word}"
                for rest in ("", " Казахстана"):
                    got = nominative(printed + rest, case)
                    if len(got.split()) != len((printed + rest).split()) or not got.endswith(f" {word}{rest}"):
                        wrong.append((printed + rest, case, got))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("noun", HEADS)
def test_head_noun_alone_and_capitalised(noun: str) -> None:
    """A head noun alone in every case and number, in lower case, capitalised and in capitals, keeps its letter
    case, and its normal form is the head; with no case given, the oblique singular is read."""
    n = lexeme(noun, "NOUN")
    wrong = []
    for number in ("sing", "plur"):
        expected = form(n, "nomn", number)
        for case in CASES:
            printed = form(n, case, number)
            for shown, want in ((printed, expected), (capitalised(printed), capitalised(expected)),
                                (printed.upper(), expected.upper())):
                got = nominative(shown, case)
                if got != want or head(shown, case) != noun:
                    wrong.append((shown, case, got, head(shown, case)))
    assert not wrong, wrong[:10]


def person_forms(first: str, surname: str, gender: str, case: str) -> tuple[str, str]:
    """A person's name printed in ``case`` and in the nominative, by the dictionary's lexemes."""
    f = lexeme(first.lower(), "Name")
    s = lexeme(surname.lower(), "Surn")
    return (f"{capitalised(form(f, case))} {capitalised(form(s, case, gender))}",
            f"{first} {capitalised(form(s, 'nomn', gender))}")


@pytest.mark.parametrize("first,gender", [(name, "masc") for name in MEN] + [(name, "femn") for name in WOMEN])
def test_person_in_every_case(first: str, gender: str) -> None:
    """A first name and a surname of the dictionary, of every shape, in every case read back in one gender."""
    wrong = []
    for surname in SURNAMES:
        for case in CASES:
            printed, expected = person_forms(first, surname, gender, case)
            if nominative(printed, case) != expected or nominative(f"{printed} из Алматы", case) != (
                    expected + " из Алматы"):
                wrong.append((printed, case, nominative(printed, case), expected))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("surname,model", UNKNOWN_SURNAMES)
def test_unknown_surname_by_its_shape(surname: str, model: str) -> None:
    """A surname the dictionary lacks, printed in every case and gender (its forms spliced from the paradigm of a
    dictionary surname of its shape), reads back to its own nominative beside a first name or an initial, whatever the
    guesser makes of it alone."""
    assert not MORPH.word_is_known(surname.lower())
    s = lexeme(model.lower(), "Surn")
    stem, model_stem = surname[:-2], model[:-2]
    if surname.endswith("ский"):
        stem, model_stem = surname[:-4], model[:-4]
    wrong = []
    for gender, firsts in (("masc", MEN), ("femn", WOMEN)):
        own = stem + form(s, "nomn", gender)[len(model_stem):]
        for case in CASES:
            printed = stem + form(s, case, gender)[len(model_stem):]
            for first in firsts:
                f = lexeme(first.lower(), "Name")
                got = nominative(f"{capitalised(form(f, case))} {printed}", case)
                if got != f"{first} {own}":
                    wrong.append((f"{form(f, case)} {printed}", case, got))
            if nominative(f"А. {printed}", case) != f"А. {own}":
                wrong.append((printed, case, nominative(f"А. {printed}", case)))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("phrase,case,expected", [
    ("пресс-службу Министерства обороны", "accs", "пресс-служба Министерства обороны"),
    ("городского акимата", "gent", "городской акимат"),
    ("городского акимата", None, "городской акимат"),  # the case read from the group
    ("пресс-службы акимата", None, "пресс-служба акимата"),  # the genitive singular, not a plural
    ("городском акимате", "loct", "городской акимат"),
    ("Национального банка Казахстана", "gent", "Национальный банк Казахстана"),
    ("областного управления здравоохранения", "gent", "областное управление здравоохранения"),
    ("открытых источников", "gent", "открытые источники"),
    ("главы региона", "gent", "глава региона"),
    ("Турара Казангапова", "gent", "Турар Казангапов"),  # a Kazakh first name the dictionary holds as a noun
    ("Турару Казангапову", "datv", "Турар Казангапов"),
    ("Айгерим Сейткалиевой", "gent", "Айгерим Сейткалиева"),
    ("Айгерим Сейткалиеву", "accs", "Айгерим Сейткалиева"),
    ("Ержана Асылбековича Ахметова", "gent", "Ержан Асылбекович Ахметов"),
    ("М. Тасмаганбетова", "gent", "М. Тасмаганбетов"),
    ("Айзата АТШЫБАЕВА", "gent", "Айзат АТШЫБАЕВ"),  # a surname in capitals
    ("руководителя отдела информации Гаухар Наурызбаеву", "accs",
     "руководитель отдела информации Гаухар Наурызбаева"),  # an official's title and the name closing it
    ("ПРЕСС-СЛУЖБЫ", "gent", "ПРЕСС-СЛУЖБА"),
    ("вице-министра", "gent", "вице-министр"),
    ("Telegram-канала МЧС", "gent", "Telegram-канал МЧС"),
    ("медиа-центра", "gent", "медиа-центр"),  # a hyphenated word the dictionary lacks, by its last part
    ("пресс-служб", "gent", "пресс-службы"),  # a plural stays plural
    ("Метеослужбы", "gent", "Метеослужба"),
    ("Антикоре", "loct", "Антикор"),  # an organisation's name the dictionary lacks: masculine first
    ("«Автодоре»", "loct", "«Автодор»"),  # declined inside its quotes
    ("Казгидромета", "gent", "Казгидромет"),
    ("Казахстанской правды", "gent", "Казахстанская правда"),
    ("Министерстве здравоохранения Казахстана", "loct", "Министерство здравоохранения Казахстана"),
    ("Бюро национальной статистики", "gent", "Бюро национальной статистики"),  # indeclinable
    ("Департамента Берлина", "gent", "Департамент Берлина"),  # a place after a head is no surname
    ("МВД", "gent", "МВД"),  # an abbreviation
    ("Tengrinews.kz", "gent", "Tengrinews.kz"),  # a Latin name
    ("интервью", "loct", "интервью"),
    ("в городском акимате", "loct", "в городском акимате"),  # a preposition opens no noun phrase
    ("Жумагалиевского", "gent", "Жумагалиевского"),  # an unknown word alone: no name to go by, kept
    ("Ақпарат агенттігі", "gent", "Ақпарат агенттігі"),  # Kazakh
])
def test_phrases(phrase: str, case: str | None, expected: str) -> None:
    assert nominative(phrase, case) == expected


def test_unknown_case() -> None:
    with pytest.raises(ValueError, match="unknown case"):
        nominative("акимата", "genitive")


def test_analyzer_loaded_lazily() -> None:
    """The analyzer is loaded on the first Russian phrase to convert, once: reading a text that has none (an English
    report, a Russian reporter in the nominative) never loads it."""
    for cached in (russian._analyzer, russian._parses, russian._known, russian._reading):
        cached.cache_clear()
    find_attributions("The ministry said on Monday. Пресс-служба акимата сообщила об этом.")
    assert russian._analyzer.cache_info().currsize == 0
    assert find_attribution("Об этом сообщили в пресс-службе городского акимата.").reporter == (
        "пресс-служба городского акимата")
    nominative("Министерства обороны", "gent")
    assert russian._analyzer.cache_info().misses == 1  # loaded once, for every word since


@pytest.mark.parametrize(("word", "verb", "may"), (
    ("Компания", "предложила", True), ("он", "передал", True), ("Министр", "подтвердил", True),
    ("Ситуацию", "прокомментировали", False), ("Информацию", "подтвердили", False),
    ("Конфликт", "прокомментировали", False), ("Цены", "сообщил", False), ("Цены", "сообщили", True),
    ("ЕАЭС", "рассказал", True),  # an abbreviation the dictionary lacks may be a subject
))
def test_a_word_before_a_verb_may_be_its_subject_by_case_and_agreement(word, verb, may):
    assert russian.may_be_subject(word, verb) is may


def test_inside_a_phrase_only_a_word_read_in_no_other_case_is_a_subject():
    assert russian.may_be_subject("полиция", "сообщила", only=True)
    assert not russian.may_be_subject("спецоперации", "сообщили", only=True)  # may be a genitive


def test_a_latin_brand_inside_a_group_stands_aside():
    assert russian.nominative("официальном Facebook аккаунте Акорды", "loct") == "официальный Facebook аккаунт Акорды"

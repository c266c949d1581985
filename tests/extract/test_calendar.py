"""calendar.py: month and weekday names in Russian, Kazakh (every alphabet and case form) and English."""

import pytest

from kznews.extract.calendar import MONTHS, WEEKDAYS, month_number, russian_forms, weekday_number
from kznews.extract.kazakh import ALPHABETS, case_forms, latin, spell

KAZAKH_MONTHS = list(enumerate(MONTHS["kk"], 1))


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("number,name", KAZAKH_MONTHS)
def test_kazakh_month_in_every_alphabet_and_letter_case(number, name, alphabet):
    spelled = spell(name, alphabet)
    assert {month_number(spelled), month_number(spelled.upper()), month_number(spelled.title())} == {number}


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("number,name", KAZAKH_MONTHS)
def test_kazakh_month_case_forms_in_every_alphabet(number, name, alphabet):
    assert {month_number(spell(form, alphabet)) for form in case_forms(name)} == {number}


@pytest.mark.parametrize("word,number", [
    ("Qan'tar", 1), ("Sa'uir", 4), ("naýryz", 3), ("NAURYZ", 3), ("Qyrkúıek", 9), ("säuır", 4),  # Latin as printed
    ("Zheltoksan", 12), ("Kantar", 1),  # informal ASCII
    ("ٴساۋىر", 4), ("قاڭتار", 1),  # tote
    ("қаң.", 1), ("Сәу", 4), ("жел.", 12),  # Kazakh abbreviations
])
def test_kazakh_month_as_printed(word, number):
    assert month_number(word) == number


@pytest.mark.parametrize("number,name", list(enumerate(MONTHS["ru"], 1)))
def test_russian_month_in_its_cases(number, name):
    assert {month_number(form) for form in russian_forms(name)} == {number}


@pytest.mark.parametrize("word,number", [
    ("января", 1), ("Февраля", 2), ("марте", 3), ("мая", 5), ("ИЮНЯ", 6), ("июле", 7),
    ("янв.", 1), ("февр.", 2), ("сент.", 9), ("нояб.", 11), ("дек", 12),
])
def test_russian_month_as_printed(word, number):
    assert month_number(word) == number


@pytest.mark.parametrize("word,number", [
    ("January", 1), ("Jan.", 1), ("MARCH", 3), ("Sept", 9), ("Sept.", 9), ("Sep", 9), ("Oct", 10), ("may", 5),
])
def test_english_month_as_printed(word, number):
    assert month_number(word) == number


@pytest.mark.parametrize("word", ["маршрут", "Мария", "Президент", "Qazaqstan", "сегодня", "Astana", "мар-т", "", "Say", "saw"])
def test_other_words_are_no_month(word):
    assert month_number(word) is None


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("number,name", list(enumerate(WEEKDAYS["kk"])))
def test_kazakh_weekday_in_every_alphabet(number, name, alphabet):
    spelled = spell(name, alphabet)
    assert weekday_number(spelled) == weekday_number(spelled.upper()) == number


@pytest.mark.parametrize("word,number", [
    ("понедельник", 0), ("Вторник", 1), ("среду", 2), ("пятницу", 4), ("ВС", 6), ("чт", 3),
    ("Tuesday", 1), ("Tue", 1), ("Tues.", 1), ("Thurs", 3), ("Sun", 6),
])
def test_russian_and_english_weekdays(word, number):
    assert weekday_number(word) == number


def test_a_month_is_no_weekday():
    assert weekday_number("апреля") is None and month_number("вторник") is None


@pytest.mark.parametrize("number, name", list(enumerate(MONTHS["kk"], 1)))
def test_a_kazakh_month_in_the_2018_alphabet_with_y_acute_for_u_acute(number, name):
    """abai.kz (rule half) prints қыркүйек as ``Qyrkýiek``: ү typed ý (у's letter), й as i."""
    typed = latin(name.capitalize(), "latin2018").replace("ú", "ý").replace("ı", "i")
    assert month_number(typed) == number

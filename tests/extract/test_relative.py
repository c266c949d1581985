"""relative.py: relative words, day-month without a year and clock runs, against the fetch time."""

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kznews.extract.calendar import MONTHS, russian_forms
from kznews.extract.dates import ALMATY, iso
from kznews.extract.kazakh import ALPHABETS, spell
from kznews.extract.relative import (
    clock_run,
    infer_year,
    local,
    may_be_relative,
    partial,
    read_printed,
    relative,
)

from .shared import cases, ids

# 2024-04-18 15:00 in Almaty (UTC+5 since 2024-03-01)
NOW = datetime(2024, 4, 18, 10, 0, tzinfo=timezone.utc)
RELATIVE = [c for c in cases("date") if c["expected"]["relative"]]
DAY_MONTH = [c for c in cases("date") if c["expected"].get("day") and not c["expected"]["date"]]


@pytest.mark.parametrize("text,expected", [
    ("Сегодня, 14:35", "2024-04-18T14:35:00+05:00"),
    ("Сегодня в 09:05", "2024-04-18T09:05:00+05:00"),
    ("Вчера, 23:10", "2024-04-17T23:10:00+05:00"),
    ("Вчера", "2024-04-17T00:00:00+05:00"),
    ("Бүгін, 11:20", "2024-04-18T11:20:00+05:00"),
    ("Кеше", "2024-04-17T00:00:00+05:00"),
    ("2 сағат бұрын", "2024-04-18T13:00:00+05:00"),
    ("5 минут назад", "2024-04-18T14:55:00+05:00"),
    ("3 часа назад", "2024-04-18T12:00:00+05:00"),
    ("Today, 08:00", "2024-04-18T08:00:00+05:00"),
    ("Yesterday", "2024-04-17T00:00:00+05:00"),
    ("5 hours 42 min ago", "2024-04-18T09:18:00+05:00"),
])
def test_relative_against_fetch_time_in_almaty(text, expected):
    assert iso(relative(text, NOW)[1]) == expected


def test_today_is_the_almaty_day_not_the_utc_day():
    late = datetime(2024, 4, 18, 20, 0, tzinfo=timezone.utc)  # already 01:00 on the 19th in Almaty
    assert iso(relative("Бүгін", late)[1]) == "2024-04-19T00:00:00+05:00"


def test_relative_before_march_2024_is_utc_plus_6():
    assert iso(relative("Сегодня, 10:00", datetime(2020, 12, 1, 5, 0, tzinfo=timezone.utc))[1]) == (
        "2020-12-01T10:00:00+06:00")


@pytest.mark.parametrize("case", RELATIVE, ids=ids(RELATIVE))
def test_relative_cases(case):
    assert relative(case["text"], NOW) is not None


def test_plain_sentence_is_not_relative():
    assert relative("Совещание прошло в Астане", NOW) is None


@pytest.mark.parametrize("case", DAY_MONTH, ids=ids(DAY_MONTH))
def test_day_month_cases(case):
    found = partial(case["text"], NOW, NOW)[1]
    assert (found.day, found.month, found.strftime("%H:%M")) == (
        case["expected"]["day"], case["expected"]["month"], case["expected"]["time"] or "00:00")


def test_infer_year_never_in_the_future():
    assert infer_year(12, 30, NOW, NOW).year == 2023


def test_infer_year_nearest_to_other_evidence():
    evidence = datetime(2020, 1, 2, tzinfo=timezone.utc)
    assert infer_year(12, 30, evidence, NOW).isoformat() == "2019-12-30"


def test_infer_year_february_29():
    assert infer_year(2, 29, NOW, NOW).isoformat() == "2024-02-29"


def test_clock_run_crosses_midnight():
    clocks = [time(19, 18), time(0, 4), time(23, 57), time(17, 55)]
    days = [dt.date().isoformat() for dt in clock_run(clocks, datetime(2018, 3, 18, 14, 0, tzinfo=timezone.utc))]
    assert days == ["2018-03-18", "2018-03-18", "2018-03-17", "2018-03-17"]


def test_clock_run_first_time_after_fetch_is_yesterday():
    assert clock_run([time(23, 0)], NOW)[0].date().isoformat() == "2024-04-17"


def test_read_printed_prefers_full_date():
    assert read_printed("Вчера, 10:00 | 17.04.2024 10:00", NOW, NOW)[2] == ""


# --- relative and day-month dates in every language and Kazakh alphabet ------------------------------------

KAZAKH_RELATIVE = [  # (Cyrillic as printed, expected against NOW)
    ("Бүгін, 11:20", "2024-04-18T11:20:00+05:00"),
    ("бүгін сағат 09:05", "2024-04-18T09:05:00+05:00"),
    ("Кеше, 23:10", "2024-04-17T23:10:00+05:00"),
    ("Алдыңғы күні", "2024-04-16T00:00:00+05:00"),
    ("2 сағат бұрын", "2024-04-18T13:00:00+05:00"),
    ("5 минут бұрын", "2024-04-18T14:55:00+05:00"),
    ("3 күн бұрын", "2024-04-15T15:00:00+05:00"),
    ("1 апта бұрын", "2024-04-11T15:00:00+05:00"),
    ("Жаңа ғана", "2024-04-18T15:00:00+05:00"),
]


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("text,expected", KAZAKH_RELATIVE)
def test_kazakh_relative_in_every_alphabet(text, expected, alphabet):
    printed, found = relative(spell(text, alphabet), NOW)
    assert (printed, iso(found)) == (spell(text, alphabet), expected)


@pytest.mark.parametrize("text,expected", [
    ("bügin, 11:20", "2024-04-18T11:20:00+05:00"),  # the 2021 alphabet's і typed as i
    ("bugin 11:20", "2024-04-18T11:20:00+05:00"),  # informal ASCII
    ("ءبۇگىن 11:20", "2024-04-18T11:20:00+05:00"),  # tote with a hamza though г shows the word is front
    ("2 sag'at buryn", "2024-04-18T13:00:00+05:00"),
    ("час назад", "2024-04-18T14:00:00+05:00"),
    ("2 часа назад", "2024-04-18T13:00:00+05:00"),
    ("полчаса назад", "2024-04-18T14:30:00+05:00"),
    ("3 дня назад", "2024-04-15T15:00:00+05:00"),
    ("5 мин. назад", "2024-04-18T14:55:00+05:00"),
    ("2 hours ago", "2024-04-18T13:00:00+05:00"),
    ("an hour ago", "2024-04-18T14:00:00+05:00"),
    ("half an hour ago", "2024-04-18T14:30:00+05:00"),
    ("the day before yesterday", "2024-04-16T00:00:00+05:00"),
    ("Just now", "2024-04-18T15:00:00+05:00"),
])
def test_relative_spellings_and_amounts(text, expected):
    assert iso(relative(text, NOW)[1]) == expected


@pytest.mark.parametrize("text,expected", [
    ("2 sağat būryn", True), ("ءبۇگىن 11:20", True), ("KEŞE", True), ("Только что", True),
    ("Совещание прошло в Астане", False), ("Mәjilis qabyldady", False),
])
def test_may_be_relative_is_a_cheap_yes_or_no(text, expected):
    assert may_be_relative(text) is expected


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("text,day,month,clock", [
    ("16 сәуір", 16, 4, "00:00"),
    ("16-сәуірде", 16, 4, "00:00"),  # the locative: on the 16th of April
    ("сәуірдің 16-сы", 16, 4, "00:00"),  # the month's genitive, the day's possessive
    ("14:05, 12 наурыз", 12, 3, "14:05"),
    ("12 наурыз, 14:05", 12, 3, "14:05"),
    ("15 - мамырда", 15, 5, "00:00"),  # tote pages space the hyphen
])
def test_kazakh_day_month_in_every_alphabet(text, day, month, clock, alphabet):
    found = partial(spell(text, alphabet), NOW, NOW)[1]
    assert (found.day, found.month, found.strftime("%H:%M")) == (day, month, clock)


def test_read_printed_reads_a_kazakh_relative_date_in_latin():
    assert read_printed("Jańalyqtar · 2 saǵat buryn", NOW, NOW)[2] == ":relative"


@pytest.mark.parametrize("text,expected", [
    ("Yesterday at 2:35 PM", "2024-04-17T14:35:00+05:00"),  # a 12-hour clock after a relative word
    ("Today, 9:05 am", "2024-04-18T09:05:00+05:00"),
])
def test_relative_with_twelve_hour_clock(text, expected):
    assert iso(relative(text, NOW)[1]) == expected


def test_day_month_with_twelve_hour_clock():
    assert iso(partial("April 16, 2:35 PM", NOW, NOW)[1]) == "2024-04-16T14:35:00+05:00"


def russian_plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form after the number ``n``: 1 час, 2 часа, 5 часов, 21 час, 11 часов."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    return few if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else many


# unit → (Russian one/few/many after a number, Kazakh noun, English noun, length)
UNITS = {
    "minute": (("минуту", "минуты", "минут"), "минут", "minute", timedelta(minutes=1)),
    "hour": (("час", "часа", "часов"), "сағат", "hour", timedelta(hours=1)),
    "day": (("день", "дня", "дней"), "күн", "day", timedelta(days=1)),
    "week": (("неделю", "недели", "недель"), "апта", "week", timedelta(weeks=1)),
}


@st.composite
def printed_ago(draw):
    """(text, how long ago) of "N units ago" in a random language, Kazakh alphabet and unit."""
    n, unit = draw(st.integers(1, 59)), draw(st.sampled_from(sorted(UNITS)))
    russian, kazakh, english, step = UNITS[unit]
    lang = draw(st.sampled_from(["ru", "kk", "en"]))
    if lang == "ru":
        text = f"{n} {russian_plural(n, *russian)} назад"
    elif lang == "kk":
        text = spell(f"{n} {kazakh} бұрын", draw(st.sampled_from(ALPHABETS)))
    else:
        text = f"{n} {english}{'s' if n > 1 else ''} ago"
    return text, n * step


@settings(max_examples=300, deadline=None)
@given(printed_ago())
def test_time_ago_in_every_language_and_alphabet_parses_back(printed):
    text, back = printed
    assert relative(text, NOW) == (text, (local(NOW) - back).replace(second=0, microsecond=0))


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("month, day", [(1, 24), (4, 16), (12, 5)])
@pytest.mark.parametrize("gap", ["-", " - ", " "])
def test_kazakh_month_and_day_by_number_without_a_year(alphabet, month, day, gap):
    """found3-123 (rule half): ``1 - ايدىڭ 24 - كۇنى`` (the 1st month's 24th day), as the Kazakhs of China print it."""
    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    text = spell(f"Тілшіміз хабарлайды. {month}{gap}айдың {day}{gap}күні тілші", alphabet)
    found = read_printed(text, now, now)
    assert (found[1].month, found[1].day, found[2]) == (month, day, ":day-month")


@pytest.mark.parametrize("text", ["25.09 09:22 Регионы", "09:22 25.09", "25.09, 09:22"])
def test_a_day_and_month_by_number_beside_a_clock_time(text):
    """found14-060: ``25.09 09:22`` on a listing, the year left to the fetch time."""
    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    found = read_printed(text, now, now)
    assert (found[1].month, found[1].day, found[1].hour, found[1].minute, found[2]) == (9, 25, 9, 22, ":day-month")


@pytest.mark.parametrize("text", ["цена 25.09 тенге", "рост 25.09 2024"])
def test_a_number_with_two_decimals_and_no_clock_is_no_date(text):
    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    assert read_printed(text, now, now) is None


@pytest.mark.parametrize("text", ["13-айдың 5-күні", "3 айдың ішінде 5 күн"])
def test_no_month_by_number_that_is_none(text):
    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    assert read_printed(text, now, now) is None


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("word, date_text", [("Бүгін", "15 сәуір"), ("Кеше", "17 сәуір")])
def test_a_day_word_followed_by_its_date_gives_the_date_kazakh(alphabet, word, date_text):
    text = spell(f"{word}, {date_text}", alphabet)
    printed, dt, suffix = read_printed(text, NOW, NOW)
    assert (dt.month, dt.day, suffix) == (4, int(date_text.split()[0]), ":day-month")


@pytest.mark.parametrize("text, day", [
    ("Today, on March 24", 24),  # found4-141
    ("Today, March 24", 24), ("Yesterday, on the 23 March", 23), ("Сегодня, 24 марта", 24), ("Вчера, 23 марта", 23),
])
def test_a_day_word_followed_by_its_date_gives_the_date(text, day):
    """found4-141: the printed date says more than the word and may not be the fetch day's."""
    printed, dt, suffix = read_printed(text, NOW, NOW)
    assert (dt.month, dt.day, suffix) == (3, day, ":day-month")


@pytest.mark.parametrize("text", ["Today", "Сегодня, 14:35", "Today, the ministry said on March 24"])
def test_a_day_word_without_a_date_right_after_stays_relative(text):
    assert read_printed(text, NOW, NOW)[2] == ":relative"


_RU_DAYS_IN_WORDS = {1: "перв", 2: "втор", 3: "трет", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
                     9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
                     15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
                     20: "двадцат", 30: "тридцат"}


def _ru_day(day: int, ending: str) -> str:
    """A day in Russian words, the ordinal's ending given for a hard stem (третий takes the soft one)."""
    tens, unit = divmod(day, 10)
    if day in _RU_DAYS_IN_WORDS:
        lead, last = "", day
    else:
        lead, last = ("двадцать " if tens == 2 else "тридцать "), unit
    stem = _RU_DAYS_IN_WORDS[last]
    return lead + stem + ({"ого": "ьего", "ое": "ье", "ому": "ьему"}[ending] if last == 3 else ending)


@pytest.mark.parametrize("ending", ("ого", "ое", "ому"))
@pytest.mark.parametrize("month", range(1, 13))
def test_a_russian_day_in_words(month, ending):
    """found5-082 ``пятого января``: every day 1-31 in words, in the genitive, the neuter and the dative, with
    every month in the genitive, the year inferred; a year printed after it is read."""
    now = datetime(2026, 12, 7, 12, tzinfo=ALMATY)
    genitive = russian_forms(MONTHS["ru"][month - 1])[1]
    for day in range(1, 32):
        try:
            date(2025, month, day)
        except ValueError:
            continue
        words = _ru_day(day, ending)
        found = read_printed(f"Суд установил, что {words} {genitive} они были в Алматы.", now, now)
        assert found is not None and (found[1].month, found[1].day) == (month, day), words
        found = read_printed(f"Школу открыли {words.capitalize()} {genitive} 2019 года.", now, now)
        assert found is not None and found[1].date() == date(2019, month, day), words

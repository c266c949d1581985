"""dates.py: ISO 8601, printed formats of Kazakh outlets, the Asia/Almaty zone."""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kznews.extract.calendar import MONTHS, WEEKDAYS, russian_forms
from kznews.extract.dates import ALMATY, ZONE_HISTORY, ZONES, find_date, iso, month_number, parse_date, parse_wall
from kznews.extract.kazakh import ALPHABETS, case_forms, spell
from kznews.extract.relative import read_printed

from .shared import cases, ids

DATED = [c for c in cases("date") if c["expected"]["date"]]
UNDATED = [c for c in cases("date") if not c["expected"]["date"]]
# Shown inside a sentence, not as a date string: find_date() is for these.
EMBEDDED = {"Валюталардың ресми (нарықтық) бағамдары: 2024-04-24"}


@pytest.mark.parametrize("case", DATED, ids=ids(DATED))
def test_printed_date_gives_expected_day(case):
    text = case["text"]
    dt = parse_date(text) if text not in EMBEDDED else find_date(text)[1]
    assert dt.date() == date.fromisoformat(case["expected"]["date"])


@pytest.mark.parametrize("case", [c for c in DATED if c["expected"]["time"]], ids=ids([c for c in DATED if c["expected"]["time"]]))
def test_printed_date_gives_expected_time(case):
    assert parse_date(case["text"]).strftime("%H:%M") == case["expected"]["time"]


@pytest.mark.parametrize("case", [c for c in DATED if c["expected"]["utc_offset"]], ids=ids([c for c in DATED if c["expected"]["utc_offset"]]))
def test_printed_offset_is_kept(case):
    assert parse_date(case["text"]).isoformat()[-6:] == case["expected"]["utc_offset"]


@pytest.mark.parametrize("case", UNDATED, ids=ids(UNDATED))
def test_text_without_full_date_gives_none(case):
    assert parse_date(case["text"]) is None


def test_iso_with_offset_is_kept():
    assert iso(parse_date("2020-12-01T14:02:00+06:00")) == "2020-12-01T14:02:00+06:00"


def test_iso_zulu_is_utc():
    assert iso(parse_date("2024-04-18T05:35:00Z")) == "2024-04-18T05:35:00+00:00"


def test_naive_value_before_2024_03_01_is_utc_plus_6():
    assert iso(parse_date("29.02.2024 23:00")) == "2024-02-29T23:00:00+06:00"


def test_naive_value_since_2024_03_01_is_utc_plus_5():
    assert iso(parse_date("2024-03-01T12:00:00")) == "2024-03-01T12:00:00+05:00"


def test_tengrinews_format():
    assert iso(parse_date("27 марта 2024 | 20:10")) == "2024-03-27T20:10:00+05:00"


def test_inform_2026_nominative_month_with_gmt():
    assert iso(parse_date("14:38, 11 Февраль 2026 | GMT +5")) == "2026-02-11T14:38:00+05:00"


def test_official_kazakh_format():
    assert iso(parse_date("2024 жылғы 12 наурыз")) == "2024-03-12T00:00:00+05:00"


def test_invalid_calendar_date_gives_none():
    assert parse_date("31.02.2024 10:00") is None


def test_garbage_gives_none_without_fuzzy():
    assert parse_date("вчера вечером") is None


def test_fuzzy_falls_back_to_dateparser():
    assert parse_date("1 December 2020 at 14:02", fuzzy=True).date() == date(2020, 12, 1)


@pytest.mark.parametrize("word,month", [("марта", 3), ("ноя", 11), ("Ақпан", 2), ("qarasha", 11), ("JULY", 7), ("май", 5)])
def test_month_words(word, month):
    assert month_number(word) == month


def test_find_date_inside_listing_text():
    assert find_date("общество  21.03.2018 19:16 ")[0] == "21.03.2018 19:16"


def test_find_date_bare_clock_has_no_datetime():
    assert find_date("15:43") == ("15:43", None)


def test_iso_with_one_digit_seconds():  # lagazzettadelmezzogiorno.it's meta datePublished
    assert iso(parse_date("2020-12-05T23:15:0Z")) == "2020-12-05T23:15:00+00:00"


@pytest.mark.parametrize("text,wall", [
    ("2020-02-17 21:18:11", "2020-02-17T21:18:11"),  # laprensafl.com: var publication_date
    ("06.12.2020 00:15", "2020-12-06T00:15:00"),
    ("2020-02-18T02:18:11Z", None),  # an offset of its own: not a wall time
    ("2024-08-29", None),  # a day without a clock time
])
def test_parse_wall_is_a_clock_time_without_offset(text, wall):
    found = parse_wall(text)
    assert (found.isoformat() if found else None) == wall


def test_english_ordinal_day():
    assert iso(parse_date("September 1st, 2023")) == "2023-09-01T00:00:00+06:00"
    assert iso(parse_date("December 22nd 2025")) == "2025-12-22T00:00:00+05:00"


# --- every form of each date family, in every language and Kazakh alphabet, parsed back ------------------------

KAZAKH_NUMBERS = {1: "бір", 2: "екі", 3: "үш", 4: "төрт", 5: "бес", 6: "алты", 7: "жеті", 8: "сегіз", 9: "тоғыз",
                  10: "он", 20: "жиырма", 30: "отыз"}


def kazakh_possessive_day(day: int) -> str:
    """``16-сы``, ``1-і``, ``20-сы``: the possessive a Kazakh writer puts after a day's digits (by its last word)."""
    word = KAZAKH_NUMBERS[day % 10 or day]
    front = any(ch in "әөүіе" for ch in word)
    if word[-1] in "аеыіо":
        return f"{day}-{'сі' if front else 'сы'}"
    return f"{day}-{'і' if front else 'ы'}"


def located(owned: str) -> str:
    """The locative of a possessive form by vowel harmony: 16-сы → 16-сында, 1-і → 1-інде."""
    return owned + ("нде" if owned.endswith("і") else "нда")


def kazakh_forms(d: date) -> list[str]:
    """The printed forms of ``d`` in Kazakh (Cyrillic), each as Kazakh sites print it."""
    name = MONTHS["kk"][d.month - 1]
    forms = case_forms(name)  # name, locative, genitive, dative, ablative, adjective, ..., possessive at [7]
    weekday = WEEKDAYS["kk"][d.weekday()].capitalize()
    return [
        f"{d.day} {name} {d.year} ж.",
        f"{d.day} {name.capitalize()}, {d.year}",
        f"{d.year} ж. {d.day} {name}",
        f"{d.year} жылғы {d.day} {name}",
        f"{d.year}-жылдың {d.day}-{forms[7]}",
        f"{weekday}, {d.day} {name} {d.year} жыл",
        f"{name.capitalize()} {d.day}, {d.year}",
        f"{d.year} жылғы {forms[2]} {kazakh_possessive_day(d.day)}",
        f"{d.year} жылғы {forms[2]} {located(kazakh_possessive_day(d.day))}",  # on the 16th: 16-сында
        f"{d.year}-жылы {d.month}-айдың {d.day}-күні",
        f"{d.day} {name} {d.year} ж., {weekday.lower()}",
    ]


def russian_forms_of(d: date) -> list[str]:
    nominative = MONTHS["ru"][d.month - 1]
    genitive = russian_forms(nominative)[1]
    weekday = WEEKDAYS["ru"][d.weekday()]
    return [
        f"{d.day} {genitive} {d.year}",
        f"{d.day} {genitive} {d.year} г.",
        f"{d.day} {genitive} {d.year} года",
        f"{nominative.capitalize()} {d.day}, {d.year}",
        f"{weekday}, {d.day} {genitive} {d.year}",
        f"{d:%d.%m.%Y}",
        f"{d:%d.%m.%Y} г.",
        f"{d.day}-го {genitive} {d.year} г.",
        f"{d.day} {genitive} {d.year}, {weekday}",
    ]


def english_forms(d: date) -> list[str]:
    month, weekday = MONTHS["en"][d.month - 1], WEEKDAYS["en"][d.weekday()]
    th = {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10 if d.day not in (11, 12, 13) else 0, "th")
    return [
        f"{d.day} {month} {d.year}",
        f"{month} {d.day}, {d.year}",
        f"{weekday}, {d.day} {month} {d.year}",
        f"{weekday.upper()}, {month.upper()} {d.day}, {d.year}",
        f"{month[:3]} {d.day}, {d.year}",
        f"{d.day}{th} {month} {d.year}",
        f"{month} {d.day}{th}, {d.year}",
        f"{d.day} {month} {d.year}, {weekday}",
    ]


# A clock time after (or before) the date, as each language prints it: (template, 12-hour clock).
CLOCKS = {
    "ru": ["{date} в {H}:{M}", "{date}, {H}:{M}", "{date} | {H}:{M}", "{H}:{M}, {date}", "{H}:{M} {date}"],
    "kk": ["{date}, сағат {H}:{M}", "{date}, {H}:{M}", "{H}:{M}, {date}"],
    "en": ["{date}, {H}:{M}", "{date} at {h}:{M} {ampm}", "{H}:{M}, {date}"],
}


@st.composite
def printed_dates(draw):
    """(text, expected datetime) of a date printed in a random language, alphabet, form, with or without a clock."""
    day = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
    lang = draw(st.sampled_from(["ru", "kk", "en"]))
    text = draw(st.sampled_from({"ru": russian_forms_of, "kk": kazakh_forms, "en": english_forms}[lang](day)))
    clock = draw(st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)))
    if clock is not None:
        template = draw(st.sampled_from(CLOCKS[lang]))
        text = template.format(date=text, H=clock.hour, M=f"{clock.minute:02d}", h=clock.hour % 12 or 12,
                               ampm="PM" if clock.hour >= 12 else "AM")
    if lang == "kk":
        text = spell(text, draw(st.sampled_from(ALPHABETS)))
    return text, datetime.combine(day, clock or time()).replace(tzinfo=ALMATY)


@settings(max_examples=400, deadline=None)
@given(printed_dates())
def test_printed_date_in_every_language_alphabet_and_form_parses_back(printed):
    text, expected = printed
    assert parse_date(text) == expected


@settings(max_examples=200, deadline=None)
@given(printed_dates(), st.sampled_from(["Жарияланды: {} | Көрілді 120", "Опубликовано {} Просмотров: 5", "Posted {}"]))
def test_printed_date_inside_text_is_found(printed, around):
    text, expected = printed
    assert read_printed(around.format(text), None, None)[1] == expected


def test_offset_after_an_english_date_is_kept():
    assert iso(parse_date("16 Apr 2024 14:35 GMT+5")) == "2024-04-16T14:35:00+05:00"
    assert iso(parse_date("April 16, 2024 2:35 PM (UTC+6)")) == "2024-04-16T14:35:00+06:00"


def test_twelve_hour_clock_past_twelve_is_no_date():
    assert parse_date("April 16, 2024 at 14:35 PM") is None


def test_direction_marks_of_a_tote_date_are_no_obstacle():
    assert iso(parse_date("\u200f28 قاراشا\u200f، 2025")) == "2025-11-28T00:00:00+05:00"


def test_arabic_indic_digits_of_a_tote_date():
    assert iso(parse_date("٢٨ قاراشا، ٢٠٢٥")) == "2025-11-28T00:00:00+05:00"


# --- a clock time's zone named by its abbreviation ------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
       st.times().map(lambda t: t.replace(second=0, microsecond=0)),
       st.sampled_from(sorted({*ZONES, *ZONE_HISTORY})), st.sampled_from(["{} {}", "{} ({})"]), st.booleans())
def test_a_named_zone_gives_its_offset(day, clock, zone, joined, upper):
    """Jun. 30, 2019 12:50 PM EDT (AP), 16 апреля 2024, 14:00 (мск): the zone's offset, not Almaty's."""
    month = MONTHS["en"][day.month - 1]
    printed = f"{month[:3]}. {day.day}, {day.year} {clock.hour % 12 or 12}:{clock.minute:02d} " \
              f"{'PM' if clock.hour >= 12 else 'AM'}"
    text = joined.format(printed, zone.upper() if upper else zone)
    wall = datetime.combine(day, clock)
    history = ZONE_HISTORY.get(zone)  # Moscow time by its history (+4 in 2011-2014 and in summers before), ET, PT
    offset = timezone(wall.replace(tzinfo=ZoneInfo(history)).utcoffset() if history else timedelta(hours=ZONES[zone]))
    assert parse_date(text) == wall.replace(tzinfo=offset)


@pytest.mark.parametrize(("text", "value"), (
    ("26 марта 2014 года в 01:17 мск", "2014-03-26T01:17:00+04:00"),
    ("26 марта 2020 года в 01:17 мск", "2020-03-26T01:17:00+03:00"),
    ("Last Updated: 07/27/2016", "2016-07-27T00:00:00+06:00"),
))
def test_moscow_time_by_its_history_and_a_us_date_whose_day_is_past_twelve(text, value):
    assert iso(find_date(text)[1]) == value


@pytest.mark.parametrize("text,value", [
    ("Jun. 30, 2019 12:50 PM EDT", "2019-06-30T12:50:00-04:00"),
    ("Nov. 5, 2019 at 10:00 a.m. EST", "2019-11-05T10:00:00-05:00"),
    ("16 апреля 2024, 14:00 (мск)", "2024-04-16T14:00:00+03:00"),
    ("24-06-2020 13:12 IST", "2020-06-24T13:12:00+05:30"),  # found12-060: India's
    ("06/12/2009, 01:01 PM", "2009-06-12T13:01:00+06:00"),  # found14-156: beside a 12-hour clock, the US order
    ("06/12/2009 13:01", "2009-12-06T13:01:00+06:00"),
    ("July 3, 2024 10:15 a.m. ET", "2024-07-03T10:15:00-04:00"),  # US Eastern time, in summer
    ("January 3, 2024 10:15 a.m. ET", "2024-01-03T10:15:00-05:00"),
    ("16 April 2024 10:00 GMT", "2024-04-16T10:00:00+00:00"),
    ("16 April 2024 EDT", "2024-04-16T00:00:00+05:00"),  # a bare day: the zone names no clock, the day stays local
])
def test_named_zone_neighbours(text, value):
    assert iso(parse_date(text)) == value


@pytest.mark.parametrize("text", ["Jun. 30, 2019 12:50 PM CST", "16 April 2024 10:00 AST"])
def test_a_zone_naming_several_offsets_is_not_read(text):
    """CST is US Central or China, AST Atlantic or Arabia: the string is left to other evidence."""
    assert parse_date(text) is None


@pytest.mark.parametrize("hours", [-5, 0, 3, 5, 6, 14])
@pytest.mark.parametrize("colon", [":", ""])
@pytest.mark.parametrize("body", ["Sat, 20 Jun 2026 04:00:00", "20 June 2026 04:00", "June 20, 2026 4:00 am",
                                  "20 июня 2026, 04:00", "20.06.2026 04:00"])
def test_a_bare_offset_after_a_clock_time(hours, colon, body):
    """found3-083 (moved): an RSS ``pubDate`` (``Sat, 20 Jun 2026 04:00:00 +0000``) states its offset in digits."""
    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    offset = f"{'-' if hours < 0 else '+'}{abs(hours):02d}{colon}00"
    found = read_printed(f"{body} {offset}", now, now)
    assert found[1] == datetime(2026, 6, 20, 4, 0, tzinfo=timezone(timedelta(hours=hours)))


@pytest.mark.parametrize("zone, offset, hours", [("+03", "+03:00", 3), ("EDT", "-04:00", -4), ("ALMT", "+0600", 6)])
def test_a_bare_offset_after_the_zones_hours_or_name(zone, offset, hours):
    """found3-075 (rule half): ``Feb 26, 2021 12:04 pm +03 +03:00`` (a theme printing the zone twice)."""
    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    found = read_printed(f"by REUTERS Feb 26, 2021 12:04 pm {zone} {offset}", now, now)
    assert found[1] == datetime(2021, 2, 26, 12, 4, tzinfo=timezone(timedelta(hours=hours)))


@pytest.mark.parametrize("text", ["5 марта 2024 -2020 годы", "5 марта 2024, 10:30 +99", "5 марта 2024, 10:30 +05 градусов"])
def test_numbers_after_a_date_that_are_no_offset(text):
    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    assert read_printed(text, now, now)[1].utcoffset().total_seconds() == 5 * 3600  # Almaty's own


@pytest.mark.parametrize("text, expected", [
    ("07.07.16", date(2016, 7, 7)),  # found4-191
    ("Ирина КОВАЛЁВА, фото автора, газета «Наша Жизнь» №27, 07.07.16", date(2016, 7, 7)),
    ("7.07.16", date(2016, 7, 7)), ("31.12.99", date(1999, 12, 31)), ("01.02.25 14:20", date(2025, 2, 1)),
])
def test_a_two_digit_year_day_first_with_dots(text, expected):
    assert find_date(text)[1].date() == expected


@pytest.mark.parametrize("text", ["10.15.30", "в 14.35", "07/07/16", "32.01.16", "1.2.3"])
def test_no_two_digit_year_date_in_these(text):
    found = find_date(text)
    assert found is None or found[1] is None


@pytest.mark.parametrize("before", ("версия", "Версия", "version", "v.", "build", "Обновление", "релиз", "нұсқасы",
                                   "iOS", "macOS", "Python", "Android"))
@pytest.mark.parametrize("number", ("2.10.15", "1.10.15", "3.11.07"))
def test_a_version_number_is_no_date(before, number):
    """A version printed like a day with a two-digit year (``версия 2.10.15``, ``Python 3.11.07``): a version word or a
    product's name before it; a date keeps its leading zero and a label or a place before it."""
    assert find_date(f"Вышла {before} {number} с исправлениями.") is None


@pytest.mark.parametrize("before", ("Опубликовано", "Дата:", "Added", "Kazinform", "Astana,", "Обновлено:"))
def test_a_two_digit_year_date_after_a_word_is_still_a_date(before):
    found = find_date(f"{before} 07.07.16 10:30")
    assert found is not None and found[1].date().isoformat() == "2016-07-07"

"""dates.py: ISO 8601, printed formats of Kazakh outlets, the Asia/Almaty zone."""

from datetime import date

import pytest

from kznews.extract.dates import find_date, iso, month_number, parse_date, parse_wall

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

"""datelines.py: datelines as printed at the start of a body, and their parts."""

from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kznews.extract.calendar import MONTHS, WEEKDAYS, russian_forms
from kznews.extract.datelines import find_dateline
from kznews.extract.kazakh import ALPHABETS, spell

from .shared import PAGES, cases, ids

DATELINES = cases("dateline")


@pytest.mark.parametrize("case", DATELINES, ids=ids(DATELINES))
def test_dateline_case_parts(case):
    found = asdict(find_dateline(case["text"]))
    assert {k: found[k] for k in ("place", "day", "month", "agency")} == case["expected"]


def test_ic24_russian_dateline_from_page_text():
    text = (PAGES / "ic24.kz" / "article-ru-u45694.txt").read_text("utf-8")
    para = next(line for line in text.splitlines() if line.startswith("Алматы."))
    assert find_dateline(para).text == "Алматы. 16 апреля. Центр информации -"


def test_ic24_english_dateline_month_first():
    text = (PAGES / "ic24.kz" / "article-en-u45713.txt").read_text("utf-8")
    para = next(line for line in text.splitlines() if line.startswith("Almaty."))
    found = find_dateline(para)
    assert (found.place, found.day, found.month, found.agency) == ("Almaty", 19, 4, "Information Center")


def test_kazinform_dateline_text():
    found = find_dateline("ПЕТРОПАВЛОВСК. КАЗИНФОРМ – Бройлерную птицефабрику построят")
    assert found.text == "ПЕТРОПАВЛОВСК. КАЗИНФОРМ –"


def test_kazinform_english_dateline():
    assert find_dateline("NUR-SULTAN. KAZINFORM – The President").text == "NUR-SULTAN. KAZINFORM –"


def test_ordinary_sentence_is_not_a_dateline():
    assert find_dateline("Астана. Сегодня прошло совещание - важное") is None


def test_dateline_only_at_start():
    assert find_dateline("Сегодня в ASTANA – прошла встреча") is None


# --- every dateline form, in every language and Kazakh alphabet, parsed back ---------------------------------

PLACES = {
    "ru": ["Астана", "Алматы", "Нур-Султан", "Усть-Каменогорск", "Петропавловск", "Шымкент", "Караганда"],
    "kk": ["Астана", "Алматы", "Шымкент", "Қостанай", "Орал", "Өскемен", "Қызылорда", "Түркістан", "Ақтөбе"],
    "en": ["Astana", "Almaty", "Nur-Sultan", "Ust-Kamenogorsk", "Shymkent", "Oral", "Karaganda"],
}
AGENCIES = {
    "ru": ["Казинформ", "КазТАГ", "Центр информации", "KAZAKHSTAN TODAY"],
    "kk": ["ҚазАқпарат", "Егемен Қазақстан"],
    "en": ["Kazinform", "Reuters", "Xinhua", "Trend"],
}
BODIES = {
    "ru": "Президент Казахстана провел встречу с делегацией.",
    "kk": "Мемлекет басшысы шетелдік делегацияны қабылдады.",
    "en": "The President of Kazakhstan met the delegation.",
}
# (template, what the dateline says: with a day and month, with an agency); {P} place, {A} agency, {DM} day and month.
FORMS = [
    ("{P}. {DM}. {A} – {B}", True, True),
    ("{P}, {DM} – {B}", True, False),
    ("{P}, {DM} {Y} – {B}", True, False),
    ("{P}. /{A}/ – {B}", False, True),
    ("{P}. {DM}. /{A}/ - {B}", True, True),
    ("{P}, {DM} ({A}) – {B}", True, True),
    ("{P} ({A}) — {B}", False, True),
    ("{CP}. {CA} – {B}", False, True),
    ("{CP} – {B}", False, False),
    ("{P}, {WD}, {DM} ({A}) – {B}", True, True),
    ("{P}. {DD}. {A} – {B}", True, True),
]


def day_month(lang: str, day: int, month: int, month_first: bool) -> str:
    """The day and month as a dateline prints them: 16 апреля, 16 сәуір / 16-сәуір, April 16 / 16 April."""
    if lang == "ru":
        return f"{day} {russian_forms(MONTHS['ru'][month - 1])[1]}"
    if lang == "kk":
        return f"{day}{'-' if month_first else ' '}{MONTHS['kk'][month - 1]}"
    name = MONTHS["en"][month - 1]
    return f"{name} {day}" if month_first else f"{day} {name}"


@st.composite
def printed_datelines(draw):
    """(text, expected place, day, month, agency) of a dateline in a random language, alphabet and form."""
    lang = draw(st.sampled_from(["ru", "kk", "en"]))
    alphabet = draw(st.sampled_from(ALPHABETS)) if lang == "kk" else "cyrillic"
    template, dated, with_agency = draw(st.sampled_from(FORMS))
    if alphabet == "tote" and "{C" in template:
        template, dated, with_agency = FORMS[0]  # tote has no capitals
    place, agency = draw(st.sampled_from(PLACES[lang])), draw(st.sampled_from(AGENCIES[lang]))
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    text = template.format(P=place, CP=place.upper(), A=agency, CA=agency.upper(), B=BODIES[lang],
                           DM=day_month(lang, day, month, draw(st.booleans())), Y=draw(st.integers(2000, 2030)),
                           WD=draw(st.sampled_from(WEEKDAYS[lang])), DD=f"{day:02d}.{month:02d}")
    if lang == "kk":
        text, place, agency = (spell(part, alphabet) for part in (text, place, agency))
    shown_place = place.upper() if "{CP}" in template else place
    shown_agency = agency.upper() if "{CA}" in template else agency
    return text, (shown_place, day if dated else None, month if dated else None, shown_agency if with_agency else None)


@settings(max_examples=400, deadline=None)
@given(printed_datelines())
def test_dateline_in_every_language_alphabet_and_form_parses_back(printed):
    text, expected = printed
    found = find_dateline(text)
    assert (found.place, found.day, found.month, found.agency) == expected


@pytest.mark.parametrize("text", [
    "Президент. Это было важное решение.",
    "В Алматы – прошла встреча с жителями.",
    "ВВП – главный показатель экономики.",
    "США – крупнейший партнер.",
    "Мемлекет басшысы. Бүгін – маңызды күн.",
    "The President said on Monday – the talks were over.",
    "Астана. Сегодня прошло совещание – важное.",
    "16 апреля – день памяти.",
])
def test_first_sentences_are_not_datelines(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text,parts", [
    ("АСТАНА, 4 сентября.\n/ТАСС/. Президент", ("АСТАНА", 4, 9, "ТАСС")),  # the agency on its own line
    ("ALMATY. April 10. KAZINFORM /Dauren Zhailin/ The", ("ALMATY", 10, 4, "KAZINFORM")),  # a reporter after it
    ("ALMATY, Kazakhstan (RFE/RL) -- Kazakh", ("ALMATY", None, None, "RFE/RL")),  # a country after the city
    ("March 20 (THE GLOBE) -- The", (None, 20, 3, "THE GLOBE")),  # no place
    ("АЛМАТЫ – КазТАГ. Суд", ("АЛМАТЫ", None, None, "КазТАГ")),  # the agency signed after the dash
    ("Алматы. 16 сәуір. «Азаттық» – Сот", ("Алматы", 16, 4, "Азаттық")),  # quotes are no part of the name
    ("استانا. 4 - قازان. قازاقپارات - ", ("استانا", 4, 10, "قازاقپارات")),  # tote's spaced hyphen
    ("نۇر-سۇلتان. قازاقپارات - ", ("نۇر-سۇلتان", None, None, "قازاقپارات")),  # a hyphenated tote place
    ("Алматы облысы. ҚазАқпарат - Мәтін", ("Алматы облысы", None, None, "ҚазАқпарат")),  # a region
    ("Qyzylorda oblysy. QazAqparat – Mátin", ("Qyzylorda oblysy", None, None, "QazAqparat")),
    ("Алматинская область. КАЗИНФОРМ – Текст", ("Алматинская область", None, None, "КАЗИНФОРМ")),
    ("Астана қ., 16 сәуір – мәтін", ("Астана қ.", 16, 4, None)),
    ("Алматы. 16.04.2024. КазТАГ – Текст", ("Алматы", 16, 4, "КазТАГ")),  # the day and month in digits
    ("Almaty, Kazakhstan, 16 April 2024 – The talks opened.", ("Almaty", 16, 4, None)),
    ("Ashgabat , 16 April 2024 (nCa) — The", ("Ashgabat", 16, 4, "nCa")),  # a stray space before the comma
    ("Ashgabat 3 April 2020 (nCa) – The", ("Ashgabat", 3, 4, "nCa")),  # no comma: the brackets close it
    ("Алматы, 16 сәуір – «Азаттық». Мәтін", ("Алматы", 16, 4, "Азаттық")),
    ("ASTANA, Tuesday, April 16 (Reuters) - The", ("ASTANA", 16, 4, "Reuters")),  # a weekday before the date
    ("АЛМАТЫ, 16 апр – Sputnik, Мария Иванова. Текст", ("АЛМАТЫ", 16, 4, "Sputnik")),  # the agency's reporter
    ("АСТАНА, 16 апр — РИА Новости. Текст", ("АСТАНА", 16, 4, "РИА Новости")),
    ("Алматы. 16 апреля. КазТАГ. – Текст", ("Алматы", 16, 4, "КазТАГ")),  # a full stop before the dash
    ("ASTANA. KAZINFORM. The President", ("ASTANA", None, None, "KAZINFORM")),
    ("استانا. \u200f4 - قازان. قازاقپارات - ", ("استانا", 4, 10, "قازاقپارات")),  # a right-to-left mark
])
def test_dateline_neighbours(text, parts):
    found = find_dateline(text)
    assert (found.place, found.day, found.month, found.agency) == parts


def test_a_dash_is_not_the_hyphen_of_a_name():
    found = find_dateline("NUR-SULTAN. KAZINFORM Head of State Kassym-Jomart Tokayev received the governor.")
    assert (found.place, found.agency, found.text) == ("NUR-SULTAN", "KAZINFORM", "NUR-SULTAN. KAZINFORM")


def test_dateline_paragraph_of_its_own():
    found = find_dateline("АСТАНА, 4 сентября.")
    assert (found.place, found.day, found.month, found.agency) == ("АСТАНА", 4, 9, None)
    assert find_dateline("АСТАНА, 4 сентября прошла встреча.") is None

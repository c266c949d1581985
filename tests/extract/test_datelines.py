"""datelines.py: datelines as printed at the start of a body, and their parts."""

from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kznews.extract.calendar import MONTHS, WEEKDAYS, russian_forms
from kznews.extract.datelines import Dateline, find_dateline
from kznews.extract.kazakh import ALPHABETS, case_forms, spell

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
    "ru": ["Астана", "Алматы", "Нур-Султан", "Усть-Каменогорск", "Петропавловск", "Шымкент", "Алматинская область"],
    "kk": ["Астана", "Алматы", "Шымкент", "Қостанай", "Орал", "Өскемен", "Қызылорда", "Түркістан", "Алматы облысы"],
    "en": ["Astana", "Almaty", "Nur-Sultan", "Ust-Kamenogorsk", "Shymkent", "Oral", "Almaty region"],
}
AGENCIES = {
    "ru": ["Казинформ", "КазТАГ", "Центр информации", "KAZAKHSTAN TODAY", "Tengrinews.kz"],
    "kk": ["ҚазАқпарат", "Егемен Қазақстан", "7kun.kz"],
    "en": ["Kazinform", "Reuters", "Xinhua", "Trend", "Vlast.kz"],
}
BODIES = {
    "ru": "Президент Казахстана провел встречу с делегацией.",
    "kk": "Мемлекет басшысы шетелдік делегацияны қабылдады.",
    "en": "The President of Kazakhstan met the delegation.",
}
COUNTRIES = {"ru": "Казахстан", "kk": "Қазақстан", "en": "Kazakhstan"}
REPORTERS = {"ru": "Мария Иванова", "kk": "Айгүл Жақыпова", "en": "Dauren Zhailin"}
# The agency's correspondent named in the brackets with it: the agency is what the dateline gives.
CORRESPONDENTS = {"ru": "{A}, корреспондент {R}", "kk": "{A} тілшісі {R}", "en": "{A} correspondent {R}"}
# Month names as datelines cut them (Russian and AP style; Kazakh in Cyrillic): some months are never cut.
CUT_MONTHS = {
    "ru": ("янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."),
    "kk": ("қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."),
    "en": ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
}
# (template, what the dateline says: with a day and month, with an agency); {P} place, {A} agency, {DM} day and
# month, {DMY} with the year, {C} country, {R} reporter, {CORR} the agency's correspondent, {B} the body's start.
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
    # agencies' wire styles: two hyphens, the country, square brackets, a reporter or correspondent with the agency
    ("{P}, {DM} -- {B}", True, False),
    ("{P}, {DM} ({A}) -- {B}", True, True),
    ("{P}, {C}, {DM} ({A}) – {B}", True, True),
    ("{P} ({C}), {DM} ({A}) – {B}", True, True),
    ("{P}, {DM} [{A}] — {B}", True, True),
    ("{P}, {DM} /{A}, {R}/. {B}", True, True),
    ("{P}. {DM}. /{CORR}/ – {B}", True, True),
    ("{P}, {DMY} ({A}) – {B}", True, True),
    ("{P}, {DMY}, 10:30 – {B}", True, False),
    # separators: none after the stops (copied from print), bars, a dash with no spaces
    ("{P}.{DM}.{A} – {B}", True, True),
    ("{P} | {DM} | {A} – {B}", True, True),
    ("{P}. {DM}. {CA}. {B}", True, True),  # a full stop closes an agency's name before the body's capital
    ("{CP}—{B}", False, False),
    # a dateline standing alone as a paragraph (its dash not copied): the line's end closes it
    ("{P}. {DM}. {A}", True, True),
    ("{P}, {DM}", True, False),
    # wires' text feeds: a place in capitals and its date with no stop; the body right after an agency's name
    ("{CP} {DM} {B}", True, False),
    ("{CP} {DM} – {B}", True, False),
    ("{P}. {DM}. {CA} {B}", True, True),
    # a dash between the place and the date; the whole dateline in brackets; a dash lost to a wrong encoding
    ("{P} - {DM} /{A}/. {B}", True, True),
    ("({P}, {DM} {A}) {B}", True, True),
    ("{CP} \ufffd {B}", False, False),
]


def day_month(lang: str, day: int, month: int, month_first: bool, cut: bool) -> str:
    """The day and month as a dateline prints them: 16 апреля, 16 сәуір / 16-сәуір, April 16 / 16 April, and
    ``cut``: 16 апр., 16 сәу., Apr. 16 / Sept. 5."""
    name = CUT_MONTHS[lang][month - 1] if cut else MONTHS[lang][month - 1]
    if lang == "ru":
        return f"{day} {name if cut else russian_forms(name)[1]}"
    if lang == "kk":
        return f"{day}{'-' if month_first and not cut else ' '}{name}"
    return f"{name} {day}" if month_first else f"{day} {name}"


def day_month_year(lang: str, day: int, month: int, year: int, year_first: bool) -> str:
    """A date with its year: 16 апреля 2024 г., 16 сәуір 2024 ж. / 2024 жылғы 16 сәуір, April 16, 2024 /
    16 April 2024."""
    name = MONTHS[lang][month - 1]
    if lang == "ru":
        return f"{day} {russian_forms(name)[1]} {year} {'года' if year_first else 'г.'}"
    if lang == "kk":
        return f"{year} жылғы {day} {name}" if year_first else f"{day} {name} {year} ж."
    return f"{name} {day}, {year}" if year_first else f"{day} {name} {year}"


@st.composite
def printed_datelines(draw):
    """(text, expected place, day, month, agency) of a dateline in a random language, alphabet and form."""
    lang = draw(st.sampled_from(["ru", "kk", "en"]))
    alphabet = draw(st.sampled_from(ALPHABETS)) if lang == "kk" else "cyrillic"
    template, dated, with_agency = draw(st.sampled_from(FORMS))
    if alphabet == "tote" and ("{CP}" in template or "{CA}" in template):
        template, dated, with_agency = FORMS[0]  # tote has no capitals
    place, agency = draw(st.sampled_from(PLACES[lang])), draw(st.sampled_from(AGENCIES[lang]))
    day, month, year = draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(2000, 2030))
    cut = draw(st.booleans()) and alphabet == "cyrillic"  # Kazakh pages cut month names in Cyrillic only
    text = template.format(P=place, CP=place.upper(), A=agency, CA=agency.upper(), B=BODIES[lang], Y=year,
                           DM=day_month(lang, day, month, draw(st.booleans()), cut),
                           DMY=day_month_year(lang, day, month, year, draw(st.booleans())),
                           C=COUNTRIES[lang], R=REPORTERS[lang],
                           CORR=CORRESPONDENTS[lang].format(A=agency, R=REPORTERS[lang]),
                           WD=draw(st.sampled_from(WEEKDAYS[lang])), DD=f"{day:02d}.{month:02d}")
    if lang == "kk":
        text, place, agency = (spell(part, alphabet) for part in (text, place, agency))
    shown_place = place.upper() if "{CP}" in template else place
    shown_agency = agency.upper() if "{CA}" in template else agency
    return text, (shown_place, day if dated else None, month if dated else None, shown_agency if with_agency else None)


@settings(max_examples=600, deadline=None)
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
    "Алматы, 16 апреля в городе прошла встреча – важная.",  # words of a sentence where an agency would stand
    "Алматы, 5 марта в 10:30 – начало концерта.",
    "ВВП (валовой продукт) – главный показатель экономики.",
    "Республика Казахстан (РК) – унитарное государство.",  # the initials of the words before the brackets
    "Kazakhstan (AP) is a country in Central Asia.",  # brackets with no dash and no capital after them
    "Home Depot (ticker: HD) reported earnings.",
    "Wednesday, 23 January 2013",  # a date line under a headline: a weekday is no place
    "جۇما، 30 قاڭتار 2026",
    "Главная. Новости",  # short lines of page chrome, shaped like a dateline standing alone
    "EJ Swift (Arcadia)",
    "Эл. почта: foto1@inform.kz",  # an address is no agency's domain
    "Updated February 12, 2026",  # a label before a date is no place
    "Posted 10 января 2022, 05:59",
    "UPDATE 5 March the talks resumed",  # a capitalised word and a date glued to lower-case words
    "///the end, 3 February 2023",  # a signature's name must read as one
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
    ("ۇلان- باتىر. قازاقپارات -", ("ۇلان- باتىر", None, None, "قازاقپارات")),  # a space after tote's hyphen
    ("ۇست- كامەنوگورسك. قازاقپارات - ", ("ۇست- كامەنوگورسك", None, None, "قازاقپارات")),
    ("(Astana, April 3 irna-itar-tass-acsna)", ("Astana", 3, 4, "irna-itar-tass-acsna")),  # old ITAR-TASS wires
    ("///nCa, 3 February 2023", (None, 3, 2, "nCa")),  # an agency's signature: slashes, its name, the date
    ("//KazTAG, 16 апреля", (None, 16, 4, "KazTAG")),
    ("ALMATY Jan 18 The weighted average of the", ("ALMATY", 18, 1, None)),  # Reuters' text feed
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
    # the agency signed after the dash, as a domain or with the paragraph ending after it
    ("АЛМАТЫ, 5 марта — vlast.kz. Текст", ("АЛМАТЫ", 5, 3, "vlast.kz")),
    ("АСТАНА, 5 янв - РИА Новости", ("АСТАНА", 5, 1, "РИА Новости")),
    ("Astana, 16 sáýir – Sputnik Qazaqstan. Mátin", ("Astana", 16, 4, "Sputnik Qazaqstan")),
    ("МОСКВА, 5 марта — ИА «Новости-Казахстан». Текст", ("МОСКВА", 5, 3, "Новости-Казахстан")),  # the quoted name
    ("Алматы. 5 марта. ИА «Казинформ» – Текст", ("Алматы", 5, 3, "Казинформ")),
    # a reporter's byline before the agency; a correspondent named inside the brackets
    ("BAKU, Azerbaijan, May 5. By Elchin Mehdiyev – Trend: The", ("BAKU", 5, 5, "Trend")),
    ("АСТАНА, 5 августа. /Корр. КАЗИНФОРМ Иван Иванов/ - Текст", ("АСТАНА", 5, 8, "КАЗИНФОРМ")),
    ("Бишкек, 5 марта /24.kg, Анна Капушенко/. Текст", ("Бишкек", 5, 3, "24.kg")),
    # wire styles: brackets with no dash before the body's capital, glued dashes, a date in the brackets
    ("Hong Kong (CNN Business) A muddled view", ("Hong Kong", None, None, "CNN Business")),
    ("ALMATY, Kazakhstan--(BUSINESS WIRE)--The", ("ALMATY", None, None, "BUSINESS WIRE")),
    ("WASHINGTON (January 24, 2017) — Mindfulness", ("WASHINGTON", 24, 1, None)),
    ("ASTANA—The talks", ("ASTANA", None, None, None)),
    ("Baku, Azerbaijan, Dec.5 (Trend) The", ("Baku", 5, 12, "Trend")),
    # place forms: a prefix, the town in its region, a caps place with a named agency and no dash
    ("St. Petersburg, Dec. 5 (Xinhua) -- The", ("St. Petersburg", 5, 12, "Xinhua")),
    ("Г. АЛМАТЫ. КАЗИНФОРМ – Текст", ("Г. АЛМАТЫ", None, None, "КАЗИНФОРМ")),
    ("Алматы облысы, Талғар ауданы. ҚазАқпарат - Мәтін", ("Алматы облысы", None, None, "ҚазАқпарат")),
    ("Алматы облысы. April 16, 2024 (nCa) — The", ("Алматы облысы", 16, 4, "nCa")),
    ("НҰР-СҰЛТАН. ҚазАқпарат Мемлекет басшысы", ("НҰР-СҰЛТАН", None, None, "ҚазАқпарат")),
    # a dateline standing alone as a paragraph
    ("Tashkent, April 2\n\n(irna-itar-tass-acsna)", ("Tashkent", 2, 4, "irna-itar-tass-acsna")),
    ("Tashkent, April 2", ("Tashkent", 2, 4, None)),
    ("ALMATY\n\n(THE GLOBE)", ("ALMATY", None, None, "THE GLOBE")),
    ("Astana. July 4. KazTAG", ("Astana", 4, 7, "KazTAG")),
    ("Astana. July 4. KazTAG. President Tokayev met", ("Astana", 4, 7, "KazTAG")),
    ("استانا. قازاقپارات", ("استانا", None, None, "قازاقپارات")),
    # a year first, a clock time after the date, bars between the parts
    ("Астана, 2024 жылғы 16 сәуір – Мәтін басы", ("Астана", 16, 4, None)),
    ("Алматы, 5 марта 2020, 10:30 — ИА REGNUM. Текст", ("Алматы", 5, 3, "ИА REGNUM")),
    ("Алматы | 16 апреля | КазТАГ - Текст", ("Алматы", 16, 4, "КазТАГ")),
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


# The possessive a day's digits take in Kazakh, by the number's last word: бірі, екісі, үші, төрті, бесі, алтысы,
# жетісі, сегізі, тоғызы; оны, жиырмасы, отызы.
_KK_DAY_POSSESSIVE = {1: "і", 2: "сі", 3: "і", 4: "і", 5: "і", 6: "сы", 7: "сі", 8: "і", 9: "ы", 10: "ы", 20: "сы",
                      30: "ы"}


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("month", range(1, 13))
def test_kazakh_month_in_the_genitive_and_the_days_ordinal(alphabet, month):
    """found5-194 ``ПАВЛОДАР. Шілденің 3-і. ҚазАқпарат /Вера Ливинцова/ -``: "the 3rd of July", every day, every
    month, every alphabet; the day's suffix is never read as a month."""
    name = MONTHS["kk"][month - 1]
    genitive = next(form for form in case_forms(name) if form[len(name):] in ("ның", "нің", "дың", "дің", "тың", "тің"))
    for day in range(1, 32):
        suffix = _KK_DAY_POSSESSIVE[day % 10 or day]
        text = spell(f"АСТАНА. {genitive.capitalize()} {day}-{suffix}. ҚазАқпарат /Вера Ливинцова/ - Мектеп ашылды.",
                     alphabet)
        found = find_dateline(text)
        assert found is not None and (found.day, found.month) == (day, month), text


@pytest.mark.parametrize(("date", "day", "month"), (("January 5", 5, 1), ("16 апреля", 16, 4), ("5 наурыз", 5, 3),
                                                     ("Dec. 12", 12, 12)))
@pytest.mark.parametrize("agency", ("Fineko", "КазТАГ", "ҚазАқпарат", "Trend"))
def test_a_date_and_an_agency_closed_by_a_slash(date, day, month, agency):
    """found6-164 ``January 5, Fineko/ The government resigned``: no place, the agency signed with a slash."""
    found = find_dateline(f"{date}, {agency}/ The government resigned.")
    assert found is not None and (found.place, found.day, found.month, found.agency) == (None, day, month, agency)


@pytest.mark.parametrize(("text", "agency"), (("Baku. 6 June. REPORT.AZ/ The Ministry said", "REPORT.AZ"),
                                              ("Алматы. 16 апреля. КазТАГ/ Министерство", "КазТАГ")))
def test_an_agency_closed_by_a_slash(text, agency):
    found = find_dateline(text)
    assert found is not None and found.agency == agency and found.text == text.split("/")[0] + "/"


@pytest.mark.parametrize("text", ("MOSCOW, Jan 27 : Kazakhstan's biggest oilfield", "ASTANA, 5 June: The president"))
def test_a_colon_in_the_dashs_place(text):
    found = find_dateline(text)
    assert found is not None and found.agency is None and found.day in (27, 5) and found.text.endswith(":")


@pytest.mark.parametrize(("text", "place", "agency"), (("LIANYUNGANG: The first batch", "LIANYUNGANG", None),
                                                       ("Almaty, 5 September:", "Almaty", None),
                                                       ("Нұр-Сұлтан, BAQ.KZ. ҚР Президентінің", "Нұр-Сұлтан", "BAQ.KZ")))
def test_a_place_closed_by_a_colon_or_a_web_address(text, place, agency):
    found = find_dateline(text)
    assert found is not None and (found.place, found.agency) == (place, agency)


@pytest.mark.parametrize("text", ("NOTE: The figures", "UPDATE: The ministry", "ВНИМАНИЕ: Дорога"))
def test_a_label_before_a_colon_is_no_place(text):
    assert find_dateline(text) is None


def test_a_place_with_its_region_and_country_and_a_dash_glued_to_the_body():
    found = find_dateline("ULKEN, Almaty region, Kazakhstan (Reuters) -Kazakhstan voted in a referendum")
    assert found is not None and (found.place, found.agency) == ("ULKEN", "Reuters")


@pytest.mark.parametrize(("text", "place", "day", "month"), (
    ("Алматы. 5 декабря. Прошла встреча. Было холодно.", "Алматы", 5, 12),  # a sentence's words are no agency
    ("ASTANA, Kazakhstan, January 17. Large-scale military exercises will be held", "ASTANA", 17, 1),  # found10-155
    ("December 4 2017, Astana – NAC Kazatomprom JSC announces", "Astana", 4, 12),  # found9-130: the date first
    ("Astana, Kazakhstan: More than 90,000 people have been evacuated", "Astana", None, None),  # found12-175
    ("Алматы, Казахстан: Более 90 человек эвакуированы", "Алматы", None, None)))
def test_a_dateline_closed_by_its_full_stop_or_colon_without_an_agency(text, place, day, month):
    assert find_dateline(text) == Dateline(find_dateline(text).text, place, day, month, None)


@pytest.mark.parametrize("text", ("16 сентября, Минск /Корр. БЕЛТА/. Столице Казахстана вернут", "16 сентября, Минск "
                                  "(БЕЛТА) – Столице Казахстана вернут", "16 сентября, Минск – БЕЛТА. Столице Казахстана"))
def test_the_date_first_then_the_place_and_the_agency(text):  # found14-076
    assert find_dateline(text) == Dateline(find_dateline(text).text, "Минск", 16, 9, "БЕЛТА")


@pytest.mark.parametrize(("text", "want"), (
    ("Kazan, June 23 / Kabar /. The deploying of troops", Dateline("Kazan, June 23 / Kabar /.", "Kazan", 23, 6, "Kabar")),
    # found14-041: Қазан is October in Kazakh, yet a place before another month's date
    ("ALMATY, Nov 5 Kazakhstan's tenge fell", Dateline("ALMATY, Nov 5", "ALMATY", 5, 11, None)),  # found14-022
    ("ҚЫЗЫЛОРДА. Қаңтардың 31-і. ҚазАқпарат (Руслан Игілік) - Кеше облыс",
     Dateline("ҚЫЗЫЛОРДА. Қаңтардың 31-і. ҚазАқпарат (Руслан Игілік) -", "ҚЫЗЫЛОРДА", 31, 1, "ҚазАқпарат")),  # 14-163
))
def test_a_month_named_place_a_wire_feeds_comma_and_a_correspondent_in_brackets(text, want):
    assert find_dateline(text) == want


def test_a_weekday_or_the_same_month_before_a_date_is_a_date_line():
    assert find_dateline("Wednesday, 23 January 2013 The talks") is None


@pytest.mark.parametrize("text", ("MOSCOW (AP) ? A Soyuz spacecraft lifted off", "MOSCOW (AP) _ Following a delay, a"
                                  " rocket lifted off"))
def test_a_lost_dash_after_the_agency(text):  # found9-146, found10-117
    assert find_dateline(text) == Dateline(text[:13], "MOSCOW", None, None, "AP")


def test_two_names_before_a_colon_are_no_dateline():
    assert find_dateline("Nazarbayev, Tokayev: The talks were over.") is None

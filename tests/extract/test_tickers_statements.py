"""tickers.py: rates stated in sentences, generated over currencies, their forms, number formats, word orders and
languages, the strings that are no rate beside them, and a widget of rows in every language; then the real
strings (rule half of bench/cases) the statement grammar was written from, one test each."""

import pytest

from kznews.extract.html import parse
from kznews.extract.kazakh import ALPHABETS, spell
from kznews.extract.tickers import find_tickers, might_have_tickers, parse_quote

# --- number formats: what a value is printed as, and what it is ---------------------------------------------------
# (printed, the space after it, value): decimal comma and point, any number of decimals; the space between the value
# and the tenge plain, no-break, thin or narrow no-break
FORMATS = [("470,50", " ", 470.5), ("470.5000", "\u00a0", 470.5), ("5,1", "\u2009", 5.1), ("0.0021", "\u202f", 0.0021)]

# --- Russian: each currency in the forms a sentence puts it in --------------------------------------------------
# code: (nominative, genitive, accusative, dative)
RUSSIAN = {"USD": ("доллар", "доллара", "доллар", "доллару"), "EUR": ("евро", "евро", "евро", "евро"),
           "RUB": ("рубль", "рубля", "рубль", "рублю"), "CNY": ("юань", "юаня", "юань", "юаню"),
           "GBP": ("фунт стерлингов", "фунта стерлингов", "фунт стерлингов", "фунту стерлингов")}
RUSSIAN_ORDERS = [
    "Курс {gen} составил {v}{s}тенге",
    "Официальный курс {gen}, установленный Нацбанком на 21 июля, составляет {v}{s}тенге",
    "{Nom} подорожал до {v}{s}тенге",
    "{Nom} подешевел до {v}{s}тенге",
    "{v}{s}тенге за {acc}",
    "{v}{s}тенге за 1 {acc}",
    "1 {nom} = {v}{s}KZT",
    "Средневзвешенный курс тенге к {dat} составил {v}{s}тенге",
    "В обменниках {nom} продают по {v}{s}тенге",
    "Курс {gen} при покупке — {v}{s}тенге",
    "Курс {gen} при продаже составил {v}{s}тенге",
    "Курс {gen} вырос на 2,5 тенге и составил {v}{s}тенге",
]


@pytest.mark.parametrize("code", RUSSIAN)
@pytest.mark.parametrize("order", RUSSIAN_ORDERS)
@pytest.mark.parametrize("printed, space, value", FORMATS)
def test_a_russian_statement_in_every_order_form_and_format(code, order, printed, space, value):
    nom, gen, acc, dat = RUSSIAN[code]
    text = order.format(Nom=nom.capitalize(), nom=nom, gen=gen, acc=acc, dat=dat, v=printed, s=space)
    assert parse_quote(text) == (f"{code}/KZT", value)


@pytest.mark.parametrize("form", ["доллар", "доллара", "долларов", "долларе", "доллару", "долларом", "Доллар США",
                                  "ДОЛЛАР", "доллар США", "американский доллар", "американского доллара"])
def test_every_case_and_number_of_the_dollar_before_a_rate(form):
    assert parse_quote(f"Курс {form} — 470,50 тенге") == ("USD/KZT", 470.5)


# --- Kazakh in every alphabet ---------------------------------------------------------------------------------------
# code: (nominative, genitive, dative)
KAZAKH = {"USD": ("АҚШ доллары", "АҚШ долларының", "долларға"), "EUR": ("еуро", "еуроның", "еуроға"),
          "RUB": ("Ресей рублі", "Ресей рублінің", "рубльге"), "CNY": ("Қытай юані", "Қытай юанінің", "юаньға")}
KAZAKH_ORDERS = [
    "{gen} бағамы {v} теңге",
    "{gen} орташа бағамы {v} теңгені құрады",
    "{nom} бағамы {v} теңге болды",
    "1 {dat} {v} теңге",
    "Ұлттық валютаның {dat} шаққандағы бағамы {v} теңгеге тең болды",
    "{nom} {v} теңгеге дейін қымбаттады",
    "{nom} {v} теңгеге дейін арзандады",
    "Ресми {nom} бағамы {v} теңге",
]


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("code", KAZAKH)
@pytest.mark.parametrize("order", KAZAKH_ORDERS)
def test_a_kazakh_statement_in_every_alphabet_and_order(alphabet, code, order):
    nom, gen, dat = KAZAKH[code]
    text = spell(order.format(nom=nom, gen=gen, dat=dat, v="470,50"), alphabet)
    assert parse_quote(text) == (f"{code}/KZT", 470.5)


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("verb", ["қымбаттады", "арзандады", "өсті", "төмендеді", "нығайды", "әлсіреді"])
def test_a_kazakh_dative_tenge_before_a_verb_of_moving_is_a_change(alphabet, verb):
    assert parse_quote(spell(f"Доллар бағамы 5,20 теңгеге {verb}", alphabet)) is None


# --- English ----------------------------------------------------------------------------------------------------------
# code: (singular, plural, code as printed by wires)
ENGLISH = {"USD": ("US dollar", "dollars", "USD"), "EUR": ("euro", "euros", "EUR"), "RUB": ("ruble", "rubles", "RUB"),
           "CNY": ("yuan", "yuan", "CNY")}
ENGLISH_ORDERS = [
    "{v} tenge per {one}",
    "{v} tenges to one {one}",
    "{v} KZT to the {one}",
    "the tenge weakened to {v} per {one}",
    "the tenge strengthened to {v} tenge per {one}",
    "1 {code} = {v} KZT",
    "{code}/KZT closed at {v}",
    "{code}KZT_TOD closed at {v}",
    "The {one} was trading at {v} tenge",
    "Friday's session for the {one} closed at {v} tenge",
    "the average weighted exchange rate for the {one} was {v} tenge",
    "the bank was selling {many} at {v} tenge",
    "The official rate of the National Bank is {v} tenge per 1 {one}",
    "KZT{v} per {one}",
]


@pytest.mark.parametrize("code", ENGLISH)
@pytest.mark.parametrize("order", ENGLISH_ORDERS)
@pytest.mark.parametrize("printed, space, value", FORMATS[:2])
def test_an_english_statement_in_every_order(code, order, printed, space, value):
    one, many, printed_code = ENGLISH[code]
    text = order.format(one=one, many=many, code=printed_code, v=printed)
    assert parse_quote(text, "https://astanatimes.com/") == (f"{code}/KZT", value)


@pytest.mark.parametrize("text, pair, value", [
    ("150 tenge to one dollar", "USD/KZT", 150.0),  # a whole number with its unit
    ("One US dollar equals 300 KZT", "USD/KZT", 300.0),  # a whole number beside a word of rates
    ("доллар подорожал до 480 тенге", "USD/KZT", 480.0),
    ("the dollar hit 500 tenge", "USD/KZT", 500.0),
    ("Еуро 510 теңгеден 505 теңгеге дейін арзандады", "EUR/KZT", 505.0),  # from 510 to 505: the level it came to
    ("Доллар подешевел с 470,50 тенге до 465,20 тенге", "USD/KZT", 465.2),
    ("EUR/USD closed at 1.0812", "EUR/USD", 1.0812),  # a pair printed: its own quote currency
])
def test_whole_numbers_levels_reached_and_printed_pairs(text, pair, value):
    assert parse_quote(text) == (pair, value)


@pytest.mark.parametrize("text", ["стандартного курса 521 тенге", "по курсу 521 тенге", "Курс составил 521 тенге",
                                  "курс находится на уровне 521 тенге", "the exchange rate stood at 521 tenge",
                                  "at a rate of 521 tenge"])
def test_a_whole_number_of_tenge_right_after_the_word_rate_is_the_dollars(text):
    assert parse_quote(text) == ("USD/KZT", 521.0)


@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_a_whole_number_of_tenge_right_after_the_kazakh_word_rate_is_the_dollars(alphabet):
    assert parse_quote(spell("Бағамы 521 теңге", alphabet)) == ("USD/KZT", 521.0)


@pytest.mark.parametrize("text", ["533 per dollar", "the currency slipped to 533 per US dollar", "533 за доллар",
                                  "533 за 1 доллар США"])
def test_a_value_of_three_digits_for_a_unit_is_a_rate_without_its_tenge(text):
    assert parse_quote(text) == ("USD/KZT", 533.0)


# --- what is no rate ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # sums in a currency
    "Компания заработала 5 долларов", "стоит 5 долларов", "USD 415.93 billion", "5,2 млрд долларов",
    "$45.99 per barrel", "The company raised $45 million at 470.50", "Зарплата 500 долларов, или 240 000 тенге",
    "Биткоин может обвалиться до 2,8 тысячи долларов",
    # changes
    "Доллар подорожал на 2,5 тенге", "The dollar rose by 2.50 tenge", "showing a 2.33 tenge hike for the dollar",
    "Курс доллара вырос на 0,5%", "the dollar gained 0.5 percent", "Доллар подешевел на 1,20 тенге за день",
    # ranges and old levels
    "Доллар в обменниках: покупка – 497-498 тенге", "Доллар подорожал с 470,50 тенге",
    "доллар 375 теңгеден асты",
    # prices of other things, counts, years, phone numbers, times
    "Бензин подорожал до 250 тенге за литр", "Штраф 2500 тенге", "Хлеб стоит 150 тенге", "Евро 2024",
    "В 2024 году доллар", "Доллар 100", "5 per dollar", "Тел.: +7 727 250 50 50, доллар",
    "on February 5 at 11:00 was 515.96 tenge",  # a rate naming neither its currency nor a word of rates
    # prose going on after a value
    "Доллар 470,50 тенге: что ждать дальше?",
    # a course's price: the word is a course, the number a fee ("курс" is both), not the word rate then a level
    "курс обучения стоит 521 тенге", "Стоимость курса 50000 тенге", "курс на 10 занятий",
    "USD 330 тенге — такой курс ожидают аналитики к концу года",
], ids=lambda v: v)
def test_sums_changes_ranges_prices_and_counts_are_no_rates(text):
    assert parse_quote(text) is None


# --- a widget of rows: the currency in one element, its value and change in the next ---------------------------------
ROW_NAMES = {"ru": ("Доллар США", "Евро", "Российский рубль"), "kk": ("АҚШ доллары", "Еуро", "Ресей рублі"),
             "en": ("US dollar", "Euro", "Russian ruble")}


@pytest.mark.parametrize("lang", ROW_NAMES)
@pytest.mark.parametrize("layout", ["table", "list", "spans"])
def test_a_widget_of_rows_in_every_language_and_layout(lang, layout):
    # printed changes with their sign, and a row whose direction only its class shows
    rows = list(zip(ROW_NAMES[lang], ("470,50", "510,20", "5,10"), ("+1,20", "-0,35", ""), ("up", "down", "down")))
    if layout == "table":
        body = "".join(f'<tr><td>{n}</td><td>{v}</td><td class="rate-{d}">{c}</td></tr>' for n, v, c, d in rows)
        widget = f"<table class=rates><tr><th>Курс валют</th></tr>{body}</table>"
    elif layout == "list":
        widget = "<ul class=rates>" + "".join(
            f'<li class="item {d}"><span>{n}</span> <b>{v}</b> <i>{c}</i></li>' for n, v, c, d in rows) + "</ul>"
    else:
        widget = "<div class=rates>" + "".join(
            f'<div><span>{n}</span><span>{v}</span><span class="arrow-{d}">{c}</span></div>' for n, v, c, d in rows) + "</div>"
    tree = parse(f"<html><body><header>{widget}</header><main><p>Новости дня.</p></main></body></html>")
    assert might_have_tickers(tree)
    found = {q.pair: (q.value, q.change, q.direction) for q in find_tickers(tree, "https://example.kz/")}
    assert found == {"USD/KZT": (470.5, 1.2, "up"), "EUR/KZT": (510.2, -0.35, "down"), "RUB/KZT": (5.1, None, "down")}


# --- the real strings fixed, one each (rule half of bench/cases) ----------------------------------------------------------
@pytest.mark.parametrize("case_id, text, url, expected", [
    ("found2-baribar.kz-2", "Ұлттық валютаның долларға шаққандағы бағамы 310,52 теңгеге", "https://baribar.kz/",
     ("USD/KZT", 310.52)),
    ("found2-caravan.kz-1", "1 доллар үшін 150 теңге 46 тиын", "https://kaz.caravan.kz/", ("USD/KZT", 150.46)),
    ("found3-005", "Официальный курс Национального банка на 13 января установлен на уровне 509,84 тенге",
     "https://www.inform.kz/ru/", ("USD/KZT", 509.84)),
    ("found4-010", "курс закрытия - 146,86/$1", "https://caravan.kz/", ("USD/KZT", 146.86)),
    ("found4-014", "минимальный — 147,56/$1", "https://caravan.kz/", ("USD/KZT", 147.56)),
    ("found4-032", "283.98 tenges to $1", "https://rferl.org/", ("USD/KZT", 283.98)),
    ("found4-033", "buying $1 for 299.99 tenges", "https://rferl.org/", ("USD/KZT", 299.99)),
    ("found4-035", "Friday's session for the US dollar closed at 477.07 tenge", "https://newsline.kz/",
     ("USD/KZT", 477.07)),
    ("found4-038", "KZT 150/ USD 1", "https://en.inform.kz/", ("USD/KZT", 150.0)),
    ("found5-008", "средневзвешенный курс нацвалюты к доллару составил 328,18 тенге", "https://365info.kz/",
     ("USD/KZT", 328.18)),
    ("found5-017", "курс закрытия - 147,57/$1", "https://caravan.kz/", ("USD/KZT", 147.57)),
    ("found5-030", "the average weighted exchange rate for a buck was 518.53 tenge", "https://financialdigest.top/",
     ("USD/KZT", 518.53)),
    ("found5-086", "евро покупали по 524,38", "https://ng.kz/", ("EUR/KZT", 524.38)),
    ("found5-090", "100 Uzbek soums - 4.49 tenge", "http://www.today.az/", ("UZS/KZT", 4.49)),
    ("found5-096", "selling it at 150 tenge to one dollar", "https://www.rferl.org/", ("USD/KZT", 150.0)),
    ("found5-106", "141 KZT to the USD dollar", "http://narcogen.com/", ("USD/KZT", 141.0)),
    ("found12-153", "533 per dollar", "https://kz.kursiv.media/en/", ("USD/KZT", 533.0)),
    ("found12-159", "стандартного курса 521 тенге", "https://altn.news/", ("USD/KZT", 521.0)),
], ids=lambda v: v if isinstance(v, str) and v.startswith("found") else "")
def test_a_real_string_fixed(case_id, text, url, expected):
    assert parse_quote(text, url) == expected


@pytest.mark.parametrize("alphabet", ("cyrillic", "latin2018", "latin2021", "tote"))
def test_kazakh_from_one_level_to_another(alphabet):
    """``320 теңгеден 361 теңгеге өсті``: the level reached, though a verb of moving follows; alone, ``5 теңгеге
    қымбаттады`` stays a change."""
    assert parse_quote(spell("Доллар бағамы 320 теңгеден 361 теңгеге өсті", alphabet)) == ("USD/KZT", 361.0)
    assert parse_quote(spell("Доллар бағамы 5 теңгеге қымбаттады", alphabet)) is None


@pytest.mark.parametrize("text", ("АҚШ ақшасының бағамы 341,19-ды құрады", "Курс американской валюты составил 341,19 тенге",
                                  "The US currency was traded at 341.19 tenge"))
def test_the_dollar_named_as_the_us_currency(text):
    assert parse_quote(text) == ("USD/KZT", 341.19)


def test_a_change_in_brackets_between_a_value_and_its_tenge():
    assert parse_quote("АҚШ долларының орташа бағамы бір долларға 318,42 (-1,75 теңге) теңгені құрады") == ("USD/KZT", 318.42)


@pytest.mark.parametrize("text", ("Средневзвешенный курс российской валюты составил 8,26 тенге",
                                  "Ресей валютасының бағамы 8,26 теңгені құрады"))
def test_the_rouble_named_as_the_russian_currency(text):
    assert parse_quote(text) == ("RUB/KZT", 8.26)


@pytest.mark.parametrize(("text", "want"), (
    ("курс доллара опустился до 54,98 рубля", ("USD/RUB", 54.98)),
    ("Курс евро повышен с 90,7458 рубля до 90,7926 рубля", ("EUR/RUB", 90.7926)),
    ("евро подорожал до 1,08 доллара", ("EUR/USD", 1.08)),
    ("the euro rose to 1.08 dollars", ("EUR/USD", 1.08)),
))
def test_a_rate_quoted_in_another_currency_named_after_the_value(text, want):
    assert parse_quote(text) == want


@pytest.mark.parametrize("alphabet", [a for a in ALPHABETS if a != "ascii"])
def test_kazakh_one_dollar_for_roubles(alphabet):
    assert parse_quote(spell("бір долларға 63,5 рубль", alphabet)) == ("USD/RUB", 63.5)


def test_a_currency_sold_for_a_sum_of_tenge():
    assert parse_quote("китайский юань за 100 тенге") == ("CNY/KZT", 100.0)
    assert parse_quote("нефть стоит 80 долларов за баррель") is None

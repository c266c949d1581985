"""tickers.py by family: currencies named in every language, alphabet and letter case, signs and tenge forms;
rate statements and the prose that is no quote; the direction a widget's markup shows; the page gate.

Widgets are laid out as the real ones of ../shared/pages: kt.kz's ``div.currency_item`` (code, value, change,
arrow in separate spans) and inform.kz's ``div.exchange_block`` (one span a quote, an arrow picture in it).
"""

import re

import pytest

from kznews.extract.html import decode, parse
from kznews.extract.kazakh import ALPHABETS, spell
from kznews.extract.tickers import find_tickers, might_have_tickers, parse_quote

from .shared import page

# --- names in every alphabet and letter case ---------------------------------------------------------------
# (Kazakh name as printed in Cyrillic, its code): spelled in each alphabet by kazakh.py, not by hand.
KAZAKH_NAMES = [("АҚШ доллары", "USD"), ("Еуро", "EUR"), ("Ресей рублі", "RUB"), ("Қытай юані", "CNY"),
                ("Қырғыз сомы", "KGS"), ("Өзбек сомы", "UZS"), ("Ағылшын фунты", "GBP"), ("Жапон иенасы", "JPY")]
CASES = {"as printed": str, "capitals": str.upper, "small": str.lower}


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("name, code", KAZAKH_NAMES)
@pytest.mark.parametrize("case", CASES)
def test_a_kazakh_name_with_the_tenge_in_every_alphabet_and_case(alphabet, name, code, case):
    fold = CASES[case]
    text = f"{fold(spell(name, alphabet))} 470,50 {fold(spell('теңге', alphabet))}"
    assert parse_quote(text) == (f"{code}/KZT", 470.5)


@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_a_kazakh_name_alone_before_a_rate(alphabet):
    assert parse_quote(f"{spell('Еуро', alphabet)}: 510,20") == ("EUR/KZT", 510.2)


@pytest.mark.parametrize("text, pair, value", [
    ("Доллар США 470,50", "USD/KZT", 470.5),
    ("ДОЛЛАР США: 470,50 тг", "USD/KZT", 470.5),
    ("доллар — 470.50 ₸", "USD/KZT", 470.5),
    ("1 доллар США = 470,50 тенге", "USD/KZT", 470.5),
    ("Доллар США 1 = 470,50 тг.", "USD/KZT", 470.5),
    ("Долл. США 470,5", "USD/KZT", 470.5),
    ("Евро 510,20", "EUR/KZT", 510.2),
    ("Российский рубль 5,10", "RUB/KZT", 5.1),
    ("руб. 5,10 тг", "RUB/KZT", 5.1),
    ("Китайский юань: 65,30", "CNY/KZT", 65.3),
    ("Фунт стерлингов 600,15", "GBP/KZT", 600.15),
    ("Кыргызский сом 5,48", "KGS/KZT", 5.48),
    ("100 узбекских сумов – 3,50 тенге", "UZS/KZT", 3.5),
    ("Белорусский рубль 150,3", "BYN/KZT", 150.3),
    ("US Dollar 470.50", "USD/KZT", 470.5),
    ("1 U.S. dollar = 470.50 tenge", "USD/KZT", 470.5),
    ("Euro 510.20 KZT", "EUR/KZT", 510.2),
    ("Russian rouble 5.10", "RUB/KZT", 5.1),
    ("Chinese yuan (CNY) 65.30", "CNY/KZT", 65.3),
    ("Renminbi 65.30", "CNY/KZT", 65.3),
], ids=lambda v: v if isinstance(v, str) else None)
def test_russian_and_english_names(text, pair, value):
    assert parse_quote(text) == (pair, value)


@pytest.mark.parametrize("text, pair, value", [
    ("$ 1 = 470.50 KZT", "USD/KZT", 470.5),
    ("€ 510,20 ₸", "EUR/KZT", 510.2),
    ("₽ 5.10 тг", "RUB/KZT", 5.1),
    ("£ 1 = 600.15 KZT", "GBP/KZT", 600.15),
    ("¥ 65,30 тенге", "CNY/KZT", 65.3),
    ("usd/kzt 470.50", "USD/KZT", 470.5),
    ("Eur/Kzt: 510.20", "EUR/KZT", 510.2),
    ("USD — 470.50", "USD/KZT", 470.5),
    ("USD/тенге 470,50", "USD/KZT", 470.5),
], ids=lambda v: v if isinstance(v, str) else None)
def test_signs_cases_of_codes_and_tenge_forms(text, pair, value):
    assert parse_quote(text) == (pair, value)


@pytest.mark.parametrize("text, pair, value", [
    ("Курс доллара составил 470,50 тенге", "USD/KZT", 470.5),
    ("Официальный курс евро, установленный Нацбанком на 21 июля, составил 510,20 тенге", "EUR/KZT", 510.2),
    ("Курс доллара вырос на 2,5 тенге и составил 470,50 тенге", "USD/KZT", 470.5),
    ("АҚШ долларының орташа бағамы – 470, 50 теңге", "USD/KZT", 470.5),
    ("Бір еуроның бағамы 510,20 теңге", "EUR/KZT", 510.2),
    ("1 юаньға 65,30 теңге", "CNY/KZT", 65.3),
    ("The official rate is 470.50 tenge per US dollar", "USD/KZT", 470.5),
    ("Курс на 1 марта — 5,10 тенге за российский рубль", "RUB/KZT", 5.1),
    ("Еуроның орташа бағамы 510,20 теңгені құрады", "EUR/KZT", 510.2),
    ("Ресей рублінің бағамы 5,10 теңгеде тұр", "RUB/KZT", 5.1),
    ("1 юань үшін 65 теңге 30 тиын", "CNY/KZT", 65.3),
    ("(EURKZT_TOM) орташа сараланған бағамы 510,20 теңгені", "EUR/KZT", 510.2),
    ("USD_KZT 470.50", "USD/KZT", 470.5),
    ("The National Bank set the official rate for March 2 at 470.50 tenge per 1 US dollar", "USD/KZT", 470.5),
    ("470.50 KZT/USD", "USD/KZT", 470.5),
    ("- еуро – 510,20 теңге", "EUR/KZT", 510.2),
    ("• Российский рубль — 5,10 тенге", "RUB/KZT", 5.1),
    ("100 өзбек сумы – 3,50 теңге", "UZS/KZT", 3.5),
], ids=lambda v: v if isinstance(v, str) else None)
def test_a_sentence_stating_a_rate(text, pair, value):
    assert parse_quote(text) == (pair, value)


@pytest.mark.parametrize("text", [
    "доллар подорожал на 5 тенге",
    "Курс доллара вырос на 2,5 тенге",
    "Доллар 5,20 теңгеге қымбаттады",
    "The dollar rose by 2.50 tenge",
    "Доллар 470,50 тенге: что ждать дальше?",
    "Евро 2024",
    "Доллар 100",
    "Доллар США 0,00",
    "Евро —",
    "USD/KZT 0.0",
], ids=lambda v: v)
def test_prose_placeholders_and_counts_are_no_quotes(text):
    assert parse_quote(text) is None


def _quotes(html: str, **kwargs) -> dict[str, tuple[float, str | None]]:
    quotes = find_tickers(parse(f"<html><body>{html}</body></html>"), "https://example.kz/", **kwargs)
    return {q.pair: (q.value, q.direction) for q in quotes}


def test_a_long_sentence_in_a_page_is_no_quote():
    text = ("Курс доллара составил 470,50 тенге, сообщили в Национальном банке, добавив, что спрос на валюту "
            "на бирже в последние дни оставался высоким")
    assert _quotes(f"<p>{text}</p>") == {}


def test_a_price_in_dollars_is_no_quote_but_a_widget_of_signs_is():
    assert _quotes("<p>Цена</p><div class=product><span class=price>$45.99</span></div>") == {}
    widget = "<p>Новости</p><ul class=rates><li>$ 470.50</li><li>€ 510.20</li><li>₽ 5.10</li></ul>"
    assert {pair: value for pair, (value, _) in _quotes(widget).items()} == {
        "USD/KZT": 470.5, "EUR/KZT": 510.2, "RUB/KZT": 5.1}


def test_a_widget_of_names_is_read_whole():
    widget = ("<div class=kurs><div class=kurs__title>Курс валют</div>"
              "<div class=kurs__row><span>Доллар США</span><span>470,50</span></div>"
              "<div class=kurs__row><span>Евро</span><span>510,20</span></div>"
              "<div class=kurs__row><span>Российский рубль</span><span>5,10</span></div>"
              "<div class=kurs__row><span>Кыргызский сом</span><span>5,48</span></div></div>")
    assert {pair: value for pair, (value, _) in _quotes(widget).items()} == {
        "USD/KZT": 470.5, "EUR/KZT": 510.2, "RUB/KZT": 5.1, "KGS/KZT": 5.48}


# --- direction from the markup -------------------------------------------------------------------------------
def _kt_item(code: str, value: str, change: str, arrow_class: str) -> str:
    """A kt.kz ``div.currency_item`` (the saved homepage's markup), the arrow drawn by a class, not a character."""
    return (f'<div class="currency_item"><span>{code}</span>  <span class="text_center">{value} </span>  '
            f'<span class="text_center">{change} <div class="{arrow_class}"></div> </span></div>')


def _inform_block(*spans: str) -> str:
    """inform.kz's ``div.exchange_block`` (the saved article's markup): one span a quote."""
    return '<div class="exchange_block">' + "".join(f"<span>{s}</span>" for s in spans) + "</div>"


UP_CLASSES = ["cur_arrow currency_up", "fa fa-caret-up", "fa fa-arrow-up", "tickerDirGreen", "rate-rise",
              "is-increasing", "change positive", "icon-plus", "growth", "arrow-up", "icon-up", "caret-up",
              "triangle-up", "trendUp", "glyphicon glyphicon-arrow-up", "value--rising"]
DOWN_CLASSES = ["cur_arrow currency_down", "fa fa-caret-down", "fa-arrow-down", "tickerDirRed", "rate-fall",
                "is-decreasing", "change negative", "icon-minus", "decline", "arrow-down", "icon-down",
                "caret-down", "triangle-down", "trendDown", "value--falling"]


@pytest.mark.parametrize("arrow_class, direction", [(c, "up") for c in UP_CLASSES] + [(c, "down") for c in DOWN_CLASSES])
def test_direction_from_classes_in_a_kt_item(arrow_class, direction):
    html = _kt_item("USD", "320.34", "0.26", arrow_class) + _kt_item("EUR", "394.47", "0.61", "cur_arrow")
    assert _quotes(html) == {"USD/KZT": (320.34, direction), "EUR/KZT": (394.47, None)}


@pytest.mark.parametrize("arrow_class", ["dropdown", "signup", "backup", "update", "markup", "drop-down", "slideDown",
                                         "pop-up", "dropDown-toggle", "sign-up-form"])
def test_words_that_only_contain_up_or_down_say_nothing(arrow_class):
    assert _quotes(_kt_item("USD", "320.34", "0.26", arrow_class)) == {"USD/KZT": (320.34, None)}


def test_the_printed_sign_wins_over_the_class():
    html = _kt_item("USD", "320.34", "-0.26", "cur_arrow currency_up") + _kt_item("RUB", "5.54", "+0.00", "arrow-up")
    assert _quotes(html) == {"USD/KZT": (320.34, "down"), "RUB/KZT": (5.54, None)}


def test_both_directions_drawn_say_nothing():
    assert _quotes(_kt_item("USD", "320.34", "0.26", "arrow-up hidden") .replace(
        "</span></div>", '<i class="arrow-down"></i></span></div>')) == {"USD/KZT": (320.34, None)}


@pytest.mark.parametrize("icon, direction", [
    ('<i class="fa fa-caret-up"></i>', "up"),
    ('<span data-direction="down"></span>', "down"),
    ('<span data-trend="rise"></span>', "up"),
    ('<b title="Рост"></b>', "up"),
    ('<b title="Снижение курса"></b>', "down"),
    ('<b title="Бағам өсті"></b>', "up"),
    ('<b title="Бағам төмендеді"></b>', "down"),
    ('<img src="/lenta/img/down.png">', "down"),
    ('<img src="/i/arrow.svg" alt="up">', "up"),
    ('<svg><use href="#icon-arrow-down"></use></svg>', "down"),
])
def test_direction_from_an_icon_in_an_inform_span(icon, direction):
    html = _inform_block(f"USD 425.05 {icon}", "EUR 509.29")
    assert _quotes(html) == {"USD/KZT": (425.05, direction), "EUR/KZT": (509.29, None)}


def test_a_class_on_the_widget_holding_every_quote_is_not_a_quote_s():
    html = '<div class="rates up">' + _inform_block("USD 425.05", "EUR 509.29") + "</div>"
    assert _quotes(html) == {"USD/KZT": (425.05, None), "EUR/KZT": (509.29, None)}


def test_an_item_around_the_cell_gives_its_direction():
    rows = "".join(f'<tr class="{cls}"><td>{code}</td><td>{value}</td></tr>'
                   for cls, code, value in (("row row--up", "USD", "470.50"), ("row row--down", "EUR", "510.20")))
    assert _quotes(f"<table class=rates>{rows}</table>") == {"USD/KZT": (470.5, "up"), "EUR/KZT": (510.2, "down")}


def test_the_real_widgets_keep_their_quotes_and_directions():
    for name, want in (("kt.kz/homepage-2018-03-21.html", {"USD/KZT": "down", "EUR/KZT": "up", "RUB/KZT": "down"}),
                       ("inform.kz/article-ru-2020-a3725092.html",
                        {"USD/KZT": "up", "EUR/KZT": "up", "RUB/KZT": "down", "CNY/KZT": "up"})):
        quotes = find_tickers(parse(decode(page(name))), "u")
        assert {q.pair: q.direction for q in quotes} == want


# --- the page gate -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("cell", [
    "<span>Доллар США</span> <span>470,50</span>",
    "<span>АҚШ доллары</span> <span>470,50</span>",
    "<span>AQSh dollary</span> <span>470,50</span>",
    "<span>اقش دوللارى</span> <span>470,50</span>",
    "<span>Ресей рублі</span> <span>5,10 теңге</span>",
    "<span>Евро</span> <span>510,20 тенге</span>",
    "<span>reseı rýbli</span> <span>5,10 teńge</span>",
    "<span>USD 470.50</span>",
    "<span>usd/kzt 470.50</span>",
])
def test_the_gate_lets_a_widget_of_names_through(cell):
    tree = parse(f"<html><body><header><div class=rates>{cell}</div></header><p>Новости</p></body></html>")
    assert might_have_tickers(tree) and find_tickers(tree, "u")


@pytest.mark.parametrize("prose", [
    "Штраф составит 2500 тенге, а бюджет выделит 5 млрд тенге.",
    "Биткоин может обвалиться до 2,8 тысячи долларов",
    "Айыппұл 2500 теңге болады.",
    "The company raised $45 million.",
])
def test_the_gate_rules_out_prose_about_money(prose):
    assert not might_have_tickers(parse(f"<html><body><p>{prose}</p></body></html>"))


def test_every_name_of_a_quote_the_gate_admits_is_read_on_the_page():
    """The real widgets of ../shared/pages with their codes replaced by Russian names still give their quotes."""
    html = decode(page("kt.kz/homepage-2018-03-21.html"))
    names = {"USD": "Доллар", "EUR": "Евро", "RUB": "Рубль"}
    renamed = re.sub(r"<span>(USD|EUR|RUB)</span>", lambda m: f"<span>{names[m.group(1)]}</span>", html)
    tree = parse(renamed)
    assert might_have_tickers(tree)
    assert {q.pair: q.value for q in find_tickers(tree, "u")} == {"USD/KZT": 320.34, "EUR/KZT": 394.47, "RUB/KZT": 5.54}


# --- the currency a quote is in ------------------------------------------------------------------------------
WIDGET = "<ul class=rates><li>$ 76.35</li><li>€ 89.25</li></ul><p>Новости</p>"  # signs are sought on Cyrillic pages


@pytest.mark.parametrize("url, home", [("https://www.mk.ru/politics/", "RUB"), ("https://news.am/arm/news/", "AMD"),
                                       ("https://www.unn.com.ua/ru/news/", "UAH"), ("https://kaktus.media.kg/", "KGS"),
                                       ("https://www.inform.kz/ru/", "KZT"), ("https://astanatimes.com/", "KZT")])
def test_a_quote_naming_no_quote_currency_is_in_the_page_s_country_s(url, home):
    assert {q.pair for q in find_tickers(parse(f"<html><body>{WIDGET}</body></html>"), url)} == {
        f"USD/{home}", f"EUR/{home}"}


def test_a_printed_tenge_wins_over_the_page_s_country():
    html = "<html><body><ul><li>USD 470,50 тг</li><li>EUR 510,20 тг</li></ul></body></html>"
    assert {q.pair for q in find_tickers(parse(html), "https://www.mk.ru/")} == {"USD/KZT", "EUR/KZT"}


def test_a_table_row_of_code_name_and_rate():
    row = "<table><tr><td>KZT</td><td>Казахский тенге</td><td>|</td><td>0,1547</td></tr></table>"
    assert {(q.pair, q.value) for q in find_tickers(parse(f"<html><body>{row}</body></html>"), "https://www.sravni.ru/")} == {
        ("KZT/RUB", 0.1547)}
    assert parse_quote("KZT Казахский тенге | 0,1547") is None  # a tenge in tenge: no quote without the page
    assert parse_quote("USD Доллар США | 470,50") == ("USD/KZT", 470.5)


@pytest.mark.parametrize("text", ["USD 415.93 billion", "USD 2.65 bn", "Доллар 5,2 млрд", "$ 1,5 трлн тенге"])
def test_a_value_with_a_magnitude_is_a_sum(text):
    assert parse_quote(text) is None


@pytest.mark.parametrize("url, expected", [
    ("https://www.sravni.ru/valjuty/", ("KZT/RUB", 0.1547)),  # a Russian page quotes in roubles
    ("https://kurs.kz/", None),  # a Kazakh page in tenge: the tenge in tenge is no quote
    ("", None),
])
def test_a_quote_naming_no_currency_it_is_in_takes_the_pages_country(url, expected):
    assert parse_quote("KZT Казахский тенге | 0,1547", url) == expected


# --- tenge per one unit, the tenge before the value -----------------------------------------------------------
ENGLISH_NAMES = [("US dollar", "USD"), ("euro", "EUR"), ("Russian ruble", "RUB"), ("Chinese yuan", "CNY"),
                 ("yuan", "CNY"), ("Kyrgyz som", "KGS")]


@pytest.mark.parametrize("name, code", ENGLISH_NAMES)
@pytest.mark.parametrize("unit", ["", "1 ", "one ", "a "])
@pytest.mark.parametrize("template", ["{v} tenge per {unit}{name}", "KZT{v} per {unit}{name}",
                                      "KZT {v} per {unit}{name}", "The rate was set at {v} tenge per {unit}{name}"])
def test_tenge_per_one_unit_in_words_or_figures(name, code, unit, template):
    assert parse_quote(template.format(v="386.0400", unit=unit, name=name)) == (f"{code}/KZT", 386.04)


@pytest.mark.parametrize("text, expected", [
    ("386.04 tenge per one US dollar", ("USD/KZT", 386.04)),  # found3 (rule half), trend.az
    ("KZT45.8450 per yuan", ("CNY/KZT", 45.845)),  # found3 (rule half), inform.kz
    ("5,2 тенге за одного рубля", ("RUB/KZT", 5.2)),
    ("The ticket costs KZT 5000 for a child", None),  # a price for something, not a currency
])
def test_rates_per_unit_on_real_strings(text, expected):
    assert parse_quote(text) == expected


# --- the National Bank's whole table, widgets quoting no dollar, longer statements, prices, wires ------------------
TABLE_NAMES = [("кувейтский динар", "KWD"), ("канадский доллар", "CAD"), ("австралийский доллар", "AUD"),
               ("сингапурский доллар", "SGD"), ("гонконгский доллар", "HKD"), ("шведская крона", "SEK"),
               ("норвежская крона", "NOK"), ("датская крона", "DKK"), ("чешская крона", "CZK"),
               ("польский злотый", "PLN"), ("венгерский форинт", "HUF"), ("южнокорейская вона", "KRW"),
               ("индийская рупия", "INR"), ("саудовский риял", "SAR"), ("катарский риал", "QAR"),
               ("иранский риал", "IRR"), ("малайзийский ринггит", "MYR"), ("тайский бат", "THB"),
               ("бразильский реал", "BRL"), ("южноафриканский рэнд", "ZAR"), ("мексиканское песо", "MXN"),
               ("таджикский сомони", "TJS"), ("молдавский лей", "MDL")]
KAZAKH_TABLE_NAMES = [("Кувейт динары", "KWD"), ("Канада доллары", "CAD"), ("Швед кронасы", "SEK"),
                      ("Үнді рупиясы", "INR"), ("Тәжік сомониі", "TJS"), ("Оңтүстік Корея воны", "KRW")]


@pytest.mark.parametrize("name, code", TABLE_NAMES)
@pytest.mark.parametrize("template", ["1 {name} – {v}", "1 {name} {v} тенге", "{cap}: {v}", "{code} {v}"])
def test_every_currency_of_the_national_banks_table(name, code, template):
    text = template.format(name=name, cap=name.capitalize(), code=code, v="350,12")
    assert parse_quote(text) == (f"{code}/KZT", 350.12)


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("name, code", KAZAKH_TABLE_NAMES)
def test_the_tables_kazakh_names_in_every_alphabet(alphabet, name, code):
    assert parse_quote(f"1 {spell(name, alphabet)} 350,12 {spell('теңге', alphabet)}") == (f"{code}/KZT", 350.12)


@pytest.mark.parametrize("dash", ["-", "–", "—"])
@pytest.mark.parametrize("rows", [
    ["1 РР - 4,72", "1 еуро – 326,06"],  # caravan.kz, 7kun.kz (rule and test halves): no dollar in the widget
    ["1 английский фунт стерлингов - 221,47", "1 киргизский сом – 4,40"],
    ["Еуро – 510,20", "Ресей рублі – 5,10"],
])
def test_a_widget_of_names_quoting_no_dollar_is_found_on_a_page(dash, rows):
    rows = [re.sub(r" [-–—] ", f" {dash} ", row) for row in rows]
    html = ('<header><div class="currency">' + "".join(f'<div class="currency__item">{row}</div>' for row in rows)
            + '</div></header><p>Новости дня.</p>')
    tree = parse(f"<html><body>{html}</body></html>")
    assert might_have_tickers(tree)
    found = {q.pair: q.value for q in find_tickers(tree, "https://example.kz/")}
    assert set(found.values()) == {float(row.rsplit(" ", 1)[1].replace(",", ".")) for row in rows}


@pytest.mark.parametrize("text", ["Итоги года - 2,5 млн человек", "Счёт матча - 2,1"])
def test_a_dash_before_decimals_alone_is_no_quote(text):
    assert _quotes(f"<p>{text}</p>") == {}


@pytest.mark.parametrize("text, pair, value", [
    # found, found2 (test half, moved): a statement naming its source and day, longer than a widget's cell
    ("Официальный курс доллара на 21 сентября к национальной валюте составляет 478,26 тенге", "USD/KZT", 478.26),
    ("Официальный курс доллара США по отношению к тенге, объявленный Национальным банком на сегодня, составляет "
     "255,26 тенге", "USD/KZT", 255.26),
    ("Средневзвешенный курс евро на Казахстанской фондовой бирже по итогам утренних торгов составил 520,7 тенге",
     "EUR/KZT", 520.7),
])
def test_a_longer_statement_of_a_rate_is_found_on_a_page(text, pair, value):
    assert parse_quote(text) == (pair, value)
    assert _quotes(f"<div><p>{text}</p></div>") == {pair: (value, None)}


@pytest.mark.parametrize("alphabet", ALPHABETS)
@pytest.mark.parametrize("name, code", [("доллар", "USD"), ("еуро", "EUR"), ("Ресей рублі", "RUB")])
@pytest.mark.parametrize("verb", ["сатылуда", "сатылып жатыр", "сатылады", "сатып алынуда", "алынуда"])
def test_a_kazakh_exchange_price_in_every_alphabet(alphabet, name, code, verb):
    """found3-043 (moved): ``доллар 375 теңгеден сатылуда``, the dollar is sold at 375 tenge."""
    assert parse_quote(spell(f"{name} 375 теңгеден {verb}", alphabet)) == (f"{code}/KZT", 375.0)


@pytest.mark.parametrize("text", ["доллар 375 теңгеден асты", "Еуро 510 теңгеден 5 теңгеге арзандады"])
def test_a_kazakh_ablative_tenge_without_a_sale_is_no_quote(text):
    assert parse_quote(text) is None


@pytest.mark.parametrize("text, expected", [
    ("374.31 per dollar", ("USD/KZT", 374.31)),  # found3-058 (moved): Reuters, the tenge named before
    ("the tenge weakened to 481.20 per US dollar", ("USD/KZT", 481.2)),
    ("(378,79 теңге / $1)", ("USD/KZT", 378.79)),  # found2-7kun.kz-2 (moved): a quote in brackets
    ("(5,10 тенге за 1 рубль)", ("RUB/KZT", 5.1)),
    ("5 per dollar", None),  # a whole number: a count
    ("$45.99 per barrel", None),
])
def test_a_value_per_unit_and_a_bracketed_quote(text, expected):
    assert parse_quote(text, "https://example.kz/") == expected


@pytest.mark.parametrize("text, pair, value", [
    ("USDKZT_TOD = 345.63", "USD/KZT", 345.63),  # found3-053: KASE's instrument, the pair glued
    ("EURKZT_TOM = 510.20", "EUR/KZT", 510.2),
    ("CNYKZT = 63.80", "CNY/KZT", 63.8),
    ("KZT53.4000 per Chinese yuan", "CNY/KZT", 53.4),  # found3-054: the tenge's code glued to the value
    ("KZT45.8450 per yuan", "CNY/KZT", 45.845),
])
def test_an_exchanges_instrument_or_a_glued_code_is_found_on_a_page(text, pair, value):
    tree = parse(f"<html><body><p>KASE morning session:</p><div><span>{text}</span></div></body></html>")
    assert might_have_tickers(tree)
    assert {q.pair: q.value for q in find_tickers(tree, "https://example.kz/")} == {pair: value}


def test_the_dollars_number_within_64_bytes_opens_the_walk():
    """found3-058: a widget's ``374.31 per dollar`` hinted by a number printed some 60 bytes after the name."""
    filler = "News of the day (Updates with secondary session) ALMATY Jan "
    tree = parse(f"<html><body><div><span>374.31 per dollar</span></div>{filler}18</body></html>")
    assert might_have_tickers(tree)
    assert [(q.pair, q.value) for q in find_tickers(tree, "https://example.kz/")] == [("USD/KZT", 374.31)]


@pytest.mark.parametrize("rate", ("он составлял 322,47/$1", "$1 = 450,12 тенге", "$1 – 470,5 тг", "1 доллар ($1) = 448,9 тг"))
def test_a_rate_against_one_dollar_by_its_sign_is_read_on_any_page(rate):
    """found5-016 ``он составлял 322,47/$1`` in a page naming no code: one dollar's sign beside its rate hints a
    quote; a price or a sum in dollars does not."""
    tree = parse(f"<html><body><p>Курс тенге вернулся к уровням 2015 года.</p><p>{rate}</p></body></html>")
    assert might_have_tickers(tree)
    assert [q.pair for q in find_tickers(tree, "https://example.kz/a")] == ["USD/KZT"]
    prices = parse("<html><body><ul><li>Price: $20</li><li>Total $19.99</li><li>$1.2 billion deal</li>"
                   "<li>$15 million</li></ul></body></html>")
    assert not might_have_tickers(prices) and find_tickers(prices, "https://example.com/a") == []


@pytest.mark.parametrize("lang_text", ("Новости дня", "Күн жаңалықтары"))
@pytest.mark.parametrize(("signs", "pairs"), ((("$", "¥"), ["USD/KZT", "CNY/KZT"]), (("$", "£"), ["USD/KZT", "GBP/KZT"]),
                                              (("¥", "$"), ["CNY/KZT", "USD/KZT"])))
def test_a_widget_of_signs_outside_the_currency_block(signs, pairs, lang_text):
    """found6-002/003 (ustinka.kz): ``$`` and ``¥`` each over its rate and change, on a Cyrillic page naming no
    code: a sign before a rate with decimals hints the widget."""
    cells = "".join(f"<div>{sign}<br>{value}<br>-1.91</div>" for sign, value in zip(signs, ("441.44", "60.96")))
    tree = parse(f"<html><body><header><div class=rates>{cells}</div></header><p>{lang_text}</p></body></html>")
    assert [q.pair for q in find_tickers(tree, "https://ustinka.kz/vko/1.html")] == pairs


@pytest.mark.parametrize("cls", ("currency", "kurs-valut", "exchange-rates", "widget fx", "курс"))
@pytest.mark.parametrize("cell", ("$ 495.95", "$\n491.68", "€ 524,37"))
def test_a_sign_and_a_number_in_a_widget_marked_as_rates_is_a_rate(cls, cell):  # found11-003, found12-081
    tree = parse(f'<html><body><header><div class="{cls}"><span>{cell}</span></div></header>'
                 f"<p>{'Текст новости. ' * 30}</p></body></html>")
    assert [(q.pair, q.value) for q in find_tickers(tree, "https://ustinka.kz/a/1.html")] == [
        parse_quote(cell, "https://ustinka.kz/a/1.html")]


@pytest.mark.parametrize("cls", ("price", "current-offer", "corporate"))
def test_a_sign_and_a_number_elsewhere_is_a_price(cls):
    tree = parse(f'<html><body><div class="{cls}"><span>$ 495.95</span></div><p>{"Текст. " * 30}</p></body></html>')
    assert find_tickers(tree, "https://ustinka.kz/a/1.html") == []


@pytest.mark.parametrize(("text", "value"), (("538.9 per U.S. dollar", 538.9), ("455,2 тенге за доллар", 455.2)))
def test_a_rate_printed_before_the_dollars_name_passes_the_gate(text, value):  # found12-152
    tree = parse(f'<html><body><div class="rates">{text}</div></body></html>')
    assert might_have_tickers(tree) and [(q.pair, q.value) for q in find_tickers(tree, "https://kursiv.media/a")] == [
        ("USD/KZT", value)]

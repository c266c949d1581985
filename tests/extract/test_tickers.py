"""tickers.py: quotes found by DOM pattern; comments, scripts and placeholders are not quotes."""

import re

import pytest

from kznews.extract import extract_page
from kznews.extract.html import decode, parse
from kznews.extract.tickers import find_tickers, parse_quote

from .shared import INFORM_URL, PAGES, cases, ids, page

TICKERS = cases("ticker")


def _quotes(html: bytes | str, **kwargs) -> dict[str, float]:
    return {q.pair: q.value for q in find_tickers(parse(decode(html)), "https://example.kz/", **kwargs)}


def test_inform_exchange_block_current_values_only():
    quotes = _quotes(page("inform.kz/article-ru-2020-a3725092.html"))
    assert quotes == {"USD/KZT": 425.05, "EUR/KZT": 509.29, "RUB/KZT": 5.58, "CNY/KZT": 64.66}


def test_kt_currency_items():
    assert _quotes(page("kt.kz/homepage-2018-03-21.html")) == {"USD/KZT": 320.34, "EUR/KZT": 394.47, "RUB/KZT": 5.54}


def test_zakon_empty_js_block_gives_no_quotes():
    assert _quotes(page("zakon.kz/homepage-2018-03-18.html")) == {}


def test_ic24_placeholders_give_no_quotes():
    # The ic24 page text (no HTML available) with its ticker lines wrapped in simple <li> markup.
    lines = (PAGES / "ic24.kz" / "article-ru-u45694.txt").read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "USD/KZT" in line)
    items = "".join(f"<li>{a.strip(' •')} {b.strip()}</li>" for a, b in zip(lines[start:start + 8:2], lines[start + 1:start + 8:2]))
    assert "0.0" in items and _quotes(f"<html><body><ul>{items}</ul></body></html>") == {}


def test_html_comment_is_not_read():
    assert _quotes("<html><body><div><!-- <span>USD 428.68</span> --></div></body></html>") == {}


def test_script_is_not_read():
    assert _quotes("<html><body><script>var s = 'USD 428.68';</script></body></html>") == {}


def test_dash_placeholder_is_not_a_quote():
    assert _quotes("<html><body><span>USD —</span></body></html>") == {}


def test_prose_mentioning_a_currency_is_not_a_quote():
    html = "<html><body><p>USD 330 тенге — такой курс ожидают аналитики к концу года, сообщили в банке второго уровня.</p></body></html>"
    assert _quotes(html) == {}


def test_selector_narrows_the_search():
    html = "<html><body><div class=a><span>USD 1.5</span></div><div class=b><span>EUR 2.5</span></div></body></html>"
    assert _quotes(html, selector="div.b") == {"EUR/KZT": 2.5}


def test_quote_carries_site_and_observed_at():
    quote = find_tickers(parse("<html><body><b>USD 425.05</b></body></html>"), "u", site="inform", observed_at="T")[0]
    assert (quote.site, quote.observed_at, quote.url) == ("inform", "T", "u")


@pytest.mark.parametrize("case", TICKERS, ids=ids(TICKERS))
def test_ticker_case(case):
    assert parse_quote(case["text"]) == (case["expected"]["pair"], case["expected"]["value"])


def test_no_currency_code_in_the_source_skips_the_search():
    from kznews.extract.tickers import might_have_tickers

    assert not might_have_tickers(parse("<html><body><p>Курс тенге вырос</p></body></html>"))
    assert might_have_tickers(parse("<b>USD 425.05</b>"))
    assert might_have_tickers(parse("<b>1 ЕУРО EUR/KZT 473.33</b>"))  # beside Cyrillic and a slash
    assert might_have_tickers(parse("<b>&#85;SD 425.05</b>"))  # the text, not the source: entities read
    assert not might_have_tickers(parse('<html><head><title>USD</title></head><body><p class="USD">x</p></body></html>'))


@pytest.mark.parametrize("source", ["<p>USDT 1.00</p>", "<p>MUSD</p>", "<p>xCUSDA</p>"])
def test_a_code_inside_a_longer_capital_word_is_no_reason_to_search(source):
    from kznews.extract.tickers import might_have_tickers

    assert not might_have_tickers(parse(source)) and _quotes(source) == {}


def _real_pages() -> list[tuple[str, bytes]]:
    """The saved outlet pages and the first 60 Zyte pages (unknown sites), as UTF-8 bytes."""
    import gzip

    zyte = sorted((PAGES.parent / "evaldata/zyte/html").glob("*.html.gz"))[:60]
    return ([(p.name, p.read_bytes()) for p in sorted(PAGES.glob("*/*.html"))]
            + [(p.name, gzip.decompress(p.read_bytes())) for p in zyte])


def test_the_precheck_never_skips_a_page_with_quotes():
    """On real pages a page the precheck rules out has no quote; the precheck rules out most pages."""
    from kznews.extract.html import load
    from kznews.extract.tickers import might_have_tickers

    ruled_out = 0
    for name, body in _real_pages():
        tree = load(body)
        if not might_have_tickers(tree):
            ruled_out += 1
            assert find_tickers(tree, "https://example.kz/") == [], name
    assert ruled_out >= 40


def _walked(root) -> list:
    """The code texts' elements as a plain walk meets them: the document order ``_code_texts`` keeps."""
    from lxml import etree

    from kznews.extract.tickers import _ANY_CODE

    out = []
    for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start" and el.tag not in ("script", "style"):
            text = el.text
        else:  # a comment or processing instruction is met once, by its own event
            text = el.tail if event != "start" and el is not root else None
        if text and _ANY_CODE.search(text):
            out.append(el)
    return out


def _code_texts(root) -> list:
    """The elements at texts naming a code in capitals, as ``find_tickers`` walks a page without hints."""
    from kznews.extract.tickers import _ANY_CODE, _CODE_SOMEWHERE, _texts

    return _texts(root, _CODE_SOMEWHERE, _ANY_CODE.search)


def test_code_texts_come_in_document_order():

    tree = parse("<html><body><div><p>USD 1<b>EUR 2</b>RUB 3<i><u>x</u>CNY 4</i>GBP 5</p>JPY 6</div>"
                 "<!-- c -->CHF 7<script>KGS 8</script>AED 9</body></html>")
    body = tree.find("body")
    p, b, u, i = (body.find(f".//{tag}") for tag in ("p", "b", "u", "i"))
    comment, script = body[1], body.find("script")
    # USD: p's text, EUR: b's, RUB: b's tail, CNY: u's tail, GBP: i's tail, JPY: p's tail, CHF: the comment's
    # tail, AED: the script's tail (KGS, the script's own text, is no page text)
    assert _code_texts(body) == [p, b, b, u, i, p, comment, script] == _walked(body)


def test_code_texts_match_a_plain_walk_on_real_pages():
    from kznews.extract.html import load

    walked = 0
    for name, body in _real_pages():
        root = load(body).find("body")
        assert _code_texts(root) == _walked(root), name
        walked += bool(_walked(root))
    assert walked >= 3  # the inform.kz and kt.kz pages and one Zyte page name a code in page text


def test_a_quote_right_after_a_comment_is_read():
    """The text after a comment is page text (a start/end walk of lxml never meets a comment, so missed it)."""
    assert _quotes("<html><body><span><!-- old: USD 1.0 -->USD 425.05</span></body></html>") == {"USD/KZT": 425.05}


def test_a_rate_in_the_title_is_not_a_quote():
    assert _quotes("<html><head><title>USD 425.05 — курс доллара</title></head><body><p>x</p></body></html>") == {}


def test_quote_inside_a_script_or_style_is_not_read():
    assert _quotes("<html><body><script>var t='USD 425.05';</script><style>/* EUR 1.5 */</style></body></html>") == {}


def test_kt_tickers_keep_their_change_and_arrow():
    record = extract_page(page("kt.kz/homepage-2018-03-21.html"), "https://www.kt.kz/")
    moves = {t.pair: (t.change, t.direction) for t in record.tickers}
    assert moves == {"USD/KZT": (-0.26, "down"), "EUR/KZT": (0.61, "up"), "RUB/KZT": (-0.02, "down")}


def test_inform_ticker_direction_comes_from_the_arrow_picture():
    record = extract_page(page("inform.kz/article-ru-2020-a3725092.html"), INFORM_URL)
    assert {t.pair: t.direction for t in record.tickers} == {
        "USD/KZT": "up", "EUR/KZT": "up", "RUB/KZT": "down", "CNY/KZT": "up"}
    assert all(t.change is None for t in record.tickers)  # no change is printed there


def test_an_unsigned_number_after_the_value_is_not_a_change():
    from kznews.extract.tickers import _parse

    assert _parse("USD 425.05 12")[:4] == ("USD/KZT", 425.05, None, None)
    assert _parse("RUB 5.54 (+0.02)")[:4] == ("RUB/KZT", 5.54, 0.02, "up")


# --- as-of day --------------------------------------------------------------------------------------
# kt.kz's real rates module (the saved homepage), heading "Курсы валют"; the brief's printed forms are
# put into that heading, since no saved page states an as-of day.
KT_MODULE = re.search(
    rb'<div class="module">\s*<div class="module_title">[^\n]*currency/">.*?<!-- money -->',
    page("kt.kz/homepage-2018-03-21.html"), re.S).group(0).decode()


def _as_of(html: str, observed_at: str | None) -> dict[str, str | None]:
    quotes = find_tickers(parse(f"<html><body><div class=column>{html}</div></body></html>"), "u",
                          observed_at=observed_at)
    return {q.pair: q.as_of for q in quotes}


def _kt_heading(heading: str, observed_at: str | None = "2026-11-28T06:00:00+00:00") -> dict[str, str | None]:
    assert "Курсы валют</a>" in KT_MODULE
    return _as_of(KT_MODULE.replace("Курсы валют</a>", f"{heading}</a>"), observed_at)


def test_real_widgets_state_no_as_of_day():
    for name in ("kt.kz/homepage-2018-03-21.html", "inform.kz/article-ru-2020-a3725092.html"):
        quotes = find_tickers(parse(decode(page(name))), "u", observed_at="2018-03-21T10:00:00+00:00")
        assert quotes and all(q.as_of is None for q in quotes)


def test_as_of_full_date_in_the_heading():
    assert _kt_heading("Курс валют на 28.11.2026") == dict.fromkeys(("USD/KZT", "EUR/KZT", "RUB/KZT"), "2026-11-28")


def test_as_of_day_month_takes_the_year_before_the_fetch():
    assert set(_kt_heading("Нацбанк РК, 21 марта", "2026-01-05T06:00:00+00:00").values()) == {"2025-03-21"}


def test_as_of_today_is_the_local_fetch_day():
    # 20:00 UTC is 01:00 next day in Almaty (UTC+5)
    assert set(_kt_heading("курсы НБ РК на сегодня", "2026-11-28T20:00:00+00:00").values()) == {"2026-11-29"}


def test_as_of_in_kazakh():
    assert set(_kt_heading("Ұлттық банк бағамы, 21 Ақпан, 2025").values()) == {"2025-02-21"}


def test_as_of_tomorrow_is_kept_but_not_later():
    assert set(_kt_heading("Курс валют на 29.11.2026").values()) == {"2026-11-29"}
    assert set(_kt_heading("Курс валют на 28.12.2026").values()) == {None}


def test_a_date_that_does_not_name_rates_is_not_an_as_of_day():
    assert set(_kt_heading("Экономика, 28.11.2026").values()) == {None}


def test_an_article_date_beside_the_widget_is_not_taken():
    # egemen.kz (cases.jsonl): the rates list, then a link home and an article's section and date
    case = next(c for c in TICKERS if c["id"] == "egemen.kz-1")
    lines = [line.strip(" •") for line in case["context"].splitlines()]
    items = "".join(f"<li>{a} {b}</li>" for a, b in zip(lines[0:6:2], lines[1:6:2]))
    html = f"<div><ul>{items}</ul><a href='/'>{lines[6]}</a><p>{lines[7]}</p><h1>{lines[9]}</h1></div>"
    assert _as_of(html, "2025-11-28T10:00:00+00:00") == {"RUB/KZT": None, "USD/KZT": None, "EUR/KZT": None}


def test_extract_page_dates_the_quotes_with_the_fetch_time():
    html = KT_MODULE.replace("Курсы валют</a>", "Курсы валют НБ РК, 27 ноября</a>")
    record = extract_page(f"<html><body>{html}</body></html>", "https://www.kt.kz/",
                          fetched_at="2026-11-28T06:00:00+00:00")
    assert {q.as_of for q in record.tickers} == {"2026-11-27"}


@pytest.mark.parametrize("name, selector", [("inform.kz/article-ru-2020-a3725092.html", "div.exchange_block"),
                                            ("kt.kz/homepage-2018-03-21.html", "div.currency_item")])
def test_a_widget_selector_finds_what_the_whole_page_walk_finds(name, selector):
    """On the real pages an outlet's widget selector reads the same quotes as the walk of the whole page."""
    assert _quotes(page(name), selector=selector) == _quotes(page(name)) != {}


def test_a_selector_that_matches_nothing_leaves_the_search_whole():
    assert _quotes(page("inform.kz/article-ru-2020-a3725092.html"), selector="div.renamed_widget") == {
        "USD/KZT": 425.05, "EUR/KZT": 509.29, "RUB/KZT": 5.58, "CNY/KZT": 64.66}

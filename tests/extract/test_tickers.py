"""tickers.py: quotes found by DOM pattern; comments, scripts and placeholders are not quotes."""

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

    assert not might_have_tickers("<html><body><p>Курс тенге вырос</p></body></html>")
    assert might_have_tickers("<b>USD 425.05</b>")


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

    assert _parse("USD 425.05 12") == ("USD/KZT", 425.05, None, None)
    assert _parse("RUB 5.54 (+0.02)") == ("RUB/KZT", 5.54, 0.02, "up")

"""Normalization: control characters out of stored text, empty articles dropped."""

from kznews.extract.normalize import clean_text, normalize
from kznews.items import Article, LinkHint, PageRecord, TickerQuote


def test_clean_text_removes_c0_and_c1_controls_but_keeps_layout():
    assert clean_text("a\x1b[31mb\x00c\x9bd\te\nf\r") == "a[31mbcd\te\nf\r"


def test_clean_text_keeps_kazakh_letters():
    assert clean_text("Тоқаев әғқңөұүһі") == "Тоқаев әғқңөұүһі"


def test_normalize_cleans_every_text_field():
    record = PageRecord(
        url="https://x.kz/a",
        kind="article",
        article=Article(url="https://x.kz/a", headline="Head\x07line", authors=["A\x1bB"],
                        provenance={"headline": "jsonld"}),
        links=[LinkHint(url="https://x.kz/b", headline="L\x00ink")],
        tickers=[TickerQuote(pair="USD/KZT", value=425.05, url="https://x.kz/a")],
    )
    assert normalize(record) is None
    assert record.article.headline == "Headline"
    assert record.article.authors == ["AB"]
    assert record.links[0].headline == "Link"
    assert record.tickers[0].value == 425.05


def test_an_article_without_headline_or_body_is_dropped_with_a_reason():
    record = PageRecord(url="https://x.kz/a", kind="article", article=Article(url="https://x.kz/a", lead="x"))
    assert normalize(record) == "no headline or body"
    assert record.article is None

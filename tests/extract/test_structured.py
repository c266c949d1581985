"""structured.py: JSON-LD (incl. @graph and lists), OpenGraph, article:* and plain meta."""

from kznews.extract.html import decode, parse
from kznews.extract.structured import names, read_structured, text_value

from .shared import page


def _nur():
    return read_structured(parse(decode(page("nur.kz/DERIVED-article-2024-04-18.html"))))


def _inform():
    return read_structured(parse(decode(page("inform.kz/article-ru-2020-a3725092.html"))))


def _html(head: str):
    return read_structured(parse(f"<html><head>{head}</head><body></body></html>"))


def test_nur_jsonld_is_news_article():
    assert _nur().article["@type"] == "NewsArticle"


def test_nur_jsonld_date_published_has_plus_5():
    assert text_value(_nur().article, "datePublished") == "2024-04-18T10:35:00+05:00"


def test_nur_jsonld_article_body_present():
    assert text_value(_nur().article, "articleBody").startswith("Как сообщается в Telegram-канале")


def test_nur_jsonld_article_body_entities_decoded():
    assert "&quot;" not in text_value(_nur().article, "articleBody")


def test_nur_jsonld_person_author():
    assert names(_nur().article["author"]) == ["Кристина Кривцанова"]


def test_nur_article_tags_meta():
    assert _nur().all("article:tag") == ["Казахстан", "Коррупция в Казахстане", "Асхат Жумагали"]


def test_nur_canonical():
    assert _nur().canonical.endswith("/2086925-bolshe-17-mlrd-tenge-hoteli-neratsionalno-potratit-na-borbu-s-pavodkami-v-kazahstane/")


def test_inform_breadcrumb_is_skipped_for_news_article():
    assert _inform().article["headline"] == "Полностью обеспечить регион мясом птицы намерены в СКО"


def test_inform_meta_published_time():
    assert _inform().first("article:published_time") == ("2020-12-01T14:02:00+06:00", "article:published_time")


def test_inform_og_url_differs_from_canonical():
    s = _inform()
    assert (s.first("og:url")[0], s.canonical) == (
        "https://www.inform.kz/ru/article/3725092",
        "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092",
    )


def test_inform_html_lang():
    assert _inform().html_lang == "ru"


def test_graph_article_found():
    head = '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": ["NewsArticle"], "headline": "G"}]}</script>'
    assert _html(head).article["headline"] == "G"


def test_list_of_nodes_article_found():
    head = '<script type="application/ld+json">[{"@type": "Organization"}, {"@type": "Article", "headline": "L"}]</script>'
    assert _html(head).article["headline"] == "L"


def test_broken_jsonld_is_skipped():
    head = '<script type="application/ld+json">{broken</script><script type="application/ld+json">{"@type": "ReportageNewsArticle", "headline": "R"}</script>'
    assert _html(head).article["headline"] == "R"


def test_page_without_jsonld_has_no_article():
    assert _html('<meta property="og:title" content="T">').article is None


def test_names_keep_only_requested_kinds():
    value = [{"@type": "Person", "name": "A"}, {"@type": "Organization", "name": "B"}]
    assert names(value, kinds=frozenset({"Person"})) == ["A"]

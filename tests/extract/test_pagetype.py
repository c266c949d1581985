"""Page type from all the evidence: short items on outlet article URLs are articles, homepages are not."""

from __future__ import annotations

import json

import pytest

from kznews.extract import extract_page
from kznews.items import DiscoveryHint
from kznews.sites import for_url

from .shared import SHARED, page

# Real article URLs of registry outlets (their fixtures' pages) and real paragraphs of ~150-300 characters
# from ../shared/texts (the context of a case on a page of that outlet or language).
OUTLET_URLS = (
    "https://www.kt.kz/rus/society/konflikt_s_uchastiem_olimpiyskogo_chempiona_1377987032.html",
    "https://tengrinews.kz/kazakhstan_news/chto-proizoshlo-v-kazahstane-segodnya-27-marta-530395/",
    "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092",
    "https://www.zakon.kz/sobytiia/6502260-zavod-v-astane-posetil-prezident.html",
    "https://ru.sputnik.kz/20161201/v-akorde-proshla-ceremoniya-podnyatiya-gosudarstvennogo-shtandarta-prezidenta-1137011.html",
    "https://egemen.kz/article/372845-ulttyq-qurultaidyng-kezekti-otyrysy-otti",
)


def _paragraphs(lang: str) -> list[str]:
    """Whole lines of 120-400 characters from the real cases' contexts (a short news item's one paragraph)."""
    found = []
    with open(SHARED / "texts" / "cases.jsonl", encoding="utf-8") as fh:
        for case in map(json.loads, fh):
            if case["lang"] != lang:
                continue
            for line in case["context"].split("\n")[1:-1]:  # the first and last lines may be cut
                if 120 <= len(line.strip()) <= 400 and line.strip() not in found:
                    found.append(line.strip())
    return found


def _short_item(headline: str, paragraph: str) -> str:
    return (f"<html><head><title>{headline}</title></head><body><header><a href='/'>Главная</a></header>"
            f"<h1>{headline}</h1><p>{paragraph}</p><footer>© 2024</footer></body></html>")


RU = _paragraphs("ru")
KK = _paragraphs("kk")


def test_there_are_real_short_paragraphs_to_test_with():
    assert len(RU) >= 5 and len(KK) >= 1


@pytest.mark.parametrize("url", OUTLET_URLS)
@pytest.mark.parametrize("n", range(5))
def test_a_one_paragraph_item_on_an_outlet_article_url_is_an_article(url, n):
    paragraph = (KK if "egemen" in url else RU)[n % len(KK if "egemen" in url else RU)]
    record = extract_page(_short_item("Новость дня", paragraph), url, outlet=for_url(url))
    assert record.kind == "article"
    assert record.article.body == paragraph
    assert record.article.provenance["kind"] == "url:outlet-article"


@pytest.mark.parametrize("source", ["sitemap", "feed"])
def test_a_one_paragraph_item_a_sitemap_or_feed_lists_on_an_unknown_site_is_an_article(source):
    url = "https://news.example.kz/2024/03/12/akimat-otkryl-novuyu-shkolu"
    hint = DiscoveryHint(source=source, source_url="https://news.example.kz/sitemap.xml")
    record = extract_page(_short_item("Акимат открыл новую школу", RU[0]), url, hint=hint)
    assert record.kind == "article"
    assert f"listed:{source}+3" in record.kind_evidence


def test_the_same_item_told_nothing_is_judged_by_its_shape_and_its_date():
    url = "https://example.kz/page"
    bare = extract_page(_short_item("Акимат открыл новую школу", RU[0]), url)
    assert bare.kind == "listing" and "text-block-1" in bare.kind_evidence
    dated = _short_item("Акимат открыл новую школу", RU[0]).replace(
        "<h1>", '<meta property="article:published_time" content="2024-03-12T10:00:00+05:00"><h1>')
    assert extract_page(dated, url).kind == "article"


@pytest.mark.parametrize("name, url", [
    ("kt.kz/homepage-2018-03-21.html", "https://www.kt.kz/"),
    ("kt.kz/homepage-2018-03-21.html", "https://www.kt.kz/rus/"),
    ("zakon.kz/homepage-2018-03-18.html", "https://www.zakon.kz/"),
    ("aikyn.kz/homepage-2018-03.html", "https://aikyn.kz/"),
])
def test_an_outlet_homepage_is_a_listing_with_links(name, url):
    record = extract_page(page(name), url, outlet=for_url(url))
    assert (record.kind, record.kind_evidence, record.article) == ("listing", "url:outlet-other", None)
    assert len(record.links) >= 20


@pytest.mark.parametrize("name", [
    "kt.kz/homepage-2018-03-21.html", "zakon.kz/homepage-2018-03-18.html", "aikyn.kz/homepage-2018-03.html"])
def test_a_saved_homepage_with_no_url_is_a_listing_by_its_shape(name):
    assert extract_page(page(name), f"file:///tmp/{name.replace('/', '-')}").kind == "listing"


def _news_feed_page() -> str:
    """A homepage's news feed as outlets lay it out: an <h1> over a long block of linked headlines with teasers
    (headlines and URLs are the real kt.kz homepage's links, teasers real paragraphs)."""
    links = extract_page(page("kt.kz/homepage-2018-03-21.html"), "https://www.kt.kz/", kind="listing").links
    items = "".join(f'<h3><a href="{link.url}">{link.headline}</a></h3><p>{RU[i % len(RU)][:120]}</p>'
                    for i, link in enumerate(links[:25]))
    return f"<html><head><title>Kazakhstan Today</title></head><body><h1>Лента новостей</h1><div>{items}</div></body></html>"


def test_a_headline_over_a_long_block_of_teasers_is_an_outlets_listing_with_its_links():
    record = extract_page(_news_feed_page(), "https://www.kt.kz/rus/", outlet=for_url("https://www.kt.kz/rus/"))
    assert record.kind == "listing"
    assert len(record.links) == 25


@pytest.mark.parametrize("url", ["https://example.kz/", "file:///tmp/lenta.html"])
def test_a_headline_over_a_long_block_of_teasers_is_a_listing_by_its_shape(url):
    record = extract_page(_news_feed_page(), url)
    assert record.kind == "listing"
    assert "teasers-2" in record.kind_evidence


@pytest.mark.parametrize("ld_type, evidence", [("Product", "ld:other-3"), ("QAPage", "ld:other-3"),
                                               ("NewsArticle", "ld:article+3")])
def test_what_the_page_declares_in_json_ld_counts(ld_type, evidence):
    html = (f'<html><head><script type="application/ld+json">{{"@type": "{ld_type}", "name": "X"}}</script></head>'
            f"<body><h1>Смартфон</h1><p>{' '.join(RU[:3])}</p></body></html>")
    record = extract_page(html, "https://shop.example.kz/item/12345")
    assert evidence in record.kind_evidence
    assert record.kind == ("article" if ld_type == "NewsArticle" else "listing")


def test_an_outlet_page_outside_its_article_patterns_that_declares_an_article_is_one():
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Новость"}'
            f"</script></head><body><h1>Новость</h1><p>{RU[0]}</p></body></html>")
    url = "https://www.kt.kz/rus/special/new-shape-of-url"
    record = extract_page(html, url, outlet=for_url(url))
    assert record.kind == "article"
    assert "ld:article+3" in record.kind_evidence


def test_the_callers_word_settles_it():
    record = extract_page(page("kt.kz/homepage-2018-03-21.html"), "https://www.kt.kz/", kind="article")
    assert (record.kind, record.kind_evidence, record.article.provenance["kind"]) == ("article", "given", "given")


def _shop_page(control: str) -> str:
    """A shop's product page as WooCommerce and Shopify themes lay it out: a name, a price, a description of
    real paragraphs (from ../shared/texts), and the control that puts the item in the cart."""
    description = "".join(f"<p>{paragraph}</p>" for paragraph in RU[:3])
    return (f"<html><head><title>Смартфон X</title></head><body><header><a href='/'>Главная</a>"
            f"<a href='/cart'>Корзина</a></header><main><h1>Смартфон X</h1><p class='price'>149 990 ₸</p>"
            f"<form class='cart' method='post'><input type='number' name='quantity' value='1'>{control}</form>"
            f"<div class='description'>{description}</div></main><footer>© 2024</footer></body></html>")


@pytest.mark.parametrize("control", [
    "<button type='submit' name='add-to-cart' value='4521' class='single_add_to_cart_button button'>В корзину</button>",
    "<button type='submit' class='product-form__submit'>Add to cart</button>",
    "<input type='submit' value='Себетке салу'>",
    "<a href='?add-to-cart=4521' class='button product_type_simple'>Купить</a>",
])
def test_a_control_that_puts_the_item_in_a_cart_makes_a_shop_page(control):
    record = extract_page(_shop_page(control), "https://example.kz/smartfon-x")
    assert "cart-2" in record.kind_evidence
    assert record.kind == "listing"


def test_the_same_page_without_a_cart_control_reads_as_an_article():
    record = extract_page(_shop_page("<button type='button' class='share'>Поделиться</button>"), "https://example.kz/smartfon-x")
    assert "cart" not in record.kind_evidence
    assert record.kind == "article"

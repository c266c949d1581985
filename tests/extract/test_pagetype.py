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


def _evidence(html: str, url: str = "https://example.kz/page") -> str:
    return extract_page(html, url).kind_evidence


def test_microdata_of_a_forum_thread_or_product_is_not_an_article():
    posts = "".join(
        f'<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">user{i}</span>'
        f'<div itemprop="text"><p>{RU[i % len(RU)]}</p></div></div>' for i in range(4))
    thread = (f'<html><body><div itemscope itemtype="https://schema.org/DiscussionForumPosting">'
              f'<h1 itemprop="headline">Как оформить ИП?</h1><div itemprop="text"><p>{RU[0]}</p></div>{posts}'
              "</div></body></html>")
    assert "md:other-3" in _evidence(thread)
    assert extract_page(thread, "https://example.kz/page").kind == "listing"
    article = thread.replace("DiscussionForumPosting", "NewsArticle")  # an article with its readers' comments
    assert "md:other" not in _evidence(article)
    publisher = thread.replace("DiscussionForumPosting", "LocalBusiness")  # the publisher's own markup
    assert "md:other" not in _evidence(publisher)


def test_many_inline_code_elements_are_documentation():
    rows = "".join(f"<tr><td><code>param_{i}</code></td><td>{RU[i % len(RU)][:80]}</td></tr>" for i in range(10))
    docs = f"<html><body><h1>API: параметры запроса</h1><p>{RU[0]}</p><table>{rows}</table></body></html>"
    assert "code-listings-1" in _evidence(docs)
    quoted = docs.replace("<code>param_1</code>", "param_1").replace("<code>param_2</code>", "param_2")
    assert "code-listings" not in _evidence(quoted)  # an article quotes a few names in code


def _landing(action: str, where: str) -> str:
    """A service page's hero (a headline, a sentence, the button) over sections of real text, the button in the
    hero or in the page's header."""
    button = f"<a class='btn btn-primary' href='/signup'>{action}</a>"
    sections = "".join(f"<section><h2>Раздел {i}</h2><p>{RU[i % len(RU)]}</p></section>" for i in range(4))
    header = f"<header><nav><a href='/'>Главная</a>{button if where == 'header' else ''}</nav></header>"
    hero = f"<section class='hero'><div><h1>Облачная бухгалтерия</h1><p>{RU[1][:100]}</p>{button if where == 'hero' else ''}</div></section>"
    return f"<html><body>{header}<main>{hero}{sections}</main></body></html>"


@pytest.mark.parametrize("action", ["Start free trial", "Get started", "Request a demo", "Оставить заявку",
                                    "Өтінім қалдыру"])
def test_a_call_to_action_beside_the_headline_marks_a_service_page(action):
    assert "call-to-action-1" in _evidence(_landing(action, "hero"))


def test_a_call_to_action_in_the_header_or_a_plain_link_beside_the_headline_is_not_one():
    assert "call-to-action" not in _evidence(_landing("Start free trial", "header"))
    assert "call-to-action" not in _evidence(_landing("Поделиться", "hero"))


def _with_form(form: str) -> str:
    return f"<html><body><h1>Ремонт квартир</h1><p>{RU[0]}</p><p>{RU[1]}</p>{form}</body></html>"


def test_a_form_asking_for_a_phone_or_a_message_is_a_contact_form():
    form = ("<form action='/send' class='wpcf7-form'><input type='text' name='name'><input type='tel' name='phone'>"
            "<textarea name='message'></textarea><button type='submit'>Отправить</button></form>")
    assert "contact-form-1" in _evidence(_with_form(form))


@pytest.mark.parametrize("form", [
    "<div id='respond'><form action='/wp-comments-post.php' id='commentform'><textarea name='comment'></textarea>"
    "<input type='email' name='email'></form></div>",  # an article's comment form
    "<form role='search' class='search-form' action='/'><input type='search' name='s'></form>",
    "<form class='newsletter'><input type='email' name='email'><button>Подписаться</button></form>",
])
def test_comment_search_and_newsletter_forms_are_not_contact_forms(form):
    assert "contact-form" not in _evidence(_with_form(form))


def test_a_long_text_in_one_block_is_an_articles_body_and_scattered_text_is_not():
    paragraphs = RU * 2  # the real paragraphs, twice: a long read
    long_body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    assert sum(map(len, paragraphs)) >= 2000
    one_block = f"<html><body><h1>Новость</h1><div class='text'>{long_body}</div></body></html>"
    assert "long-text+1" in _evidence(one_block)
    cards = "".join(f"<div class='card'><p>{paragraph}</p></div>" for paragraph in paragraphs)
    scattered = f"<html><body><h1>Наши услуги</h1><div class='cards'>{cards}</div></body></html>"
    assert "long-text" not in _evidence(scattered)


@pytest.mark.parametrize("chrome", ["<footer>{}</footer>", "<aside>{}</aside>", "<div class='sidebar-widget'>{}</div>"])
def test_a_sites_contact_form_in_its_footer_or_sidebar_is_on_its_articles_too(chrome):
    form = ("<form action='/send'><input type='tel' name='phone'><textarea name='message'></textarea>"
            "<button type='submit'>Отправить</button></form>")
    assert "contact-form" not in _evidence(_with_form(chrome.format(form)))


def _docs_page(extra: str, headings: str = "") -> str:
    """A documentation page as Docusaurus and Sphinx themes lay it out: a sidebar of the manual's pages, the page's
    headline and real paragraphs (from ../shared/texts), its sections, and ``extra`` below the text."""
    sidebar = "".join(f"<li><a href='/docs/page-{i}'>Раздел {i}</a></li>" for i in range(8))
    return (f"<html><body><nav class='sidebar'><ul>{sidebar}</ul></nav><main><article><h1>Установка</h1>"
            f"<p>{RU[0]}</p><p>{RU[1]}</p>{headings}{extra}</article></main></body></html>")


@pytest.mark.parametrize("control", [
    "<a href='https://github.com/org/site/edit/main/docs/install.md'>Edit this page</a>",
    "<a class='edit-link' href='/edit'><svg></svg> Edit on GitHub</a>",
    "<a href='https://github.com/org/content/blob/main/files/promises/index.md'>Edit this page on GitHub</a>",
    "<a href='/edit'>Редактировать страницу</a>",
])
def test_a_control_to_edit_the_page_marks_documentation(control):
    assert "edit-page-2" in _evidence(_docs_page(control))


def test_an_article_that_speaks_of_editing_has_no_edit_control():
    prose = "<p>Редакция решила: edit this page later, сказал автор, и статья вышла без правки.</p>"
    assert "edit-page" not in _evidence(_docs_page(prose))


@pytest.mark.parametrize("question", ["Was this page helpful?", "Is this page helpful?", "Была ли эта страница полезна?"])
def test_a_page_that_asks_whether_it_helped_is_documentation_or_help(question):
    widget = f"<div class='feedback'><h2>{question}</h2><button>Yes</button><button>No</button></div>"
    assert "page-feedback-1" in _evidence(_docs_page(widget))


def test_a_text_that_quotes_the_question_does_not_ask_it():
    prose = "<p>Readers were asked: «was this page helpful?» and most said yes, the survey found.</p>"
    assert "page-feedback" not in _evidence(_docs_page(prose))


def _sections(n: int, heading: str = "Шаг {}") -> str:
    """``n`` sections whose headings link to themselves, as Sphinx prints them (``¶``)."""
    return "".join(f"<h2 id='s{i}'>{heading.format(i)}<a class='headerlink' href='#s{i}'>¶</a></h2><p>{RU[i % len(RU)]}</p>"
                   for i in range(n))


def test_headings_that_link_to_themselves_mark_documentation():
    assert "heading-anchors-1" in _evidence(_docs_page("", _sections(3)))
    assert "heading-anchors" not in _evidence(_docs_page("", _sections(2)))  # an article's pair of anchored sections


def test_headings_of_reference_documentation_mark_documentation():
    reference = "<h2>Parameters</h2><p>url: the address.</p><h3>Returns:</h3><p>a record.</p>"
    assert "reference-headings-1" in _evidence(_docs_page(reference))
    examples = "<h2>Examples</h2><p>Пример.</p><h2>Examples</h2><p>Ещё пример.</p>"  # one kind of heading, twice
    assert "reference-headings" not in _evidence(_docs_page(examples))


def _thread(details: str, posts: int = 3) -> str:
    """A forum thread as FluxBB and phpBB lay it out: posts of real paragraphs, each beside its poster's details."""
    thread = "".join(
        f"<div class='blockpost'><div class='postleft'><dl><dt><strong>user{i}</strong></dt>"
        f"{details.format(year=2012 + i)}</dl></div><div class='postright'><p>{RU[i % len(RU)]}</p></div></div>"
        for i in range(posts))
    return f"<html><body><h1>Как оформить ИП?</h1>{thread}</body></html>"


@pytest.mark.parametrize("details", [
    "<dd><span>Registered: {year}-07-02</span></dd><dd><span>Posts: 710</span></dd>",  # FluxBB
    "<dd><strong>Joined:</strong> Mon Feb 01, {year} 9:38 pm</dd>",  # phpBB
    "<dl class='pairs'><dt>Joined</dt><dd>Mar 3, {year}</dd></dl>",  # XenForo
    "<dd>Зарегистрирован: 12.03.{year}</dd>",
])
def test_posters_join_dates_beside_their_posts_make_a_forum_thread(details):
    html = _thread(details)
    assert "poster-details-2" in _evidence(html)
    assert extract_page(html, "https://example.kz/page").kind == "listing"


def test_a_sentence_on_registration_or_one_posters_date_is_no_thread():
    prose = ("<html><body><h1>Выборы</h1><p>Registered 5,000 voters, said the commission, and registered 12 new "
             f"parties.</p><p>{RU[0]}</p></body></html>")
    assert "poster-details" not in _evidence(prose)
    assert "poster-details" not in _evidence(_thread("<dd><span>Registered: {year}-07-02</span></dd>", posts=1))


def _category(control: str) -> str:
    """A shop's category page: a headline, a line of real text, the control, and cards of products."""
    cards = "".join(f"<li class='product'><a href='/p/{i}'><h3>Товар {i}</h3></a><span>{9990 + i} ₸</span></li>"
                    for i in range(6))
    return f"<html><body><h1>Смартфоны</h1><p>{RU[0]}</p>{control}<ul class='products'>{cards}</ul></body></html>"


@pytest.mark.parametrize("control", [
    "<label for='orderby'>Sort by:</label><select id='orderby'><option>Popularity</option></select>",
    "<button type='button' class='facets__toggle'><span>Filters</span></button>",
    "<span class='title'>Сортировать по</span><select><option>цене</option></select>",
])
def test_a_control_to_sort_or_filter_the_items_makes_a_list(control):
    assert "sort-filter-2" in _evidence(_category(control))


@pytest.mark.parametrize("control", [
    "<nav><a href='/filters'>Filters</a><a href='/lenses'>Lenses</a></nav>",  # a shop's section, a link
    "<p>Пылесос с HEPA: the filter is washable, and sort of quiet.</p>",  # prose, lower case
])
def test_a_menu_link_or_prose_naming_filters_is_no_such_control(control):
    assert "sort-filter" not in _evidence(_category(control))


def test_a_label_is_a_whole_line_the_first_text_of_the_page_too():
    first = _category("").replace("<body><h1>", "<body><label>Sort by</label><h1>")
    assert "sort-filter-2" in _evidence(first)
    inside = _category("<span>Best sellers first. Sort by</span>")  # the label's words end a line, not open it
    assert "sort-filter" not in _evidence(inside)


def test_two_labels_of_a_products_details_make_a_product_page():
    details = "<div class='meta'><span>SKU: 4521</span><p class='stock'>In stock</p></div>"
    assert "product-details-2" in _evidence(_shop_page("").replace("<div class='description'>", details + "<div>"))
    one = "<div class='meta'><span>Артикул: 4521</span></div>"
    assert "product-details" not in _evidence(_shop_page("").replace("<div class='description'>", one + "<div>"))
    linked = "<div class='meta'><a href='/sku'>SKU: 4521</a><a href='/stock'>In stock</a></div>"
    assert "product-details" not in _evidence(_shop_page("").replace("<div class='description'>", linked + "<div>"))

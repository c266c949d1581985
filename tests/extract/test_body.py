"""body.py: selector, JSON-LD articleBody and trafilatura rules; chrome left out."""

import gzip

import pytest

from kznews.extract.body import clean, container_body, extract_body, main_block, main_block_size, paragraphs_of
from kznews.extract.html import decode, parse

from .shared import SHARED, page

ARTICLE = """<html><body><h1>Заголовок</h1><div class="text">
<p>Первый абзац статьи о важном событии.</p>
<div class="share">Поделиться: VK FB</div>
<div class="frame_news_article"><a href="/x">Новости по теме</a></div>
<p>Второй абзац.</p>
<p>Читайте также: другое</p><p>Хвост сайта</p>
</div></body></html>"""


def test_selector_paragraphs_without_chrome():
    paragraphs, rule = extract_body(parse(ARTICLE), selector="div.text")
    assert (paragraphs, rule) == (["Первый абзац статьи о важном событии.", "Второй абзац."], "selector")


def test_jsonld_body_used_when_no_selector_matches():
    text = "Абзац один. " * 30
    assert extract_body(parse(ARTICLE), selector="div.none", jsonld_body=text)[1] == "jsonld"


def test_short_jsonld_body_is_not_trusted():
    assert extract_body(parse(ARTICLE), jsonld_body="Коротко.")[1] != "jsonld"


def test_clean_stops_at_end_of_article_blocks():
    assert clean(["a", "Нашли ошибку? Выделите её", "b"]) == ["a"]


def test_clean_stops_at_kazakh_error_block():
    assert clean(["a", "Беттегі қате туралы хабарлаңыз", "b"]) == ["a"]


def test_clean_drops_repeated_headline():
    assert clean(["H", "a"], headline="H") == ["a"]


def test_paragraphs_split_on_br():
    assert paragraphs_of(parse("<html><body><div>a<br>b</div></body></html>").find(".//div")) == ["a", "b"]


def test_inform_trafilatura_body_has_no_related_news():
    paragraphs, _ = extract_body(parse(decode(page("inform.kz/article-ru-2020-a3725092.html"))))
    assert not any("День Первого Президента" in p for p in paragraphs)


def test_inform_main_block_is_long():
    assert main_block_size(parse(decode(page("inform.kz/article-ru-2020-a3725092.html")))) >= 400


def test_kt_homepage_main_block_is_short():
    assert main_block_size(parse(decode(page("kt.kz/homepage-2018-03-21.html")))) < 400


def test_jsonld_body_with_html_markup_is_read_as_text():
    body = "<body><p>" + "Первый абзац. " * 20 + "<a href='/x'>ссылка</a></p><p>Второй.</p></body>"
    assert extract_body(parse(ARTICLE), jsonld_body=body)[0][1] == "Второй."


def test_jsonld_teaser_shorter_than_page_text_is_not_the_body():
    page_text = "<html><body><div>" + ("<p>" + "Длинный текст статьи. " * 20 + "</p>") * 5 + "</div></body></html>"
    assert extract_body(parse(page_text), jsonld_body="Начало статьи. " * 20)[1] in ("dense", "trafilatura")


def test_inline_read_also_link_dropped_body_continues():
    paragraphs = ["a" * 100, "Read more: Another story", "b" * 300, "Read also", "tail"]
    assert clean(paragraphs) == ["a" * 100, "b" * 300]


_DENSE_PAGE = (
    "<html><body><nav><p>Главная</p></nav><h1>Заголовок</h1><div class='story'>"
    "<figure><img src='x.jpg'><figcaption>Подпись к фото</figcaption></figure>"
    + "".join(f"<p>Абзац номер {i} рассказывает о событии в подробностях.</p>" for i in range(8))
    + "<div class='share'>Поделиться</div></div><footer><p>© 2024</p></footer></body></html>"
)


def test_clear_main_block_is_read_without_trafilatura():
    paragraphs, rule = extract_body(parse(_DENSE_PAGE))
    assert rule == "dense"
    assert paragraphs[0].startswith("Абзац номер 0") and len(paragraphs) == 8
    assert not any("Подпись" in p or "Поделиться" in p for p in paragraphs)


def test_a_container_holding_half_the_pages_text_is_doubtful():
    half = f"<div><p>{'Половина текста страницы, разделённая интерфейсом. ' * 6}</p></div>"
    labels = "<div>" + "".join(f"<div><span>Кнопка интерфейса {i}</span></div>" for i in range(60)) + "</div>"
    tree = parse(f"<html><body><div>{half}{labels}{half}</div></body></html>")
    paragraphs, confident = container_body(tree, main_block(tree))
    assert paragraphs and not confident


def _guide(opening: str = "") -> str:
    """A guide page: sections with headings, paragraphs and a list, split over page-builder blocks.

    ``opening``: markup before the article that the parser leaves open around it.
    """
    sections = "".join(
        f"<div class='elementor-widget-container'><h2>Шаг {i}</h2><p>{'Подробное объяснение шага руководства. ' * 4}</p>"
        f"<ul><li>Первый пункт списка шага {i}</li><li>Второй пункт списка шага {i}</li></ul></div>"
        for i in range(4)
    )
    related = "<ul class='more'>" + "".join(f"<li><a href='/s{i}'>Другая статья {i}</a></li>" for i in range(6))
    return (
        "<html><body><nav><a href='/'>Главная</a> <a href='/news'>Новости</a></nav><h1>Руководство</h1>"
        f"{opening}<main>{sections}{related}</ul></main><footer><p>© 2024 Сайт</p></footer></body></html>"
    )


def test_sections_with_headings_and_lists_are_read_as_one_container():
    paragraphs, rule = extract_body(parse(_guide()))
    assert rule == "container"
    assert "Шаг 3" in paragraphs and "Второй пункт списка шага 3" in paragraphs
    assert paragraphs[0] == "Шаг 0"


def test_container_leaves_out_link_lists_nav_and_footer():
    paragraphs, _ = extract_body(parse(_guide()))
    assert not any("Другая статья" in p or "Главная" in p or "©" in p for p in paragraphs)


def test_article_nested_in_a_chrome_tag_by_broken_markup_is_still_read():
    paragraphs, rule = extract_body(parse(_guide("<button class='menu'><div>")))
    assert rule == "container" and "Шаг 2" in paragraphs


def test_chrome_named_block_inside_the_container_is_dropped_when_small():
    html = _guide().replace("<ul class='more'>", "<div class='share-buttons'>Поделиться ВКонтакте</div><ul>")
    paragraphs, _ = extract_body(parse(html))
    assert not any("Поделиться" in p for p in paragraphs)


def test_paragraphs_in_a_footer_are_not_taken_for_the_article():
    story = "<br>".join("Текст статьи без абзацев, строки разделены переносами, о событии дня." for _ in range(6))
    html = (f"<html><body><h1>Заголовок</h1><div class='story'>{story}</div><div class='site-footer'>"
            f"<p>{'О компании: мы делаем новости с 1999 года. ' * 4}</p></div></body></html>")
    paragraphs, rule = extract_body(parse(html))
    assert rule == "container"
    assert paragraphs[0].startswith("Текст статьи") and not any("О компании" in p for p in paragraphs)


def _article_among(siblings: str, marked: str = "<div class='entry-content'>{}</div>") -> str:
    """A page whose main column holds the article (in ``marked``) and sibling blocks of paragraph text."""
    story = "".join(f"<p>Абзац статьи номер {i} о событии дня, подробно и по существу.</p>" for i in range(6))
    return (f"<html><body><h1>Заголовок</h1><div class='column'>{marked.format(story)}{siblings}</div>"
            "</body></html>")


_TESTIMONIALS = "".join(f"<div class='quote'><p>{'Отличная клиника, все очень довольны приёмом. ' * 3}</p>"
                        f"<span>Клиент {i}</span></div>" for i in range(8))


def test_the_block_the_page_marks_as_its_article_is_read_without_sibling_blocks():
    paragraphs, rule = extract_body(parse(_article_among(_TESTIMONIALS)))
    assert rule == "container" and paragraphs[0].startswith("Абзац статьи номер 0")
    assert not any("Отличная клиника" in p for p in paragraphs)


def test_a_marked_class_repeated_over_sections_is_not_the_article():
    sections = "".join(f"<div class='rich-text'><h2>Раздел {i}</h2><p>{'Текст раздела руководства. ' * 8}</p></div>"
                       for i in range(5))
    paragraphs, _ = extract_body(parse(_article_among(sections, "<div class='rich-text'>{}</div>")))
    assert "Раздел 4" in paragraphs and paragraphs[0].startswith("Абзац статьи номер 0")


def test_a_footer_is_never_the_container():
    legal = "".join(f"<p>{'Правовая информация о компании и лицензиях. ' * 3}</p>" for _ in range(6))
    story = "<br>".join("Текст статьи без абзацев, строки разделены переносами, о событии дня." for _ in range(4))
    html = f"<html><body><h1>Заголовок</h1><div>{story}</div><footer>{legal}</footer></body></html>"
    paragraphs, _ = extract_body(parse(html))
    assert not any("Правовая информация" in p for p in paragraphs)


def test_prose_in_a_block_named_for_its_look_is_kept():
    sections = "".join(f"<section class='image-position-variant--left'><h2>Глава {i}</h2>"
                       f"<p>{'Рассказ об истории кофе и его распространении. ' * 6}</p></section>" for i in range(6))
    html = (f"<html><body><h1>История кофе</h1><main>{sections}<div class='photo-credit'>Фото: автор</div></main>"
            "</body></html>")
    paragraphs, rule = extract_body(parse(html))
    assert rule == "container" and "Глава 5" in paragraphs and "Фото: автор" not in paragraphs


def test_a_figure_holding_most_of_the_article_is_kept():
    rows = "".join(f"<tr><td><p>{'Описание модели и её особенностей в таблице. ' * 3}</p></td></tr>" for _ in range(8))
    html = (f"<html><body><h1>Лучшие модели</h1><main><p>{'Вступление к обзору. ' * 6}</p>"
            f"<figure><table>{rows}</table></figure></main></body></html>")
    paragraphs, _ = extract_body(parse(html))
    assert any(p.startswith("Описание модели") for p in paragraphs)


def test_census_counts_the_text_after_a_comment_and_not_inside_scripts():
    """Text right after a comment or a script is page text (as the paragraph walk reads it); a start/end walk
    of lxml never met comments and so lost it."""
    from kznews.extract.body import _census

    text = "Текст статьи сразу после комментария вёрстки, о событии дня."
    tree = parse(f"<html><body><div><!-- desktop -->{text}<script>var x = 'скрипт';</script>{text}</div></body></html>")
    div = tree.find(".//div")
    assert _census(tree.find("body"))[1][div][0] == 2 * len(text)


# --- what is never part of a paragraph: the headline, a photo's caption or credit --------------------------------

def _item(headline: str, body: str) -> str:
    """A news item as outlets lay it out: a menu, then the headline and the body in an ``<article>``."""
    return (f"<html><body><header><nav><a href='/'>Главная</a> <a href='/news/'>Новости</a></nav></header><main>"
            f"<article><h1>{headline}</h1><div class='article__body'>{body}</div></article></main>"
            "<footer>© 2026</footer></body></html>")


@pytest.mark.parametrize("headline, paragraph", [
    ("Күн жаңалықтары", "Министрліктің хабарлауынша, 33 279 адамға Sputnik V вакцинасының бірінші компоненті салынды."),
    ("News of the day", "Earlier reporting by Kursiv Media noted Tokayev’s firm stance on language rights in Kazakhstan"),
])
def test_the_headline_is_not_joined_to_a_one_paragraph_body(headline, paragraph):
    paragraphs, _ = extract_body(parse(_item(headline, f"<p>{paragraph}</p>")), headline=headline)
    assert paragraphs == [paragraph]


def test_the_paragraphs_of_a_short_item_stay_apart():
    body = "<p>Источник фото: Фото из открытых источников</p><p>Источник: kaztag.kz</p>"
    paragraphs, _ = extract_body(parse(_item("Новости дня", body)), headline="Новости дня")
    assert paragraphs == ["Источник фото: Фото из открытых источников", "Источник: kaztag.kz"]


def test_a_short_story_trafilatura_finds_outside_a_doubtful_container_is_trafilaturas():
    """A short news item (three sentences) whose page's richest text block is the customer-service box: the
    container holds text trafilatura's rescue does not, so trafilatura's reading stands."""
    key = "e372e42c0a3df7b86e1c0bacf7bc14d042144a01e88833bc5a643d61b3547090"
    html = gzip.decompress((SHARED / "evaldata" / "zyte" / "html" / f"{key}.html.gz").read_bytes()).decode()
    paragraphs, rule = extract_body(parse(html))
    assert rule == "trafilatura" and paragraphs[0].startswith("The son of former German President")
    assert not any("Customer Service" in p for p in paragraphs)


_CREDITED = "В пресс-службе акимата Алматы сообщили, что торжественная церемония пройдёт в субботу."


@pytest.mark.parametrize("caption", [
    "<span class='photo-caption'>Фото: акимат Алматы</span>",
    "<em class='wp-caption-text'>Фото: акимат Алматы</em>",
    "<figure><img src='/i/1.jpg'><figcaption>Фото: акимат Алматы</figcaption></figure>",
])
def test_a_caption_inside_a_paragraph_is_a_block_of_its_own(caption):
    tree = parse(f"<html><body><div class='text'><p>{caption} {_CREDITED}</p></div></body></html>")
    assert extract_body(tree, selector="div.text")[0] == ["Фото: акимат Алматы", _CREDITED]


@pytest.mark.parametrize("glued, apart", [
    (f"Фото: акимат Алматы {_CREDITED}", ["Фото: акимат Алматы", _CREDITED]),
    ("Фото: Институт репродуктивной медицины \"Пациентка стала мамой в 60\". Врачи рассказали о редком случае.",
     ["Фото: Институт репродуктивной медицины",
      "\"Пациентка стала мамой в 60\". Врачи рассказали о редком случае."]),
    ("Сурет: ашық дереккөзден Бұл туралы министрлік хабарлады.",
     ["Сурет: ашық дереккөзден", "Бұл туралы министрлік хабарлады."]),
    ("Photo: Akorda press service The President met the delegation on Monday.",
     ["Photo: Akorda press service", "The President met the delegation on Monday."]),
    ("Сара Назарбаева на встрече с учителями. Фото: facebook.com/bobek.samopoznanie",
     ["Сара Назарбаева на встрече с учителями.", "Фото: facebook.com/bobek.samopoznanie"]),
])
def test_a_credit_line_glued_to_a_paragraph_is_split_off(glued, apart):
    assert clean([glued]) == apart


@pytest.mark.parametrize("paragraph", [
    "Фото: акимат Алматы",  # a credit line alone
    "Фотограф Иван Петров «Снимки города» показал на выставке в Алматы.",  # a sentence about a photographer
    "На выставке показали фото: В Алматы прошла акция, и её снимки разошлись по сети.",  # no credit opens it
    "Фото: ТОО «Казахтелеком»",  # a quoted name closing the credit
])
def test_a_paragraph_without_a_glued_credit_is_left_whole(paragraph):
    assert clean([paragraph]) == [paragraph]

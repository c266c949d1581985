"""body.py: selector, JSON-LD articleBody and trafilatura rules; chrome left out."""

from kznews.extract.body import clean, extract_body, main_block_size, paragraphs_of
from kznews.extract.html import decode, parse

from .shared import page

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


def test_scattered_paragraph_text_goes_to_trafilatura():
    cells = "".join(f"<div><p>Короткий текст карточки номер {i}, довольно длинный.</p></div>" for i in range(12))
    assert extract_body(parse(f"<html><body>{cells}</body></html>"))[1] in ("trafilatura", None)


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

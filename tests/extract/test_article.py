"""article.py: the body opens at its dateline; a dateline printed over two paragraphs is read whole."""

from __future__ import annotations

import pytest

from kznews.extract import extract_page
from kznews.extract.article import from_dateline, opening_dateline

TEXT = "Министр культуры и информации прокомментировал слухи, передает корреспондент агентства."


@pytest.mark.parametrize("chrome", [
    ["Главная", "Новости"],  # menu items a generic pass kept
    ["Главная", "Новость дня", "12 апреля 2024, 10:00"],  # and the headline and date line
])
@pytest.mark.parametrize("dateline", ["АСТАНА. КАЗИНФОРМ –", "Алматы. 16 апреля. Центр информации -",
                                      "ALMATY. April 10. KAZINFORM –", "НҰР-СҰЛТАН. ҚазАқпарат -"])
def test_short_pieces_before_the_dateline_are_chrome(chrome, dateline):
    assert from_dateline([*chrome, f"{dateline} {TEXT}", "Второй абзац."], "Новость дня") == [
        f"{dateline} {TEXT}", "Второй абзац."]


def test_the_headline_glued_before_the_dateline_is_dropped():
    assert from_dateline([f"News of the day ASTANA – {TEXT}"], "News of the day") == [f"ASTANA – {TEXT}"]


def test_a_lead_paragraph_before_the_dateline_stays():
    lead = "Власти объявили о новых мерах поддержки аграриев: субсидии вырастут вдвое, а сроки выплат сократятся."
    body = [lead, f"АСТАНА. КАЗИНФОРМ – {TEXT}"]
    assert from_dateline(body, "Новость") == body


def test_a_body_without_a_dateline_is_left_as_it_is():
    body = ["Главная", TEXT]
    assert from_dateline(body, "Новость") == body


def test_a_dateline_paragraph_takes_the_agency_opening_the_next_one():
    found = opening_dateline(["АСТАНА, 4 сентября.", "/ТАСС/. Информация новостного портала подтвердилась."])
    assert (found.place, found.day, found.month, found.agency) == ("АСТАНА", 4, 9, "ТАСС")


def test_a_dateline_paragraph_followed_by_text_keeps_no_agency():
    found = opening_dateline(["АСТАНА, 4 сентября.", "Информация новостного портала подтвердилась."])
    assert (found.text, found.agency) == ("АСТАНА, 4 сентября.", None)


def test_a_short_page_with_chrome_has_its_dateline_and_a_clean_body():
    html = ("<html><body><nav><a href='/'>Главная</a></nav><h1>Новость дня</h1>"
            f"<div><p>ALMATY. April 10. KAZINFORM – {TEXT[:60]}</p></div></body></html>")
    article = extract_page(html, "https://example.kz/news/1", kind="article").article
    assert article.dateline == "ALMATY. April 10. KAZINFORM –"
    assert article.body.startswith("ALMATY. April 10.")


@pytest.mark.parametrize("byline", [
    "By Nargiz Sadikhova – Trend:",  # Trend's byline under its dateline (bench/cases found3-046's page)
    "Рамиль Мамедов –",  # a reporter's name on a line of its own
])
def test_a_byline_on_the_line_after_a_dateline_paragraph_is_not_its_agency(byline):
    found = opening_dateline(["Баку, 5 марта", byline, TEXT])
    assert (found.text, found.place, found.agency) == ("Баку, 5 марта", "Баку", None)


@pytest.mark.parametrize("byline", [
    "<p class='byline'>Рамиль Мамедов</p>",  # a byline element before the dateline's paragraph
    "<p>Рамиль Мамедов<br>",  # the reporter's name on a line of its own in the dateline's paragraph
])
def test_a_byline_before_the_dateline_is_not_glued_into_its_place(byline):
    opening = "Баку. 5 марта. REPORT.AZ - "
    paragraph = f"{opening}{TEXT}</p>" if byline.endswith("<br>") else f"<p>{opening}{TEXT}</p>"
    html = f"<html><body><h1>Новость дня</h1>{byline}{paragraph}<p>{TEXT}</p></body></html>"
    article = extract_page(html, "https://example.az/news/1", kind="article").article
    assert article.dateline == opening.strip()
    assert article.body.startswith(opening)


def test_a_credit_glued_to_the_paragraph_after_it_is_still_a_credit_and_the_source_is_read():
    """A page that lost the break after a photo's credit: the credit is no source, the sentence's reporter is."""
    text = ("Фото: акимат Алматы В пресс-службе акимата Алматы сообщили, что торжественная церемония пройдёт "
            "в субботу на площади Республики.")
    html = (f"<html lang='ru'><body><main><article><h1>Главную ёлку зажгли в Алматы</h1>"
            f"<div class='article__body'><p>{text}</p></div></article></main></body></html>")
    article = extract_page(html, "https://example.kz/news/1", kind="article").article
    assert article.body.split("\n\n")[0] == "Фото: акимат Алматы"
    assert [(s.name, s.kind) for s in article.sources] == [("пресс-служба акимата Алматы", "reports")]


def test_a_one_paragraph_item_has_no_headline_in_its_body():
    paragraph = "Министрліктің хабарлауынша, 33 279 адамға Sputnik V вакцинасының бірінші компоненті салынды."
    html = ("<html lang='kk'><body><header><nav><a href='/'>Басты бет</a></nav></header><main><article>"
            f"<h1>Вакцина салу жалғасуда</h1><div class='article__body'><p>{paragraph}</p></div></article></main>"
            "</body></html>")
    assert extract_page(html, "https://example.kz/news/2", kind="article").article.body == paragraph

"""datelines.py: datelines as printed at the start of a body, and their parts."""

from dataclasses import asdict

import pytest

from kznews.extract.datelines import find_dateline

from .shared import PAGES, cases, ids

DATELINES = cases("dateline")


@pytest.mark.parametrize("case", DATELINES, ids=ids(DATELINES))
def test_dateline_case_parts(case):
    found = asdict(find_dateline(case["text"]))
    assert {k: found[k] for k in ("place", "day", "month", "agency")} == case["expected"]


def test_ic24_russian_dateline_from_page_text():
    text = (PAGES / "ic24.kz" / "article-ru-u45694.txt").read_text("utf-8")
    para = next(line for line in text.splitlines() if line.startswith("Алматы."))
    assert find_dateline(para).text == "Алматы. 16 апреля. Центр информации -"


def test_ic24_english_dateline_month_first():
    text = (PAGES / "ic24.kz" / "article-en-u45713.txt").read_text("utf-8")
    para = next(line for line in text.splitlines() if line.startswith("Almaty."))
    found = find_dateline(para)
    assert (found.place, found.day, found.month, found.agency) == ("Almaty", 19, 4, "Information Center")


def test_kazinform_dateline_text():
    found = find_dateline("ПЕТРОПАВЛОВСК. КАЗИНФОРМ – Бройлерную птицефабрику построят")
    assert found.text == "ПЕТРОПАВЛОВСК. КАЗИНФОРМ –"


def test_kazinform_english_dateline():
    assert find_dateline("NUR-SULTAN. KAZINFORM – The President").text == "NUR-SULTAN. KAZINFORM –"


def test_ordinary_sentence_is_not_a_dateline():
    assert find_dateline("Астана. Сегодня прошло совещание - важное") is None


def test_dateline_only_at_start():
    assert find_dateline("Сегодня в ASTANA – прошла встреча") is None

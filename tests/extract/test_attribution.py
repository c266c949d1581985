"""attribution.py: source lines, reporting verbs and photo credits."""

import pytest

from kznews.extract.attribution import find_attribution, photo_credit

from .shared import PAGES, cases, ids

ATTRIBUTIONS = cases("attribution")
# Not done yet: the reporter is printed inflected (Russian locative/accusative) or is only
# implied by the page ("корреспондент агентства"), or the verb is Kazakh Latin "habarlady".
GAPS = {
    "передает корреспондент агентства", "сообщили в прокуратуре области", "сообщили в акимате Алматы",
    "Bul týraly Astana ákimdiginiń baspasóz qyzmetinen habarlady",
    "передает inAlmaty.kz со ссылкой на пресс-службу Акорды",
}
PARAMS = [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="inflected or implied reporter"))
    if c["text"] in GAPS else c
    for c in ATTRIBUTIONS
]
CREDITS = cases("photo_credit")


@pytest.mark.parametrize("case", PARAMS, ids=ids(ATTRIBUTIONS))
def test_attribution_case(case):
    found = find_attribution(case["text"])
    assert {"reporter": found.reporter, "via": found.via, "kind": found.kind} == case["expected"]


@pytest.mark.parametrize("case", CREDITS, ids=ids(CREDITS))
def test_photo_credit_case(case):
    assert photo_credit(case["text"]) == case["expected"]["credit"]


@pytest.mark.parametrize("case", CREDITS, ids=ids(CREDITS))
def test_photo_credit_is_never_a_source(case):
    assert find_attribution(case["text"]) is None


def _ic24_lines() -> list[str]:
    return (PAGES / "ic24.kz" / "article-ru-u45694.txt").read_text("utf-8").splitlines()


def test_ic24_source_line_wins_over_reporting_verb():
    assert find_attribution("\n".join(_ic24_lines())).text == "Источник: КазТАГ"


def test_ic24_reports_with_via():
    para = next(line for line in _ic24_lines() if line.startswith("Алматы."))
    found = find_attribution(para)
    assert (found.reporter, found.via) == ("КазТАГ", "министерство иностранных дел Казахстана")


def test_ic24_english_photo_credit_line_is_skipped():
    text = (PAGES / "ic24.kz" / "article-en-u45713.txt").read_text("utf-8")
    assert find_attribution("Фото:gov.kz") is None and "Фото:gov.kz" in text


def test_kazinform_correspondent_text_as_printed():
    para = "ПЕТРОПАВЛОВСК. КАЗИНФОРМ – Ферму построят в СКО, передает корреспондент МИА «Казинформ»."
    assert find_attribution(para).text == "передает корреспондент МИА «Казинформ»"


def test_kazakh_source_line():
    assert find_attribution("Дереккөз: Egemen.kz").reporter == "Egemen.kz"


def test_plain_text_has_no_attribution():
    assert find_attribution("Погода в Алматы будет ясной.") is None

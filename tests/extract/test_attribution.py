"""attribution.py: source lines, reporting verbs and photo credits."""

import json

import pytest

from bench.extraction import page_agency
from kznews.extract.attribution import find_attribution, find_attributions, photo_credit

from .shared import PAGES, cases, ids

ATTRIBUTIONS = cases("attribution")
CREDITS = cases("photo_credit")
DATELINES = cases("dateline")


def _context_line(case: dict) -> str:
    """The line of the case's context that holds its text."""
    return next(line for line in case["context"].splitlines() if case["text"] in line)


def _case(case_id: str) -> dict:
    return next(c for c in cases("attribution") + DATELINES if c["id"] == case_id)


@pytest.mark.parametrize("case", ATTRIBUTIONS, ids=ids(ATTRIBUTIONS))
def test_attribution_case(case):
    found = find_attribution(case["text"], agency=page_agency(case, DATELINES))
    assert {"reporter": found.reporter, "via": found.via, "kind": found.kind} == case["expected"]


def test_agency_correspondent_is_the_datelines_agency_in_a_body():
    """In a body, "корреспондент агентства" names the agency of the dateline that opens it."""
    body = f"{_case('kt.kz-42')['text']} {_context_line(_case('kt.kz-43'))}"
    found = find_attribution(body)
    assert (found.reporter, found.kind) == ("KAZAKHSTAN TODAY", "correspondent")


def test_agency_correspondent_without_an_agency_names_nobody():
    assert find_attribution("передает корреспондент агентства") is None


def test_russian_locative_before_a_comma_in_nominative():
    """"Как сообщили в полиции Астаны, …" (taksopark.kz): the police, in the nominative."""
    line = next(li for li in _case("taksopark.kz-2")["context"].splitlines() if li.startswith("Как сообщили"))
    assert find_attribution(line).reporter == "полиция Астаны"


def test_russian_locative_of_an_unlisted_proper_name():
    """nur.kz: "- рассказали в Антикоре." gives the agency's short name, Антикор."""
    text = (PAGES / "nur.kz" / "DERIVED-article-2024-04-18.html").read_text("utf-8")
    sentence = text[text.index("рассказали в Антикоре"):].split(".")[0] + "."
    assert find_attribution(sentence).reporter == "Антикор"


def test_russian_accusative_via_in_nominative():
    found = find_attribution(_context_line(_case("inalmaty.kz-3")))
    assert (found.reporter, found.via) == ("inAlmaty.kz", "пресс-служба Акорды")


def test_kazakh_ablative_cyrillic():
    """aqshamnews.kz's Latin sentence in Cyrillic (2018 Latin alphabet, letter for letter): -нен off."""
    found = find_attribution("Бұл туралы Астана әкімдігінің баспасөз қызметінен хабарлады.")
    assert (found.reporter, found.kind) == ("Астана әкімдігінің баспасөз қызметі", "reports")


def test_kazakh_genitive_before_malimeti_boiynsha():
    """inform.kz: "QR Іshki ister mınıstri Marat Ahmetjanovtyń málimeti boıynsha" -- -tyń off."""
    line = _context_line(_case("inform.kz-11"))
    sentence = line.split(" – ", 1)[1].split(". ")[0] + "."
    assert find_attribution(sentence).reporter == "QR Іshki ister mınıstri Marat Ahmetjanov"


def test_every_attribution_of_a_line_correspondent_first():
    """The same inform.kz line also says "dep habarlaıdy QazAqparat tilshisi": the correspondent stands for the line
    (it comes first), and the minister's data the line cites is read too."""
    found = find_attributions(_context_line(_case("inform.kz-11")))
    assert [(a.reporter, a.kind) for a in found] == [
        ("QazAqparat", "correspondent"), ("QR Іshki ister mınıstri Marat Ahmetjanov", "reports")]


def test_long_english_page_keeps_only_named_reporters():
    """A Zyte page's body: "reported on Friday that …" is no reporter; scanning is per line, near the verb."""
    zyte = PAGES.parent / "evaldata" / "zyte"
    truth = json.loads((zyte / "ground-truth.json").read_text("utf-8"))
    bodies = [truth[k]["articleBody"] for k in sorted(truth)]
    found = [a.reporter for body in bodies for a in find_attributions(body)]
    assert "Reuters" in found and not [r for r in found if r.startswith(("on ", "that ", "in "))]


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

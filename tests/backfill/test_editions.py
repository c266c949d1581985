"""The edition a captured URL belongs to, on real URLs: the labelled strings' pages, the registry's own URLs."""

from __future__ import annotations

import json

import pytest

from kznews import sites
from kznews.backfill.editions import edition_of, language_root
from tests.conftest import SHARED

CASES = SHARED / "texts" / "cases.jsonl"


def _labelled() -> list[tuple[str, str, str]]:
    """(outlet, URL, language) of every labelled string's page on an outlet with several editions."""
    found = set()
    for line in CASES.read_text("utf-8").splitlines():
        case = json.loads(line)
        outlet = sites.for_url(case["url"]) if case.get("url") else None
        if outlet is not None and len(outlet.editions) > 1:
            found.add((outlet.key, case["url"], case["lang"]))
    return sorted(found)


def test_the_labelled_pages_of_every_outlet_with_editions_are_given_their_own_language() -> None:
    labelled = _labelled()
    assert len({key for key, _, _ in labelled}) >= 7 and len(labelled) >= 30  # 7 such outlets, 35 pages
    wrong = [(url, lang, getattr(edition_of(sites.get(key), url), "label", None)) for key, url, lang in labelled
             if getattr(edition_of(sites.get(key), url), "lang", None) != lang]
    assert wrong == []


def _own_start_points() -> list[tuple[str, str, str]]:
    """(outlet, URL, edition) of every start point only one edition of its outlet has."""
    found = []
    for key, outlet in sites.outlets().items():
        owners: dict[str, set[str]] = {}
        for ed in outlet.editions:
            for point in ed.start_points():
                owners.setdefault(point.url, set()).add(ed.label)
        found += [(key, url, next(iter(labels))) for url, labels in owners.items() if len(labels) == 1]
    return found


@pytest.mark.parametrize(("key", "url", "label"), _own_start_points())
def test_every_editions_own_start_points_belong_to_it(key: str, url: str, label: str) -> None:
    edition = edition_of(sites.get(key), url)
    assert edition is not None and edition.label == label


@pytest.mark.parametrize(("url", "label"), [
    ("https://qz.inform.kz/news/astanada-kala-kunne-oray-merekelk-otshashu-ott-bbe756", "kk-latn"),  # its host
    ("https://qz.inform.kz/amp/kazakstanda-on-rul-di-19-myn-kolik-zhur-ministrlik_a3983759", "kk-latn"),
    ("http://media.inform.kz/kz/photo/2715", "kk-cyrl"),  # a host no edition starts from: its path
    ("https://en.inform.kz/amp/pm-says-a-lot-of-work-ahead-for-turkestan-region-governor_a3300693/", "en"),
    ("https://www.inform.kz/news/some-story_a3725092", "ru"),  # no mark: the registry's first edition
    ("http://lat.egemen.kz/article/373907-burynghy-uaqyt-beldeui-qanday-dgaghdayda-qaytarylady", "kk-latn"),
    ("https://ar.egemen.kz/amp/article/400296-asa-manhyzdy-qadam", "kk-cyrl"),  # Arabic script: Kazakh all the same
    ("https://vlast.kz/vlast-qazaqsha/51234-some-story.html", "kk-cyrl"),  # a section one edition starts from
    ("https://vlast.kz/english/51235-some-story.html", "en"),
    ("https://vlast.kz/politika/51236-some-story.html", "ru"),
    ("https://kz.kursiv.media/kk/2024-03-27/some-story/", "kk-cyrl"),  # "kz." is the country, not a language
    ("https://kz.kursiv.media/2024-03-27/some-story/", "ru"),
    ("https://orda.kz/kz-bank-raises-its-rate-again/", "ru"),  # a slug that starts like a language names none
    ("https://kaz.orda.kz/some-story-here-again/", "kk-cyrl"),
    ("https://interfax.kz/?lang=eng&int_id=21&news_id=1234", "en"),
    ("https://rus.azattyq.org/a/32890123.html", "ru"),
    ("https://www.azattyq.org/a/32890124.html", "kk-cyrl"),
    ("https://informburo.kz/kaz/novosti/some-story.html", "kk-cyrl"),
])
def test_hosts_paths_and_sections_name_the_edition(url: str, label: str) -> None:
    outlet = sites.for_url(url)
    assert outlet is not None
    edition = edition_of(outlet, url)
    assert edition is not None and edition.label == label


def test_one_edition_takes_every_url_and_a_language_the_outlet_lacks_takes_none() -> None:
    kaztag = sites.get("kaztag")
    assert edition_of(kaztag, "https://kaztag.kz/kz/news/some-kazakh-story-here") == kaztag.editions[0]
    assert edition_of(sites.get("bnews"), "https://bnews.kz/en/news/some_story-2024_03_27-123") is None


def test_an_editions_front_page_is_one_segment_naming_a_language() -> None:
    assert [language_root(p) for p in ("/rus/", "/kz", "/en/", "/", "/news/", "/kazakhstan_news/", "/rus/rss/")] == [
        True, True, True, False, False, False, False]

"""Quality gate: extraction figures on real material may not drop below pinned floors.

Floors sit slightly under the figures measured by ``bench/extraction.py`` (see
``bench/RESULTS.md``), so a change that loses quality fails here instead of silently.
The cases file and the first 40 Zyte pages run always; the full sets are ``slow``
(run them with ``pytest -m slow``).
"""

from functools import lru_cache

import pytest

from bench import extraction

# Measured 2026-12-06 (bench/RESULTS.md, full runs): Zyte 0.968; WCXB title 0.830, date 0.859,
# body 0.943; MediaCloud 0.925 (the target 0.92 is the floor).
ZYTE_FLOOR = 0.965
WCXB_FLOORS = (0.81, 0.85, 0.94)  # title exact, date accuracy, body bag-of-words F1
MEDIACLOUD_FLOOR = 0.92
# Real strings (bench/cases), by category and half, read alone and placed in a page: floors at the shares measured
# 2026-12-07 (bench/RESULTS.md, session 8).  The test-only half is far from the 0.95 wanted for attributions, photo
# credits and tickers in a page: the floors guard against losing ground, they do not say the work is done.
# The rule half took in the older test-half cases read on 2026-12-07 (bench/cases/moved.txt); four of them no parser
# reads, each named there: two rates naming no currency and one with the tenge in the dative (ticker rules), and a
# credit that is a substring of the page's real source (photo credit rules in a page).
CASE_FLOORS = {
    "attribution rules": 0.95, "attribution test": 0.78,
    "attribution rules in a page": 0.95, "attribution test in a page": 0.74,
    "date rules": 1.0, "date test": 1.0, "date rules in a page": 0.98, "date test in a page": 1.0,
    "dateline rules": 1.0, "dateline test": 0.89, "dateline rules in a page": 1.0, "dateline test in a page": 0.86,
    "photo_credit rules": 1.0, "photo_credit test": 0.83,
    "photo_credit rules in a page": 0.97, "photo_credit test in a page": 0.95,
    "ticker rules": 0.94, "ticker test": 0.88, "ticker rules in a page": 0.93, "ticker test in a page": 0.71,
}


# The batches the floors were measured on: a batch added later has its own first measurement to make.
CASE_BATCHES = ("cases", "found", "found2")


@lru_cache(maxsize=1)
def _cases() -> dict[str, float]:
    scores = extraction.cases(batch=CASE_BATCHES).metrics.items()
    return {metric.split(" (")[0]: ours for metric, (ours, _) in scores}


@pytest.mark.parametrize("metric", sorted(CASE_FLOORS))
def test_cases_share_right(metric):
    assert _cases()[metric] >= CASE_FLOORS[metric]


def test_zyte_first_40_body_f1():
    assert extraction.zyte(40, compare=False).metrics["body F1 (shingles)"][0] >= 0.96


@pytest.mark.slow
def test_zyte_body_f1():
    assert extraction.zyte(compare=False).metrics["body F1 (shingles)"][0] >= ZYTE_FLOOR


@pytest.mark.slow
def test_wcxb_title_date_body():
    figures = {metric.split(" (")[0]: ours for metric, (ours, _) in extraction.wcxb(compare=False).metrics.items()}
    assert (figures["title exact"] >= WCXB_FLOORS[0], figures["date accuracy"] >= WCXB_FLOORS[1],
            figures["body F1"] >= WCXB_FLOORS[2]) == (True, True, True)


@pytest.mark.slow
def test_mediacloud_date_accuracy():
    assert extraction.mediacloud(compare=False).metrics["date accuracy"][0] >= MEDIACLOUD_FLOOR


@pytest.mark.slow
def test_page_type_on_an_unknown_site():
    figures = {metric.split(" (")[0]: ours for metric, (ours, _) in extraction.pagetype().metrics.items()}
    assert figures["articles taken for articles"] >= 0.975  # measured 0.979 (2026-12-07)
    assert figures["non-articles taken for articles"] <= 0.28  # measured 0.268

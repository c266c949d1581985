"""Every outlet on its saved pages: one test per (fixture, expected field).

A failure names the outlet, the page and the field, e.g.
``test_field[kt/homepage-2018-03-21:tickers]``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from kznews import sites
from kznews.extract import extract_page
from kznews.items import PageRecord

from .saved_pages import fixtures

FIXTURES = {f.id: f for f in fixtures()}


@lru_cache(maxsize=None)
def record(fixture_id: str) -> PageRecord:
    f = FIXTURES[fixture_id]
    return extract_page(f.body, f.url, outlet=sites.get(f.key), fetched_at=f.meta["fetched_at"])


def _cases() -> list[Any]:
    cases = []
    for f in FIXTURES.values():
        xfail = f.meta.get("xfail", {})
        for field in f.meta["expected"]:
            marks = [pytest.mark.xfail(strict=True, reason=xfail[field])] if field in xfail else []
            cases.append(pytest.param(f.id, field, id=f"{f.id}:{field}", marks=marks))
    return cases


def actual(rec: PageRecord, field: str, expected: Any) -> Any:
    """What extraction gave for ``field`` ("link#2": a second expectation of "link"), shaped like ``expected``."""
    field = field.partition("#")[0]
    article = rec.article
    if field == "kind":
        return rec.kind
    if field == "tickers":
        return {q.pair: q.value for q in rec.tickers}
    if field == "links_min":
        return len(rec.links) if len(rec.links) < expected else expected
    if field == "link":
        hint = next((h for h in rec.links if h.url == expected["url"]), None)
        return {k: getattr(hint, k) for k in expected} if hint else None
    if field == "not_links":
        return sorted(h.url for h in rec.links if h.url in expected)
    if article is None:
        return None
    if field == "body_start":
        return (article.body or "")[: len(expected)]
    if field == "body_end":
        return (article.body or "")[-len(expected):]
    return getattr(article, field)


@pytest.mark.parametrize(("fixture_id", "field"), _cases())
def test_field(fixture_id: str, field: str) -> None:
    expected = FIXTURES[fixture_id].meta["expected"][field]
    if field.partition("#")[0] == "not_links":
        assert actual(record(fixture_id), field, expected) == []
    else:
        assert actual(record(fixture_id), field, expected) == expected

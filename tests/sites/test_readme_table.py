"""README's "## Outlets" table is the registry's: regenerated here, and the README must match."""

from __future__ import annotations

from pathlib import Path

from kznews import sites
from kznews.sites.table import (
    MARK_END,
    MARK_START,
    discovery_kinds,
    markdown_table,
    readme_block,
)

from .saved_pages import tested_on as fixture_kinds

README = Path(__file__).resolve().parents[2] / "README.md"


def expected_block() -> str:
    return readme_block(sites.outlets().values(), fixture_kinds())


def test_readme_outlets_table_matches_the_registry():
    text = README.read_text("utf-8")
    assert MARK_START in text and MARK_END in text, "README.md lacks the outlets markers"
    start = text.index(MARK_START)
    current = text[start : text.index(MARK_END, start) + len(MARK_END)]
    expected = expected_block()
    assert current == expected, (
        "README.md's outlets table is out of date; paste this between the markers:\n\n" + expected
    )


def test_table_has_a_row_per_outlet():
    rows = markdown_table(sites.outlets().values(), fixture_kinds()).splitlines()[2:]
    assert [r.split("|")[1].strip().strip("`") for r in rows] == list(sites.outlets())


def test_table_without_fixtures_has_no_tested_column():
    head = markdown_table(sites.outlets().values()).splitlines()[0]
    assert head == "| key | name | editions | discovery |"


def test_discovery_kinds_tell_robots_from_sitemaps():
    assert discovery_kinds(sites.get("tengrinews")) == ["feed", "sitemap", "listing"]
    assert discovery_kinds(sites.get("kt")) == ["feed", "robots.txt", "daily archive"]

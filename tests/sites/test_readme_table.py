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
    rewrite_readme,
    saved_page_kinds,
)

from .saved_pages import FIXTURES, fixtures

README = Path(__file__).resolve().parents[2] / "README.md"


def fixture_kinds() -> dict[str, list[str]]:
    return saved_page_kinds(FIXTURES)


def expected_block() -> str:
    return readme_block(sites.outlets().values(), fixture_kinds())


def test_readme_outlets_table_matches_the_registry():
    text = README.read_text("utf-8")
    assert MARK_START in text and MARK_END in text, "README.md lacks the outlets markers"
    start = text.index(MARK_START)
    current = text[start : text.index(MARK_END, start) + len(MARK_END)]
    expected = expected_block()
    assert current == expected, "README.md's outlets table is out of date: run `kznews sites --write-readme README.md`"


def test_table_has_a_row_per_outlet():
    rows = markdown_table(sites.outlets().values(), fixture_kinds()).splitlines()[2:]
    assert [r.split("|")[1].strip().strip("`") for r in rows] == list(sites.outlets())


def test_table_without_fixtures_has_no_tested_column():
    head = markdown_table(sites.outlets().values()).splitlines()[0]
    assert head == "| key | name | editions | discovery |"


def test_discovery_kinds_tell_robots_from_sitemaps():
    assert discovery_kinds(sites.get("tengrinews")) == ["feed", "sitemap", "listing"]
    assert discovery_kinds(sites.get("kt")) == ["feed", "robots.txt", "daily archive"]


def test_tested_on_reads_the_fixtures() -> None:
    kinds = fixture_kinds()
    assert set(kinds) == {f.key for f in fixtures()}
    assert kinds["kt"] == ["constructed", "real"]  # article-ru (constructed), homepage (real), by name


def test_write_readme_rewrites_only_the_block(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kznews.cli import main

    readme = tmp_path / "README.md"
    (tmp_path / "tests" / "sites").mkdir(parents=True)
    (tmp_path / "tests" / "sites" / "fixtures").symlink_to(FIXTURES)
    readme.write_text(f"# Title\n\n{MARK_START}\nold table\n{MARK_END}\n\nafter\n", "utf-8")
    result = CliRunner().invoke(main, ["sites", "--write-readme", str(readme)])
    assert result.exit_code == 0 and result.output.endswith("outlets table rewritten\n")
    assert readme.read_text("utf-8") == f"# Title\n\n{expected_block()}\n\nafter\n"
    result = CliRunner().invoke(main, ["sites", "--write-readme", str(readme)])
    assert result.output.endswith("already up to date\n")
    readme.write_text("no markers\n", "utf-8")
    result = CliRunner().invoke(main, ["sites", "--write-readme", str(readme)])
    assert result.exit_code == 1 and "no <!-- outlets:start --> ... <!-- outlets:end --> block" in result.output
    assert rewrite_readme(f"{MARK_START}x{MARK_END}", [], {}) == readme_block([], {})

"""The registry's contract: typos and bad values refused, each problem named by its TOML path, all at once."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from kznews import sites
from kznews.cli import main
from kznews.sites import schema
from tests.conftest import REPO

GOOD = """
[outlets.mine]
name = "Mine"
domains = ["mine.kz"]
articles = ['^/news/\\d+$']

[[outlets.mine.editions]]
lang = "kk"
script = "latn"
sitemaps = ["https://mine.kz/sitemap-{n}.xml"]
listings = [{ url = "https://mine.kz/news", next = "https://mine.kz/news?start={offset}", step = 20 }]
archives = ["https://mine.kz/archive/{date:%Y-%m-%d}/"]
"""


def _problems(text: str) -> list[str]:
    return schema.problems(tomllib.loads(text))


def test_the_builtin_registry_has_no_problem() -> None:
    text = resources.files("kznews.sites").joinpath("outlets.toml").read_text("utf-8")
    assert schema.problems(tomllib.loads(text)) == []


def test_a_good_entry_of_every_kind_of_start_point_passes() -> None:
    assert _problems(GOOD) == []


@pytest.mark.parametrize(("typo", "wanted"), [("sitemap", "sitemaps"), ("feed", "feeds"), ("listing", "listings")])
def test_a_misspelt_start_point_is_refused_with_the_right_name(typo: str, wanted: str) -> None:
    text = GOOD.replace("sitemaps = ", f"{typo} = ").replace("listings = [", "#").replace("archives = [", "#")
    found = _problems(text)
    assert f'outlets.mine.editions[0].{typo}: unknown key (did you mean "{wanted}"?)' in found
    assert "outlets.mine.editions[0]: no start point (give at least one of feeds, sitemaps, listings, archives)" in found


def test_every_problem_is_reported_at_once() -> None:
    text = GOOD.replace('lang = "kk"', 'lang = "de"').replace("'^/news/\\d+$'", "'(unclosed'").replace(
        'name = "Mine"', 'name = "Mine"\nselector = { headline = "h1" }\nselectors = { teaser = "p", body = "div[" }')
    found = _problems(text)
    assert sorted(line.split(":")[0] for line in found) == sorted([
        "outlets.mine.articles[0]", "outlets.mine.selector", "outlets.mine.selectors.teaser",
        "outlets.mine.selectors.body", "outlets.mine.editions[0].lang", "outlets.mine.editions[0].script"])


@pytest.mark.parametrize(("edit", "path"), [
    (('"mine.kz"', '"https://mine.kz/"'), "outlets.mine.domains[0]"),
    (('{date:%Y-%m-%d}', 'today'), "outlets.mine.editions[0].archives[0]"),
    (('{offset}', '{page}'), "outlets.mine.editions[0].listings[0].next"),
    (('step = 20', 'step = 0'), "outlets.mine.editions[0].listings[0].step"),
    (('domains = ["mine.kz"]', 'domains = []'), "outlets.mine.domains"),
    (('name = "Mine"\n', ''), "outlets.mine"),
])
def test_bad_values_are_named_by_their_path(edit: tuple[str, str], path: str) -> None:
    found = _problems(GOOD.replace(*edit))
    assert [line.split(": ")[0] for line in found] == [path], found


def test_selectors_are_those_extraction_reads() -> None:
    """A selector the registry accepts must be one extraction asks for, or it would be silently ignored."""
    read = {m for path in (REPO / "kznews" / "extract").glob("*.py")
            for m in re.findall(r'selectors\.get\("(\w+)"\)', path.read_text("utf-8"))}
    assert read == set(schema.SELECTORS)


def test_the_registry_header_documents_every_key() -> None:
    header = resources.files("kznews.sites").joinpath("outlets.toml").read_text("utf-8").split("[outlets.", 1)[0]
    keys = ["name", "domains", "domains_history", "articles", "not_articles", "aliases", "story", "selectors", "editions",
            "lang", "script", *schema.START_POINTS, *schema.SELECTORS]
    assert [key for key in keys if not re.search(rf"\b{key}\b", header)] == []


def _kznews(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``kznews ARGS`` as a process started with ``env`` (the registry file is read as the process starts)."""
    return subprocess.run([sys.executable, "-m", "kznews", *args], capture_output=True, text=True, cwd=REPO,
                          env={"PATH": "/usr/bin:/bin", **env}, timeout=60, check=False)


def test_sites_check_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(GOOD.replace("sitemaps", "sitemap").replace('"kk"', '"de"'), "utf-8")
    result = CliRunner().invoke(main, ["sites", "--check", str(mine)])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f'{mine}: outlets.mine.editions[0].lang: expected one of ru, kk, en, got \'de\'',
        f'{mine}: outlets.mine.editions[0].sitemap: unknown key (did you mean "sitemaps"?)',
        f"{mine}: outlets.mine.editions[0].script: only a Kazakh (kk) edition has a script",
        f"Error: {mine}: 3 problems"]
    mine.write_text(GOOD, "utf-8")
    assert CliRunner().invoke(main, ["sites", "--check", str(mine)]).stdout == f"{mine}: ok\n"


def test_a_broken_user_registry_is_one_line_before_any_command(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(GOOD.replace("sitemaps", "sitemap"), "utf-8")
    result = _kznews("stats", env={"KZNEWS_SITES": str(mine)})
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"Error: KZNEWS_SITES={mine}: outlets.mine.editions[0].sitemap: unknown key")
    sites.outlets.cache_clear()


def test_a_not_article_url_the_patterns_take_is_a_problem(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(GOOD.replace("articles = ['^/news/\\d+$']", "articles = ['^/news/\\d+$', '^/[a-z]+/?$']\n"
                                 'not_articles = ["https://mine.kz/news/", "https://mine.kz/news/2/page"]'), "utf-8")
    assert sites.check_registry(mine) == [
        "outlets.mine.not_articles[0]: https://mine.kz/news/ matches the article patterns"]


def test_an_empty_user_registry_is_no_problem(tmp_path: Path) -> None:
    empty = tmp_path / "mine.toml"
    empty.write_text("# my outlets, none yet\n", "utf-8")
    assert sites.check_registry(empty) == []

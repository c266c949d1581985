"""The reading commands' word forms and stories: kznews search --exact, --stories, and what --help says of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kznews.cli import main
from kznews.storage import Archive
from tests.storage.conftest import make_item
from tests.storage.test_stories import _zyte_bodies


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def db(tmp_path: Path) -> str:
    wire, other = _zyte_bodies(2)
    with Archive(tmp_path / "a.db") as archive:
        archive.store([
            make_item("https://kaztag.kz/1", site="kaztag", lang="ru", headline="Тенге укрепился",
                      body="В городе Алматы тенге укрепился. " + wire, published_at="2024-05-01T10:00:00+05:00"),
            make_item("https://inform.kz/1", site="inform", lang="ru", headline="Курс тенге",
                      body="АСТАНА. КАЗИНФОРМ – В городе Алматы тенге укрепился. " + wire,
                      published_at="2024-05-01T11:00:00+05:00"),
            make_item("https://zakon.kz/1", site="zakon", lang="ru", headline="Другая новость про тенге",
                      body="Тенге и город. " + other, published_at="2024-05-02T09:00:00+05:00"),
        ])
    return str(tmp_path / "a.db")


def _urls(output: str) -> list[str]:
    return sorted(json.loads(line)["url"] for line in output.splitlines())


def test_search_finds_forms_unless_exact(db: str) -> None:
    every = ["https://inform.kz/1", "https://kaztag.kz/1", "https://zakon.kz/1"]
    assert _urls(invoke("--db", db, "search", "город", "--format", "json")) == every  # городе
    assert _urls(invoke("--db", db, "search", "город", "--exact", "--format", "json")) == ["https://zakon.kz/1"]
    assert _urls(invoke("--db", db, "search", '"городе"', "--format", "json")) == every[:2]


def test_search_stories_prints_one_line_per_story(db: str) -> None:
    rows = [json.loads(line) for line in invoke("--db", db, "search", "тенге", "--stories", "--format", "json")
            .splitlines()]
    stories = sorted((r["first_publisher"], sorted(r["outlets"].split(",")), r["articles"], r["url"]) for r in rows)
    assert stories == [("kaztag", ["inform", "kaztag"], 2, "https://kaztag.kz/1"),  # the wire copy and its republication
                       ("zakon", ["zakon"], 1, "https://zakon.kz/1")]
    assert len(invoke("--db", db, "search", "тенге", "--stories", "--limit", "1", "--format", "json").splitlines()) == 1


def test_search_help_explains_word_forms_with_examples() -> None:
    text = invoke("search", "--help")
    assert re.search(r"--exact\s", text) and re.search(r"--stories\s", text)
    assert "город finds города" in text and "--exact" in text.split("Examples:")[1]
    assert "--stories" in text.split("Examples:")[1]

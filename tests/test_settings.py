"""kznews/settings.py declares every KZNEWS_* setting the package reads, each with its comment, and the add-on gives
crawlers built without the project's settings the same values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from kznews import settings
from kznews.addons import defaults
from kznews.spiders.news import NewsSpider
from tests.conftest import REPO

# A setting read or set through Scrapy's settings object: settings.get*("KZNEWS_X"), settings["KZNEWS_X"], .set(...)
_READ = re.compile(r"""settings(?:\.(?:get\w*|set)\(|\[)\s*["'](KZNEWS_\w+)["']""")
_ENVIRONMENT_ONLY = {"KZNEWS_SITES"}  # read from os.environ by the registry, never a Scrapy setting


def _read_names() -> set[str]:
    return {m.group(1) for path in (REPO / "kznews").rglob("*.py") for m in _READ.finditer(path.read_text("utf-8"))}


def test_the_package_reads_settings_the_scan_can_see():
    assert {"KZNEWS_BATCH_SIZE", "KZNEWS_HOST_GUARD_ENABLED", "KZNEWS_CHECK_OUT"} <= _read_names()


def test_every_setting_the_package_reads_is_declared_in_settings_py():
    assert _read_names() - _ENVIRONMENT_ONLY - set(defaults()) == set()


def test_every_declared_setting_is_documented_by_the_comment_above_it():
    lines = Path(settings.__file__).read_text("utf-8").splitlines()
    undocumented = [
        name for name in defaults()
        if not any(lines[i - 1].startswith("#") for i, line in enumerate(lines) if re.match(rf"{name}\b", line))
    ]
    assert undocumented == []


@pytest.mark.parametrize("spider", [None, NewsSpider])
def test_a_crawler_built_without_the_project_settings_reads_the_declared_defaults(spider):
    crawler = get_crawler(spider, {"ADDONS": {"kznews.addons.Defaults": 0}}) if spider is None else get_crawler(spider)
    assert {name: crawler.settings[name] for name in defaults()} == defaults()


def test_what_the_caller_sets_wins_over_a_default():
    crawler = get_crawler(NewsSpider, {"KZNEWS_BATCH_SIZE": 7, "KZNEWS_HOST_GUARD_ENABLED": False})
    assert (crawler.settings.getint("KZNEWS_BATCH_SIZE"), crawler.settings.getbool("KZNEWS_HOST_GUARD_ENABLED")) == (
        7, False)

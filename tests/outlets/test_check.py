"""`kznews check` against loopback outlet mirrors: a good mirror passes, a broken one fails by name."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import Result

from kznews import exitcodes
from tests.conftest import FAST
from tests.mirror.outlets import build_outlet
from tests.mirror.server import Override, serve

from .conftest import run_outlet_cli

EMPTY_FEED = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Tengrinews</title></channel></rss>\n'


def test_a_good_mirror_passes_with_every_field_counted() -> None:
    mirror = build_outlet("tengrinews")
    with serve(mirror) as server:  # type: ignore[arg-type]  # duck-typed site
        result = run_outlet_cli("check", "tengrinews", "--mirror", server.base_url, "--articles", "4",
                                "--format", "json", *FAST)
    assert result.returncode == exitcodes.OK, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] and report["problems"] == []
    assert (report["requested"], report["fetched"], report["stored"]) == (4, 4, 4)
    points = {p["url"].removeprefix(server.base_url): p for p in report["start_points"]}
    assert sorted(points) == ["/en-sitemap-index.xml", "/kk-sitemap-index.xml", "/news/", "/rss/",
                              "/sitemap-index.xml"]
    assert all(p["reachable"] and p["status"] == 200 for p in points.values())
    # Counted in the documents whatever the article limit, an index's child sitemap included.
    channels = {"/sitemap-index.xml": "sitemap-ru", "/rss/": "feed", "/news/": "listing",
                "/kk-sitemap-index.xml": "sitemap-kk", "/en-sitemap-index.xml": "sitemap-en"}
    assert {url: p["article_urls"] for url, p in points.items()} == {
        url: len(mirror.channels[c]) for url, c in channels.items()}
    assert {url: p["documents"] for url, p in points.items()} == {
        "/sitemap-index.xml": 2, "/rss/": 1, "/news/": 1, "/kk-sitemap-index.xml": 2, "/en-sitemap-index.xml": 2}
    assert all(report["fields"][name] == 4 for name in ("headline", "published_at", "body", "lang"))
    assert set(report["fields"]) == {"headline", "published_at", "body", "lang", "dateline", "source", "authors"}
    assert report["tickers"]["USD/KZT"] >= 1


def test_an_empty_feed_and_a_missing_sitemap_fail_by_name() -> None:
    overrides = {"/rss/": Override(body=EMPTY_FEED), "/kk-sitemap-index.xml": Override(status=404)}
    with serve(build_outlet("tengrinews"), overrides) as server:  # type: ignore[arg-type]
        result = run_outlet_cli("check", "tengrinews", "--mirror", server.base_url, *FAST)
    assert result.returncode == exitcodes.PARTIAL, result.stdout + result.stderr
    fails = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert fails == [
        f"FAIL start point {server.base_url}/rss/ (feed): no article URLs found",
        f"FAIL start point {server.base_url}/kk-sitemap-index.xml (sitemap): unreachable (HTTP 404)",
    ]
    assert result.stdout.rstrip().endswith("check tengrinews: FAILED (2 problems)")
    assert "Start points" in result.stdout and "Fields" in result.stdout


def test_articles_without_dates_fail_on_published_at() -> None:
    # vlast is found through listings only: no sitemap or feed date stands in for the page's.
    with serve(build_outlet("vlast", undated=True)) as server:  # type: ignore[arg-type]
        result = run_outlet_cli("check", "vlast", "--mirror", server.base_url, "--articles", "3",
                                "--format", "json", *FAST)
    assert result.returncode == exitcodes.PARTIAL, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["problems"] == ["published_at: empty on 3 of 3 articles"]
    assert report["fields"]["published_at"] == 0 and report["fields"]["headline"] == 3


def test_help_has_an_example(cli: Callable[..., Result]) -> None:
    for args in (["check"], ["fixture"], ["fixture", "save"]):
        lines = cli(*args, "--help").output.splitlines()
        example = next(i for i, line in enumerate(lines) if line.strip() in ("Example:", "Examples:"))
        assert lines[example + 1].strip().startswith("kznews check" if args == ["check"] else "kznews fixture save")


@pytest.mark.parametrize(("args", "message"), [
    (["nosuch"], "Error: unknown outlet 'nosuch' (known: "),
    (["kt", "--edition", "zh"], "Error: outlet 'kt' has no edition 'zh'"),
    (["kt", "--mirror", "ftp://127.0.0.1/"], "Error: --mirror: not an http(s) URL: 'ftp://127.0.0.1/'"),
])
def test_bad_input_is_one_line(cli: Callable[..., Result], args: list[str], message: str) -> None:
    result = cli("check", *args)
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and result.output.startswith(message)


@pytest.mark.parametrize("args", [["kt", "--articles", "0"], ["kt", "-s", "DOWNLOAD_DELAY"]])
def test_bad_usage_exits_2(cli: Callable[..., Result], args: list[str]) -> None:
    assert cli("check", *args).exit_code == exitcodes.USAGE

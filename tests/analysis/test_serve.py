"""kznews serve: Datasette over the archive, read-only, with search, facets and canned queries."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from kznews.analysis import series
from kznews.storage import connect_readonly, search
from kznews.storage.folding import fold
from tests.analysis.conftest import REPO

pytest.importorskip("datasette")

WORD = "шекараны"  # Kazakh: "the border" (accusative)
RUN = "from kznews.cli import main; main()"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(generated: Path) -> Iterator[str]:
    """``kznews serve`` on a free port; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", RUN, "--db", str(generated), "serve", "--port", str(port)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"kznews serve did not start: {proc.communicate()[0]}") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def get(base: str, path: str, **params: Any) -> Any:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def expected_hits(db: Path, word: str, *, folded: bool = True) -> set[int]:
    """Articles whose headline, lead or body has ``word`` as a token (both folded as search folds them)."""
    same = fold if folded else str
    with closing(connect_readonly(db)) as conn:
        return {
            row_id for row_id, *texts in conn.execute("SELECT id, headline, lead, body FROM articles")
            if same(word.lower()) in re.findall(r"\w+", " ".join(same(t or "") for t in texts).lower())  # per field
        }


def sql_rows(db: Path, sql: str, **params: Any) -> list[dict[str, Any]]:
    with closing(connect_readonly(db)) as conn:
        cursor = conn.execute(sql, params)
        return [dict(zip([d[0] for d in cursor.description], row)) for row in cursor]


def test_full_text_search_finds_a_kazakh_word(server: str, generated: Path) -> None:
    expected = expected_hits(generated, WORD)
    rows = get(server, "/kznews/articles.json", _search=WORD, _shape="array", _size="max", _col="headline")
    assert expected and {r["id"] for r in rows} == expected


def test_search_is_folded_as_kznews_search_folds(server: str, generated: Path) -> None:
    """Ақтөбе as printed also finds Актобе as typed in Russian, in the search box and the canned query."""
    expected = expected_hits(generated, "Ақтөбе")
    assert len(expected) > len(expected_hits(generated, "Ақтөбе", folded=False)) > 0
    rows = get(server, "/kznews/articles.json", _search="Ақтөбе", _shape="array", _size="max", _col="headline")
    assert {r["id"] for r in rows} == expected
    canned = get(server, "/kznews/search_articles.json", query="Актобе OR шекараны", _shape="array")
    with closing(connect_readonly(generated)) as conn:  # the canned query reads the query as kznews search does
        found = {r["url"] for r in search(conn, "Актобе OR шекараны", limit=1000)}
    wanted = sql_rows(generated, "SELECT id, url FROM articles")
    assert {r["url"] for r in canned} == found > {r["url"] for r in wanted if r["id"] in expected} and len(canned) < 100


def test_canned_queries(server: str, generated: Path) -> None:
    latest = get(server, "/kznews/latest_articles.json", _shape="array")
    assert len(latest) == 100 and latest[0]["published_at"] >= latest[-1]["published_at"]

    site, day = sql_rows(generated, "SELECT site, substr(published_at, 1, 10) AS day FROM articles"
                                    " GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")[0].values()
    outlet_day = get(server, "/kznews/outlet_day.json", site=site, day=day, _shape="array")
    assert [r["url"] for r in outlet_day] == [r["url"] for r in sql_rows(
        generated, "SELECT url FROM articles WHERE site = :site AND published_at LIKE :day || '%'"
                   " ORDER BY published_at", site=site, day=day)]
    assert len(outlet_day) >= 2

    republished = get(server, "/kznews/republications.json", source="казтаг", _shape="array")
    wanted = sql_rows(generated, "SELECT url, source FROM articles WHERE source IS NOT NULL")
    assert {r["url"] for r in republished} == {r["url"] for r in wanted if "казтаг" in r["source"].casefold()}

    told = get(server, "/kznews/stories.json", since="", _shape="array")
    assert told == sql_rows(generated, "SELECT first_published, first_publisher, outlets, sites, articles, headline,"
                                       " first_url FROM story_outlets WHERE outlets > 1"
                                       " ORDER BY outlets DESC, articles DESC, first_published DESC LIMIT 100")

    ticker = get(server, "/kznews/ticker_series.json", pair="usd/kzt", _shape="array", _size="max")
    with closing(connect_readonly(generated)) as conn:
        points = [asdict(p) for p in series.series(conn, "USD/KZT")]
    assert [(r["day"], r["site"], r["value"], r["observations"]) for r in ticker] == [
        (p["day"], p["site"], p["value"], p["observations"]) for p in points]


def test_metadata_and_facets(server: str) -> None:
    metadata = get(server, "/-/metadata.json")
    tables = metadata["databases"]["kznews"]["tables"]
    assert "KZT per 1 unit" in tables["tickers"]["columns"]["value"]
    facets = get(server, "/kznews/articles.json", _size=0)["facet_results"]
    assert set(facets) == {"site", "lang", "source"}
    assert {f["value"] for f in facets["lang"]["results"]} == {"ru", "kk", "en"}


def test_article_history_lists_every_version(server: str, generated: Path) -> None:
    """The view: each article's current text once, and the earlier texts of the edited ones."""
    edited = sql_rows(generated, "SELECT id, versions FROM articles WHERE versions > 1 LIMIT 1")[0]
    rows = get(server, "/kznews/article_history.json", article_id=edited["id"], _shape="array")
    assert sorted(r["current"] for r in rows) == [0] * (edited["versions"] - 1) + [1]
    assert len({r["content_hash"] for r in rows}) == edited["versions"]
    facets = get(server, "/kznews/article_history.json", _size=0)["facet_results"]
    assert {f["value"]: f["count"] for f in facets["current"]["results"]}[1] == len(sql_rows(
        generated, "SELECT id FROM articles"))


def test_archive_is_read_only(server: str) -> None:
    with pytest.raises(urllib.error.HTTPError):
        get(server, "/kznews.json", sql="DELETE FROM articles")


def test_browser_search(server: str, generated: Path, tmp_path: Path,
                        chromium: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """Headless Chromium opens the search the articles page's form submits, and shows the hits."""
    url = f"{server}/kznews/articles?{urllib.parse.urlencode({'_search': WORD, '_size': 'max'})}"
    dom = chromium("--dump-dom", url).stdout
    assert re.search(rf'<input[^>]*name="_search"[^>]*value="{WORD}"', dom)
    expected = expected_hits(generated, WORD)
    assert f"{len(expected)} row" in dom and f'search matches "{WORD}"' in dom
    ids = {int(i) for i in re.findall(r'<td class="col-id[^"]*"[^>]*><a href="/kznews/articles/(\d+)"', dom)}
    assert ids == expected
    shot = tmp_path / "search.png"
    chromium(f"--screenshot={shot}", "--window-size=1280,900", url)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@pytest.mark.parametrize("query", ["", "   "])
def test_the_search_page_without_a_query_is_empty_not_an_error(server: str, query: str) -> None:
    assert get(server, "/kznews/search_articles.json", query=query, _shape="array") == []
    url = f"{server}/kznews/search_articles?{urllib.parse.urlencode({'query': query})}"
    with urllib.request.urlopen(url, timeout=30) as response:
        page = response.read().decode("utf-8")
    assert "syntax error" not in page

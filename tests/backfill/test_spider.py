"""Backfills against the loopback doubles of Common Crawl and the Wayback Machine, in a process of their own."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kznews.cli import main
from tests.conftest import REPO
from tests.distributed.conftest import RedisServer, redis_server  # noqa: F401 (the fixture)
from tests.distributed.helpers import drained, finish, hold_host, release_host_when_joined, stop, writer

from .doubles import Archives, Hit, Snapshot
from .pages import IC24, INFORM, ic24_article, page

KT = "https://www.kt.kz/"
INFORM_CUT = INFORM.replace("a3725092", "a3725093")
INFORM_JSON = INFORM.replace("a3725092", "a3725094")


def _command(db: Path, args: dict[str, Any], base: str, **settings: Any) -> list[str]:
    overrides = {"KZNEWS_CC_INDEX": base, "KZNEWS_CC_DATA": base, "KZNEWS_WAYBACK": base, "KZNEWS_CC_INDEX_DELAY": 0.3,
                 "KZNEWS_WAYBACK_DELAY": 0.5, "KZNEWS_ARCHIVE_BACKOFF": 1, "KZNEWS_EXTRACT_WORKERS": 0, **settings}
    return [sys.executable, "-m", "tests.backfill.run", str(db), json.dumps(args), json.dumps(overrides)]


def _backfill(db: Path, args: dict[str, Any], base: str, **settings: Any) -> dict[str, Any]:
    done = subprocess.run(_command(db, args, base, **settings), cwd=REPO, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def served(request: pytest.FixtureRequest) -> Iterator[tuple[Archives, str]]:
    archives: Archives = request.param()
    base = archives.start()
    yield archives, base
    archives.stop()


def _gaps(hits: list[Hit]) -> list[float]:
    """The times between requests' arrivals, in arrival order."""
    hits = sorted(hits, key=lambda h: h.time)
    return [b.time - a.time for a, b in zip(hits, hits[1:], strict=False)]


def _common_crawl() -> Archives:
    inform, kt = page("inform.kz/article-ru-2020-a3725092.html"), page("kt.kz/homepage-2018-03-21.html")
    return Archives(
        crawls={
            "CC-MAIN-2018-13": [
                Snapshot(KT, "20180321101500", kt, content_type="text/html"),
                Snapshot(KT, "20180321180000", kt, content_type="text/html"),  # same day, same digest: once
                Snapshot("https://www.kt.kz/static/logo.png", "20180321101501", b"\x89PNG", content_type="image/png"),
            ],
            "CC-MAIN-2020-50": [
                Snapshot(INFORM, "20201201120000", inform),
                Snapshot(INFORM_CUT, "20201202120000", inform),  # served cut short
                Snapshot(INFORM_JSON, "20201203120000", b'{"error": 1}', content_type="application/json",
                         index_mime="text/html"),  # listed as HTML, served as JSON
                Snapshot("https://www.inform.kz/ru/search?q=1", "20201201130000", inform),  # neither article nor listing
            ],
            "CC-MAIN-2021-04": [Snapshot(INFORM, "20210120000000", inform)],  # the same payload again: not refetched
            "CC-MAIN-2024-18": [Snapshot(INFORM, "20240420000000", inform + b" ")],  # after --until: never asked
        },
        faults={"/collinfo.json": [(429, {"Retry-After": "1"}, b"")], "/crawl-data/": [(503, {}, b"Slow Down")]},
        truncated={INFORM_CUT},
        index_delay=0.2,
    )


@pytest.mark.parametrize("served", [_common_crawl], indirect=True)
def test_a_common_crawl_backfill_archives_its_captures_record_by_record(
    served: tuple[Archives, str], tmp_path: Path
) -> None:
    archives, base = served
    db = tmp_path / "a.db"
    summary = _backfill(db, {"site": "kt,inform,sputnik", "source": "commoncrawl", "since": "2018-01-01",
                             "until": "2021-12-31"}, base)
    assert summary["outcome"] == "finished" and summary["exit_code"] == 0
    conn = sqlite3.connect(db)
    article = conn.execute("SELECT url, published_at, fetched_at, json_extract(provenance, '$.origin'),"
                           " json_extract(provenance, '$.capture') FROM articles").fetchall()
    assert [a[:4] for a in article] == [(INFORM, "2020-12-01T14:02:00+06:00", "2020-12-01T12:00:00+00:00", "commoncrawl")]
    assert "crawl=CC-MAIN-2020-50" in article[0][4] and "filename=crawl-data/CC-MAIN-2020-50/" in article[0][4]
    # the homepage's ticker is the rates of the capture's day
    assert ("USD/KZT", 320.34, "2018-03-21T10:15:00+00:00") in conn.execute(
        "SELECT pair, value, observed_at FROM tickers").fetchall()
    assert sorted(conn.execute("SELECT url, origin, captured_at FROM captures")) == [
        (INFORM, "commoncrawl", "2020-12-01T12:00:00+00:00"), (KT, "commoncrawl", "2018-03-21T10:15:00+00:00")]
    args, stats = (json.loads(v) for v in conn.execute("SELECT args, stats FROM runs").fetchone())
    assert (stats["kznews/backfill/bad_records"], stats["kznews/backfill/not_html"]) == (1, 1)
    # the run row says which archive and which capture window; `kznews stats` shows them
    assert (args["archive"], args["since"], args["until"]) == ("commoncrawl", "2018-01-01", "2021-12-31")
    shown = CliRunner().invoke(main, ["--db", str(db), "stats"], catch_exceptions=False)
    assert "kt inform sputnik from commoncrawl 2018-01-01..2021-12-31" in shown.output.split("Last runs")[1]

    data = [h for h in archives.hits if h.path.startswith("/crawl-data/")]
    assert all(h.range for h in data)  # never a whole file
    fetched = [h for h in data if h.status == 206]
    records = {(r.filename, r.offset): r for r in archives.records}
    lengths = [records["/".join(h.path.split("/")[1:]), int(h.range[len("bytes="):].split("-")[0])].length
               for h in fetched]
    assert sum(h.sent for h in fetched) <= sum(lengths)  # a cut record sent less
    assert len(fetched) == 4  # kt homepage, inform, the cut one, the JSON one
    index = [h for h in archives.hits if h.path.endswith("-index")]
    assert not any("2024" in h.path for h in index)
    assert {h.query["url"] for h in index} >= {"sputniknews.kz", "sputnik.kz"}  # a former domain too (404: none)
    # politeness: the index one request at a time, KZNEWS_CC_INDEX_DELAY apart; the 429's Retry-After and
    # the 503's backoff (no Retry-After) waited for
    index_slot = [h for h in archives.hits if h.path == "/collinfo.json" or h.path.endswith("-index")]
    assert min(_gaps(index_slot)) >= 0.29
    assert _gaps(index_slot)[0] >= 0.99
    assert _gaps(data)[0] >= 0.99


def _wayback() -> Archives:
    earlier = ic24_article().replace("собственная ассоциация</h1>".encode(), "ассоциация</h1>".encode())
    return Archives(
        wayback=[Snapshot(IC24, "20190420063000", earlier), Snapshot(IC24, "20240417063000", ic24_article()),
                 Snapshot(IC24, "20240418063000", ic24_article())],  # the same digest again: collapsed
        faults={"/cdx/search/cdx": [(429, {"Retry-After": "1"}, b"")], "/web/": [(503, {}, b"")]},
    )


@pytest.mark.parametrize("served", [_wayback], indirect=True)
def test_a_wayback_backfill_reads_each_capture_against_its_own_time(
    served: tuple[Archives, str], tmp_path: Path
) -> None:
    archives, base = served
    db = tmp_path / "a.db"
    summary = _backfill(db, {"site": "ic24", "source": "wayback"}, base)
    assert summary["exit_code"] == 0
    conn = sqlite3.connect(db)
    # "Алматы. 16 апреля." has no year: each capture's own year, versions in capture order
    assert conn.execute("SELECT published_at, fetched_at, current FROM article_history ORDER BY fetched_at").fetchall() == [
        ("2019-04-16T00:00:00+06:00", "2019-04-20T06:30:00+00:00", 0),
        ("2024-04-16T00:00:00+05:00", "2024-04-17T06:30:00+00:00", 1)]
    assert conn.execute("SELECT json_extract(provenance, '$.capture') FROM articles").fetchone() == (
        "wayback timestamp=20240417063000 digest=" + next(
            row[5] for row in json.loads(archives._wayback_cdx({"url": "ic24.kz"})[2])[1:] if row[1] == "20240417063000"),)
    playbacks = [h for h in archives.hits if h.path.startswith("/web/")]
    assert len([h for h in playbacks if h.status == 200]) == 2
    slot = [h for h in archives.hits if h.path.startswith(("/web/", "/cdx/"))]
    assert min(_gaps(slot)) >= 0.49
    assert _gaps(slot)[0] >= 0.99  # the CDX search's 429: Retry-After 1


def _ic24_stories(n: int) -> list[Snapshot]:
    """``n`` ic24.kz articles (one real page, a byte apart) captured a day apart."""
    body = ic24_article()
    return [Snapshot(IC24.replace("u45694", f"u4569{i}"), f"2024041{i}063000", body + b" " * i) for i in range(n)]


def _paged() -> Archives:
    # pages of 3 captures: [0 1 2] [3 4 5] [6]; 2 rows a query, so page 0 ends with a resumption key; page 1 cut short
    return Archives(wayback=_ic24_stories(7), wayback_page_size=3, wayback_max_rows=2, broken_pages={1})


def _played(hits: list[Hit]) -> list[str]:
    """The captures the Wayback Machine played back (their original URLs)."""
    return [h.path.partition("id_/")[2] for h in hits if h.path.startswith("/web/") and h.status == 200]


@pytest.mark.parametrize("served", [_paged], indirect=True)
def test_a_wayback_search_over_several_pages_is_read_to_its_end_and_a_cut_page_is_read_again_next_time(
    served: tuple[Archives, str], tmp_path: Path
) -> None:
    archives, base = served
    db = tmp_path / "a.db"
    urls = [s.url for s in archives.wayback]
    summary = _backfill(db, {"site": "ic24", "source": "wayback"}, base, KZNEWS_WAYBACK_DELAY=0.05)
    assert summary["exit_code"] == 0  # a bad index answer is counted, not fatal
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("SELECT url FROM articles")} == {urls[i] for i in (0, 1, 2, 6)}
    stats = json.loads(conn.execute("SELECT stats FROM runs").fetchone()[0])
    assert (stats["kznews/backfill/bad_index_lines"], stats["kznews/backfill/index_resumed"]) == (1, 1)
    searches = [h.query for h in archives.hits if h.path == "/cdx/search/cdx"]
    assert sorted((q.get("page", "n"), "resumeKey" in q) for q in searches) == [
        ("0", False), ("0", True), ("1", False), ("2", False), ("n", False)]
    assert sorted(_played(archives.hits)) == sorted(urls[i] for i in (0, 1, 2, 6))

    archives.broken_pages.clear()  # the page answers whole: run again, only its captures are fetched
    before = len(archives.hits)
    assert _backfill(db, {"site": "ic24", "source": "wayback"}, base, KZNEWS_WAYBACK_DELAY=0.05)["exit_code"] == 0
    assert sorted(_played(archives.hits[before:])) == urls[3:6]
    assert {r[0] for r in conn.execute("SELECT url FROM articles")} == set(urls)


def _many() -> Archives:
    inform = page("inform.kz/article-ru-2020-a3725092.html")
    return Archives(crawls={"CC-MAIN-2020-50": [
        Snapshot(INFORM.replace("a3725092", f"a372509{i}"), f"2020120{i}120000", inform) for i in range(1, 8)]},
        record_delay=0.4, page_size=10)


def _many_on_pages() -> Archives:
    return Archives(wayback=_ic24_stories(7), wayback_page_size=3, wayback_max_rows=2, record_delay=0.4)


def _fetched(archives: Archives, hits: list[Hit]) -> set[str]:
    """The captures fetched in ``hits``: Common Crawl's records by their byte range, the Wayback Machine's playbacks."""
    where = {(r.filename, r.offset): r.snapshot.url for r in archives.records}
    return {where["/".join(h.path.split("/")[1:]), int(h.range[len("bytes="):].split("-")[0])]
            for h in hits if h.path.startswith("/crawl-data/") and h.range} | set(_played(hits))


@pytest.mark.parametrize(("served", "source"), [(_many, "commoncrawl"), (_many_on_pages, "wayback")],
                         indirect=["served"])
def test_a_killed_backfill_run_again_fetches_only_what_it_had_not_archived(
    served: tuple[Archives, str], source: str, tmp_path: Path
) -> None:
    archives, base = served
    db = tmp_path / "a.db"
    args = {"site": "inform" if source == "commoncrawl" else "ic24", "source": source}
    settings = {"KZNEWS_BATCH_SIZE": 1, "KZNEWS_CC_DATA_CONCURRENCY": 1, "KZNEWS_WAYBACK_DELAY": 0.05}
    process = subprocess.Popen(_command(db, args, base, **settings), cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    archived: list[str] = []
    while time.monotonic() < deadline and len(archived) < 3:
        time.sleep(0.1)
        if db.exists():
            try:
                archived = [r[0] for r in sqlite3.connect(db).execute("SELECT url FROM captures")]
            except sqlite3.OperationalError:
                pass  # not created yet
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    archived = [r[0] for r in sqlite3.connect(db).execute("SELECT url FROM captures")]
    assert 3 <= len(archived) < 7
    before = len(archives.hits)
    _backfill(db, args, base, **settings)
    all_urls = {r.snapshot.url for r in archives.records} | {s.url for s in archives.wayback}
    assert _fetched(archives, archives.hits[before:]) == all_urls - set(archived)
    assert {r[0] for r in sqlite3.connect(db).execute("SELECT url FROM articles")} == all_urls


def _shared() -> Archives:
    inform = page("inform.kz/article-ru-2020-a3725092.html")
    return Archives(crawls={
        "CC-MAIN-2020-50": [Snapshot(INFORM.replace("a3725092", f"a372509{i}"), f"2020120{i}120000", inform)
                            for i in range(1, 7)],
        "CC-MAIN-2021-04": [Snapshot(INFORM.replace("a3725092", f"a372510{i}"), f"2021012{i}120000", inform)
                            for i in range(1, 5)]},
        record_delay=0.1, page_size=3)


def _worker(redis_url: str, db: Path, base: str, max_articles: int) -> subprocess.Popen:
    """``kznews backfill inform --from commoncrawl --max-articles N --redis URL``: one worker of a shared backfill."""
    settings = {"KZNEWS_CC_INDEX": base, "KZNEWS_CC_DATA": base, "KZNEWS_CC_INDEX_DELAY": 0.05, "DOWNLOAD_DELAY": 0,
                "AUTOTHROTTLE_ENABLED": False, "KZNEWS_REDIS_WORKER_TIMEOUT": 5, "KZNEWS_EXTRACT_WORKERS": 0}
    command = [sys.executable, "-m", "kznews", "--db", str(db), "backfill", "inform", "--from", "commoncrawl",
               "--max-articles", str(max_articles), "--redis", redis_url, *(x for name, value in settings.items() for x in ("-s", f"{name}={value}"))]
    env = {k: v for k, v in os.environ.items() if k not in ("KZNEWS_DB", "KZNEWS_REDIS_URL")}
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow  # a shared run of worker processes: `pytest -m slow tests/backfill`
@pytest.mark.parametrize("served", [_shared], indirect=True)
def test_two_workers_of_a_shared_backfill_fetch_each_record_once_within_the_runs_article_limit(
    served: tuple[Archives, str], tmp_path: Path, redis_server: RedisServer  # noqa: F811 (the fixture)
) -> None:
    archives, base = served
    db = tmp_path / "a.db"
    store = writer(redis_server.url, db)
    hold_host(redis_server.client())  # both workers join before either fetches
    workers = [_worker(redis_server.url, db, base, max_articles=8) for _ in range(2)]  # of 10 captures
    release_host_when_joined(redis_server.client(), 2)
    results = [finish(w) for w in workers]
    drained(redis_server.client(), db)
    code, _, err = stop(store)
    assert [r[0] for r in results] == [0, 0], [r[2][-2000:] for r in results]
    assert code == 0, err[-2000:]
    fetched = [(h.path, h.range) for h in archives.hits if h.path.startswith("/crawl-data/") and h.status == 206]
    assert len(fetched) == len(set(fetched)) == 8  # each record once, 8 for the whole run (not 10, not 16)
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("SELECT url FROM articles")} == _fetched(archives, archives.hits)
    (args, stats), = conn.execute("SELECT args, stats FROM runs").fetchall()  # one shared run
    assert json.loads(args)["archive"] == "commoncrawl"
    workers_stats = json.loads(stats)["workers"]
    assert len(workers_stats) == 2 and all(w["pages"] for w in workers_stats.values())  # both took part

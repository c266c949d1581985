"""Re-extraction: kept raw pages extracted again, in worker processes or in this one, stored in batches."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kznews import exitcodes
from kznews.items import DiscoveryHint, PageItem
from kznews.reextract import IN_FLIGHT_PER_WORKER, extract_again, in_workers, reextract
from kznews.sites import adhoc, for_url
from kznews.storage import Archive
from kznews.storage.indexing import derive
from kznews.storage.schema import register_functions
from tests.conftest import SHARED

INFORM_URL = "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"
NUR_URL = "https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd-tenge-hoteli-neratsionalno-potratit-na-borbu-s-pavodkami-v-kazahstane/"


def _page(url: str, body: bytes) -> PageItem:
    return PageItem(url=url, status=200, headers={"Content-Type": ["text/html; charset=utf-8"]}, body=body,
                    fetched_at="2024-04-18T09:00:00+00:00", site=None, edition="ru", kind="page")


def _archive(path: Path, *, broken: bool = False) -> Path:
    """An archive of two real article pages stored raw (no record yet), and a broken page if asked."""
    pages = [_page(INFORM_URL, (SHARED / "pages/inform.kz/article-ru-2020-a3725092.html").read_bytes()),
             _page(NUR_URL, (SHARED / "pages/nur.kz/DERIVED-article-2024-04-18.html").read_bytes())]
    if broken:
        pages.insert(1, _page("https://www.inform.kz/ru/broken_a1", b"<html"))
    with Archive(path) as archive:
        archive.store(pages)
    return path


def _articles(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT url, headline, published_at, body, page_id FROM articles ORDER BY url").fetchall()


@pytest.mark.parametrize("workers", [0, 2])
def test_reextract_stores_what_each_page_says(tmp_path: Path, workers: int) -> None:
    db = _archive(tmp_path / "a.db")
    with Archive(db) as archive:
        tally = reextract(archive, workers=workers, batch_size=1)  # one batch per page: batches add up
    assert (tally.pages, tally.changed, tally.errors) == (2, 2, [])
    rows = _articles(db)
    assert [r[0] for r in rows] == sorted([INFORM_URL, NUR_URL])
    assert rows[0][2] == "2020-12-01T14:02:00+06:00"  # the inform page's own time
    assert all(r[1] and len(r[3]) > 200 for r in rows)


def test_workers_and_this_process_store_the_same(tmp_path: Path) -> None:
    here, there = _archive(tmp_path / "here.db"), _archive(tmp_path / "there.db")
    with Archive(here) as archive:
        reextract(archive, workers=0)
    with Archive(there) as archive:
        reextract(archive, workers=2)
    assert _articles(here) == _articles(there)


def test_a_second_run_changes_nothing_and_a_damaged_row_is_restored(tmp_path: Path) -> None:
    db = _archive(tmp_path / "a.db")
    with Archive(db) as archive:
        reextract(archive, workers=0)
    good = _articles(db)
    conn = sqlite3.connect(db)
    register_functions(conn)  # the folded index's update trigger runs on this update
    conn.execute("UPDATE articles SET body = 'damaged', content_hash = 'x' WHERE url = ?", (NUR_URL,))
    conn.commit()
    conn.close()
    with Archive(db) as archive:
        tally = reextract(archive, workers=1)
    assert (tally.pages, tally.changed) == (2, 1)
    assert _articles(db) == good
    with Archive(db) as archive:
        assert reextract(archive, workers=0).changed == 0


def test_the_discovery_hint_is_used_again(tmp_path: Path) -> None:
    """A page whose only date was its sitemap entry keeps that date when re-extracted, as the crawl read it."""
    html = ("<html><body><h1>Ақтөбеде жаңа көпір ашылды</h1>"
            + "<p>Ақтөбе облысында жаңа көпір пайдалануға берілді, деп хабарлайды облыс әкімдігі.</p>" * 8
            + "</body></html>").encode()
    page = _page("https://kaz.example/news/kopir", html)
    page.hint = DiscoveryHint(source="sitemap", published="2024-04-18T10:00:00+05:00")
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        archive.store([page])
        reextract(archive, workers=0)
    with sqlite3.connect(db) as conn:
        found = conn.execute("SELECT published_at, json_extract(provenance, '$.published_at') FROM articles").fetchone()
    assert found == ("2024-04-18T10:00:00+05:00", "hint")


def test_a_page_that_fails_is_reported_and_the_others_stored(tmp_path: Path) -> None:
    db = _archive(tmp_path / "a.db", broken=True)
    heard: list[str] = []
    with Archive(db) as archive:
        tally = reextract(archive, workers=2, on_error=heard.append)
    assert tally.pages == 3 and tally.changed == 2
    assert heard == tally.errors and len(heard) == 1
    assert heard[0].startswith("https://www.inform.kz/ru/broken_a1: ")
    assert [r[0] for r in _articles(db)] == sorted([INFORM_URL, NUR_URL])


def test_progress_is_heard_after_every_page(tmp_path: Path) -> None:
    db = _archive(tmp_path / "a.db", broken=True)
    heard: list[tuple[int, int, int]] = []
    with Archive(db) as archive:
        reextract(archive, workers=0, batch_size=2,
                  on_progress=lambda t: heard.append((t.pages, t.changed, len(t.errors))))
    assert heard == [(1, 0, 0), (2, 0, 1), (3, 2, 1)]  # the broken page second; the batch of two stored third


def test_pages_are_read_a_bounded_window_ahead(tmp_path: Path) -> None:
    """Memory stays flat: the reader is never more than the window ahead of what is stored."""
    read = 0
    page = _page(INFORM_URL, b"<html><body><p>x</p></body></html>")

    def pages():
        nonlocal read
        for n in range(60):
            read += 1
            yield n, page, adhoc(INFORM_URL)

    ahead = []
    for n, (page_id, _) in enumerate(in_workers(pages(), 2, extract_again)):
        assert page_id == n  # in page order
        ahead.append(read - n)
    assert max(ahead) <= 2 * IN_FLIGHT_PER_WORKER


def test_a_worker_that_dies_fails_the_pages_in_flight_and_new_workers_go_on() -> None:
    page = _page(INFORM_URL, (SHARED / "pages/inform.kz/article-ru-2020-a3725092.html").read_bytes())
    outlet = for_url(INFORM_URL)

    def pages():
        for n in range(40):
            if n == 20:  # the workers are busy with pages 4..19: kill them
                workers = _workers(os.getpid())
                assert workers
                for pid in workers:
                    os.kill(pid, signal.SIGKILL)
            yield n, page, outlet

    results = list(in_workers(pages(), 2, extract_again))
    assert [page_id for page_id, _ in results] == list(range(40))  # every page answered, in order
    failed = [page_id for page_id, found in results if isinstance(found, str)]
    assert failed and max(failed) < 20 + 2 * IN_FLIGHT_PER_WORKER
    assert all("an extraction worker died" in found for _, found in results if isinstance(found, str))
    assert not isinstance(results[-1][1], str) and results[-1][1].article.published_at == "2020-12-01T14:02:00+06:00"


def _workers(pid: int) -> list[int]:
    """The spawned worker processes of ``pid`` (not multiprocessing's resource tracker, not ``ps``)."""
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    workers = []
    for child in map(int, out.split()):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                workers.append(child)
        except FileNotFoundError:  # ps itself, gone
            continue
    return workers


def test_cli_reports_a_failed_page_and_exits_partial(tmp_path: Path, kznews) -> None:
    db = _archive(tmp_path / "a.db", broken=True)
    result = kznews("reextract", "--workers", "1", db=db)
    assert result.returncode == exitcodes.PARTIAL, result.stderr
    assert result.stdout.strip() == "reextract: 3 pages, 2 articles changed, 1 errors"
    assert result.stderr.startswith("https://www.inform.kz/ru/broken_a1: ")


def test_the_search_index_is_derived_beside_extraction_and_is_the_writers() -> None:
    """extract_again carries the article's search index (derived in the worker), the very one the writer would
    derive from the stored text; the writer then only files it."""
    item = _page(INFORM_URL, (SHARED / "pages/inform.kz/article-ru-2020-a3725092.html").read_bytes())
    record = extract_again(item, for_url(INFORM_URL))
    assert not isinstance(record, str) and record.article is not None and record.index is not None
    article = record.article
    assert record.index == derive(article.lang, article.headline, article.lead, article.body)
    assert record.index.forms  # the words and their keys, what the writer files in word_forms

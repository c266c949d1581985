"""Takedowns as the archive keeps them: a removal needs two definite answers in a row, a return restores it, a later
removal starts over, and nothing the archive holds of the article changes."""

from __future__ import annotations

import sqlite3

import pytest

from kznews.storage import Archive
from kznews.storage.removals import Check
from tests.storage.conftest import make_item

URL = "https://kaz.example/news/1"


def _at(n: int) -> str:
    return f"2024-05-0{n}T06:00:00+00:00"


def _gone(article_id: int, n: int, status: int = 404) -> Check:
    return Check(article_id, _at(n), gone=True, status=status, final_url=URL, reason="status",
                 evidence=f"HTTP {status}")


def _there(article_id: int, n: int) -> Check:
    return Check(article_id, _at(n), gone=False, status=200, final_url=URL)


@pytest.fixture
def stored(archive: Archive) -> tuple[Archive, int, int]:
    run = archive.start_run("recheck", {})
    archive.store([make_item(URL, headline="Әкім отставкаға кетті", body="Облыс әкімі бүгін отставкаға кетті.")])
    article_id = archive._conn.execute("SELECT id FROM articles WHERE url = ?", (URL,)).fetchone()[0]
    return archive, article_id, run


def _episodes(conn: sqlite3.Connection) -> list[tuple[str | None, ...]]:
    return conn.execute("SELECT removed_at, confirmed_at, last_seen_gone_at, restored_at FROM removals ORDER BY id").fetchall()


def test_one_gone_answer_is_only_suspected_and_a_second_confirms_it_from_the_first(stored) -> None:
    archive, article_id, run = stored
    assert archive.record_checks([_gone(article_id, 1)], run) == {"suspected": 1}
    assert archive._conn.execute("SELECT count(*) FROM takedowns").fetchone() == (0,)
    assert archive.record_checks([_gone(article_id, 2, status=410)], run) == {"removed": 1}
    assert archive.record_checks([_gone(article_id, 3)], run) == {"still_removed": 1}
    assert _episodes(archive._conn) == [(_at(1), _at(2), _at(3), None)]
    # the evidence is the first answer's: the time it was first seen, its status and URL
    assert archive._conn.execute("SELECT url, removed_at, status, evidence FROM takedowns").fetchall() == [
        (URL, _at(1), 404, "HTTP 404")]


def test_an_article_seen_again_before_confirmation_was_never_removed(stored) -> None:
    archive, article_id, run = stored
    archive.record_checks([_gone(article_id, 1)], run)
    assert archive.record_checks([_there(article_id, 2)], run) == {"cleared": 1}
    assert archive.record_checks([_gone(article_id, 3)], run) == {"suspected": 1}  # not a second one in a row
    assert archive._conn.execute("SELECT count(*) FROM takedowns").fetchone() == (0,)


def test_a_removed_article_that_comes_back_is_restored_and_a_later_removal_starts_over(stored) -> None:
    archive, article_id, run = stored
    archive.record_checks([_gone(article_id, 1), _gone(article_id, 2)], run)
    assert archive.record_checks([_there(article_id, 3)], run) == {"restored": 1}
    assert archive.record_checks([_there(article_id, 4)], run) == {"present": 1}
    assert archive.record_checks([_gone(article_id, 5)], run) == {"suspected": 1}
    assert archive.record_checks([_gone(article_id, 6)], run) == {"removed": 1}
    assert _episodes(archive._conn) == [(_at(1), _at(2), _at(2), _at(3)), (_at(5), _at(6), _at(6), None)]


def test_checks_apply_in_the_order_they_were_made(stored) -> None:
    archive, article_id, run = stored
    assert archive.record_checks([_gone(article_id, 2), _there(article_id, 3), _gone(article_id, 1)], run) == {
        "suspected": 1, "removed": 1, "restored": 1}


def test_a_takedown_changes_nothing_the_archive_holds_of_the_article(stored) -> None:
    archive, article_id, run = stored
    conn = archive._conn
    before = [conn.execute(f"SELECT * FROM {t}").fetchall() for t in ("articles", "article_versions", "pages")]
    archive.record_checks([_gone(article_id, 1), _gone(article_id, 2)], run)
    assert [conn.execute(f"SELECT * FROM {t}").fetchall() for t in ("articles", "article_versions", "pages")] == before


def test_a_failed_batch_of_checks_is_not_half_recorded(stored) -> None:
    archive, article_id, run = stored
    with pytest.raises(sqlite3.IntegrityError):  # no such article: the foreign key refuses the second check
        archive.record_checks([_gone(article_id, 1), _gone(article_id + 99, 1)], run)
    assert _episodes(archive._conn) == []

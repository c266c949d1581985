"""ArticleFilter: one outlet/language/date window, the same for search, export and report."""

from __future__ import annotations

import pytest

from kznews.analysis import export, report
from kznews.storage import ArticleFilter, QueryError, connect_readonly, search

from .conftest import make_item

DAYS = ("2024-04-30T23:30:00+05:00", "2024-05-01T09:00:00+05:00", "2024-05-02T18:00:00+05:00", None)


@pytest.fixture
def reader(archive, db_path):
    for i, day in enumerate(DAYS):
        site, lang = ("tengrinews", "ru") if i % 2 else ("inform", "kk")
        archive.store([make_item(f"https://kaz.example/news/{i}", site=site, lang=lang, published_at=day,
                                 headline=f"Тоқаев {i}", body=f"Тоқаев сөз сөйледі {i}.")])
    archive.close()
    conn = connect_readonly(str(db_path))
    export.prepare(conn)
    yield conn
    conn.close()


@pytest.mark.parametrize("window, expected", [
    (ArticleFilter(), {0, 1, 2, 3}),
    (ArticleFilter(since="2024-05-01"), {1, 2, 3}),  # the undated one by its fetch day (2024-05-01)
    (ArticleFilter(until="2024-05-01"), {0, 1, 3}),
    (ArticleFilter(since="2024-05-01", until="2024-05-01"), {1, 3}),
    (ArticleFilter(since="2024-05-01T10"), {2}),  # a datetime bound compares to its own precision
    (ArticleFilter(site="inform"), {0, 2}),
    (ArticleFilter(site="tengrinews", lang="ru", until="2024-05-01"), {1, 3}),
])
def test_search_and_export_take_the_same_articles(reader, window, expected):
    urls = {f"https://kaz.example/news/{i}" for i in expected}
    found = search(reader, "Тоқаев", site=window.site, lang=window.lang, since=window.since, until=window.until,
                   limit=10)
    exported = export.iter_articles(reader, export.Filters(**window.params()))
    assert {r["url"] for r in found} == urls
    assert {r["url"] for r in exported} == urls


@pytest.mark.parametrize("window, n", [(ArticleFilter(site="inform", since="2024-05-01"), 1),
                                       (ArticleFilter(until="2024-05-01"), 3), (ArticleFilter(), 4)])
def test_the_report_counts_the_same_articles(reader, window, n):
    assert f" · {n} articles in " in report.render(reader, window, "archive.db")


@pytest.mark.parametrize("since, until, message", [
    ("2024-05-02", "2024-05-01", "--since 2024-05-02 is after --until 2024-05-01"),
    ("2024-13-01", None, "--since must be an ISO date"),
    (None, "yesterday", "--until must be an ISO date"),
])
def test_a_bad_window_is_a_query_error(since, until, message):
    with pytest.raises(QueryError, match=message):
        ArticleFilter(since=since, until=until)


@pytest.mark.parametrize("window", [
    ArticleFilter(), ArticleFilter(since="2024-05-01"), ArticleFilter(until="2024-05-01"),
    ArticleFilter(since="2024-05-01", until="2024-05-01"), ArticleFilter(since="2024-05-01T10"),
    ArticleFilter(until="2024-05-01T09:00"),
])
def test_holds_is_the_rule_of_where(reader, window):
    """``holds`` (used where the compared time is computed in Python, as a ticker's Almaty day) agrees with SQL."""
    rows = reader.execute(f"SELECT url, coalesce(published_at, fetched_at) FROM articles a WHERE {window.where()}",
                          window.params()).fetchall()
    every = reader.execute("SELECT url, coalesce(published_at, fetched_at) FROM articles").fetchall()
    assert {url for url, _ in rows} == {url for url, moment in every if window.holds(moment)}

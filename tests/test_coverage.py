"""Coverage alerts from the runs table: quiet outlets and error-prone ones."""

from __future__ import annotations

import sqlite3

from kznews.coverage import alerts
from kznews.storage import Archive


def archive_with_runs(tmp_path, runs: list[dict[str, dict[str, int]]]) -> sqlite3.Connection:
    """An archive whose runs (oldest first) crawled the given outlets with these figures."""
    db = tmp_path / "c.db"
    with Archive(db) as archive:
        for per_site in runs:
            run = archive.start_run("harvest", {"sites": sorted(per_site)})
            stats = {
                f"kznews/site/{site}/{key}": value
                for site, figures in per_site.items()
                for key, value in figures.items()
            }
            archive.finish_run(run, "finished", stats)
    return sqlite3.connect(db)


def test_an_outlet_quiet_for_n_runs_is_flagged(tmp_path):
    conn = archive_with_runs(tmp_path, [
        {"a": {"pages": 5, "new_articles": 3}, "b": {"pages": 5, "new_articles": 1}},
        {"a": {"pages": 5}, "b": {"pages": 5, "new_articles": 2}},
        {"a": {"pages": 5}, "b": {"pages": 5}},
    ])
    found = alerts(conn, stale_runs=2)
    assert [(a.site, a.kind) for a in found] == [("a", "stale")]
    assert found[0].message == "a: no new articles in its last 2 runs"


def test_too_few_runs_are_not_yet_stale(tmp_path):
    conn = archive_with_runs(tmp_path, [{"a": {"pages": 5}}])
    assert alerts(conn, stale_runs=2) == []


def test_an_error_rate_over_the_threshold_is_flagged(tmp_path):
    conn = archive_with_runs(tmp_path, [
        {"a": {"pages": 6, "failed_requests": 4, "new_articles": 6}},
    ])
    (alert,) = alerts(conn, max_error_rate=0.2)
    assert alert.kind == "errors"
    assert alert.message == "a: 4 of 10 requests failed in its last run (over 20%)"
    assert alerts(conn, max_error_rate=0.5) == []


def test_alerts_can_be_limited_to_some_outlets(tmp_path):
    conn = archive_with_runs(tmp_path, [{"a": {"pages": 1}, "b": {"pages": 1}}] * 3)
    assert {a.site for a in alerts(conn, sites=["b"])} == {"b"}

"""`kznews backfill` and `kznews import` from the command line, against the loopback archive doubles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kznews import exitcodes
from kznews.cli import main
from kznews.storage import Archive
from tests.backfill.doubles import Archives, Snapshot, _warc
from tests.backfill.pages import IC24, INFORM, ic24_article, page
from tests.conftest import FAST, run_kznews


def _invoke(*args: str) -> Result:
    """``kznews ARGS`` in this process: for what runs no crawl (Scrapy's reactor runs once per process)."""
    return CliRunner().invoke(main, list(args))


def test_backfill_from_the_wayback_machine_then_stats_show_the_captures(tmp_path: Path) -> None:
    archives = Archives(wayback=[Snapshot(IC24, "20240417063000", ic24_article())])
    base = archives.start()
    try:
        db = tmp_path / "a.db"
        done = run_kznews("backfill", "ic24", "--from", "wayback", "--since", "2024-01-01", "-s", f"KZNEWS_WAYBACK={base}",
                          "-s", "KZNEWS_WAYBACK_DELAY=0.1", *FAST, db=db)
        assert done.returncode == exitcodes.OK, done.stderr
        assert "backfill ic24 from wayback: finished" in done.stdout and "1 fetched" in done.stdout
        assert sqlite3.connect(db).execute("SELECT command, outcome FROM runs").fetchall() == [("backfill", "finished")]
        stats = _invoke("--db", str(db), "stats")
        assert "Captures by source" in stats.stdout and "wayback" in stats.stdout
        again = run_kznews("backfill", "ic24", "--from", "wayback", "-s", f"KZNEWS_WAYBACK={base}",
                           "-s", "KZNEWS_WAYBACK_DELAY=0.1", *FAST, db=db)
        assert again.returncode == exitcodes.OK and "1 already archived, 0 fetched" in again.stdout
    finally:
        archives.stop()


@pytest.mark.slow  # a process per bad input; tests/cli/test_error_matrix.py holds backfill's rows in CI
def test_backfill_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    unknown = run_kznews("backfill", "nosuch", "--from", "commoncrawl", db=db)
    assert unknown.returncode == exitcodes.ERROR and unknown.stderr.count("\n") == 1 and "nosuch" in unknown.stderr
    window = run_kznews("backfill", "inform", "--from", "wayback", "--since", "2020-02-01", "--until", "2020-01-01", db=db)
    assert window.returncode != exitcodes.OK and "Traceback" not in window.stderr
    source = run_kznews("backfill", "inform", "--from", "archive.today", db=db)
    assert source.returncode == exitcodes.USAGE


def test_backfill_while_another_run_holds_the_archive_exits_busy(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with Archive(db):
        busy = _invoke("--db", str(db), "backfill", "inform", "--from", "wayback")
    assert busy.exit_code == exitcodes.BUSY, busy.output


def test_import_archives_a_warc_file_and_reports_a_cut_one(tmp_path: Path) -> None:
    data = _warc("CC-NEWS", [Snapshot(INFORM, "20201201120000", page("inform.kz/article-ru-2020-a3725092.html"))])[0]
    whole, cut = tmp_path / "a.warc.gz", tmp_path / "cut.warc.gz"
    whole.write_bytes(data)
    cut.write_bytes(data[:-3000])
    db = tmp_path / "a.db"
    done = run_kznews("import", str(whole), "--workers", "1", db=db)
    assert done.returncode == exitcodes.OK, done.stderr
    assert "1 pages archived, 1 new" in done.stdout
    partial = _invoke("--db", str(tmp_path / "b.db"), "import", str(cut), "--workers", "0")
    assert partial.exit_code == exitcodes.PARTIAL and "cut.warc.gz" in partial.stderr, partial.output
    missing = _invoke("--db", str(db), "import", str(tmp_path / "none.warc.gz"))
    assert missing.exit_code == exitcodes.USAGE, missing.output

"""One writing run at a time per archive, checked with a real second process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from kznews.storage import (
    Archive,
    ArchiveBusy,
    ArchiveError,
    connect_readonly,
    run_sql,
    stats,
)
from tests.storage.conftest import make_item

# A writer in another process: opens the archive, says so, holds it until stdin closes.
HOLDER = """
import sys
from kznews.storage import Archive
with Archive(sys.argv[1]):
    print("open", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``db_path`` open as a writer."""
    with Archive(db_path) as archive:
        archive.store([make_item()])
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    ) as proc:
        assert proc.stdout is not None and proc.stdout.readline() == "open\n"
        yield proc
        if proc.poll() is None:
            proc.kill()


def test_second_writer_fails_at_once_naming_db_and_pid(db_path: Path, holder: subprocess.Popen[str]) -> None:
    started = time.monotonic()
    with pytest.raises(ArchiveBusy) as excinfo:
        Archive(db_path)
    assert time.monotonic() - started < 1  # no waiting on the busy timeout
    message = str(excinfo.value)
    assert str(db_path) in message and f"pid {holder.pid}" in message
    assert "\n" not in message
    assert isinstance(excinfo.value, ArchiveError)  # callers that catch ArchiveError still do


def test_lock_is_released_on_close(db_path: Path, holder: subprocess.Popen[str]) -> None:
    holder.communicate("")  # EOF: the holder closes its Archive and exits
    assert holder.returncode == 0
    with Archive(db_path) as archive:
        assert archive.store([make_item("https://kaz.example/news/2")]).new_articles == 1


def test_kill_9_leaves_no_stale_lock(db_path: Path, holder: subprocess.Popen[str]) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with Archive(db_path) as archive:
        assert archive._conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_readers_are_unaffected(db_path: Path, holder: subprocess.Popen[str]) -> None:
    with closing(connect_readonly(db_path)) as conn:
        assert stats(conn)["totals"]["articles"] == 1
    with run_sql(db_path, "SELECT count(*) FROM pages") as result:
        assert list(result) == [(1,)]


def test_one_writer_per_archive_within_a_process_too(db_path: Path) -> None:
    with Archive(db_path), pytest.raises(ArchiveBusy):
        Archive(db_path)
    Archive(db_path).close()  # free again after close
    Archive(db_path.with_name("other.db")).close()  # other archives are independent


def test_failed_open_releases_the_lock(db_path: Path) -> None:
    db_path.write_bytes(b"not sqlite\n" * 100)
    for _ in range(2):  # the second attempt reports the file, not a busy lock
        with pytest.raises(ArchiveError, match="is not a SQLite database"):
            Archive(db_path)

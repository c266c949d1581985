"""Every command against every kind of bad input: one line on stderr, the documented exit code, no traceback,
the archive unchanged.

``ROWS`` holds each command's row: how to run it (``{db}`` is the archive, ``{out}`` a fresh output path) and
which bad inputs apply.  A command without a row fails ``test_every_command_has_a_row``.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kznews import exitcodes
from kznews.cli import main
from kznews.storage import Archive
from tests.analysis.conftest import generator
from tests.conftest import REPO


@dataclass(frozen=True)
class Row:
    """A command's invocation and the bad inputs it is checked against."""

    args: tuple[str, ...]
    reads: bool = False  # opens the archive read-only
    writes: bool = False  # opens the archive to write
    # case -> (a whole command line, or options added to ``args``; a part of the one error line)
    options: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)


DATES = {
    "bad date": (("--since", "2024-13-01"), "is not a date"),
    "since after until": (("--since", "2024-03-02", "--until", "2024-03-01"), "is after --until"),
}
SITE = {"unknown outlet": (("--site", "nosuch"), "no such outlet")}

ROWS: dict[str, Row] = {
    "crawl": Row(("crawl", "tengrinews", "--mirror", "http://127.0.0.1:9"), writes=True, options={
        **DATES,
        "unknown outlet": (("crawl", "nosuch"), "unknown outlet 'nosuch'"),
        "bad URL": (("crawl", "--url", "http://127.0.0.1:99999/x"), "--url: bad port"),
        "bad scheme": (("crawl", "tengrinews", "--mirror", "ftp://x"), "--mirror: not an http(s) URL"),
    }),
    "harvest": Row(("harvest", "tengrinews"), writes=True, options={
        "unknown outlet": (("harvest", "nosuch"), "unknown outlet 'nosuch'"),
        "recheck by a worker": (("--recheck", "7", "--redis", "redis://127.0.0.1:9/0"), "--recheck"),
    }),
    "recheck": Row(("recheck", "tengrinews", "--days", "1"), writes=True, options={
        **DATES,
        "unknown outlet": (("recheck", "nosuch", "--days", "1"), "unknown outlet 'nosuch'"),
        "no window": (("recheck", "tengrinews"), "--days N, or --since/--until"),
        "days and since": (("--since", "2024-03-01"), "not both"),
    }),
    "reextract": Row(("reextract", "--workers", "0"), writes=True),
    "backfill": Row(("backfill", "tengrinews", "--from", "commoncrawl"), writes=True, options={
        **DATES,
        "unknown outlet": (("backfill", "nosuch", "--from", "wayback"), "unknown outlet 'nosuch'"),
        "unknown archive": (("backfill", "tengrinews", "--from", "nosuch"), ""),
    }),
    "store": Row(("store", "--redis", "redis://127.0.0.1:9/0"), writes=True, options={
        "unreachable Redis": (("store", "--redis", "redis://127.0.0.1:9/0"), "cannot reach Redis"),
    }),
    "import": Row(("import", "{readme}"), writes=True, options={
        "missing file": (("import", "{out}"), "does not exist"),
    }),
    "cron": Row(("cron",), options={"bad interval": (("cron", "--every", "7"), "")}),
    "sites": Row(("sites",), options={"bad registry file": (("sites", "--check", "{out}"), "")}),
    "extract": Row(("extract",), options={"missing file": (("extract", "{out}"), "does not exist")}),
    "search": Row(("search", "тенге"), reads=True, options={
        **DATES, **SITE, "bad query": (("search", '"unclosed'), "search query"),
        "no query": (("search",), "give a QUERY"),
        "removed stories": (("search", "--removed", "--stories"), "not with --stories"),
    }),
    "stats": Row(("stats",), reads=True),
    "sql": Row(("sql", "SELECT count(*) FROM articles"), reads=True, options={
        "a write": (("sql", "DELETE FROM articles"), "only"),
        "bad SQL": (("sql", "SELECT nosuch FROM articles"), "no such column"),
    }),
    "export": Row(("export", "--format", "csv", "--out", "{out}"), reads=True, options={**DATES, **SITE}),
    "tickers": Row(("tickers", "USD/KZT"), reads=True, options={
        **DATES, **SITE, "unknown pair": (("tickers", "ABC/XYZ"), "ABC/XYZ"),
    }),
    "report": Row(("report", "{out}"), reads=True, options={**DATES, **SITE}),
    "serve": Row(("serve", "--port", "1"), reads=True),  # only ever run on bad inputs here: it would serve
    "check": Row(("check", "tengrinews"), options={
        "unknown outlet": (("check", "nosuch"), "unknown outlet 'nosuch'"),
        "bad scheme": (("check", "tengrinews", "--mirror", "ftp://x"), "--mirror: not an http(s) URL"),
    }),
    "fixture": Row(("fixture", "save"), options={
        "unknown outlet": (("fixture", "save", "nosuch", "https://x.kz/a"), "unknown outlet 'nosuch'"),
        "off the outlet": (("fixture", "save", "kt", "https://example.com/a"), "is not on kt's domains"),
    }),
}
# What each kind of bad option exits with: click's usage errors are 2, kznews's own one-line errors 1.
USAGE = {"bad interval", "missing file", "unknown archive", "recheck by a worker", "no window", "days and since",
         "no query", "removed stories"}
# `sites --check` lists every problem of the file, a line each, above its one error line.
LISTS = {"bad registry file"}


def test_every_command_has_a_row() -> None:
    assert sorted(ROWS) == sorted(main.commands)


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _one_line(result: Result, code: int, part: str = "", listed: bool = False) -> None:
    """One error line on stderr (and nothing else, but click's usage lines or the problems ``listed`` above it),
    the exit code, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error:")]
    assert len(errors) == 1 and (code == exitcodes.USAGE or listed or lines == errors), lines
    assert part in errors[0], errors[0]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small real archive (generated from real page texts), never written by the tests."""
    path = tmp_path_factory.mktemp("matrix") / "good.db"
    generator().generate(path, 30, seed=3, days=5, last_day=date(2024, 3, 5))
    Archive(path).close()  # checkpointed: the -wal is empty
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _bad_archives(good: Path, where: Path) -> Iterator[tuple[str, Path, str]]:
    damaged = where / "damaged.db"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    foreign = where / "notes.db"
    foreign.write_text("these are my notes, not an archive\n" * 200, "utf-8")
    yield "damaged", damaged, "is damaged"
    yield "foreign", foreign, "is not a SQLite database"


def _args(row: Row, args: tuple[str, ...], out: Path) -> list[str]:
    """``args`` with ``{out}`` a fresh output path and ``{readme}`` an existing file that is no WARC."""
    return [a.replace("{out}", str(out)).replace("{readme}", str(REPO / "README.md")) for a in args]


ARCHIVE_COMMANDS = [name for name, row in ROWS.items() if row.reads or row.writes]


@pytest.mark.parametrize("name", ARCHIVE_COMMANDS)
def test_a_damaged_or_foreign_archive_is_one_line_and_stays_as_it_was(name: str, good: Path, tmp_path: Path) -> None:
    row = ROWS[name]
    for _kind, path, part in _bad_archives(good, tmp_path):
        before = _digest(path)
        _one_line(_run("--db", str(path), *_args(row, row.args, tmp_path / "out")), exitcodes.ERROR, part)
        assert _digest(path) == before
        assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", [n for n in ARCHIVE_COMMANDS if ROWS[n].reads])
def test_a_missing_archive_is_one_line(name: str, tmp_path: Path) -> None:
    row = ROWS[name]
    result = _run("--db", str(tmp_path / "none.db"), *_args(row, row.args, tmp_path / "out"))
    _one_line(result, exitcodes.ERROR, f"no archive at {tmp_path / 'none.db'}")
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("name", [n for n in ARCHIVE_COMMANDS if ROWS[n].writes])
def test_a_second_writer_exits_6_and_changes_nothing(name: str, good: Path, tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    shutil.copy(good, db)
    before = _digest(db)
    with Archive(db):  # a run holding the archive
        _one_line(_run("--db", str(db), *_args(ROWS[name], ROWS[name].args, tmp_path / "out")), exitcodes.BUSY,
                  "in use by another kznews run")
    assert _digest(db) == before


CASES = [(name, case) for name, row in ROWS.items() for case in row.options]


@pytest.mark.parametrize(("name", "case"), CASES, ids=[f"{n}: {c}" for n, c in CASES])
def test_bad_options_are_one_line(name: str, case: str, good: Path, tmp_path: Path) -> None:
    row = ROWS[name]
    args, part = row.options[case]
    if case == "bad registry file":
        (tmp_path / "out").write_text("[outlets.x]\nname = 1\n", "utf-8")
    db = tmp_path / "copy.db"
    shutil.copy(good, db)
    before = _digest(db)
    full = args if args[0] == name else (*row.args, *args)  # a whole command line, or options added to the row's
    result = _run("--db", str(db), *_args(row, full, tmp_path / "out"))
    _one_line(result, exitcodes.USAGE if case in USAGE else exitcodes.ERROR, part, listed=case in LISTS)
    assert _digest(db) == before


def _mount_read_only(where: Path, good: Path) -> Path:
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(where)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}): a read-only place is not testable")
    shutil.copy(good, where / "ro.db")
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
    return where / "ro.db"


def test_readers_read_and_writers_refuse_in_a_read_only_place(good: Path, tmp_path: Path) -> None:
    """Analysts reading a harvester's archive from a read-only mount (no -shm can be made there)."""
    db = _mount_read_only(tmp_path / "ro", good)
    try:
        for name in ("stats", "search", "sql", "tickers"):
            result = _run("--db", str(db), *ROWS[name].args)
            assert result.exit_code == 0, (name, result.output)
        assert "30" in _run("--db", str(db), "sql", "SELECT count(*) AS n FROM articles", "--format", "csv").stdout
        for name in [n for n in ARCHIVE_COMMANDS if ROWS[n].writes]:
            _one_line(_run("--db", str(db), *_args(ROWS[name], ROWS[name].args, tmp_path / "out")), exitcodes.ERROR,
                      "")
    finally:
        subprocess.run(["umount", "-l", str(tmp_path / "ro")], capture_output=True, check=False)

"""The group's one error boundary: a ``KznewsError`` from any command is one line and its own exit code."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kznews import exitcodes
from kznews.cli import main
from kznews.cli.group import Group
from kznews.errors import KznewsError
from kznews.sites import RegistryError, UnknownOutlet
from kznews.storage import Archive, ArchiveBusy, QueryError


@pytest.mark.parametrize(("error", "code"), [
    (ArchiveBusy("data/kznews.db is held by run 3"), exitcodes.BUSY),
    (QueryError("fts5: syntax error near \"\""), exitcodes.ERROR),
    (RegistryError("not an http(s) URL: 'ftp://x'"), exitcodes.ERROR),
])
def test_a_kznews_error_is_one_line_with_its_exit_code(error: KznewsError, code: int) -> None:
    group = Group("kznews")

    @group.command()
    def fails() -> None:
        raise error

    result = CliRunner().invoke(group, ["fails"])
    assert result.exit_code == code
    assert result.output == f"Error: {error}\n"


def test_any_other_exception_is_a_bug_and_keeps_its_traceback() -> None:
    group = Group("kznews")

    @group.command()
    def fails() -> None:
        raise KeyError("bug")

    result = CliRunner().invoke(group, ["fails"])
    assert result.exit_code == 1 and isinstance(result.exception, KeyError)


def test_an_unknown_outlet_names_the_known_ones() -> None:
    result = CliRunner().invoke(main, ["crawl", "nosuch"])
    assert result.exit_code == exitcodes.ERROR
    assert result.output.splitlines() == [f"Error: {UnknownOutlet('nosuch')}"]
    assert "tengrinews" in result.output


def test_every_command_module_is_on_the_group() -> None:
    """Each module of kznews.cli with COMMANDS has them on the group, and the group has no other."""
    import importlib
    import pkgutil

    import kznews.cli

    modules = [importlib.import_module(f"kznews.cli.{m.name}") for m in pkgutil.iter_modules(kznews.cli.__path__)]
    commands = [c for module in modules for c in getattr(module, "COMMANDS", ())]
    assert all(isinstance(c, click.Command) and main.commands[str(c.name)] is c for c in commands)
    assert sorted(main.commands) == sorted(str(c.name) for c in commands)


# What a fresh interpreter (this one has imported everything) has imported after importing kznews.cli and running
# each command given: one per line of stdin, its exit code then its arguments, shell-style.
_PROBE = """
import shlex, sys
from click.testing import CliRunner
import kznews.cli
for line in sys.stdin:
    code, *args = shlex.split(line)
    result = CliRunner().invoke(kznews.cli.main, args)
    assert result.exit_code == int(code), (line, result.output)
print(" ".join(sorted(m for m in sys.modules if m.startswith(("kznews.extract", "scrapy")))))
"""


def test_commands_that_extract_nothing_start_without_the_extraction_stack(tmp_path: Path) -> None:
    """Importing kznews.extract compiles its regexes for seconds: the group, its help and the archive's readers must
    not pay for it (nor for Scrapy), nor a crawl refused at once (another run holds the archive: cron's overlap);
    the commands that extract import it when they run."""
    db = tmp_path / "empty.db"
    Archive(db).close()
    commands = [f"{exitcodes.OK} --help", f"{exitcodes.OK} --db {db} stats", f"{exitcodes.OK} --db {db} sql 'SELECT 1'",
                f"{exitcodes.OK} harvest --help", f"{exitcodes.OK} import --help", f"{exitcodes.OK} backfill --help",
                f"{exitcodes.BUSY} --db {db} harvest tengrinews", f"{exitcodes.BUSY} --db {db} crawl tengrinews"]
    with Archive(db):  # held by this process: the crawls are refused
        run = subprocess.run([sys.executable, "-c", _PROBE], input="\n".join(commands), capture_output=True,
                             text=True, timeout=60, check=True)
    assert run.stdout.split() == [], "imported at start-up"


def test_the_writer_of_a_shared_run_starts_without_the_extraction_stack(tmp_path: Path) -> None:
    """``kznews store`` extracts nothing: it imports the scheduler's module (for the archived-article records),
    which reaches kznews.scope, whose date window reads kznews.extract.dates only when a window is used."""
    with socket.socket() as s:  # a port nothing listens on: the writer stops at its Redis, after its imports
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = f"{exitcodes.ERROR} --db {tmp_path / 'a.db'} store --redis redis://127.0.0.1:{port}/0"
    run = subprocess.run([sys.executable, "-c", _PROBE], input=command, capture_output=True, text=True, timeout=60,
                         check=True)
    assert [m for m in run.stdout.split() if m.startswith("kznews.extract")] == []


def test_a_deferred_choice_is_read_when_the_command_is_used() -> None:
    """``extract --kind`` takes its choices from kznews.extract.pagetype, read when the option is shown or parsed."""
    from kznews.extract.pagetype import KINDS

    shown = CliRunner().invoke(main, ["extract", "--help"])
    assert f"[{'|'.join(KINDS)}]" in shown.output
    refused = CliRunner().invoke(main, ["extract", "--kind", "nosuch", __file__])
    assert refused.exit_code == exitcodes.USAGE and "'nosuch' is not one of" in refused.output


def test_search_imports_only_the_kazakh_folding_of_the_extraction_stack(tmp_path: Path) -> None:
    """Search folds Kazakh spellings (kznews.extract.kazakh): that submodule alone, not the package's patterns."""
    db = tmp_path / "empty.db"
    Archive(db).close()
    run = subprocess.run([sys.executable, "-c", _PROBE], input=f"{exitcodes.OK} --db {db} search Қазақстан",
                         capture_output=True, text=True, timeout=60, check=True)
    assert set(run.stdout.split()) <= {"kznews.extract", "kznews.extract.kazakh"}

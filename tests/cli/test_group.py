"""The group's one error boundary: a ``KznewsError`` from any command is one line and its own exit code."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kznews import exitcodes
from kznews.cli import main
from kznews.cli.group import Group
from kznews.errors import KznewsError
from kznews.sites import RegistryError, UnknownOutlet
from kznews.storage import ArchiveBusy, QueryError


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

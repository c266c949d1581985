"""The analyst commands on the kznews group: registered, documented, one-line errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from kznews.cli import main
from kznews.cli.analyst import COMMANDS

Cli = Callable[..., Result]
NAMES = [str(command.name) for command in COMMANDS]


def test_the_group_has_every_command() -> None:
    assert sorted(NAMES) == ["export", "report", "serve", "tickers"]
    assert all(main.commands[name] is command for name, command in zip(NAMES, COMMANDS, strict=True))


@pytest.mark.parametrize("name", NAMES)
def test_help_has_an_example(cli: Cli, name: str) -> None:
    result = cli(name, "--help")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    example = lines.index("  Example:")
    assert lines[example + 1].strip().startswith(f"kznews {name}")


@pytest.mark.parametrize("args", [["tickers", "USD"], ["report", "r.html"], ["export", "--format", "csv", "--out", "x"],
                                  ["serve"]])
def test_missing_archive_is_one_line(cli: Cli, tmp_path: Path, args: list[str]) -> None:
    result = cli(*[str(tmp_path / a) if a in ("r.html", "x") else a for a in args], db=tmp_path / "none.db")
    assert result.exit_code == 1 and not (tmp_path / "x").exists()
    assert result.output.strip().splitlines() == [f"Error: no archive at {tmp_path / 'none.db'}"]


def test_serve_refuses_a_busy_port(cli: Cli, generated: Path) -> None:
    pytest.importorskip("datasette")
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = cli("serve", "--port", str(busy.getsockname()[1]), db=generated)
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot listen on 127.0.0.1") and len(result.output.splitlines()) == 1

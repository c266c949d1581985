"""The README's commands are real: every `kznews COMMAND --option` it shows is an option of that command."""

from __future__ import annotations

import re

import click
import pytest

from kznews.cli import main
from tests.conftest import REPO

README = (REPO / "README.md").read_text("utf-8")
# "kznews CMD [SUB] ARGS..." up to the end of a code span, a comment, a pipe or a shell separator
_USE = re.compile(r"kznews((?: +[^\s`#|;&)]+)+)")


def _uses() -> list[tuple[str, list[str]]]:
    found = []
    for match in _USE.finditer(README):
        words = match.group(1).split()
        while words and words[0].startswith("--") and words[0] in ("--db",):  # the group's own option
            words = words[2:]
        if words and words[0] in main.commands:
            found.append((words[0], words[1:]))
    return found


def _options(command: click.Command) -> set[str]:
    return {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)} | {"--help", "-h"}


@pytest.mark.parametrize(("name", "args"), _uses(), ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_every_option_the_readme_shows_exists(name: str, args: list[str]) -> None:
    command = main.commands[name]
    if isinstance(command, click.Group) and args and args[0] in command.commands:
        command, args = command.commands[args[0]], args[1:]
    unknown = [a.split("=")[0] for a in args if a.startswith("-") and a.split("=")[0] not in _options(command)]
    assert unknown == [], f"README shows `kznews {name} ...` with options it does not have"


def test_the_readme_shows_how_to_add_an_outlet() -> None:
    uses = {(name, arg) for name, args in _uses() for arg in args[:1]}
    assert {("sites", "--check"), ("sites", "--write-readme"), ("fixture", "save"), ("check", "KEY")} <= uses

"""The outlet commands on the kznews group, in-process (no crawl) or in a subprocess (a crawl)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result

from kznews.cli import main
from tests.conftest import REPO

ENTRY = "from kznews.cli import main; main(prog_name='kznews')"


def run_outlet_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`kznews ARGS` in a subprocess: Scrapy's reactor runs once per process."""
    env = {k: v for k, v in os.environ.items() if k != "KZNEWS_DB"}
    return subprocess.run([sys.executable, "-c", ENTRY, *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env=env, check=False)


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``kznews ARGS`` in-process."""

    def run(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return run

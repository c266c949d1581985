"""Small generated archives, the analyst commands on the CLI group, and headless Chromium."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner, Result

from kznews.cli import main

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def generator() -> ModuleType:
    """``bench/generate_archive.py`` as a module."""
    spec = importlib.util.spec_from_file_location("generate_archive", REPO / "bench" / "generate_archive.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_archive", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 articles over 40 days that cross the 2024-03-01 offset change (read-only for tests)."""
    path = tmp_path_factory.mktemp("generated") / "kznews.db"
    generator().generate(path, 400, seed=7, days=40, last_day=date(2024, 3, 20))
    return path


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``kznews [--db DB] ARGS`` in-process."""

    def run(*args: str, db: Path | None = None) -> Result:
        prefix = ["--db", str(db)] if db is not None else []
        return CliRunner().invoke(main, [*prefix, *args], catch_exceptions=False)

    return run


@pytest.fixture
def chromium(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Headless Chromium as a function of its extra arguments; skips when it is not installed."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        profile = tmp_path / f"chromium-profile-{len(list(tmp_path.iterdir()))}"
        return subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=60, check=False)

    return run

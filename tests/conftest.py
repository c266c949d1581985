"""Shared test helpers: paths to the shared material and a way to run the CLI."""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis
import pytest

from tests import netguard

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# No test reaches the internet (CI has none): this process and every Python subprocess a test starts
# may connect to loopback only (tests/netguard.py); refused attempts are logged for _no_internet.
netguard.install()
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(REPO / "tests" / "netguard_site"), os.environ.get("PYTHONPATH")])
)
if netguard.LOG_ENV not in os.environ:
    _guard_dir = tempfile.mkdtemp(prefix="kznews-netguard-")
    atexit.register(shutil.rmtree, _guard_dir, True)
    os.environ[netguard.LOG_ENV] = str(Path(_guard_dir) / "refused.log")


# Property tests draw the same examples on every run (CI included): a red run is a regression, never a new draw.
hypothesis.settings.register_profile("kznews", derandomize=True, database=None)
hypothesis.settings.load_profile("kznews")

# Test modules that read ../shared (its pages, texts or evaluation sets), directly or through a helper
# (tests/extract/shared.py, the loopback mirror built from a real page, the benchmarks' loaders).
_READS_SHARED = ("SHARED", "from .shared import", "from tests.extract", "tests.mirror", "from bench")
_without_shared: list[str] = []


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Without ../shared beside the repository, the modules that read it are left out (and counted), not failed."""
    if SHARED.exists() or collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    if any(marker in collection_path.read_text("utf-8") for marker in _READS_SHARED):
        _without_shared.append(collection_path.name)
        return True
    return None


def pytest_report_header(config: pytest.Config) -> str | None:
    return None if SHARED.exists() else f"{SHARED} is missing: test modules that read it are left out"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _without_shared:
        terminalreporter.write_line(
            f"{SHARED} is missing: {len(_without_shared)} test modules that read it were not run")


@pytest.fixture(autouse=True)
def _no_internet() -> Iterator[None]:
    """Fail a test that tried to connect beyond loopback, here or in a subprocess, even if the error was handled."""
    log = Path(os.environ[netguard.LOG_ENV])
    before = log.stat().st_size if log.exists() else 0
    yield
    if log.exists() and log.stat().st_size > before:
        with log.open(encoding="utf-8") as fh:
            fh.seek(before)
            pytest.fail("reached beyond 127.0.0.1: " + fh.read().strip())


# Scrapy settings (``-s NAME=VALUE``) of a loopback crawl whose pace and process layout are not what its test is
# about: no politeness delay or throttle, and extraction in the crawl's own process, as KZNEWS_EXTRACT_WORKERS=0 has
# it (a spawned worker is a second Python start-up, which costs more than such a crawl's few pages).  The worker path
# is tested where it matters: tests/test_pipelines.py, the crawler's kill -9 in tests/test_crawl_e2e.py, tests/reliability.
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "KZNEWS_EXTRACT_WORKERS=0")


def run_kznews(*args: str, db: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m kznews [--db DB] ARGS...` in a subprocess (Scrapy's reactor runs once per process)."""
    cmd = [sys.executable, "-m", "kznews"]
    if db is not None:
        cmd += ["--db", str(db)]
    env = {k: v for k, v in os.environ.items() if k != "KZNEWS_DB"}
    return subprocess.run(
        cmd + list(args), capture_output=True, text=True, timeout=timeout, cwd=REPO, env=env
    )


@pytest.fixture
def kznews():
    """The CLI as a function: kznews("search", "x", db=path) -> CompletedProcess."""
    return run_kznews


def stored_articles(db: Path) -> dict[str, dict[str, Any]]:
    """The archive's article rows by URL, read directly (what a test checks against)."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return {r["url"]: dict(r) for r in conn.execute("SELECT * FROM articles")}
    finally:
        conn.close()


def crawler_with_defaults(spidercls: type | None = None, settings: dict[str, Any] | None = None) -> Any:
    """Scrapy's ``get_crawler`` with kznews's add-on that declares every ``KZNEWS_*`` default (as the project has)."""
    from scrapy.utils.test import get_crawler

    return get_crawler(spidercls, {"ADDONS": {"kznews.addons.Defaults": 0}, **(settings or {})})

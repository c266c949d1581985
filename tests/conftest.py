"""Shared test helpers: paths to the shared material and a way to run the CLI."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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

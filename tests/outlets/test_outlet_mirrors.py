"""Loopback crawls of outlet-shaped mirrors: `kznews crawl KEY --mirror URL` stores every article.

Each mirror (``tests/mirror/outlets.py``) serves an outlet's registry start points,
rebased onto 127.0.0.1, with the outlet's own discovery mechanics; each of its
channels lists some articles no other lists.  The stored set must equal the mirror's.
The crawls run side by side (one process each), once for the module.
"""

from __future__ import annotations

import sqlite3
import subprocess
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from kznews import exitcodes
from tests.conftest import FAST, run_kznews
from tests.mirror.outlets import OUTLETS, build_outlet
from tests.mirror.server import serve


@dataclass(frozen=True)
class Crawl:
    """One outlet's crawl: what it stored, what the mirror holds, how the command ended."""

    stored: set[str]
    expected: set[str]
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Crawl]:
    """Every outlet mirror served and crawled into its own archive, concurrently."""
    mirrors = {key: build_outlet(key) for key in OUTLETS}
    root = tmp_path_factory.mktemp("outlet-mirrors")
    with ExitStack() as stack, ThreadPoolExecutor(len(mirrors)) as pool:
        bases = {key: stack.enter_context(serve(m)).base_url  # type: ignore[arg-type]  # duck-typed site
                 for key, m in mirrors.items()}
        futures = {
            key: pool.submit(run_kznews, "crawl", key, "--mirror", bases[key], *FAST,
                             "--since", m.since.isoformat(), "--until", m.until.isoformat(),
                             db=root / f"{key}.db")
            for key, m in mirrors.items()
        }
        results = {key: future.result() for key, future in futures.items()}
    return {
        key: Crawl(_stored(root / f"{key}.db"), m.urls(bases[key]), results[key])
        for key, m in mirrors.items()
    }


def _stored(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {url for (url,) in conn.execute("SELECT url FROM articles")}


@pytest.mark.parametrize(
    "key",
    OUTLETS,
)
def test_a_crawl_of_the_outlet_mirror_stores_every_article(key: str, crawls: dict[str, Crawl]) -> None:
    crawl = crawls[key]
    assert crawl.stored == crawl.expected, (
        f"missing {sorted(crawl.expected - crawl.stored)}, unexpected "
        f"{sorted(crawl.stored - crawl.expected)}\n{crawl.result.stderr}"
    )
    assert crawl.result.returncode == exitcodes.OK, crawl.result.stdout + crawl.result.stderr

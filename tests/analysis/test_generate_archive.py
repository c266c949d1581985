"""bench/generate_archive.py: a realistic archive through the real writer."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from kznews import sites
from kznews.storage import connect_readonly, search
from tests.analysis.conftest import REPO, generator


def test_archive_has_the_shape_of_a_real_one(generated: Path) -> None:
    with closing(sqlite3.connect(generated)) as conn:  # the FTS check writes nothing but is an INSERT
        conn.execute("INSERT INTO articles_fold(articles_fold) VALUES ('integrity-check')")
    with closing(connect_readonly(generated)) as conn:
        def one(sql: str) -> Any:
            return conn.execute(sql).fetchone()[0]

        assert one("SELECT count(*) FROM articles") == 400
        edited = one("SELECT count(*) FROM articles WHERE versions > 1")
        assert edited > 0  # some articles were edited, and their earlier texts kept
        assert one("SELECT count(DISTINCT article_id) FROM article_versions") == edited
        assert one("SELECT count(DISTINCT site) FROM articles") >= 15
        assert set(sites.outlets()) >= {r[0] for r in conn.execute("SELECT DISTINCT site FROM articles")}
        assert {r[0] for r in conn.execute("SELECT DISTINCT lang FROM articles")} == {"ru", "kk", "en"}
        offsets = {r[0] for r in conn.execute("SELECT DISTINCT substr(published_at, 20) FROM articles")}
        assert offsets == {"+06:00", "+05:00"}  # Asia/Almaty before and after 2024-03-01
        assert one("SELECT count(*) FROM articles WHERE source = 'Источник: КазТАГ'") > 0
        assert {r[0] for r in conn.execute("SELECT DISTINCT pair FROM tickers")} == {
            "USD/KZT", "EUR/KZT", "RUB/KZT", "CNY/KZT"}
        low, high = conn.execute("SELECT min(value), max(value) FROM tickers WHERE pair = 'USD/KZT'").fetchone()
        assert 380 < low < high < 520 and high / low < 1.2  # a drift, not noise
        assert one("SELECT count(*) FROM runs WHERE command = 'generate' AND outcome = 'finished'") == 1
        assert search(conn, "Казахстан*", limit=5)


def test_same_seed_same_archive(tmp_path: Path) -> None:
    gen = generator()
    rows = []
    for name in ("a.db", "b.db"):
        gen.generate(tmp_path / name, 30, seed=3, days=10)
        with closing(connect_readonly(tmp_path / name)) as conn:
            rows.append(conn.execute("SELECT url, headline, body, published_at FROM articles ORDER BY url").fetchall())
    assert rows[0] == rows[1]


def test_script_prints_articles_per_second(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "bench/generate_archive.py", str(tmp_path / "x.db"), "--articles", "20", "--days", "5"],
        capture_output=True, text=True, cwd=REPO, timeout=60, check=True)
    assert "20 articles" in done.stdout and "articles/s" in done.stdout

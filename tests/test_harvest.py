"""`kznews harvest` for cron: exit codes, one run at a time, coverage alerts, `kznews cron`.

The mirror outlet is registered through ``KZNEWS_SITES`` (a user's own registry
file), so harvest runs exactly as it does for the built-in outlets.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kznews import exitcodes
from kznews.cli import main
from kznews.storage import Archive
from tests.conftest import FAST, REPO, run_kznews
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site


def registry(tmp_path: Path, base_url: str) -> Path:
    """A registry file with one outlet: the mirror's sitemap, feed and listing."""
    path = tmp_path / "outlets.toml"
    path.write_text(f"""
[outlets.mirror]
name = "Loopback mirror"
domains = ["127.0.0.1"]
articles = ['^/news/[a-z0-9-]+-\\d+/$']

[[outlets.mirror.editions]]
lang = "ru"
sitemaps = ["{base_url}/sitemap.xml"]
feeds = ["{base_url}/rss.xml"]
listings = [{{ url = "{base_url}/news/", max_pages = 5 }}]
""", encoding="utf-8")
    return path


def harvest(db: Path, sites_file: Path, *args: str):
    os.environ["KZNEWS_SITES"] = str(sites_file)
    try:
        return run_kznews("harvest", "mirror", *FAST, *args, db=db)
    finally:
        del os.environ["KZNEWS_SITES"]


@pytest.fixture
def mirror():
    site = build_site(n_articles=12, seed=3)
    overrides: dict[str, Override] = {}
    with serve(site, overrides) as server:
        yield site, server, overrides


def test_harvest_stores_every_article_and_records_the_run(mirror, tmp_path):
    site, server, _ = mirror
    db = tmp_path / "h.db"
    result = harvest(db, registry(tmp_path, server.base_url))
    assert result.returncode == exitcodes.OK, result.stdout + result.stderr
    conn = sqlite3.connect(db)
    urls = {u for (u,) in conn.execute("SELECT url FROM articles")}
    assert urls == {a.url(server.base_url) for a in site.articles}
    command, outcome = conn.execute("SELECT command, outcome FROM runs").fetchone()
    assert (command, outcome) == ("harvest", "finished")


def test_a_second_writer_exits_at_once_with_its_own_code(mirror, tmp_path):
    _, server, _ = mirror
    db = tmp_path / "h.db"
    with Archive(db):
        started = time.monotonic()
        result = harvest(db, registry(tmp_path, server.base_url))
        elapsed = time.monotonic() - started
    assert result.returncode == exitcodes.BUSY
    assert "in use by another kznews run" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert elapsed < 10
    assert not [h for h in server.hits if h.path != "/robots.txt"]


@pytest.mark.slow  # three harvests in a row: `pytest -m slow tests/test_harvest.py`
def test_an_outlet_with_nothing_new_is_flagged(mirror, tmp_path):
    _, server, _ = mirror
    db, sites_file = tmp_path / "h.db", registry(tmp_path, server.base_url)
    harvest(db, sites_file, "--stale-runs", "2")
    second = harvest(db, sites_file, "--stale-runs", "2")
    assert "no new articles" not in second.stderr  # the first run had new ones
    third = harvest(db, sites_file, "--stale-runs", "2")
    assert "alert: mirror: no new articles in its last 2 runs" in third.stderr
    assert third.returncode == exitcodes.OK
    stats = run_kznews("stats", db=db)
    assert "no new articles in its last 3 runs" not in stats.stdout  # stats uses its default (3)


def test_too_many_errors_make_the_run_partial(mirror, tmp_path):
    site, server, overrides = mirror
    for article in site.articles[: len(site.articles) // 2]:
        overrides[article.path] = Override(status=500)
    db = tmp_path / "h.db"
    result = harvest(db, registry(tmp_path, server.base_url), "-s", "RETRY_TIMES=0")
    assert result.returncode == exitcodes.PARTIAL, result.stdout + result.stderr
    assert "alert: mirror:" in result.stderr and "requests failed" in result.stderr


def test_a_time_limit_stops_the_run_with_its_code(mirror, tmp_path):
    site, server, overrides = mirror
    for article in site.articles:  # one at a time (a host's limit): 7 s for the twelve, the limit stops the run at 2
        overrides[article.path] = Override(delay=0.6)
    db = tmp_path / "h.db"
    result = harvest(db, registry(tmp_path, server.base_url), "--max-time", "2")
    assert result.returncode == exitcodes.LIMIT, result.stdout + result.stderr
    outcome = sqlite3.connect(db).execute("SELECT outcome FROM runs").fetchone()[0]
    assert outcome == "closespider_timeout"


def test_cron_prints_a_crontab_line_and_a_timer(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "c.db"), "cron", "--every", "30"])  # the process: below
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    line = next(l for l in lines if l.startswith("*/30 * * * * "))
    assert f"--db {tmp_path / 'c.db'} harvest --max-time 1680" in line
    assert "OnUnitActiveSec=30min" in result.stdout and "SuccessExitStatus=3 5" in result.stdout


def test_a_broken_registry_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[outlets.x\n", encoding="utf-8")
    os.environ["KZNEWS_SITES"] = str(bad)
    try:
        result = run_kznews("sites")
    finally:
        del os.environ["KZNEWS_SITES"]
    assert result.returncode == exitcodes.ERROR
    assert len(result.stderr.strip().splitlines()) == 1 and "KZNEWS_SITES" in result.stderr


def test_cron_works_from_anywhere_cron_starts_it(tmp_path):
    sites_file = tmp_path / "my-sites.toml"
    sites_file.write_text("", encoding="utf-8")
    env = {**os.environ, "KZNEWS_SITES": os.path.relpath(sites_file, REPO)}
    db = tmp_path / "new" / "folder" / "c.db"
    result = subprocess.run([sys.executable, "-m", "kznews", "--db", str(db), "cron", "--every", "30"],
                            capture_output=True, text=True, cwd=REPO, env=env, timeout=60)
    line = next(l for l in result.stdout.splitlines() if l.startswith("*/30 * * * * "))
    assert line.startswith(f"*/30 * * * * mkdir -p {db.parent} && ")
    assert f"KZNEWS_SITES={sites_file} " in line and line.endswith(f">> {db.parent / 'harvest.log'} 2>&1")
    assert f"Environment=KZNEWS_SITES={sites_file}" in result.stdout
    # the line runs where cron would: another directory, the archive's folder not there yet
    command = line.split("* * * * ", 1)[1].replace("harvest --max-time 1680", "sites")
    ran = subprocess.run(["sh", "-c", command], cwd="/", capture_output=True, text=True, timeout=120)
    assert db.parent.is_dir() and (db.parent / "harvest.log").exists()
    assert ran.returncode == 0, (db.parent / "harvest.log").read_text()

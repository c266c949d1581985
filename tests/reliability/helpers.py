"""Running the real CLI against the loopback mirror, and judging the archive it leaves."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kznews.storage import connect_readonly
from tests.conftest import REPO, stored_articles
from tests.mirror.server import Hit, MirrorServer, Override
from tests.mirror.site import MirrorSite

FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")
XML = "application/xml; charset=utf-8"


@dataclass
class Run:
    """A finished CLI run."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float | None  # None when killed


class Crawl:
    """``python -m kznews --db DB ARGS`` started in a subprocess (peak RSS recorded)."""

    def __init__(self, db: Path, *args: str, env: dict[str, str] | None = None,
                 preexec_fn: Callable[[], None] | None = None) -> None:
        self.rss_file = Path(tempfile.gettempdir()) / f"kznews-rss-{os.getpid()}-{time.monotonic_ns()}"
        cmd = [sys.executable, "-m", "tests.reliability.rss_run", str(self.rss_file), "--db", str(db), *args]
        full_env = {k: v for k, v in os.environ.items() if k != "KZNEWS_DB"}
        full_env.update(env or {})
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            cmd, cwd=REPO, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            preexec_fn=preexec_fn,
        )

    def running(self) -> bool:
        return self.proc.poll() is None

    def kill9(self) -> Run:
        self.proc.send_signal(signal.SIGKILL)
        return self.wait()

    def wait(self, timeout: float = 600) -> Run:
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
            raise AssertionError(f"crawl did not end within {timeout} s:\n{err[-3000:]}") from None
        rss = None
        if self.rss_file.exists():
            rss = int(self.rss_file.read_text() or 0) / 1024
            self.rss_file.unlink()
        return Run(self.proc.returncode, out, err, time.monotonic() - self.started, rss)


def crawl(db: Path, *args: str, timeout: float = 600, **kwargs: Any) -> Run:
    return Crawl(db, *args, **kwargs).wait(timeout)


def adhoc(server: MirrorServer, path: str = "/all.xml", *extra: str) -> tuple[str, ...]:
    """Arguments of an ad-hoc crawl of ``path`` on the mirror, at full speed."""
    return ("crawl", "--url", server.url(path), *FAST, *extra)


# -- the mirror -------------------------------------------------------------------------------

def flat_sitemap(site: MirrorSite, base: str, lastmod: dict[str, str] | None = None,
                 paths: Iterable[str] | None = None) -> bytes:
    """A plain urlset of every article (or ``paths``), with lastmod (default: publication time)."""
    lastmod = lastmod or {}
    chosen = list(paths) if paths is not None else [a.path for a in site.articles]
    published = {a.path: a.published_at for a in site.articles}
    urls = "".join(
        f"<url><loc>{base}{p}</loc><lastmod>{lastmod.get(p, published.get(p, '2024-01-01'))}</lastmod></url>\n"
        for p in chosen
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
    ).encode()


def serve_flat(server: MirrorServer, site: MirrorSite, path: str = "/all.xml", **kwargs: Any) -> None:
    server.overrides[path] = Override(status=200, content_type=XML, body=flat_sitemap(site, server.base_url, **kwargs))


def article_hits(server: MirrorServer, site: MirrorSite) -> Counter[str]:
    """GET hits per article path (query ignored)."""
    paths = {a.path for a in site.articles}
    return Counter(urlsplit(h.path).path for h in list(server.hits) if urlsplit(h.path).path in paths)


def refetched(hits: Counter[str]) -> int:
    """Article fetches beyond the first of each path."""
    return sum(n - 1 for n in hits.values() if n > 1)


def min_gap_after(hits: list[Hit], pick: Callable[[Hit], bool]) -> float | None:
    """The shortest time from a picked hit to the next hit of the host, or None."""
    ordered = sorted(hits, key=lambda h: h.time)
    gaps = [b.time - a.time for a, b in zip(ordered, ordered[1:]) if pick(a)]
    return min(gaps) if gaps else None


def wait_for(predicate: Callable[[], bool], timeout: float, what: str, crawl: Crawl | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if crawl is not None and not crawl.running():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


# -- the archive ------------------------------------------------------------------------------

def query(db: Path, sql: str, params: Any = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def article_urls(db: Path) -> set[str]:
    return {u for (u,) in query(db, "SELECT url FROM articles")}


articles = stored_articles


def runs(db: Path) -> list[dict[str, Any]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        rows = [dict(r) for r in conn.execute("SELECT * FROM runs ORDER BY id")]
    finally:
        conn.close()
    for r in rows:
        r["stats"] = json.loads(r["stats"]) if r["stats"] else {}
    return rows


def count_articles_readonly(db: Path) -> int:
    """Articles as a reader sees them during a crawl (0 before the archive exists)."""
    try:
        conn = connect_readonly(db)
    except Exception:
        return 0
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


@dataclass
class Soundness:
    integrity: str
    fts: str
    duplicate_articles: int
    duplicate_versions: int
    duplicate_pages: int

    @property
    def corrupt(self) -> bool:
        return self.integrity != "ok" or self.fts != "ok"

    @property
    def duplicates(self) -> int:
        return self.duplicate_articles + self.duplicate_versions + self.duplicate_pages


def soundness(db: Path) -> Soundness:
    """PRAGMA integrity_check, the FTS5 integrity-check and duplicate rows (no writer may run)."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        try:
            conn.execute("INSERT INTO articles_fold(articles_fold) VALUES ('integrity-check')")
            fts = "ok"
        except sqlite3.DatabaseError as exc:
            fts = str(exc)

        def dups(sql: str) -> int:
            return conn.execute(f"SELECT coalesce(sum(n - 1), 0) FROM ({sql})").fetchone()[0]

        return Soundness(
            integrity,
            fts,
            dups("SELECT count(*) AS n FROM articles GROUP BY url HAVING n > 1"),
            dups("SELECT count(*) AS n FROM article_versions GROUP BY article_id, content_hash HAVING n > 1"),
            dups("SELECT count(*) AS n FROM pages GROUP BY url, body_sha256 HAVING n > 1"),
        )
    finally:
        conn.close()

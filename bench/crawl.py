"""End-to-end crawl speed: ``kznews crawl`` of a loopback mirror beside ``scrapy bench``, same session.

The mirror (tests/mirror ``build_site``) of ``--articles`` articles (default 5,000) is served on
127.0.0.1 from a child process; ``kznews crawl --url <mirror>/sitemap.xml -s DOWNLOAD_DELAY=0
-s AUTOTHROTTLE_ENABLED=False`` runs against it with ``CONCURRENT_REQUESTS_PER_DOMAIN`` 16 and 1
(the default).  Figures: pages fetched (server hits), wall seconds, pages/s over the crawl
(first to last hit) and over the whole command, CPU seconds per page of the crawler process.
``scrapy bench`` (Scrapy's own local server and link-following spider, default settings, from a
folder without scrapy.cfg) runs in the same session; its pages/min lines are parsed.

Usage: ``python bench/crawl.py [--articles N] [--concurrency 16,1] [--bench-seconds 20] [--no-append]``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402

PY = sys.executable


def _serve(n_articles: int, conn: mp.connection.Connection) -> None:
    """Child process: serve the mirror, send its base URL, then on request the hit times."""
    from tests.mirror.server import serve
    from tests.mirror.site import build_site

    with serve(build_site(n_articles)) as server:
        conn.send(server.base_url)
        while True:
            msg = conn.recv()
            if msg == "hits":
                conn.send([h.time for h in server.hits])
                server.hits.clear()
            else:
                return


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl(base_url: str, conn: mp.connection.Connection, concurrency: int, extra: list[str]) -> dict[str, float]:
    """One ``kznews crawl`` of the mirror; its figures."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        cmd = [PY, "-m", "kznews", "--db", str(db), "crawl", "--url", base_url + "/sitemap.xml",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}", "-s", "LOG_LEVEL=WARNING", *extra]
        env = {k: v for k, v in os.environ.items() if k != "KZNEWS_DB"}
        cpu0, start = _child_cpu(), time.perf_counter()
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
        wall, cpu = time.perf_counter() - start, _child_cpu() - cpu0
        if result.returncode != 0:
            raise SystemExit(f"crawl failed ({result.returncode}):\n{result.stdout}\n{result.stderr[-3000:]}")
        conn.send("hits")
        hits = conn.recv()
        import sqlite3

        with sqlite3.connect(db) as c:
            articles = c.execute("SELECT count(*) FROM articles").fetchone()[0]
    span = max(hits) - min(hits) if len(hits) > 1 else wall
    return {"pages": len(hits), "articles": articles, "wall": wall, "crawl_rate": len(hits) / span,
            "wall_rate": len(hits) / wall, "cpu_ms": 1000 * cpu / max(len(hits), 1), "summary": result.stdout.strip()}


def scrapy_bench(seconds: int) -> dict[str, float]:
    """``scrapy bench`` with Scrapy's defaults (no project settings): median pages/min after the first second."""
    with tempfile.TemporaryDirectory() as tmp:
        cpu0 = _child_cpu()
        result = subprocess.run([PY, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"],
                                capture_output=True, text=True, cwd=tmp)
        cpu = _child_cpu() - cpu0
    rates = [int(r) for r in re.findall(r"Crawled \d+ pages \(at (\d+) pages/min\)", result.stderr)]
    pages = re.search(r"'response_received_count': (\d+)", result.stderr)
    if not rates:
        raise SystemExit("scrapy bench printed no rates:\n" + result.stderr[-3000:])
    steady = [r for r in rates[1:] if r > 0] or rates
    n = int(pages.group(1)) if pages else 0
    return {"rate": statistics.median(steady) / 60, "max": max(rates) / 60, "pages": n,
            "cpu_ms": 1000 * cpu / max(n, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--concurrency", default="16,1", help="CONCURRENT_REQUESTS_PER_DOMAIN values, comma-separated")
    parser.add_argument("--bench-seconds", type=int, default=20)
    parser.add_argument("-s", dest="settings", action="append", default=[], help="extra Scrapy setting for kznews crawl")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    extra = [x for s in args.settings for x in ("-s", s)]

    parent, child = mp.Pipe()
    server = mp.Process(target=_serve, args=(args.articles, child), daemon=True)
    server.start()
    base_url = parent.recv()
    rows = []
    try:
        bench = scrapy_bench(args.bench_seconds)
        for c in (int(x) for x in args.concurrency.split(",")):
            rows.append((c, crawl(base_url, parent, c, extra)))
        bench_after = scrapy_bench(args.bench_seconds)  # again: the machine is shared and noisy
    finally:
        parent.send("stop")
        server.join(timeout=10)
    baseline = (bench["rate"] + bench_after["rate"]) / 2
    lines = [
        f"`scrapy bench` (same session, before/after): {bench['rate']:.1f} / {bench_after['rate']:.1f} pages/s "
        f"(median of its pages/min lines), {bench['cpu_ms']:.1f} / {bench_after['cpu_ms']:.1f} CPU ms/page "
        f"(bench process, its server included)",
        "",
        "| run | pages fetched | articles stored | wall s | pages/s (crawl span) | pages/s (whole command) "
        "| CPU ms/page (crawler) | ratio to scrapy bench |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c, r in rows:
        lines.append(f"| kznews crawl, {c}/domain | {r['pages']} | {r['articles']} | {r['wall']:.1f} "
                     f"| {r['crawl_rate']:.1f} | {r['wall_rate']:.1f} | {r['cpu_ms']:.2f} "
                     f"| **{r['crawl_rate'] / baseline:.2f}×** |")
    report = "\n".join(lines)
    print(report)
    for c, r in rows:
        print(f"[{c}/domain] {r['summary']}")
    if not args.no_append:
        append(f"crawl, loopback mirror of {args.articles} articles ({os.cpu_count()} cores, shared)", report,
               __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

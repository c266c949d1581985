"""Peak RSS of ``kznews crawl`` over a loopback crawl, and how it grows with crawl size.

The mirror (tests/mirror ``build_site``) is served from a child process; ``kznews crawl --url
<mirror>/sitemap.xml`` (no delay, 16 requests per domain) runs against it while this script
samples the crawler's resident set (``/proc/<pid>/status`` VmRSS, every 0.2 s) and the
server's hit count.  Reported: peak RSS, and RSS when the crawl had fetched 2k/5k/10k/20k
pages (the largest sample up to then), so growth with crawl size shows, and the CPU time the
crawl used (crawler and extraction worker: wall time alone says little on a shared machine).

Usage: ``python bench/memory.py [--pages 20000] [-s NAME=VALUE ...] [--no-append]``
(``-s`` passes a Scrapy or kznews setting to the crawl, e.g. ``-s KZNEWS_SQLITE_CACHE_MIB=16``).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402

MARKS = (2_000, 5_000, 10_000, 20_000, 50_000, 100_000)


def _serve(n_articles: int, conn: mp.connection.Connection) -> None:
    from tests.mirror.server import serve
    from tests.mirror.site import build_site

    with serve(build_site(n_articles)) as server:
        conn.send(server.base_url)
        while conn.recv() == "count":
            conn.send(len(server.hits))


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000, help="article pages the crawl should fetch")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the crawl (repeatable)")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    # 3 of the mirror's 5 listing patterns put an article in the sitemaps
    n_articles = args.pages * 5 // 3 + 5
    parent, child = mp.Pipe()
    server = mp.Process(target=_serve, args=(n_articles, child), daemon=True)
    server.start()
    base_url = parent.recv()
    samples: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "kznews", "--db", str(Path(tmp) / "m.db"), "crawl", "--url",
               base_url + "/sitemap.xml", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING",
               *(arg for setting in args.settings for arg in ("-s", setting))]
        env = {k: v for k, v in os.environ.items() if k != "KZNEWS_DB"}
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while proc.poll() is None:
            parent.send("count")
            samples.append((parent.recv(), _rss_mb(proc.pid)))
            if samples[-1][0] // 5_000 > (samples[-2][0] if len(samples) > 1 else 0) // 5_000:
                # a long run shows its growth as it goes, so a cut-off run still tells something
                print(f"{samples[-1][0]} pages, {max(r for _, r in samples):.0f} MiB peak so far", flush=True)
            time.sleep(0.2)
        out, err = proc.communicate()
        wall = time.perf_counter() - start
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the server, still running, is not in it
        cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    parent.send("stop")
    server.join(timeout=10)
    if proc.returncode != 0:
        raise SystemExit(f"crawl failed:\n{out}\n{err[-3000:]}")
    pages = samples[-1][0] if samples else 0
    peak = max(r for _, r in samples)
    marks = [m for m in MARKS if m <= pages] + ([pages] if pages not in MARKS else [])
    row = " | ".join(f"{max((r for n, r in samples if n <= m), default=0):.0f}" for m in marks)
    report = "\n".join([
        "| pages fetched | " + " | ".join(f"≤{m:,}" for m in marks) + " | peak |",
        "|---|" + "---|" * (len(marks) + 1),
        f"| RSS MiB (crawler process) | {row} | **{peak:.0f}** |",
        "",
        f"{pages} pages in {wall:.0f} s ({pages / wall:.1f} pages/s), {cpu:.0f} CPU s "
        f"({cpu / max(pages, 1) * 1000:.1f} CPU ms/page, crawler and extraction worker); {out.strip()}",
    ])
    print(report)
    if not args.no_append:
        append("memory, loopback crawl", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

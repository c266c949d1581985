"""A small harvest into a large archive: what each cron run pays as the archive grows.

A cron harvest fetches tens of new articles into an archive of hundreds of thousands or millions;
work that grows with the archive (a query over every article at start or close) makes every
run slower however little it fetches.  This runs the same small crawl (a loopback mirror of
``--articles`` articles, new URLs each run) into an empty archive and into ``--db`` (e.g. a 1M-article
archive from ``bench/generate_archive.py``; it is written to: each run adds the small crawl's
articles), ``--rounds`` times each, alternating, and prints the wall seconds of each whole command.

Usage: ``python bench/harvest.py --db PATH [--articles 30] [--rounds 2] [--no-append]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402
from kznews.storage import connect_readonly  # noqa: E402
from tests.mirror.server import serve  # noqa: E402
from tests.mirror.site import build_site  # noqa: E402
from tests.reliability.helpers import adhoc, serve_flat  # noqa: E402


def harvest(db: Path, articles: int, seed: int) -> float:
    """Wall seconds of one ``kznews crawl`` of a fresh mirror into ``db``."""
    site = build_site(articles, seed=seed)
    with serve(site) as server:
        serve_flat(server, site)
        env = {k: v for k, v in os.environ.items() if k != "KZNEWS_DB"}
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "kznews", "--db", str(db), *adhoc(server)],
                                capture_output=True, text=True, cwd=ROOT, env=env)
        wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"crawl failed ({result.returncode}): {result.stderr[-2000:]}")
    return wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the large archive (written to)")
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    with closing(connect_readonly(args.db)) as conn:
        size = conn.execute("SELECT n FROM counts WHERE name = 'articles'").fetchone()[0]
    empty, large = [], []
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        for n in range(args.rounds):
            empty.append(harvest(Path(tmp) / f"empty{n}.db", args.articles, seed=1000 + 2 * n))
            large.append(harvest(args.db, args.articles, seed=1001 + 2 * n + int(time.time())))
    e, g = statistics.median(empty), statistics.median(large)
    report = (f"| archive | articles before | crawl of {args.articles} new articles, wall s (median of {args.rounds}) |\n"
              "|---|---|---|\n"
              f"| empty | 0 | {e:.1f} ({', '.join(f'{x:.1f}' for x in empty)}) |\n"
              f"| {args.db.name} | {size:,} | **{g:.1f}** ({', '.join(f'{x:.1f}' for x in large)}; {g / e:.2f}× the empty one) |")
    print(report)
    if not args.no_append:
        append("a small harvest into a large archive", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

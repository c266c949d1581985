"""How far past ``--max-time`` a harvest runs, in this tree and in a baseline tree, measured in the same run.

A loopback mirror of ``--articles`` articles, each answering in ``--answer`` seconds (one connection per host: one at
a time), is harvested with ``--max-time LIMIT`` into a fresh archive, by each tree alternately, ``--rounds`` times.
The figures: the crawl's open-to-close seconds (Scrapy's ``elapsed_time_seconds``, the process start-up left out),
its overrun past the limit, the requests let go at the limit (``kznews/time_limit/let_go``), the articles archived,
and the medians' ratio this tree / baseline.  Then, in this tree, a second harvest without a limit archives the rest:
every article is archived once and the server saw each article asked once over both runs.

Get a baseline tree with ``git archive COMMIT | tar -x -C DIR``.

Usage: ``python bench/timelimit.py BASELINE_DIR [--articles 20] [--answer 1.0] [--limit 2] [--rounds 3] [--no-append]``
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402
from tests.conftest import FAST  # noqa: E402
from tests.mirror.server import Override, serve  # noqa: E402
from tests.mirror.site import build_site  # noqa: E402
from tests.test_harvest import registry  # noqa: E402


def _harvest(tree: Path, db: Path, sites_file: Path, limit: int) -> tuple[int, dict[str, float]]:
    """Run ``kznews harvest mirror --max-time LIMIT`` of ``tree``: its exit code and its run's stats."""
    env = {**os.environ, "KZNEWS_SITES": str(sites_file)}
    done = subprocess.run([sys.executable, "-m", "kznews", "--db", str(db), "harvest", "mirror", *FAST,
                           "--max-time", str(limit)], cwd=tree, env=env, capture_output=True, text=True)
    with sqlite3.connect(db) as conn:
        stats = json.loads(conn.execute("SELECT stats FROM runs ORDER BY id DESC").fetchone()[0])
    return done.returncode, stats


def _archived(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, help="a baseline tree (git archive COMMIT | tar -x -C DIR)")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--answer", type=float, default=1.0)
    parser.add_argument("--limit", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    site = build_site(n_articles=args.articles, seed=3)
    paths = {article.path for article in site.articles}
    overrides = {path: Override(delay=args.answer) for path in paths}
    elapsed: dict[str, list[float]] = {"baseline": [], "this tree": []}
    rows = []
    with tempfile.TemporaryDirectory() as tmp, serve(site, overrides) as server:
        sites_file = registry(Path(tmp), server.base_url)
        for n in range(args.rounds):
            for label, tree in (("baseline", args.baseline.resolve()), ("this tree", ROOT)):
                db = Path(tmp) / f"{n}-{label}.db"
                code, stats = _harvest(tree, db, sites_file, args.limit)
                seconds = float(stats["elapsed_time_seconds"])
                elapsed[label].append(seconds)
                rows.append(f"| {label} | {n + 1} | {code} | {seconds:.2f} | {seconds - args.limit:.2f} | "
                            f"{int(stats.get('kznews/time_limit/let_go', 0))} | {_archived(db)} |")
        before = len(server.hits)
        db = Path(tmp) / "resumed.db"
        _harvest(ROOT, db, sites_file, args.limit)
        overrides.clear()
        code, _ = _harvest(ROOT, db, sites_file, 0)
        asked = [hit.path for hit in server.hits[before:] if hit.path in paths]
        resumed = (f"Resumed (this tree): a harvest with the limit then one without (prompt answers): exit {code}, "
                   f"{_archived(db)} of {args.articles} articles archived, {len(asked)} article requests, "
                   f"{len(asked) - len(set(asked))} of them repeated.")
    old, new = statistics.median(elapsed["baseline"]), statistics.median(elapsed["this tree"])
    report = (f"{args.articles} articles answering in {args.answer} s each, one connection per host, "
              f"--max-time {args.limit}; load average (1 min) at the end {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores.\n\n"
              "| tree | round | exit | open to close s | past the limit s | let go at the limit | archived |\n"
              "|---|---|---|---|---|---|---|\n" + "\n".join(rows) +
              f"\n\nMedian open to close: baseline {old:.2f} s, this tree {new:.2f} s (**{new / old:.2f}**); past the "
              f"limit {old - args.limit:.2f} -> {new - args.limit:.2f} s.\n\n{resumed}")
    print(report)
    if not args.no_append:
        append("--max-time: how far past the limit a harvest runs", report, __file__, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Archive write speed of this tree against a baseline tree, measured in the same run, and the upgrade's cost.

Each round writes the same generated articles (``bench/archive.py``'s ``write``: pipeline-sized batches, bodies
packed as the extraction worker packs them, only ``Archive.store`` timed) once with the baseline's code and once
with this tree's, alternately, each in a fresh process and archive; the figure is articles per CPU second of the
writer (the steadier one on a shared machine) and its ratio, beside articles per wall-clock second and the machine's
load average (1 min) at the end of each write: on an idle machine the two rates agree.  Then the baseline's archive is opened by this tree's
writer, which upgrades it in place: its time per article.

Get a baseline tree with ``git archive COMMIT | tar -x -C DIR``.

Usage: ``python bench/archive_against.py BASELINE_DIR [--articles 20000] [--rounds 2] [--no-append]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402

_WRITE = """
import json, sys
from pathlib import Path
sys.path.insert(0, {tree!r})
from bench.archive import write
print(json.dumps(write(Path({db!r}), {articles}, 500, 16, True)))
"""
_UPGRADE = """
import sys, time
sys.path.insert(0, {tree!r})
from kznews.storage import Archive
start = time.process_time()
Archive({db!r}).close()
print(time.process_time() - start)
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, help="a baseline tree (git archive COMMIT | tar -x -C DIR)")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    rates: dict[str, list[float]] = {"baseline": [], "this tree": []}
    walls: dict[str, list[float]] = {"baseline": [], "this tree": []}
    loads: list[float] = []
    sizes: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        for n in range(args.rounds):
            for name, tree in (("baseline", args.baseline.resolve()), ("this tree", ROOT)):
                db = Path(tmp) / f"{name.replace(' ', '-')}-{n}.db"
                result = json.loads(_run(_WRITE.format(tree=str(tree), db=str(db), articles=args.articles)))
                rates[name].append(result["cpu_rate"])
                walls[name].append(result["rate"])
                loads.append(os.getloadavg()[0])
                sizes[name] = db.stat().st_size / 2**20
        upgraded = Path(tmp) / "baseline-0.db"
        start = time.perf_counter()
        upgrade_cpu = float(_run(_UPGRADE.format(tree=str(ROOT), db=str(upgraded))))
        upgrade_wall = time.perf_counter() - start
        upgrade_size = upgraded.stat().st_size / 2**20
    base, now = statistics.median(rates["baseline"]), statistics.median(rates["this tree"])
    wall_ratio = statistics.median(walls["this tree"]) / statistics.median(walls["baseline"])
    report = "\n".join([
        f"| tree | articles written per CPU second (median of {args.rounds}, {args.articles} articles, batches of 500,"
        " packed) | each round | per wall-clock second (median) | archive MiB |",
        "|---|---|---|---|---|",
        *(f"| {name} | **{statistics.median(r):.0f}** | {', '.join(f'{x:.0f}' for x in r)} |"
          f" {statistics.median(walls[name]):.0f} | {sizes[name]:.0f} |" for name, r in rates.items()),
        "",
        f"This tree writes at **{now / base:.2f}x** the baseline's rate per CPU second ({100 * (now / base - 1):+.0f}%),"
        f" {wall_ratio:.2f}x per wall-clock second; load average (1 min) after each write"
        f" {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores.",
        f"Upgrading the baseline's archive in place (this tree's first writer): {upgrade_cpu:.1f} s CPU,"
        f" {upgrade_wall:.1f} s wall for {args.articles} articles"
        f" ({1000 * upgrade_cpu / args.articles:.2f} ms CPU per article); {sizes['baseline']:.0f} -> {upgrade_size:.0f} MiB.",
    ])
    print(report)
    if not args.no_append:
        append(f"archive write speed against {args.baseline.name}", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

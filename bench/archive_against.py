"""Archive write speed of this tree against a baseline tree, measured in the same run, and the upgrade's cost.

Each round writes the same generated articles (``bench/archive.py``'s ``write``: pipeline-sized batches, bodies
packed as the extraction worker packs them, only ``Archive.store`` timed) once with the baseline's code and once
with this tree's, alternately, each in a fresh process and archive; the figure is articles per CPU second of the
writer (the steadier one on a shared machine) and its ratio, beside articles per wall-clock second and the machine's
load average (1 min) at the end of each write: on an idle machine the two rates agree.  Then the baseline's archive is opened by this tree's
writer, which upgrades it in place: its time per article.

``--lockstep``: in each round the two writers run side by side and take turns batch by batch (each waits for its
turn before a ``store`` and reports that call's CPU), so a change in the machine's load over the run falls on both
alike; the whole-process rounds above see it fall on one writer or the other.

Get a baseline tree with ``git archive COMMIT | tar -x -C DIR``.

Usage: ``python bench/archive_against.py BASELINE_DIR [--articles 20000] [--rounds 2] [--lockstep] [--no-append]``
"""

from __future__ import annotations

import argparse
import contextlib
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
_LOCKSTEP = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {tree!r})
from bench.archive import write
from kznews.storage import Archive
real, cpu, wall = Archive.store, [], []
def store(self, *args, **kwargs):
    sys.stdin.readline()  # the other writer's batch is done: this one's turn
    start, start_cpu = time.perf_counter(), time.process_time()
    result = real(self, *args, **kwargs)
    cpu.append(time.process_time() - start_cpu)
    wall.append(time.perf_counter() - start)
    print("done", flush=True)
    return result
Archive.store = store
result = write(Path({db!r}), {articles}, 500, 16, True)
print(json.dumps({{**result, "rate": result["articles"] / sum(wall), "cpu_rate": result["articles"] / sum(cpu)}}),
      flush=True)
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


def _lockstep(trees: dict[str, Path], tmp: Path, n: int, articles: int) -> dict[str, dict[str, float]]:
    """Write the same articles with each tree's writer, the writers taking turns batch by batch."""
    procs = {
        name: subprocess.Popen(
            [sys.executable, "-c", _LOCKSTEP.format(tree=str(tree), db=str(tmp / f"{name.replace(' ', '-')}-{n}.db"),
                                                    articles=articles)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for name, tree in trees.items()
    }
    results: dict[str, dict[str, float]] = {}
    while len(results) < len(procs):
        for name, proc in procs.items():
            if name in results:
                continue
            assert proc.stdin is not None and proc.stdout is not None
            with contextlib.suppress(BrokenPipeError):  # a writer past its last batch may have exited
                proc.stdin.write("go\n")
                proc.stdin.flush()
            line = proc.stdout.readline()
            if line.startswith("{"):  # the writer finished (its last batch was done before this turn)
                results[name] = json.loads(line)
            elif line != "done\n":
                raise SystemExit(f"{name}'s writer failed (exit {proc.wait()})")
    for proc in procs.values():
        if proc.wait():
            raise SystemExit("a writer failed")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, help="a baseline tree (git archive COMMIT | tar -x -C DIR)")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--lockstep", action="store_true", help="the two writers take turns batch by batch")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    rates: dict[str, list[float]] = {"baseline": [], "this tree": []}
    walls: dict[str, list[float]] = {"baseline": [], "this tree": []}
    loads: list[float] = []
    sizes: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        trees = {"baseline": args.baseline.resolve(), "this tree": ROOT}
        for n in range(args.rounds):
            together = _lockstep(trees, Path(tmp), n, args.articles) if args.lockstep else {}
            for name, tree in trees.items():
                db = Path(tmp) / f"{name.replace(' ', '-')}-{n}.db"
                result = together.get(name) or json.loads(
                    _run(_WRITE.format(tree=str(tree), db=str(db), articles=args.articles)))
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
        f" packed{', the writers in lockstep' if args.lockstep else ''}) | each round | per wall-clock second (median) | archive MiB |",
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

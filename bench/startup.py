"""Command-line start-up of this tree against a baseline tree, measured in the same run.

Each command (commands that extract nothing: the group's help, ``stats`` and ``sql`` on an empty archive, a crawl
command's help; and ``search``, which reads the Kazakh alphabets' tables from ``kznews.extract``) runs as a fresh
``python -m kznews`` process in each tree, alternately, ``--rounds`` times; the figures are the median wall-clock
seconds and CPU seconds of the process (the steadier one on a shared machine) and the ratio this tree / baseline.
The rows ``python -c pass`` and ``import kznews.extract`` (this tree's) are the floor and what the commands that
extract nothing must not pay.

Get a baseline tree with ``git archive COMMIT | tar -x -C DIR``.

Usage: ``python bench/startup.py BASELINE_DIR [--rounds 5] [--no-append]``
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from time import monotonic

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402

COMMANDS = (["--help"], ["stats"], ["sql", "SELECT 1"], ["harvest", "--help"], ["search", "Алматы"])


def _timed(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = monotonic()
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True)
    wall = monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", type=Path, help="a baseline tree (git archive COMMIT | tar -x -C DIR)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    baseline = args.baseline.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "empty.db"
        subprocess.run([sys.executable, "-c", f"from kznews.storage import Archive; Archive({str(db)!r}).close()"],
                       cwd=ROOT, check=True)
        rows = []
        for label, floor in (("python -c pass", "pass"), ("import kznews.extract", "import kznews.extract")):
            wall, cpu = _median([_timed([sys.executable, "-c", floor], ROOT) for _ in range(args.rounds)])
            rows.append(f"| `{label}` (this tree) | | | {wall:.2f} | {cpu:.2f} | |")
        for command in COMMANDS:
            full = [sys.executable, "-m", "kznews", "--db", str(db), *command]
            old: list[tuple[float, float]] = []
            new: list[tuple[float, float]] = []
            for _ in range(args.rounds):
                old.append(_timed(full, baseline))
                new.append(_timed(full, ROOT))
            (old_wall, old_cpu), (new_wall, new_cpu) = _median(old), _median(new)
            rows.append(f"| `kznews {' '.join(command)}` | {old_wall:.2f} | {old_cpu:.2f} | {new_wall:.2f} | "
                        f"{new_cpu:.2f} | **{new_cpu / old_cpu:.2f}** |")
    load = os.getloadavg()[0]
    report = (f"Median of {args.rounds} fresh processes per command and tree, alternately; baseline {baseline}; "
              f"load average (1 min) at the end {load:.1f} on {os.cpu_count()} cores.\n\n"
              "| command | baseline wall s | baseline CPU s | this tree wall s | this tree CPU s | CPU this / baseline |\n"
              "|---|---|---|---|---|---|\n" + "\n".join(rows))
    print(report)
    if not args.no_append:
        append("command-line start-up", report, __file__, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())

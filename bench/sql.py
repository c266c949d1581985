"""`kznews sql` on a large archive: peak memory and time of whole commands, each format, big and bad queries.

Each command runs in its own process (``python -m kznews --db ARCHIVE sql ...``, stdout to /dev/null), its peak
resident memory read from ``getrusage`` of a wrapper process that has no other child.  ``--base SRC`` runs the same
commands with another checkout's code (``git worktree add /tmp/base <commit>``), in the same run, for a ratio; only
the first, bounded query, as a checkout that holds every row in memory takes gigabytes and minutes on the others.

Usage: ``python bench/sql.py ARCHIVE [--base SRC] [--no-append]`` (an archive from
``bench/generate_archive.py ARCHIVE --articles 100000``).  Prints a table and appends it to ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, the project root is not
    sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402

QUERIES = (
    ("SELECT * FROM articles LIMIT 10000", "table"),
    ("SELECT * FROM articles", "table"),
    ("SELECT * FROM articles", "csv"),
    ("SELECT * FROM articles", "json"),
    ("SELECT url, body FROM pages", "json"),
    ("SELECT randomblob(1000000000)", "table"),
)
_WRAPPER = ("import resource, subprocess, sys; "
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode; "
            "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def measure(src: Path, archive: str, query: str, fmt: str, timeout: float) -> tuple[int, float, float]:
    """(exit code, peak RSS in MB, seconds) of one `kznews sql` command run with the code in ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-m", "kznews", "--db", archive, "sql", query, "--format", fmt, "--timeout", str(timeout)]
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, env=env, cwd=src)
    code, kib = out.stdout.split()
    return int(code), int(kib) / 1024, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive")
    parser.add_argument("--base", type=Path, help="another checkout's root, run on the same commands")
    parser.add_argument("--timeout", type=float, default=600.0, help="the commands' --timeout (seconds)")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    lines = ["| query | format | code | exit | peak RSS MB | seconds |", "|---|---|---|---|---|---|"]
    for n, (query, fmt) in enumerate(QUERIES):
        for label, src in (("kznews", ROOT), ("base", args.base)):
            if src is None or (label == "base" and n > 0):
                continue
            code, rss, seconds = measure(src, args.archive, query, fmt, args.timeout)
            lines.append(f"| `{query}` | {fmt} | {label} | {code} | {rss:.0f} | {seconds:.1f} |")
            print(lines[-1], flush=True)
    report = "\n".join(lines)
    if not args.no_append:
        append(f"sql on {Path(args.archive).name}", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

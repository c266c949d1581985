"""Instructions per page of ``extract_page``, this checkout beside a baseline revision, counted by valgrind.

CPU seconds on a shared machine move by a third from one minute to the next; the instructions a pass
executes do not (callgrind counts the same total twice for the same code and input).  Each set of
``bench/extract_layers.py`` is extracted once to warm up, then once with callgrind counting (switched on
and off around that pass with ``callgrind_control``, so start-up and imports do not count).  The baseline
is a ``git worktree`` of ``--base`` in a temporary folder, given the same pages.  Needs valgrind.

Usage: ``python bench/instructions.py [--base REV] [--set NAME ...] [--limit N] [--no-append]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extract_layers import SETS  # noqa: E402
from bench.results import append  # noqa: E402

# Run with the checkout under test; the page sets come from this checkout's bench, the same for both.
_CHILD = r"""
import os, subprocess, sys
tree, bench, name, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) or None
sys.path.insert(0, tree)
import kznews.extract as ex  # the package under test, imported first: the page sets below use it too
import kznews.sites
sys.path.insert(0, bench)
from bench.extract_layers import FETCHED, SETS
assert ex.__file__.startswith(tree) and kznews.sites.__file__.startswith(tree), ex.__file__
pages = SETS[name](limit)
def run():
    for body, url, outlet, kind in pages:
        ex.extract_page(body, url, outlet=outlet, fetched_at=FETCHED, kind=kind,
                        headers={"Content-Type": ["text/html; charset=utf-8"]})
run()
control = ["callgrind_control", "-i"]
subprocess.run([*control, "on", str(os.getpid())], check=True, capture_output=True)
run()
subprocess.run([*control, "off", str(os.getpid())], check=True, capture_output=True)
print(len(pages))
"""


def count(tree: Path, name: str, limit: int | None) -> float:
    """Instructions per page of one pass over set ``name``, extracted by the kznews in ``tree``."""
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", _CHILD, str(tree), str(ROOT), name, str(limit or 0)],
        capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"extracting {name} with {tree} failed: {out.stderr[-1500:]}")
    collected = re.search(r"Collected : (\d+)", out.stderr)
    if collected is None:
        raise SystemExit(f"callgrind printed no count for {name}: {out.stderr[-400:]}")
    return int(collected.group(1)) / int(out.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="baseline git revision (default: none, this checkout only)")
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="a set (repeatable; default outlet sets)")
    parser.add_argument("--limit", type=int, default=20, help="pages per set (default 20)")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    names = args.set or ["outlet-articles", "outlet-listings", "mirror"]
    with tempfile.TemporaryDirectory() as scratch:
        trees = {"this checkout": ROOT}
        if args.base:
            base = Path(scratch) / "base"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base), args.base],
                           check=True, capture_output=True)
            trees = {f"base {args.base}": base, **trees}
        try:
            figures = {label: {name: count(tree, name, args.limit) for name in names} for label, tree in trees.items()}
        finally:
            if args.base:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
    labels = list(figures)
    lines = ["| set (pages) | " + " | ".join(f"{label} (M instructions/page)" for label in labels)
             + (" | this / base |" if args.base else " |"),
             "|---|" + "---|" * (len(labels) + bool(args.base))]
    for name in names:
        row = [f"{figures[label][name] / 1e6:.1f}" for label in labels]
        if args.base:
            row.append(f"{figures[labels[1]][name] / figures[labels[0]][name]:.2f}")
        lines.append(f"| {name} ({args.limit}) | " + " | ".join(row) + " |")
    report = "\n".join(lines)
    print(report)
    if not args.no_append:
        append("instructions per page of extract_page (callgrind)", report, __file__, argv)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")  # the same hashing in every run: the same instructions
    raise SystemExit(main())

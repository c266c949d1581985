"""Cost per page of ``extract_page``, this checkout beside a baseline revision: instructions (valgrind) and CPU ms.

CPU seconds on a shared machine move by a third from one minute to the next; the instructions a pass
executes do not (callgrind counts the same total twice for the same code and input).  The first ``--limit``
pages of a set of ``bench/extract_layers.py`` are extracted once with callgrind counting (switched on and off
around that pass with ``callgrind_control``, so start-up and imports do not count), after a warm-up pass over
the set's next ``--limit`` pages (imports, compiled patterns, caches filled by other pages than the counted
ones; the outlet sets repeat their few pages, so there the warm-up reads the same pages, as a crawl of one
outlet would).  ``--cpu N`` also times the sets without valgrind: N rounds, each a new process, the two
checkouts alternating, best pass of each (CPU time of the process), so both see the same machine.  The baseline is a ``git worktree`` of ``--base`` in a
temporary folder, given the same pages.  Needs valgrind.

Usage: ``python bench/instructions.py [--base REV] [--set NAME ...] [--limit N] [--cpu ROUNDS] [--no-append]``.
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
# A warm-up pass over the next ``limit`` pages of the set (the same pages when the set repeats a few), then
# one pass over the first ``limit``, so per-process caches hold what other pages left, not these pages' own
# answers.  "count": that pass counted by callgrind; "time": its CPU ms per page.
_CHILD = r"""
import os, subprocess, sys, time
tree, bench, name, limit, mode = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
sys.path.insert(0, tree)
import kznews.extract as ex  # the package under test, imported first: the page sets below use it too
import kznews.sites
sys.path.insert(0, bench)
from bench.extract_layers import FETCHED, SETS
assert ex.__file__.startswith(tree) and kznews.sites.__file__.startswith(tree), ex.__file__
pages = SETS[name](2 * limit)
pages, warm = pages[:limit], pages[limit:] or pages[:limit]
def run(pages):
    for body, url, outlet, kind in pages:
        ex.extract_page(body, url, outlet=outlet, fetched_at=FETCHED, kind=kind,
                        headers={"Content-Type": ["text/html; charset=utf-8"]})
run(warm)
if mode == "count":
    control = ["callgrind_control", "-i"]
    subprocess.run([*control, "on", str(os.getpid())], check=True, capture_output=True)
    run(pages)
    subprocess.run([*control, "off", str(os.getpid())], check=True, capture_output=True)
    print(len(pages))
else:
    start = time.process_time()
    run(pages)
    print(1000 * (time.process_time() - start) / len(pages))
"""


def _child(tree: Path, name: str, limit: int, mode: str, prefix: list[str]) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([*prefix, sys.executable, "-c", _CHILD, str(tree), str(ROOT), name, str(limit), mode],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"extracting {name} with {tree} failed: {out.stderr[-1500:]}")
    return out


def count(tree: Path, name: str, limit: int) -> float:
    """Instructions per page of one pass over set ``name``, extracted by the kznews in ``tree``."""
    out = _child(tree, name, limit, "count",
                 ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null"])
    collected = re.search(r"Collected : (\d+)", out.stderr)
    if collected is None:
        raise SystemExit(f"callgrind printed no count for {name}: {out.stderr[-400:]}")
    return int(collected.group(1)) / int(out.stdout.split()[-1])


def cpu_ms(tree: Path, name: str, limit: int) -> float:
    """CPU ms per page of set ``name`` extracted by the kznews in ``tree`` (one pass after the warm-up)."""
    return float(_child(tree, name, limit, "time", []).stdout.split()[-1])


def table(names: list[str], limit: int, instructions: dict[str, dict[str, float]],
          times: dict[str, dict[str, float]]) -> str:
    """Markdown: per set, each checkout's M instructions (and CPU ms) per page, and this / base."""
    labels = list(instructions)
    head = [f"{label}: M instructions/page" for label in labels]
    if times:
        head += [f"{label}: CPU ms/page (pages/s)" for label in labels]
    if len(labels) == 2:
        head += ["this / base, instructions"] + (["this / base, CPU"] if times else [])
    lines = ["| set (pages) | " + " | ".join(head) + " |", "|---|" + "---|" * len(head)]
    for name in names:
        row = [f"{instructions[label][name] / 1e6:.1f}" for label in labels]
        if times:
            row += [f"{times[label][name]:.2f} ({1000 / times[label][name]:.0f})" for label in labels]
        if len(labels) == 2:
            row.append(f"{instructions[labels[1]][name] / instructions[labels[0]][name]:.2f}")
            if times:
                row.append(f"{times[labels[1]][name] / times[labels[0]][name]:.2f}")
        lines.append(f"| {name} ({limit}) | " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="baseline git revision (default: none, this checkout only)")
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="a set (repeatable; default outlet sets)")
    parser.add_argument("--limit", type=int, default=20, help="pages per set (default 20)")
    parser.add_argument("--cpu", type=int, default=0, metavar="ROUNDS", help="also time each set, ROUNDS alternating runs")
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
            instructions = {label: {name: count(tree, name, args.limit) for name in names}
                            for label, tree in trees.items()}
            times: dict[str, dict[str, float]] = {label: {} for label in trees} if args.cpu else {}
            for _ in range(args.cpu):
                for name in names:
                    for label, tree in trees.items():
                        ms = cpu_ms(tree, name, args.limit)
                        times[label][name] = min(times[label].get(name, ms), ms)
        finally:
            if args.base:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
    report = table(names, args.limit, instructions, times)
    print(report)
    if not args.no_append:
        append("cost per page of extract_page (callgrind instructions, CPU time)", report, __file__, argv)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")  # the same hashing in every run: the same instructions
    raise SystemExit(main())

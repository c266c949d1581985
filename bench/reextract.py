"""Backfill speed: ``kznews reextract`` over an archive of real pages, beside the one-page-at-a-time way, same run.

The archive holds real pages stored raw: the outlet pages of ../shared/pages and the unknown-site
pages of the Zyte and WCXB sets (``--limit`` of each), each stored as its own URL.  Every run
re-extracts a fresh copy of it, so each run does the same work (every article new).  Runs:
``one by one`` is the way reextract worked before: extraction in the process, one transaction
per page; then ``reextract`` with 0 workers (in-process, batches) and with 1 .. ``--workers``
worker processes.  Each run is a fresh process (``--run``), so each pays the start-up a real run
pays (imports, dateparser's locale data on its first free-text date).  Pages/s are per wall-clock
second of the whole run (start-up, reading, extracting, writing); CPU is the run's process and its workers'.

With ``--against TREE`` (repeatable: checkouts of earlier commits, e.g. ``git worktree add /tmp/base COMMIT``) it
compares trees instead: for 1 .. ``--workers`` workers, a run importing each tree's code re-extracts a fresh copy of
the same seeded archive (so the trees must share its schema version), the trees in turn, ``--rounds`` times;
articles/s are medians over the rounds, each against the first tree's in the same run, beside the CPU of the run's
own process (the writer: reading, batching, writing; extraction is its workers'), steadier on a shared machine.

Usage: ``python bench/reextract.py [--limit 400] [--repeat 1] [--workers 2] [--against TREE [--rounds 3]] [--no-append]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The code a timed run imports: this tree, or (``--against``) the checkout the parent names.
sys.path.insert(0, os.environ.get("KZNEWS_BENCH_TREE") or str(ROOT))

from bench.results import append  # noqa: E402
from kznews.items import PageItem  # noqa: E402
from kznews.reextract import extract_again, reextract  # noqa: E402
from kznews.sites import adhoc, for_url  # noqa: E402
from kznews.storage import Archive  # noqa: E402

SHARED = ROOT.parent / "shared"
FETCHED = "2026-01-01T00:00:00+00:00"


def real_pages(limit: int) -> list[tuple[str, bytes]]:
    """(url, body) of the outlet pages and of ``limit`` Zyte and ``limit`` WCXB pages."""
    pages = []
    for path in sorted((SHARED / "pages").glob("*/*.html")):
        meta = json.loads(path.with_suffix(".meta.json").read_text("utf-8"))
        pages.append((meta.get("url_if_known") or f"https://www.{path.parent.name}/", path.read_bytes()))
    truth = json.loads((SHARED / "evaldata/zyte/ground-truth.json").read_text("utf-8"))
    for key in sorted(truth)[:limit]:
        pages.append((truth[key].get("url") or f"https://zyte.example/{key}",
                      gzip.decompress((SHARED / f"evaldata/zyte/html/{key}.html.gz").read_bytes())))
    folder = SHARED / "evaldata/wcxb-dev-articles"
    for path in sorted((folder / "ground-truth").glob("*.json"))[:limit]:
        url = json.loads(path.read_text("utf-8")).get("url") or f"https://wcxb.example/{path.stem}"
        pages.append((url, gzip.decompress((folder / "html" / f"{path.stem}.html.gz").read_bytes())))
    seen: set[str] = set()
    return [(url, body) for url, body in pages if not (url in seen or seen.add(url))]  # type: ignore[func-returns-value]


def seed(path: Path, pages: list[tuple[str, bytes]]) -> None:
    """Store the pages raw (no record), as a crawl stores a page whose extraction failed."""
    with Archive(path) as archive:
        archive.store([PageItem(url=url, status=200, headers={"Content-Type": ["text/html"]}, body=body,
                                fetched_at=FETCHED, site=None, edition=None, kind="page") for url, body in pages])


def one_by_one(archive: Archive) -> int:
    """Re-extraction as it was: in this process, one transaction per page."""
    changed = 0
    for page_id, item in archive.iter_pages():
        found = extract_again(item, for_url(item.url) or adhoc(item.url))
        if not isinstance(found, str):
            result = archive.store_records([(page_id, found)])
            changed += result.new_articles + result.updated_articles
    return changed


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)  # the run's process and its workers, once reaped
    return used.ru_utime + used.ru_stime


def timed(seeded: Path, work: str, mode: str, tree: Path = ROOT) -> dict[str, float | str]:
    """Run ``mode`` ("one", or a worker count) with ``tree``'s code in a fresh process on a fresh copy of the seeded
    archive."""
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        db = Path(tmp) / "copy.db"
        shutil.copy(seeded, db)
        start, cpu = time.perf_counter(), _children_cpu()
        out = subprocess.run([sys.executable, __file__, "--run", mode, "--db", str(db)], capture_output=True,
                             text=True, check=True, env={**os.environ, "KZNEWS_BENCH_TREE": str(tree)}).stdout
        wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    changed, writer = out.split()
    return {"work": work, "changed": int(changed), "wall": wall, "cpu": cpu, "writer": float(writer)}


def run(mode: str, db: Path) -> None:
    """One timed run (the child side of ``timed``): print how many articles it stored, and its own CPU seconds."""
    with Archive(db) as archive:
        changed = one_by_one(archive) if mode == "one" else reextract(archive, workers=int(mode)).changed
    used = resource.getrusage(resource.RUSAGE_SELF)
    print(changed, used.ru_utime + used.ru_stime)


def against(pages: list[tuple[str, bytes]], trees: list[Path], workers: int, rounds: int, argv: list[str] | None,
            no_append: bool) -> int:
    """Each tree's reextract with 1 .. ``workers`` workers on the same seeded archive, in turn, ``rounds`` times."""
    rates: dict[tuple[int, Path], list[float]] = {}
    cpus: dict[tuple[int, Path], list[float]] = {}
    writers: dict[tuple[int, Path], list[float]] = {}
    stored: dict[tuple[int, Path], set[int]] = {}
    loads: list[float] = []
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        seeded = Path(tmp) / "seed.db"
        seed(seeded, pages)
        for _ in range(rounds):
            for n in range(1, workers + 1):
                for tree in trees:
                    r = timed(seeded, "", str(n), tree.resolve())
                    rates.setdefault((n, tree), []).append(int(r["changed"]) / float(r["wall"]))
                    cpus.setdefault((n, tree), []).append(1000 * float(r["cpu"]) / int(r["changed"]))
                    writers.setdefault((n, tree), []).append(1000 * float(r["writer"]) / int(r["changed"]))
                    stored.setdefault((n, tree), set()).add(int(r["changed"]))
                    loads.append(os.getloadavg()[0])
    lines = [f"| tree | workers | articles stored | articles/s (median of {rounds}) | each round | CPU ms/article"
             " | the writer's CPU ms/article | vs the first tree (articles/s) |", "|---|---|---|---|---|---|---|---|"]
    for n in range(1, workers + 1):
        base = statistics.median(rates[(n, trees[0])])
        for tree in trees:
            rate = statistics.median(rates[(n, tree)])
            lines.append(f"| {_name(tree)} | {n} | {'/'.join(map(str, sorted(stored[(n, tree)])))} | **{rate:.1f}** "
                         f"| {', '.join(f'{x:.1f}' for x in rates[(n, tree)])} "
                         f"| {statistics.median(cpus[(n, tree)]):.1f} | {statistics.median(writers[(n, tree)]):.2f} "
                         f"| {rate / base:.2f}× |")
    report = "\n".join(lines) + (
        f"\n\n{len(pages)} real pages (outlet pages of ../shared/pages, Zyte and WCXB pages), stored raw, re-extracted"
        f" from a fresh copy each run by each tree's code in turn; {os.cpu_count()} cores, load average (1 min) after"
        f" each run {min(loads):.1f}-{max(loads):.1f}.")
    print(report)
    if not no_append:
        append("reextract against earlier trees", report, __file__, argv)
    return 0


def _name(tree: Path) -> str:
    """The commit a tree is checked out at (this tree: "this tree")."""
    if tree == ROOT:
        return "this tree"
    head = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h"], capture_output=True, text=True)
    return f"{tree.name} ({head.stdout.strip()})" if head.returncode == 0 else tree.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400, help="pages of each evaluation set (Zyte has 181)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="store each page this many times, under distinct URLs (a longer run amortises start-up)")
    parser.add_argument("--against", type=Path, action="append", default=[],
                        help="a checkout of an earlier commit to compare this tree with (repeatable; the first is the baseline)")
    parser.add_argument("--rounds", type=int, default=3, help="with --against: runs of each tree per worker count")
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # the child of one timed run
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        run(args.run, args.db)
        return 0
    pages = [(f"{url}{'?copy=' + str(n) if n else ''}", body) for n in range(args.repeat) for url, body in real_pages(args.limit)]
    if args.against:
        return against(pages, [*args.against, ROOT], args.workers, args.rounds, argv, args.no_append)
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        seeded = Path(tmp) / "seed.db"
        seed(seeded, pages)
        runs = [timed(seeded, "one by one (in-process, a transaction per page)", "one")]
        for workers in range(args.workers + 1):
            runs.append(timed(seeded, f"reextract, {workers} workers" + (" (in-process, batches)" if not workers else ""),
                              str(workers)))
    base = len(pages) / runs[0]["wall"]
    lines = ["| run | pages | articles stored | wall s | pages/s | CPU ms/page | vs one by one |", "|---|---|---|---|---|---|---|"]
    for r in runs:
        rate = len(pages) / r["wall"]
        lines.append(f"| {r['work']} | {len(pages)} | {r['changed']} | {r['wall']:.1f} | **{rate:.0f}** "
                     f"| {1000 * r['cpu'] / len(pages):.1f} | {rate / base:.2f}× |")
    report = "\n".join(lines) + (f"\n\n{len(pages)} real pages (outlet pages of ../shared/pages, Zyte and WCXB pages), "
                                 f"stored raw, re-extracted from a fresh copy each run; {os.cpu_count()} cores.")
    print(report)
    if not args.no_append:
        append("reextract (backfill) of real pages", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

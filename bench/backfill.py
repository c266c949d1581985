"""Backfill from web archives: records/s and bytes per archived article; `kznews import` on all cores vs one.

Real pages (the Zyte benchmark's news articles, ``--pages`` of them, plus ../shared/pages) are served as captures of
Kazinform articles by the loopback Common Crawl double of ``tests/backfill/doubles.py`` (one crawl, gzip-member
WARC records written by warcio, an NDJSON index); ``kznews backfill``'s spider fetches them with the politeness
delays at zero (a loopback server is not an archive to spare).  Bytes are what the data server sent for the
records beside the records' own lengths (goal: at most 1.05 times: single records, never whole files), and what
the index sent, per archived article.  The same records as one WARC file are then imported with every core
(``--workers``, default one per core) and with one (extraction in the reading process), each in a fresh process
(start-up included, as a real import pays it), the CPU time of the reading and writing process (the serial part:
its start-up, then per record) told apart from its extraction workers' (the parallel part), since load does not
change that split as it changes wall time; and the file is read, without extraction, by warcio and, when
installed, FastWARC.

Usage: ``python bench/backfill.py [--pages 181] [--wcxb 793] [--backfill 300] [--repeat 2] [--workers N] [--no-append]``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402
from kznews.backfill.records import iter_responses  # noqa: E402
from tests.backfill.doubles import Archives, Snapshot, _warc  # noqa: E402

SHARED = ROOT.parent / "shared"
CRAWL = "CC-MAIN-2020-50"


def snapshots(zyte: int, wcxb: int) -> list[Snapshot]:
    """Real article pages as captures of distinct Kazinform article URLs, a minute apart."""
    bodies = [p.read_bytes() for p in sorted((SHARED / "pages").glob("*/*.html"))]
    for path in [*sorted((SHARED / "evaldata/zyte/html").glob("*.html.gz"))[:zyte],
                 *sorted((SHARED / "evaldata/wcxb-dev-articles/html").glob("*.html.gz"))[:wcxb]]:
        bodies.append(gzip.decompress(path.read_bytes()))
    return [Snapshot(f"https://www.inform.kz/ru/bench-story_a{100000 + i}", f"202012{1 + i // 1440:02d}{i // 60 % 24:02d}{i % 60:02d}00", body)
            for i, body in enumerate(bodies)]


def backfill(snaps: list[Snapshot], work: Path) -> dict[str, float]:
    """One backfill of the captures from the loopback double; its wall time and bytes."""
    archives = Archives(crawls={CRAWL: snaps}, page_size=50)
    base = archives.start()
    try:
        db = work / "backfill.db"
        settings = {"KZNEWS_CC_INDEX": base, "KZNEWS_CC_DATA": base, "KZNEWS_CC_INDEX_DELAY": 0.001,
                    "LOG_LEVEL": "ERROR"}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "tests.backfill.run", str(db),
                               json.dumps({"site": "inform", "source": "commoncrawl"}), json.dumps(settings)],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        wall = time.monotonic() - started
        summary = json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        archives.stop()
    data = [h for h in archives.hits if h.path.startswith("/crawl-data/") and h.status == 206]
    return {"wall": wall, "records": len(data), "articles": summary["figures"]["new"],
            "record_bytes": sum(h.sent for h in data), "record_length": sum(r.length for r in archives.records),
            "index_bytes": sum(h.sent for h in archives.hits if h.path.endswith("-index")),
            "whole_files": sum(1 for h in archives.hits if h.path.startswith("/crawl-data/") and not h.range)}


# `kznews import` in a fresh process that, as it exits, writes its own CPU seconds (the reading and writing process:
# the serial part), its extraction workers' (the parallel part) and its start-up's (Python, kznews and the
# extraction stack imported, before the first record is read) to the file named by argv[1].
_IMPORT = """
import atexit, json, resource, sys, time
out = sys.argv.pop(1)
def cpu(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime
def report():
    with open(out, "w") as fh:
        json.dump({"self": cpu(resource.RUSAGE_SELF), "workers": cpu(resource.RUSAGE_CHILDREN), "start": start}, fh)
atexit.register(report)
import kznews.backfill.importer
from kznews.cli import main
start = cpu(resource.RUSAGE_SELF)
main()
"""


def imported(path: Path, workers: int, work: Path) -> dict[str, Any]:
    """`kznews import` of ``path`` into a fresh archive in a fresh process: its wall time, the CPU time of it and its
    extraction workers, apart, and the machine's load average sampled every second meanwhile (a shared machine)."""
    db = work / f"import-{workers}.db"
    db.unlink(missing_ok=True)
    split = work / f"import-{workers}.json"
    loads: list[float] = []
    done_event = threading.Event()

    def sample() -> None:
        while not done_event.wait(1.0):
            loads.append(os.getloadavg()[0])

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _IMPORT, str(split), "--db", str(db), "import", str(path), "--workers",
                           str(workers)], cwd=ROOT, capture_output=True, text=True)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done_event.set()
    sampler.join()
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return {"wall": wall, "cpu": after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime,
            "load": sum(loads) / len(loads) if loads else os.getloadavg()[0], "line": done.stdout.strip(),
            **json.loads(split.read_text())}


def read_only(data: bytes) -> dict[str, float]:
    """Records/s of reading the file's responses (bodies decoded), warcio (as import does) and FastWARC."""
    rates = {}
    started = time.perf_counter()
    n = sum(1 for _ in iter_responses(io.BytesIO(data)))
    rates["warcio (kznews.backfill.records)"] = n / (time.perf_counter() - started)
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        return rates
    started = time.perf_counter()
    n = 0
    for record in ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response, parse_http=True):
        record.reader.read()
        n += 1
    rates["FastWARC 2 (reading only)"] = n / (time.perf_counter() - started)
    return rates


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=181, help="Zyte pages beside ../shared/pages")
    parser.add_argument("--wcxb", type=int, default=793, help="WCXB article pages beside them")
    parser.add_argument("--backfill", type=int, default=300, help="of these captures, how many the backfill fetches")
    parser.add_argument("--repeat", type=int, default=2, help="imports of each kind (the fastest counts)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="extraction processes of 'all cores'")
    parser.add_argument("--no-append", action="store_true", help="print only; do not append to bench/RESULTS.md")
    args = parser.parse_args(argv)
    snaps = snapshots(args.pages, args.wcxb)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        b = backfill(snaps[:args.backfill], work)
        data = _warc(CRAWL, snaps)[0]
        warc = work / "records.warc.gz"
        warc.write_bytes(data)
        one: dict[str, Any] = {"wall": float("inf")}
        every: dict[str, Any] = {"wall": float("inf")}
        for _ in range(args.repeat):  # alternated, so a burst of load elsewhere weighs on both
            one = min(one, imported(warc, 0, work), key=lambda r: r["wall"])
            every = min(every, imported(warc, args.workers, work), key=lambda r: r["wall"])
        reading = read_only(data)
    n = len(snaps)
    serial, parallel = (every["self"] - every["start"]) / n, every["workers"] / n  # CPU s per record
    lines = [
        f"Backfill: {b['records']} captures of real pages ({b['record_length'] / 2**20:.1f} MiB of gzip-member "
        f"records) from the loopback Common Crawl double; import: {n} ({len(data) / 2**20:.1f} MiB), fastest of "
        f"{args.repeat}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end (a shared machine: "
        "above the core count, other processes take part of every core, and the speed-up is capped by the CPU share "
        "the run gets, not by its cores).",
        "",
        "| what | figure |",
        "|---|---|",
        f"| backfill: records fetched / archived articles | {b['records']} / {b['articles']} |",
        f"| backfill: records/s (wall, start-up included) | **{b['records'] / b['wall']:.1f}** |",
        f"| backfill: record bytes received / records' own length | **{b['record_bytes'] / b['record_length']:.3f}** "
        f"(goal <= 1.05; whole-file requests: {b['whole_files']}) |",
        f"| backfill: bytes per archived article: records + index | {b['record_bytes'] / max(b['articles'], 1):,.0f}"
        f" + {b['index_bytes'] / max(b['articles'], 1):,.0f} |",
        f"| import, one core (extraction in the reading process): records/s; CPU s; load average during | "
        f"{n / one['wall']:.1f}; {one['cpu']:.0f}; {one['load']:.1f} |",
        f"| import, {args.workers} workers: records/s; CPU s; load average during | "
        f"{n / every['wall']:.1f}; {every['cpu']:.0f}; {every['load']:.1f} |",
        f"| import: all cores / one core | **{one['wall'] / every['wall']:.2f}x** (goal >= 1.7 on 2 cores) |",
        f"| import: CPU share the run got, one core / all cores (CPU s / wall s) | {one['cpu'] / one['wall']:.2f} / "
        f"{every['cpu'] / every['wall']:.2f} (2.00 is two free cores) |",
        f"| import: bound on {args.workers} free cores from CPU time, one core's CPU s / (all cores' CPU s / "
        f"{args.workers}) (a bound, not a measurement) | {one['cpu'] / (every['cpu'] / args.workers):.2f}x |",
        f"| import, {args.workers} workers: CPU s of the reading and writing process, start-up (imports) + per "
        f"record; of the extraction workers per record | {every['start']:.1f} + {serial * 1000:.1f} ms; "
        f"{parallel * 1000:.1f} ms |",
        f"| import, {args.workers} workers: serial share of the CPU per record (start-up left out); with the start-up "
        f"| **{serial / (serial + parallel):.1%}**; {every['self'] / (every['self'] + every['workers']):.1%} |",
        f"| import, one core: CPU s, start-up + per record | {one['start']:.1f} + "
        f"{(one['self'] - one['start']) / n * 1000:.1f} ms |",
        *(f"| reading only, {name}: records/s | {rate:,.0f} |" for name, rate in reading.items()),
    ]
    report = "\n".join(lines)
    print(report)
    if not args.no_append:
        append("backfill from web archives and import", report, __file__, argv)


if __name__ == "__main__":
    main()

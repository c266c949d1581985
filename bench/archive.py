"""Archive speed: articles/s written with FTS (``Archive.store``, pipeline-sized batches), search p50/p95, ``stats``.

Items come from ``bench/generate_archive.py``'s generator (real sentences of Kazakh news pages
recombined; edits and ticker homepages included); only ``Archive.store`` is timed, in batches of
``KZNEWS_BATCH_SIZE`` (500, as the pipeline writes); the rate is given per wall-clock second and per
CPU second of the writing process (the same on an idle machine; on a shared one the CPU figure is the
steadier of the two).  Then, read-only as the CLI does:
``kznews.storage.query.search`` for a fixed list of queries (words, prefixes, phrases,
filters) -- p50/p95 over all runs -- and ``query.stats``.

``--per-query N`` adds each query's median CPU over N searches and, of its ranked window, what bm25 costs: a ranked
search reads its newest ``RANK_WINDOW`` matches, and bm25 weighs each term by its document frequency, counted from
the term's whole posting list at every query (so it grows with the archive, whatever the window).

Usage: ``python bench/archive.py [--articles 100000] [--batch N] [--cache-mib 64] [--packed] [--sql-profile] [--db PATH]
[--per-query N] [--keep] [--no-append]``
(an existing ``--db`` with articles is searched as it is, nothing written).
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate_archive import LAST_DAY, Generator, load_pools  # noqa: E402
from bench.results import append  # noqa: E402
from kznews import settings  # noqa: E402
from kznews.storage import Archive, connect_readonly  # noqa: E402
from kznews.storage.indexing import index_record  # noqa: E402
from kznews.storage.packing import pack  # noqa: E402
from kznews.storage.query import RANK_WINDOW, match_query, search, stats  # noqa: E402

QUERIES: list[tuple[str, dict[str, str]]] = [
    ("Казахстан", {}), ("Астана", {}), ("Тоқаев*", {}), ("акимат", {}), ("области", {}),
    ('"передает корреспондент"', {}), ("КазТАГ", {}), ("Kazinform", {}), ("Astana", {}),
    ("президент AND Астана", {}), ("школ*", {}), ("ауыл*", {}), ("министр", {"lang": "ru"}),
    ("Қазақстан", {"lang": "kk"}), ("Almaty", {"lang": "en"}), ("тенге", {"site": "inform"}),
    ("бюджет", {"since": "2024-06-01"}), ("дорог*", {"until": "2024-01-01"}), ("полиция", {}),
    ("жыл", {}), ("government", {}), ("xyzzyнеттакого", {}),
]
ROUNDS = 5


class SqlClock:
    """The writer's connection with CPU time counted per statement (the first 60 characters of its SQL)."""

    def __init__(self, conn: Any, spent: collections.Counter[str]) -> None:
        self.conn, self.spent = conn, spent

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)

    def _timed(self, method: str, sql: str, *args: Any) -> Any:
        start = time.process_time()
        try:
            return getattr(self.conn, method)(sql, *args)
        finally:
            self.spent[sql[:60]] += time.process_time() - start

    def execute(self, sql: str, *args: Any) -> Any:
        return self._timed("execute", sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        return self._timed("executemany", sql, *args)


def write(db: Path, articles: int, batch: int, cache_mib: int, packed: bool,
          clock: collections.Counter[str] | None = None) -> dict[str, float]:
    """Generate and store; only ``Archive.store`` is timed.

    ``packed``: items arrive with their body packed and their article's search index derived, as the crawl's
    extraction worker hands them over (neither is then the writer's time).  ``clock``: filled with CPU seconds per statement.
    """
    gen = Generator(load_pools(), 1, 730, LAST_DAY)
    stored = pages = 0
    spent = cpu = 0.0
    with Archive(db, cache_mib=cache_mib) as archive:
        if clock is not None:
            archive._conn = SqlClock(archive._conn, clock)  # type: ignore[assignment]
        run_id = archive.start_run("bench", {"articles": articles})
        buf = []

        def flush() -> None:
            nonlocal stored, pages, spent, cpu
            for item in buf if packed else ():
                item.packed = pack(item.body)
                if item.record is not None:
                    index_record(item.record)
            start, start_cpu = time.perf_counter(), time.process_time()
            result = archive.store(buf, run_id)
            spent += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
            stored += result.new_articles + result.updated_articles
            pages += result.pages
            buf.clear()

        for n in range(articles):
            item = gen.article(n)
            buf.append(item)
            if gen.rng.random() < 0.06:
                buf.append(gen.edit(item))
            if len(buf) >= batch:
                flush()
        for item in gen.homepages():
            buf.append(item)
            if len(buf) >= batch:
                flush()
        flush()
        archive.finish_run(run_id, "finished", {})
    return {"articles": stored, "pages": pages, "seconds": spent, "rate": stored / spent, "cpu_rate": stored / cpu}


def read(db: Path) -> dict[str, float]:
    times: list[float] = []
    cpu: list[float] = []
    with closing(connect_readonly(db)) as conn:
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        for _ in range(ROUNDS):
            for query, filters in QUERIES:
                start, start_cpu = time.perf_counter(), time.process_time()
                search(conn, query, **filters)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
        stat_times = []
        for _ in range(3):
            start = time.perf_counter()
            stats(conn)
            stat_times.append(time.perf_counter() - start)
    times.sort()
    cpu.sort()
    return {"n": n, "p50": 1000 * statistics.median(times), "p95": 1000 * times[int(0.95 * (len(times) - 1))],
            "cpu_p95": 1000 * cpu[int(0.95 * (len(cpu) - 1))],
            "max": 1000 * times[-1], "stats": statistics.median(stat_times), "size": db.stat().st_size / 2**20}


def per_query(db: Path, runs: int) -> str:
    """A table of each query's median CPU ms over ``runs`` searches, slowest first, with its ranked window's
    matches (its newest ``RANK_WINDOW``, filters aside) read with and without bm25: the difference is what ranking
    costs, the terms' document frequencies read from their whole posting lists and the window's scores."""
    with closing(connect_readonly(db)) as conn:
        rows = []
        for query, filters in QUERIES:
            match = match_query(conn, query, lang=filters.get("lang"))
            floor = conn.execute("SELECT rowid FROM articles_fold WHERE articles_fold MATCH :q"
                                 " ORDER BY rowid DESC LIMIT 1 OFFSET :skip", {"q": match, "skip": RANK_WINDOW - 1},
                                 ).fetchone()
            window = {"q": match, "floor": floor[0] if floor else 0}
            cpu: dict[str, list[float]] = {"search": [], "read": [], "bm25": []}
            for _ in range(runs):
                for name, run in (
                    ("search", lambda: search(conn, query, **filters)),
                    ("read", lambda: conn.execute("SELECT count(*) FROM articles_fold"
                                                  " WHERE articles_fold MATCH :q AND rowid >= :floor", window).fetchone()),
                    ("bm25", lambda: conn.execute("SELECT rowid FROM articles_fold WHERE articles_fold MATCH :q"
                                                  " AND rowid >= :floor ORDER BY bm25(articles_fold) LIMIT 1",
                                                  window).fetchone()),
                ):
                    start = time.process_time()
                    run()
                    cpu[name].append(1000 * (time.process_time() - start))
            search_ms, read_ms, ranked_ms = (statistics.median(cpu[name]) for name in ("search", "read", "bm25"))
            label = query + "".join(f" {key}={value}" for key, value in filters.items())
            rows.append((search_ms, f"| `{label}` | {search_ms:.1f} | {read_ms:.1f} | {ranked_ms:.1f} | "
                                    f"{ranked_ms - read_ms:.1f} |"))
    rows.sort(reverse=True)
    return (f"Per query, median CPU ms of {runs}, slowest first:\n\n"
            "| query | search | window read | window read with bm25 | bm25 |\n|---|---|---|---|---|\n"
            + "\n".join(row for _, row in rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="archive to write (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the archive")
    parser.add_argument("--batch", type=int, default=settings.KZNEWS_BATCH_SIZE)
    parser.add_argument("--cache-mib", type=int, default=64, help="the writer's page cache (Archive cache_mib)")
    parser.add_argument("--packed", action="store_true",
                        help="bodies arrive packed and indexed, as the crawl's extraction worker hands them over")
    parser.add_argument("--sql-profile", action="store_true",
                        help="also print the writer's CPU time per SQL statement: what SQLite alone costs")
    parser.add_argument("--per-query", type=int, metavar="N",
                        help="also time each query N times, with what bm25 costs of its ranked window")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    tmp = tempfile.TemporaryDirectory(dir="/tmp")
    db = args.db or Path(tmp.name) / "bench.db"
    wrote = None
    clock: collections.Counter[str] = collections.Counter()
    if not (db.exists() and db.stat().st_size > 0):
        wrote = write(db, args.articles, args.batch, args.cache_mib, args.packed, clock if args.sql_profile else None)
    r = read(db)
    lines = ["| archive | articles | size MiB | written articles/s (FTS, batches of "
             f"{args.batch}, cache {args.cache_mib} MiB{', packed by the worker' if args.packed else ''}) | per CPU second | search p50 ms | search p95 ms"
             " | search max ms | p95 CPU ms | stats s |",
             "|---|---|---|---|---|---|---|---|---|---|",
             f"| {db.name} | {r['n']} | {r['size']:.0f} | "
             + (f"**{wrote['rate']:.0f}** ({wrote['articles']} in {wrote['seconds']:.1f} s) | {wrote['cpu_rate']:.0f}"
                if wrote else "— (existing) | —")
             + f" | {r['p50']:.1f} | **{r['p95']:.1f}** | {r['max']:.1f} | {r['cpu_p95']:.1f} | **{r['stats']:.2f}** |"]
    report = "\n".join(lines) + f"\n\n{len(QUERIES)} queries × {ROUNDS} rounds (words, prefixes, a phrase, AND, filters)."
    if wrote and clock:
        sql = sum(clock.values())
        report += (f"\n\nThe writer's CPU per SQL statement: all statements {sql:.1f} s, i.e. SQLite alone would write "
                   f"**{wrote['articles'] / sql:.0f} articles per CPU s** with no Python cost; per article:\n\n"
                   "| statement | CPU ms/article |\n|---|---|\n"
                   + "\n".join(f"| `{name.strip()}…` | {1000 * t / wrote['articles']:.3f} |"
                                for name, t in clock.most_common(14)))
    if args.per_query:
        report += "\n\n" + per_query(db, args.per_query)
    print(report)
    if not args.no_append:
        append("archive (SQLite + FTS5)", report, __file__, argv)
    if args.keep:
        print("kept", db)
    else:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

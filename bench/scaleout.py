"""One crawl on several processes: pages/s of 1, 2 and 3 workers of a shared run, and the writer's items/s.

The mirror has ``--hosts`` hosts (127.0.0.2, 127.0.0.3, ... on loopback, each its own politeness slot),
each serving ``--articles`` article pages of ``tests/mirror`` (half on the real Kazinform template:
extraction, not the network, bounds the crawl) from a child process; a temporary outlets file
(``KZNEWS_SITES``) names them.  A Redis server of its own (127.0.0.1, a free port, no persistence)
holds the shared run.

- Workers: for 1, 2, 3 workers, a fresh Redis and archive; ``kznews store`` running; the workers
  (``kznews crawl <hosts> --redis URL``, each extracting in its own process: ``KZNEWS_EXTRACT_WORKERS=0``,
  so one worker is one core) started together.  pages/s = pages fetched (server hits) over the span
  from the first to the last hit; the ratio is against 1 worker in the same session, with the machine's
  1-minute load average before and after each row (the machine is shared: other processes' load is
  said beside the figures, and a row measured above the core count says so).
- CPU per role, per page, for each row: the workers, the writer (``kznews store``), Redis, and the mirror's
  servers (the bench's own, standing in for the sites).  Load on the machine does not change these as it
  changes wall time, so they say what caps the ratio: by Amdahl, what runs once for all workers (the
  writer, Redis; here the mirror too, on the same two cores) against what the workers share.
- Writer: 1 worker fills the stream with no writer running; then ``kznews store`` starts and its
  items/s is the stream's pages over the time from its start to an empty stream.

Usage: ``python bench/scaleout.py [--hosts 12] [--articles 60] [--workers 1,2,3] [--no-append]``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402

PY = sys.executable
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "KZNEWS_EXTRACT_WORKERS=0",
        "-s", "LOG_LEVEL=ERROR"]


def _serve(host: str, n_articles: int, seed: int, conn: mp.connection.Connection) -> None:
    """Child process: serve a mirror on ``host``; send its base URL, then on request the hit times and the
    CPU seconds it spent since it last sent them."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from tests.mirror.site import XML, build_site
    from tests.reliability.helpers import flat_sitemap

    site = build_site(n_articles, seed)
    hits: list[float] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(time.monotonic())
            base = f"http://{host}:{self.server.server_address[1]}"
            if self.path == "/all.xml":
                found: tuple[str, bytes] | None = (XML, flat_sitemap(site, base))
            else:
                found = site.render(self.path, base)
            status, (kind, body) = (200, found) if found else (404, ("text/plain", b"not found\n"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            """Silent."""

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    conn.send(f"http://{host}:{server.server_address[1]}")
    cpu = time.process_time()
    while conn.recv() == "hits":
        conn.send((list(hits), time.process_time() - cpu))
        hits.clear()
        cpu = time.process_time()
    server.shutdown()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Redis:
    """redis-server on 127.0.0.1 for the bench, no persistence."""

    def __init__(self, folder: Path) -> None:
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir",
                                      str(folder), "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
        import redis

        self.client = redis.Redis(port=self.port)
        self.cpu = 0.0  # CPU seconds of the server, known once it stopped
        for _ in range(100):
            try:
                self.client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)

    def stop(self) -> None:
        self.proc.terminate()
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.cpu = usage.ru_utime + usage.ru_stime


def _outlets(bases: list[str], folder: Path) -> Path:
    from tests.mirror.site import ARTICLE_PATTERN

    path = folder / "outlets.toml"
    entries = []
    for i, base in enumerate(bases, start=1):
        host = base.split("//")[1].split(":")[0]
        entries.append(f'[outlets.m{i}]\nname = "mirror {i}"\ndomains = ["{host}"]\narticles = [\'{ARTICLE_PATTERN}\']\n'
                       f'[[outlets.m{i}.editions]]\nlang = "ru"\nsitemaps = ["{base}/all.xml"]\n')
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


@dataclass
class Kznews:
    """A ``kznews`` process, its output in a file (so it is waited for with ``os.wait4``, which gives its CPU)."""

    proc: subprocess.Popen
    output: Path


def _kznews(db: Path, env: dict[str, str], *args: str) -> Kznews:
    output = db.with_name(f"{db.stem}.{len(list(db.parent.glob(db.stem + '.*.out')))}.out")
    with output.open("w") as fh:
        proc = subprocess.Popen([PY, "-m", "kznews", "--db", str(db), *args], cwd=ROOT, env=env, stdout=fh,
                                stderr=subprocess.STDOUT)
    return Kznews(proc, output)


def _checked(run: Kznews, what: str) -> float:
    """Wait for ``run``; its CPU seconds (``SystemExit`` with its output if it failed)."""
    cpu = float("nan")  # unknown when ``poll`` already reaped it
    if run.proc.returncode is None:
        _, status, usage = os.wait4(run.proc.pid, 0)
        run.proc.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
    if run.proc.returncode != 0:
        raise SystemExit(f"{what} failed ({run.proc.returncode}):\n{run.output.read_text()[-3000:]}")
    return cpu


def _hits(conns: list[mp.connection.Connection]) -> tuple[list[float], float]:
    """The mirror's hit times since the last call, and its servers' CPU seconds meanwhile."""
    times: list[float] = []
    cpu = 0.0
    for conn in conns:
        conn.send("hits")
        hits, spent = conn.recv()
        times += hits
        cpu += spent
    return sorted(times), cpu


class CpuSampler:
    """The CPU seconds of groups of processes (a role: its pids), read from ``/proc`` every 0.1 s, so the part
    spent between two moments (the first and the last hit on the mirror: start-ups left out) can be told."""

    def __init__(self, roles: dict[str, list[int]]) -> None:
        self.roles = roles
        self.samples: list[tuple[float, dict[str, float]]] = []  # (monotonic time, CPU s of each role)
        self.last: dict[int, float] = {}  # pid -> its last reading (an exited process keeps it)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        while not self.stop.wait(0.1):
            for pid in {pid for pids in self.roles.values() for pid in pids}:
                try:  # utime and stime, fields 14 and 15 (the 12th and 13th after the command name in brackets)
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    self.last[pid] = (int(fields[11]) + int(fields[12])) / tick
                except OSError:
                    pass  # exited (or reaped): its last reading stands
            self.samples.append((time.monotonic(), {role: sum(self.last.get(pid, 0.0) for pid in pids)
                                                    for role, pids in self.roles.items()}))

    def between(self, start: float, end: float) -> dict[str, float]:
        """CPU seconds of each role between ``start`` and ``end`` (the samples nearest them)."""
        self.stop.set()
        self.thread.join()

        def at(moment: float) -> dict[str, float]:
            return min(self.samples, key=lambda sample: abs(sample[0] - moment))[1]

        first, last = at(start), at(end)
        return {role: last[role] - first[role] for role in self.roles}


def _drain(client: object, stream: str = "kznews:pages") -> None:
    while client.xlen(stream):  # type: ignore[attr-defined]
        time.sleep(0.1)


def workers_run(n: int, keys: list[str], env: dict[str, str], tmp: Path, conns: list[mp.connection.Connection],
                mirror: list[int]) -> dict:
    redis = Redis(tmp)
    db = tmp / f"workers{n}.db"
    load_before = os.getloadavg()[0]
    try:
        store = _kznews(db, env, "store", "--redis", redis.url)
        start = time.monotonic()
        crawls = [_kznews(db, env, "crawl", *keys, "--redis", redis.url, *FAST) for _ in range(n)]
        sampler = CpuSampler({"workers": [c.proc.pid for c in crawls], "writer": [store.proc.pid],
                              "redis": [redis.proc.pid], "mirror": mirror})
        workers_cpu = sum(_checked(c, f"worker {i + 1} of {n}") for i, c in enumerate(crawls))
        wall = time.monotonic() - start
        _drain(redis.client)
        store.proc.send_signal(signal.SIGTERM)
        writer_cpu = _checked(store, "store")
    finally:
        redis.stop()
    hits, mirror_cpu = _hits(conns)
    return {"pages": len(hits), "span": hits[-1] - hits[0], "rate": len(hits) / (hits[-1] - hits[0]), "wall": wall,
            "load": (load_before, os.getloadavg()[0]), "crawling": sampler.between(hits[0], hits[-1]),
            "cpu": {"workers": workers_cpu, "writer": writer_cpu, "redis": redis.cpu, "mirror": mirror_cpu}}


def writer_run(keys: list[str], env: dict[str, str], tmp: Path, conns: list[mp.connection.Connection]) -> dict:
    redis = Redis(tmp)
    db = tmp / "writer.db"
    try:
        _checked(_kznews(db, env, "crawl", *keys, "--redis", redis.url, *FAST, "-s", "KZNEWS_REDIS_STREAM_MAX=0"),
                 "filling worker")
        entries = redis.client.xlen("kznews:pages")
        store = _kznews(db, env, "store", "--redis", redis.url)
        while not redis.client.exists("kznews:archive_runs") and store.proc.poll() is None:
            time.sleep(0.01)  # the writer is up (imports, archive created) when it opens the run
        start = time.monotonic()
        _drain(redis.client)
        seconds = time.monotonic() - start
        store.proc.send_signal(signal.SIGTERM)
        _checked(store, "store")
    finally:
        redis.stop()
    _hits(conns)
    return {"entries": entries, "seconds": seconds, "rate": entries / seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=12)
    parser.add_argument("--articles", type=int, default=60, help="articles per host")
    parser.add_argument("--workers", default="1,2,3")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("redis-server") is None:
        raise SystemExit("redis-server is not installed (Debian: apt-get install redis-server)")
    conns, servers = [], []
    for i in range(args.hosts):
        parent, child = mp.Pipe()
        proc = mp.Process(target=_serve, args=(f"127.0.0.{i + 2}", args.articles, i, child), daemon=True)
        proc.start()
        conns.append(parent)
        servers.append(proc)
    bases = [c.recv() for c in conns]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        env = {**{k: v for k, v in os.environ.items() if k not in ("KZNEWS_DB", "KZNEWS_REDIS_URL")},
               "KZNEWS_SITES": str(_outlets(bases, tmp))}
        keys = [f"m{i}" for i in range(1, args.hosts + 1)]
        try:
            for n in (int(x) for x in args.workers.split(",")):
                rows.append((n, workers_run(n, keys, env, tmp, conns, [p.pid for p in servers if p.pid])))
                print(f"{n} workers: {rows[-1][1]}", file=sys.stderr)
            writer = writer_run(keys, env, tmp, conns)
        finally:
            for c in conns:
                c.send("stop")
            for p in servers:
                p.join(timeout=5)
    base = rows[0][1]["rate"]
    cores = os.cpu_count() or 1
    lines = [f"{args.hosts} hosts x {args.articles} articles on loopback, {cores} cores (the machine is shared)", "",
             "| workers | pages | span s | pages/s | x 1 worker | wall s | load avg before -> after |",
             "|---|---|---|---|---|---|---|"]
    lines += [f"| {n} | {r['pages']} | {r['span']:.1f} | {r['rate']:.1f} | {r['rate'] / base:.2f} | {r['wall']:.1f}"
              f" | {r['load'][0]:.1f} -> {r['load'][1]:.1f} |" for n, r in rows]
    lines += ["", "CPU ms per page by role: each process's whole life (start-up included), and between the first and"
                  " the last hit on the mirror (the span above); the once-for-all share is the writer's and Redis's"
                  " part of the span's CPU (by Amdahl, 2 cores give at most 2 / (1 + share)); the mirror is the"
                  " bench's stand-in for the sites, on the same cores:", "",
              "| workers | workers: life / span | writer: life / span | Redis: life / span | mirror: life / span |"
              " once-for-all share (span) | mirror share (span) |",
              "|---|---|---|---|---|---|---|"]
    for n, r in rows:
        life, span, pages = r["cpu"], r["crawling"], r["pages"]
        lines.append(f"| {n} | " + " | ".join(f"{life[k] / pages * 1000:.1f} / {span[k] / pages * 1000:.1f}"
                                                for k in ("workers", "writer", "redis", "mirror"))
                     + f" | {(span['writer'] + span['redis']) / sum(span.values()):.1%}"
                       f" | {span['mirror'] / sum(span.values()):.1%} |")
    busiest = max(max(r["load"]) for _, r in rows)
    if busiest > cores:
        lines += ["", f"The load average reached {busiest:.1f} on {cores} cores: other processes took the cores the"
                      " workers were to share, so these ratios say little of scale-out; a measurement on an idle"
                      " machine is still owed."]
    lines += ["", f"writer (`kznews store`, batches of 500): {writer['entries']} stream entries in"
                  f" {writer['seconds']:.1f} s = {writer['rate']:.0f} items/s"]
    report = "\n".join(lines)
    print(report)
    if not args.no_append:
        append("Scale-out: workers of one shared run (bench/scaleout.py)", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Workers and the writer of a shared run as subprocesses, through the real CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from tests.conftest import REPO


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("KZNEWS_DB", "KZNEWS_REDIS_URL")}


def worker(redis_url: str, db: Path, *args: str) -> subprocess.Popen:
    """``kznews crawl ARGS --redis URL``: one worker of the shared run (it never opens ``db``)."""
    cmd = [sys.executable, "-m", "kznews", "--db", str(db), "crawl", *args, "--redis", redis_url,
           "-s", "KZNEWS_REDIS_WORKER_TIMEOUT=5"]
    return subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def writer(redis_url: str, db: Path, *args: str) -> subprocess.Popen:
    """``kznews store --redis URL``: the run's one writer into ``db``."""
    cmd = [sys.executable, "-m", "kznews", "--db", str(db), "store", "--redis", redis_url, *args]
    return subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def stop(proc: subprocess.Popen, timeout: float = 60) -> tuple[int, str, str]:
    """SIGTERM, then wait: the writer commits the batch in hand and exits 0."""
    proc.send_signal(signal.SIGTERM)
    return finish(proc, timeout)


def drained(client: redis.Redis, db: Path, timeout: float = 60) -> None:
    """Wait until the writer has acknowledged every entry of the stream (the run's pages are archived)."""
    deadline = time.monotonic() + timeout
    while client.xlen("kznews:pages"):
        if time.monotonic() > deadline:
            raise AssertionError(f"the writer left {client.xlen('kznews:pages')} entries in the stream")
        time.sleep(0.2)


def hold_host(client: redis.Redis, host: str = "127.0.0.1") -> None:
    """Keep every worker off ``host`` (its politeness slot taken) until ``release_host``."""
    client.set(f"kznews:slot:{host}", "test", px=300_000)


def release_host_when_joined(client: redis.Redis, workers: int, host: str = "127.0.0.1", timeout: float = 120) -> None:
    """Once ``workers`` workers have joined the run, let them at ``host``: all of them share the whole run."""
    deadline = time.monotonic() + timeout
    while client.zcard("kznews:workers") < workers:
        if time.monotonic() > deadline:
            raise AssertionError(f"only {client.zcard('kznews:workers')} of {workers} workers joined")
        time.sleep(0.1)
    client.delete(f"kznews:slot:{host}")
    client.zadd("kznews:hosts", {host: 0}, xx=True)  # a claim that met the held slot put the host off until its end

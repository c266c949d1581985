"""A worker's one link to Redis: a thread of its own, so the reactor never waits on Redis.

scrapy-redis calls Redis from the reactor thread: every scheduled request is a round trip,
and ``SCHEDULER_IDLE_BEFORE_CLOSE`` is a blocking ``BRPOP`` during which nothing downloads.
Here the reactor only appends to a local list of operations and reads the last figures; the
link's thread sends the operations in order, each round as one ``MULTI``/``EXEC`` (all of it
or nothing, whatever kills the worker), then claims requests for the room the reactor
reported, beats the heartbeat, requeues what dead workers held and reads the run's counts.
Claimed requests and errors come back to the reactor with ``callFromThread``.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import redis
from redis import Redis
from redis.client import Pipeline

from kznews.distributed.frontier import Keys, Scripts
from kznews.errors import KznewsError

logger = logging.getLogger(__name__)

TICK = 0.05  # seconds between rounds when nothing wakes the thread
BEAT_EVERY = 1.0  # seconds between heartbeats (and reaps of dead workers)

Op = Callable[[Pipeline], None]


class RedisUnavailable(KznewsError):
    """Redis cannot be reached or answered an error: one line for the person running the crawl."""


def connect(url: str) -> Redis:
    """A client of the Redis server at ``url``, checked with a PING; ``RedisUnavailable`` in one line if not."""
    try:
        client = Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
        client.ping()
    except ValueError as exc:
        raise RedisUnavailable(f"bad Redis URL {url!r}: {exc}") from None
    except redis.RedisError as exc:
        raise RedisUnavailable(f"cannot reach Redis at {url}: {exc}") from None
    return client


def worker_id() -> str:
    """This process's name in the shared run: machine, pid and a random part (a pid is reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass(frozen=True)
class Counts:
    """The run as last read: its id and state, requests waiting and held, pages waiting for the writer,
    article requests queued per outlet.

    ``applied`` is how many of this worker's operations had been sent when they were read.
    """

    run: str
    state: str
    queued: int
    inflight: int
    stream: int
    applied: int
    articles: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Claimed:
    """A request claimed for this worker: its in-flight id, entry, archive record and robots.txt verdict."""

    id: str
    entry: bytes
    archived: bytes
    robots: bytes


class Link:
    """The worker's thread that talks to Redis (see the module's docstring)."""

    def __init__(self, url: str, prefix: str, timeout: float, delay: float,
                 deliver: Callable[[list[Claimed]], None], failed: Callable[[str], None],
                 call_from_thread: Callable[..., Any]) -> None:
        self.url = url
        self.client = connect(url)
        self.keys = Keys(prefix)
        self.scripts = Scripts(self.client)
        self.worker = worker_id()
        self.timeout_ms = int(timeout * 1000)
        self.delay_ms = int(delay * 1000)
        self.lease_ms = 0  # set by the scheduler from DOWNLOAD_TIMEOUT
        self.deliver, self.failed, self.call = deliver, failed, call_from_thread
        self.ops: list[Op] = []
        self.enqueued = 0  # operations handed to the thread (the reactor counts)
        self.applied = 0  # ... and sent (the thread counts)
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.want = 0  # requests the reactor has room for
        self.stream_max = 0  # no claims while the stream holds more pages than this (0: no bound)
        self.counts = Counts("", "", 0, 0, 0, -1)
        self.error: str | None = None
        self.run = ""  # the shared run joined
        self.thread = threading.Thread(target=self._run, name="kznews-redis", daemon=True)
        self._next_beat = 0.0

    # -- the reactor's side -------------------------------------------------------------------

    def join(self, command: str, args: dict[str, Any], started_at: str) -> tuple[str, bool]:
        """Join the shared run (starting one if none is running); before the thread starts, so it blocks."""
        k = self.keys
        try:
            run, created = self.scripts.join(
                keys=[k.run, k.runs, k.seen, k.workers, k.inflight_n, k.inflight(self.worker), k.articles],
                args=[self.worker, self.timeout_ms, command, json.dumps(args), started_at],
            )
        except redis.RedisError as exc:
            raise RedisUnavailable(f"Redis at {self.url}: {exc}") from None
        self.run = run.decode()
        return self.run, bool(created)

    def start(self) -> None:
        self.thread.start()

    def send(self, op: Op) -> None:
        """Queue ``op`` (it runs in order with the others, in the next round)."""
        with self.lock:
            self.ops.append(op)
            self.enqueued += 1
        self.wake.set()

    def done(self, ids: list[str]) -> None:
        """The in-flight requests ``ids`` are done: all they produced was sent before (the operations are in order)."""
        keys = [self.keys.inflight(self.worker), self.keys.inflight_n]
        self.send(lambda pipe: self.scripts.done(keys=keys, args=ids, client=pipe))

    def release(self, host: str, delay_ms: int) -> None:
        """Give ``host``'s politeness slot back, held ``delay_ms`` more (no other worker asks it before)."""
        keys = [f"{self.prefix}:slot:{host}", self.keys.hosts]
        self.send(lambda pipe: self.scripts.release(keys=keys, args=[self.worker, delay_ms, host], client=pipe))

    def quiet(self) -> bool:
        """Every operation queued so far was sent before the last counts were read."""
        return self.counts.applied == self.enqueued

    def stop(self, last: Callable[[Redis], None] | None = None) -> None:
        """Send what is queued, run ``last`` on the client (the leaving steps), and end the thread."""
        self.stopping.set()
        self.wake.set()
        if self.thread.is_alive():
            self.thread.join(timeout=30)
        if self.error is None:
            try:
                self._flush()
                if last is not None:
                    last(self.client)
            except redis.RedisError as exc:
                self.error = str(exc)
                logger.error("could not leave the shared run cleanly (Redis at %s: %s)", self.url, exc)
        self.client.close()

    # -- the thread -------------------------------------------------------------------------------

    def _run(self) -> None:
        while not self.stopping.is_set():
            self.wake.wait(TICK)
            self.wake.clear()
            try:
                self._round()
            except redis.RedisError as exc:
                self.error = (f"lost the shared run at {self.url}: {exc}; the archive keeps what the writer committed:"
                              " start `kznews store` and the workers again")
                self.call(self.failed, self.error)
                return
            except Exception as exc:  # a bug: stop the worker (what it holds is requeued) rather than hang it
                logger.exception("the link to Redis failed")
                self.error = f"the link to Redis at {self.url} failed: {type(exc).__name__}: {exc}"
                self.call(self.failed, self.error)
                return

    def _round(self) -> None:
        self._flush()
        k = self.keys
        now = time.monotonic()
        if now >= self._next_beat:
            self._next_beat = now + BEAT_EVERY
            self.scripts.beat(keys=[k.workers], args=[self.worker, self.timeout_ms])
            if back := self.scripts.reap(keys=[k.workers], args=[self.prefix, self.delay_ms]):
                logger.warning("requeued %d requests of workers that stopped answering", back)
        want = self.want
        if want > 0 and self.counts.run and (not self.stream_max or self.counts.stream < self.stream_max):
            rows = self.scripts.claim(
                keys=[k.hosts, k.inflight(self.worker), k.queued, k.inflight_n, k.seq, k.archived],
                args=[self.prefix, self.lease_ms, want, self.worker],
            )
            if rows:
                self.want -= len(rows)
                self.call(self.deliver, [Claimed(r[0].decode(), r[1], r[2], r[3]) for r in rows])
        applied = self.applied
        run, state, queued, inflight, stream, articles = self.scripts.counts(
            keys=[k.run, k.queued, k.inflight_n, k.pages, k.articles])
        if not run and self.run:
            raise redis.RedisError("the shared run is gone from Redis (restarted without persistence, or flushed)")
        per_outlet = {articles[i].decode(): int(articles[i + 1]) for i in range(0, len(articles), 2)}
        self.counts = Counts(run.decode(), state.decode(), queued, inflight, stream, applied, per_outlet)

    def _flush(self) -> None:
        with self.lock:
            ops, self.ops = self.ops, []
        if not ops:
            return
        pipe = self.client.pipeline(transaction=True)
        for op in ops:
            op(pipe)
        pipe.execute()
        self.applied += len(ops)

    @property
    def prefix(self) -> str:
        return self.keys.prefix

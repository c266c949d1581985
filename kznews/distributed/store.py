"""``kznews store``: the one writer of a shared run, from the Redis stream into the SQLite archive.

It holds the archive's writer lock (one ``store`` per archive), reads ``{p}:pages`` as the
consumer group ``store``, writes a batch per transaction (``KZNEWS_BATCH_SIZE`` entries, or what
came within ``KZNEWS_FLUSH_SECONDS``) and acknowledges the entries only after the commit.  Killed
at any moment it loses nothing: unacknowledged entries are read again from the group's pending
list when it restarts, and writing a page again adds no row (a page is stored once per URL and
body, an article once per URL, tickers and links once).  SIGTERM and SIGINT end it after the
batch in hand is committed (exit 0).

On start it publishes what the archive already holds (``{p}:archived``: every article's URL
and canonical URL, last fetch time and validators) and keeps it up to date after each batch, so
workers skip archived articles as a one-machine crawl does.

A shared run gets one ``runs`` row, opened at its first entry, with its workers' figures as they
leave (``stats.workers``) and the writer's own counts, closed when the run finishes.
"""

from __future__ import annotations

import json
import logging
import pickle
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import asdict, dataclass, field
from types import FrameType
from typing import Any

import redis
from redis import Redis

from kznews.distributed.frontier import Keys
from kznews.distributed.link import RedisUnavailable, connect
from kznews.distributed.scheduler import encode_archived
from kznews.items import PageItem
from kznews.runstats import ERROR_KEYS
from kznews.storage import Archive, connect_readonly

logger = logging.getLogger(__name__)

GROUP = "store"
CONSUMER = "store"  # one writer per archive (its lock), so one name: a restarted writer finds its pending entries
SEED_CHUNK = 5000
READ_BLOCK = 0.5  # seconds one read waits at most, so a stop is seen quickly


@dataclass
class StoreTally:
    """What a ``store`` session did."""

    seeded: int = 0  # archived URLs published for the workers
    entries: int = 0  # stream entries written and acknowledged
    pages: int = 0
    new_articles: int = 0
    batches: int = 0
    runs_finished: list[int] = field(default_factory=list)  # archive run ids closed


def archived_rows(db: str) -> Iterator[tuple[str, str]]:
    """``(url, record)`` of every archived article, by URL and by canonical URL, for ``{p}:archived``."""
    with closing(connect_readonly(db)) as conn:
        rows = conn.execute(
            "SELECT a.url, a.canonical_url, a.fetched_at, (SELECT headers FROM pages p WHERE p.url = a.url"
            " ORDER BY p.last_fetched_at DESC, p.id DESC LIMIT 1) FROM articles a"
        )
        for url, canonical, fetched_at, headers in rows:
            record = encode_archived(fetched_at, *validators(json.loads(headers) if headers else {}))
            yield url, record
            if canonical and canonical != url:
                yield canonical, record


def validators(headers: dict[str, Any]) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified of stored response headers (``{name: [values]}``)."""
    found: dict[str, str] = {}
    for name, values in headers.items():
        value = values[0] if isinstance(values, list) and values else values
        if isinstance(value, str):
            found[name.lower()] = value
    return found.get("etag"), found.get("last-modified")


class Writer:
    """The stream's consumer (see the module's docstring)."""

    def __init__(self, archive: Archive, client: Redis, prefix: str, batch_size: int, flush_seconds: float) -> None:
        self.archive = archive
        self.client = client
        self.keys = Keys(prefix)
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.tally = StoreTally()
        self.runs: dict[str, tuple[int, dict[str, Any]]] = {}  # shared run id -> (archive run id, its stats)
        self.stopping = threading.Event()
        self.backlog = True  # pending entries of an earlier session first

    def seed(self, db: str) -> None:
        rows = archived_rows(db)
        while chunk := dict(next(rows, ("", "")) for _ in range(SEED_CHUNK)):
            chunk.pop("", None)
            if chunk:
                self.client.hset(self.keys.archived, mapping=chunk)  # type: ignore[arg-type]
                self.tally.seeded += len(chunk)
            if len(chunk) < SEED_CHUNK:
                break

    def ensure_group(self) -> None:
        try:
            self.client.xgroup_create(self.keys.pages, GROUP, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def run(self, on_batch: Callable[[StoreTally], None] | None = None) -> StoreTally:
        """Write batches until stopped (``stop``): what an earlier session read and did not acknowledge first."""
        while not self.stopping.is_set():
            entries = self._batch()
            if entries:
                self._write(entries)
                if on_batch is not None:
                    on_batch(self.tally)
        return self.tally

    def stop(self) -> None:
        self.stopping.set()

    def _batch(self) -> list[tuple[bytes, dict[bytes, bytes]]]:
        """Entries for one transaction: ``batch_size`` of them, or what came within the flush time.

        First the entries an earlier session read and did not acknowledge (the group's pending list).
        """
        stream = self.keys.pages
        if self.backlog:
            answer: Any = self.client.xreadgroup(GROUP, CONSUMER, {stream: "0"}, count=self.batch_size)
            if answer and answer[0][1]:
                return answer[0][1]
            self.backlog = False
        entries: list[tuple[bytes, dict[bytes, bytes]]] = []
        deadline = time.monotonic() + self.flush_seconds
        while len(entries) < self.batch_size and not self.stopping.is_set():
            block = max(1, int(min(READ_BLOCK, deadline - time.monotonic()) * 1000))
            answer = self.client.xreadgroup(GROUP, CONSUMER, {stream: ">"}, count=self.batch_size - len(entries),
                                            block=block)
            got = answer[0][1] if answer else []
            entries += got
            if time.monotonic() >= deadline or (not got and entries):
                break
        return entries

    def _write(self, entries: list[tuple[bytes, dict[bytes, bytes]]]) -> None:
        """Store the pages, record the workers' and runs' events, then acknowledge (after the commit)."""
        pages: dict[str, list[PageItem]] = defaultdict(list)
        events: list[tuple[str, str, bytes, bytes]] = []
        for _, fields in entries:
            if not fields:  # deleted after it was delivered: nothing to write
                continue
            kind, run = fields[b"kind"].decode(), fields[b"run"].decode()
            if kind == "page":
                pages[run].append(pickle.loads(fields[b"data"]))
            else:
                events.append((kind, run, fields.get(b"worker", b""), fields[b"data"]))
        archived: dict[str, str] = {}
        for run, items in pages.items():
            run_id, stats = self._run(run)
            result = self.archive.store(items, run_id=run_id)
            for key, value in asdict(result).items():
                if key != "new_by_site":
                    stats[f"kznews/{key}"] = stats.get(f"kznews/{key}", 0) + value
            for site, n in result.new_by_site.items():
                stats[f"kznews/site/{site}/new_articles"] = stats.get(f"kznews/site/{site}/new_articles", 0) + n
            self.archive.update_run(run_id, stats)
            self.tally.pages += result.pages
            self.tally.new_articles += result.new_articles
            for item in items:
                article = item.record.article if item.record else None
                if article is not None:
                    record = encode_archived(article.fetched_at or item.fetched_at, *validators(item.headers))
                    archived[article.url] = record
                    if article.canonical_url and article.canonical_url != article.url:
                        archived[article.canonical_url] = record
        for kind, run, worker, data in events:
            self._event(kind, run, worker.decode(), data)
        ids = [entry_id for entry_id, _ in entries]
        pipe = self.client.pipeline(transaction=True)
        pipe.xack(self.keys.pages, GROUP, *ids)
        pipe.xdel(self.keys.pages, *ids)
        if archived:
            pipe.hset(self.keys.archived, mapping=archived)  # type: ignore[arg-type]
        pipe.execute()
        self.tally.entries += len(entries)
        self.tally.batches += 1

    def _run(self, run: str) -> tuple[int, dict[str, Any]]:
        """The archive run of shared run ``run``: opened at its first entry, found again after a restart."""
        if run in self.runs:
            return self.runs[run]
        known = self.client.hget(self.keys.archive_runs, run)
        if known is not None:
            run_id = int(known)
            stats = self.archive.run_stats(run_id)
        else:
            found: Any = self.client.hgetall(self.keys.run)
            meta = {k.decode(): v.decode() for k, v in found.items()}
            args = json.loads(meta.get("args", "{}")) if meta.get("id") == run else {}
            run_id = self.archive.start_run(meta.get("command", "crawl"), {**args, "shared_run": int(run)})
            self.client.hset(self.keys.archive_runs, run, run_id)
            stats = {"workers": {}}
        self.runs[run] = (run_id, stats)
        return self.runs[run]

    def _event(self, kind: str, run: str, worker: str, data: bytes) -> None:
        run_id, stats = self._run(run)
        if kind == "worker":
            event = json.loads(data)
            figures = event["stats"]
            stats["workers"][worker] = {"reason": event["reason"], "pages": figures.get("response_received_count", 0),
                                        "errors": sum(figures.get(f"kznews/{key}", 0) for key in ERROR_KEYS)}
            for name, value in figures.items():  # the run's figures: its workers' added up
                if name.startswith(("kznews/", "response_received_count")) and not name.startswith("kznews/new"):
                    stats[name] = stats.get(name, 0) + value
            self.archive.update_run(run_id, stats)
        elif kind == "run":
            self.archive.finish_run(run_id, "finished", stats)
            self.tally.runs_finished.append(run_id)


def store(db: str, url: str, *, prefix: str, batch_size: int, flush_seconds: float, cache_mib: int,
          on_batch: Callable[[StoreTally], None] | None = None,
          on_ready: Callable[[StoreTally], None] | None = None) -> StoreTally:
    """Run the writer until SIGTERM/SIGINT; ``RedisUnavailable`` or ``ArchiveError`` in one line if it cannot."""
    client = connect(url)
    with Archive(db, cache_mib=cache_mib) as archive:
        writer = Writer(archive, client, prefix, batch_size, flush_seconds)

        def stop(signum: int, frame: FrameType | None) -> None:
            writer.stop()

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            writer.seed(db)
            writer.ensure_group()
            if on_ready is not None:
                on_ready(writer.tally)
            return writer.run(on_batch)
        except redis.RedisError as exc:
            raise RedisUnavailable(f"lost Redis at {url} ({exc}); what was committed is acknowledged or will be"
                                   " read again: start `kznews store` again when Redis is back") from None
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            client.close()

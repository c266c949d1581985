"""The scheduler and duplicate filter of a shared run: scrapy-redis's, made non-blocking and per host.

scrapy-redis (pinned in pyproject.toml) keeps a spider's requests in one Redis queue and its
fingerprints in one Redis set, so any number of processes share one frontier.  Its users report
three gaps, closed here by thin subclasses:

- its scheduler calls Redis from the reactor thread (a round trip per request, a blocking pop
  when idle): here every Redis call goes through the worker's ``Link`` thread, and the
  scheduler's four methods only touch local lists;
- one queue for all hosts, and politeness per process (N workers ask a host N times as often):
  here requests wait per host and a worker is handed a request only when its host's slot in
  Redis is free (``frontier.py``), which holds for all workers together;
- fingerprints never expire: here they belong to the run and go when it finishes.

A worker also never loses what it held: a claimed request stays in its in-flight hash until
everything the request produced (new requests, the page for the writer) is in Redis
(``claims.py`` tells when, from Scrapy's public hooks); if the worker dies, another requeues it.

Within a host, requests go out by Scrapy's ``Request.priority`` (highest first), then in the order
they were queued, whichever worker queued them.  An outlet's article requests are counted in Redis
as they are queued, so ``--max-articles`` holds for the whole run, not per worker.

The wiring other commands use (``kznews backfill --redis``): the ``SharedRun`` add-on (``__init__.py``)
with ``KZNEWS_REDIS_URL`` set; a spider's requests count against ``--max-articles`` when they carry
``Request.meta[kznews.scope.ARTICLE]`` (their outlet: the one ``scope.outlet_for`` finds for the URL)
or ``Request.meta[OUTLET]`` (the outlet's key, for a request whose URL is not the outlet's: a web
archive's capture); the spider needs a ``scope`` (``kznews.scope.CrawlScope``).
"""

from __future__ import annotations

import json
import logging
from collections import deque
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from redis import Redis
from redis.client import Pipeline
from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.httpobj import urlparse_cached
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import Base
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from kznews.distributed.claims import CLAIM, ClaimTracker, TrackedErrback, tracker_for
from kznews.distributed.link import Claimed, Link
from kznews.scope import ARTICLE, CrawlScope, scope_of

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# Request meta a claim adds (stripped before a request derived from it, a retry or a redirect, is queued);
# CLAIM (the in-flight id) is claims.py's.
ARCHIVED = "kznews_shared_archived"  # JSON [fetched_at, etag, last_modified] when the URL is archived
ROBOTS = "kznews_shared_robots"  # "status\nbody" of the host's robots.txt, when a worker fetched it
SENT = "kznews_shared_sent"  # set by the politeness middleware when the request went out
_CLAIM_META = (CLAIM, ARCHIVED, ROBOTS, SENT)
OUTLET = "kznews_shared_outlet"  # Request meta a spider may set: the outlet key whose --max-articles it counts against


class SharedDupeFilter(RFPDupeFilter):
    """scrapy-redis's fingerprint set, keyed by the run, with Scrapy's own fingerprints.

    Scrapy 2.7+ computes fingerprints with the crawler's ``REQUEST_FINGERPRINTER`` (the same
    one its own dupefilter and cache use); scrapy-redis 0.9.1 hashes its own JSON instead.
    The scheduler adds fingerprints in the same script that queues the request, so
    ``request_seen`` is not called on a worker.
    """

    def __init__(self, server: Redis, key: str, crawler: Crawler) -> None:
        super().__init__(server, key)
        self.fingerprinter = crawler.request_fingerprinter

    def request_fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()


class EntryCodec(Base):
    """scrapy-redis's request encoding (``Request.to_dict`` pickled), as queue entries ``url\\npayload``.

    Pickle, as in scrapy-redis: the Redis server of a shared run must be as trusted as the workers.
    """

    def encode(self, request: Request) -> bytes:
        if any(name in request.meta for name in _CLAIM_META):
            request = request.replace(meta={k: v for k, v in request.meta.items() if k not in _CLAIM_META})
        if isinstance(request.errback, TrackedErrback):  # a retry or redirect of a claimed request
            request = request.replace(errback=request.errback.original)
        return request.url.encode() + b"\n" + self._encode_request(request)

    def decode(self, entry: bytes) -> Request:
        return self._decode_request(entry.split(b"\n", 1)[1])


class SharedScheduler(Scheduler):
    """scrapy-redis's ``Scheduler`` whose requests go through the worker's ``Link`` (see the module)."""

    def __init__(self, crawler: Crawler, link: Link, tracker: ClaimTracker) -> None:
        super().__init__(server=link.client, persist=True)
        self.crawler = crawler
        self.stats = crawler.stats
        self.link = link
        self.tracker = tracker
        self.ready: deque[Request] = deque()  # claimed, for the engine
        self.incoming: set[int] = set()  # claimed requests on their way in through engine.crawl
        self.total = crawler.settings.getint("CONCURRENT_REQUESTS")
        self.backlog = crawler.settings.getint("KZNEWS_REDIS_BACKLOG")
        self.scope: CrawlScope | None = None
        self.limit = 0  # article requests per outlet in the whole run (0: no limit)
        self.run = ""
        self.sweeper: LoopingCall | None = None
        self.codec: EntryCodec | None = None
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from kznews.distributed import link_for

        scheduler = cls(crawler, link_for(crawler), tracker_for(crawler))
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider: Spider) -> None:
        self.spider = spider
        link = self.link
        self.codec = EntryCodec(link.client, spider, link.keys.q)
        self.df = SharedDupeFilter(link.client, link.keys.seen, self.crawler)
        link.deliver = self.deliver
        settings = self.crawler.settings
        self.scope = scope_of(self.crawler)
        self.limit = self.scope.max_articles or settings.getint("KZNEWS_MAX_ARTICLES")
        link.lease_ms = int((2 * settings.getfloat("DOWNLOAD_TIMEOUT") + 5) * 1000)
        link.stream_max = settings.getint("KZNEWS_REDIS_STREAM_MAX")
        self.run, created = link.join(settings.get("KZNEWS_COMMAND"), self.scope.run_args(),
                                      datetime.now(UTC).isoformat(timespec="seconds"))
        self.stats.set_value("kznews/shared/run", int(self.run))
        self.stats.set_value("kznews/shared/worker", link.worker)
        logger.info("%s shared run %s as worker %s", "started" if created else "joined", self.run, link.worker)
        link.start()
        self.sweeper = LoopingCall(self._sweep)
        self.sweeper.start(0.1, now=False)

    def close(self, reason: str) -> None:
        """Leave the run: mark done what was processed, hand back what was not, tell the writer
        this worker's figures and, when nothing is left anywhere, that the run is finished."""
        if self.sweeper is not None and self.sweeper.running:
            self.sweeper.stop()
        self._settle()
        link, k = self.link, self.link.keys
        figures = {name: value for name, value in self.stats.get_stats().items()
                   if isinstance(value, (int, float)) and not name.startswith("kznews/shared/")}
        event = json.dumps({"reason": reason, "stats": figures})
        now = datetime.now(UTC).isoformat(timespec="seconds")

        def leave(client: Redis) -> None:
            link.scripts.leave(keys=[k.workers], args=[link.prefix, link.worker, link.delay_ms], client=client)
            client.xadd(k.pages, {"kind": "worker", "run": self.run, "worker": link.worker, "data": event})
            if reason == "finished":
                link.scripts.finish(keys=[k.run, k.queued, k.inflight_n, k.seen, k.pages, k.articles],
                                    args=[self.run, now], client=client)

        link.stop(leave)

    def flush(self) -> None:
        """Nothing to clear: a shared run's frontier outlives any one worker."""

    def __len__(self) -> int:
        return len(self.ready)

    # -- Scrapy's scheduler interface ------------------------------------------------------------

    def enqueue_request(self, request: Request) -> bool:
        """A claimed request coming in goes to the engine; any other is queued in Redis (unless seen, or an
        article request beyond its outlet's ``--max-articles`` in the run: dropped)."""
        if id(request) in self.incoming:
            self.incoming.discard(id(request))
            self.ready.append(request)
            return True
        assert self.codec is not None and self.df is not None
        outlet = self._counted_outlet(request)
        if outlet and self.limit and self.link.counts.articles.get(outlet, 0) >= self.limit:
            self.stats.inc_value("kznews/shared/over_limit")
            return False
        host = urlparse_cached(request).hostname or ""
        entry = self.codec.encode(request)
        fingerprint = self.df.request_fingerprint(request)
        force = "1" if request.dont_filter else "0"
        args = [fingerprint, host, entry, force, str(request.priority), outlet, str(self.limit)]
        k = self.link.keys
        self.link.send(lambda pipe: self._push(pipe, [k.seen, k.hosts, k.queued, k.seq, k.articles], args))
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def _counted_outlet(self, request: Request) -> str:
        """The outlet whose article requests ``request`` counts against ("" for none): a redirect does not
        count again, nor does a forced request (a retry)."""
        if request.dont_filter or request.meta.get("redirect_urls"):
            return ""
        if outlet := request.meta.get(OUTLET):
            return str(outlet)
        found = self.scope.outlet_for(request.url) if self.scope and request.meta.get(ARTICLE) else None
        return found.key if found is not None else ""

    def _push(self, pipe: Pipeline, keys: list[str], request: list[Any]) -> None:
        self.link.scripts.push(keys=keys, args=[self.link.prefix, *request], client=pipe)

    def next_request(self) -> Request | None:
        """The next claimed request, unless ``KZNEWS_REDIS_BACKLOG`` downloaded ones are not yet settled (the
        engine asks again as each one finishes)."""
        self._settle()
        if not self.ready or self.tracker.backlog >= self.backlog:
            return None
        self.stats.inc_value("scheduler/dequeued/redis")
        return self.ready.popleft()

    def has_pending_requests(self) -> bool:
        return bool(self.ready)

    # -- claims -------------------------------------------------------------------------------

    def deliver(self, claimed: list[Claimed]) -> None:
        """Requests the link claimed for this worker: into the engine (``engine.crawl`` wakes it)."""
        assert self.codec is not None
        for c in claimed:
            request = self.codec.decode(c.entry)
            if c.archived:
                request.meta[ARCHIVED] = c.archived.decode()
            if c.robots:
                request.meta[ROBOTS] = c.robots
            self.tracker.claimed(c.id, request)
            self.incoming.add(id(request))
            self.crawler.engine.crawl(request)
            if id(request) in self.incoming:  # a request_scheduled handler refused it: its host is free again
                self.incoming.discard(id(request))
                self.tracker.refused(c.id)
                self.link.release(urlparse_cached(request).hostname or "", 0)
        self._room()

    def _room(self) -> None:
        """Tell the link how many more requests this worker can take now: ``CONCURRENT_REQUESTS`` less those
        it holds, waiting, downloading or still being extracted (a worker takes no more than it can work on,
        so a slow one leaves the rest of the run to the others)."""
        self.link.want = max(0, self.total - len(self.tracker.claims))
        if self.link.want:
            self.link.wake.set()

    def _settle(self) -> None:
        """Claims with nothing left open (``claims.py``) are done in Redis, unless their page took them along."""
        settled = [claim.id for claim in self.tracker.settled() if not claim.sent]
        if settled:
            self.link.done(settled)
        self._room()

    def _sweep(self) -> None:
        self._settle()
        engine = self.crawler.engine
        if not self.closing and self.finished() and engine.spider_is_idle():
            # Scrapy asks an idle spider again only every 5 s: close as soon as the run is over.
            self.closing = True
            deferred_from_coro(engine.close_spider_async(reason="finished"))

    # -- the end of the run ---------------------------------------------------------------------

    def finished(self) -> bool:
        """Nothing waits or is held in the whole run (or it finished and another began)."""
        counts = self.link.counts
        if counts.run and counts.run != self.run:
            return True
        return (not self.ready and not self.tracker.claims and self.link.quiet()
                and counts.queued == 0 and counts.inflight == 0)

    def spider_idle(self, spider: Spider) -> None:
        """Stay open while other workers may still queue requests."""
        if self.link.error is None and not self.finished():
            raise DontCloseSpider


def encode_archived(fetched_at: str | None, etag: str | None, last_modified: str | None) -> str:
    """An archived article as the run knows it (``{p}:archived``), for the incremental middleware."""
    return json.dumps([fetched_at, etag, last_modified])

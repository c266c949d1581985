"""Scrapy settings for kznews: every default we change, each with its reason.

``kznews crawl -s NAME=VALUE`` and ``scrapy crawl news -s NAME=VALUE`` override
any of them (e.g. ``-s DOWNLOAD_DELAY=0`` against a local mirror).
"""

import os

from kznews import __version__

BOT_NAME = "kznews"
SPIDER_MODULES = ["kznews.spiders"]
NEWSPIDER_MODULE = "kznews.spiders"

# --- kznews's own settings -------------------------------------------------
# The archive every writing command uses (KZNEWS_DB in the environment, or --db).
KZNEWS_DB = os.environ.get("KZNEWS_DB", "data/kznews.db")
# Items written per transaction, at most: larger batches cost the writer less per article, smaller
# lose less to a crash (nothing is lost either way: an unwritten batch is refetched on the next run).
KZNEWS_BATCH_SIZE = 500
# ... and pages held for one batch, at most, MiB: a page counts its packed size once extracted,
# its raw size otherwise (0: no bound).
KZNEWS_BATCH_MIB = 32
# A batch not yet full is written after at most this many seconds (0: only full batches), so a
# polite crawl (a page a second) shows its articles within seconds, not after 100 pages.
KZNEWS_FLUSH_SECONDS = 10.0
# The archive writer's SQLite page cache, MiB: part of a crawl's resident memory once the archive
# outgrows it; larger keeps more FTS segments and indexes cached, but beyond 16 it made writing no cheaper.
KZNEWS_SQLITE_CACHE_MIB = 16
# Worker processes that extract pages off the reactor thread (0: extract in the reactor thread).
# One worker lets downloading and extraction use two cores; more workers than cores - 1 only add contention.
KZNEWS_EXTRACT_WORKERS = 1
# Stop scheduling article requests after this many (0: no limit).
KZNEWS_MAX_ARTICLES = 0
# Article requests per outlet released to Scrapy's scheduler and not yet finished; the outlet's
# other URLs wait in the spider's frontier, a compact tuple each instead of a Request.
KZNEWS_FRONTIER_REQUESTS = 500
# Upper bound of numbered sitemaps (sitemap_news{n}.xml) walked per start point.
KZNEWS_MAX_NUMBERED_SITEMAPS = 1000
# Upper bound of listing pages followed per listing when the registry sets none.
KZNEWS_MAX_LISTING_PAGES = 5
# The command recorded in the `runs` table ("crawl" or "harvest"; the CLI sets it).
KZNEWS_COMMAND = "crawl"
# Show a live progress line (the CLI turns it on when stderr is a terminal).
KZNEWS_PROGRESS = False
# Where `kznews check`'s probe writes its findings (JSON; the command sets it for its own crawl).
KZNEWS_CHECK_OUT = ""
# Share of a run's requests that may fail before the run is "partial" (exit 3); `harvest --max-error-rate`.
KZNEWS_MAX_ERROR_RATE = 0.0
# A recheck (`kznews recheck`) takes a page at an archived article's URL for a stub standing in its place (a takedown,
# not an edit) when it holds less than this share of the archived body's words (those not in its headline).
KZNEWS_RECHECK_STUB_SHARE = 0.2
# Contact shown in the user agent so site operators can reach whoever runs the crawl.
KZNEWS_CONTACT = os.environ.get("KZNEWS_CONTACT", "https://github.com/kznews/kznews")

# --- One crawl on many machines (kznews/distributed/, `--redis`) ---------------------------------
# The Redis server the workers of a shared run and its one writer (`kznews store`) meet at,
# redis://HOST:PORT/DB ("": a one-machine crawl into SQLite, no Redis).
KZNEWS_REDIS_URL = os.environ.get("KZNEWS_REDIS_URL", "")
# Prefix of every Redis key of the shared run: several separate crawls can share one Redis server.
KZNEWS_REDIS_PREFIX = "kznews"
# Seconds a worker may go without a heartbeat before the others take it for dead and requeue what it held.
KZNEWS_REDIS_WORKER_TIMEOUT = 10.0
# Seconds a robots.txt verdict is shared for (one worker fetches it, every worker obeys it).
KZNEWS_REDIS_ROBOTS_TTL = 86400
# Pages waiting in the stream for the writer, at most: above it workers claim no new requests
# (a slow or stopped writer pauses the crawl instead of filling Redis's memory).
KZNEWS_REDIS_STREAM_MAX = 5000
# Requests a worker holds downloaded and not yet through extraction into the stream, at most (it starts
# no other download meanwhile): what a killed worker's downloaded pages cost again, fetched by another.
KZNEWS_REDIS_BACKLOG = 4

# --- Politeness ---------------------------------------------------------------
# Identify ourselves honestly, with a way to reach us.
USER_AGENT = f"kznews/{__version__} (+{KZNEWS_CONTACT})"
# Respect the outlets' robots.txt.
ROBOTSTXT_OBEY = True
# One connection per host: news sites are not ours to load.
CONCURRENT_REQUESTS_PER_DOMAIN = 1
# A pause between requests to one host; AutoThrottle raises it when the site slows down.
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# --- Limits (Scrapy's defaults suit bulk downloads, not news pages) -------------------
# 180 s is far too long to wait on one page.
DOWNLOAD_TIMEOUT = 30
# A news page is well under 10 MiB; sitemaps and feeds may reach KZNEWS_SITEMAP_MAXSIZE.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
# Sitemaps and feeds, bytes at most: a full sitemap file may reach 50 MB uncompressed (sitemaps.org).
KZNEWS_SITEMAP_MAXSIZE = 50 * 1024 * 1024
RETRY_TIMES = 3
# Resolve host names with the system's resolver, which also knows IPv6 (Scrapy's default resolver is IPv4
# only: an http://[::1]:PORT/ mirror would fail as "DNS lookup failed").
TWISTED_DNS_RESOLVER = "scrapy.resolver.CachingHostnameResolver"
REDIRECT_MAX_TIMES = 5
# Guard the machine on long runs.
MEMUSAGE_LIMIT_MB = 2048

# --- Surface we do not use --------------------------------------------------------
# No remote console, and no local-file, data:, ftp: or s3: fetching from page-supplied URLs.
TELNETCONSOLE_ENABLED = False
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}

# --- Crawl policy (kznews/middlewares/) --------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    # First: at CLOSESPIDER_TIMEOUT (--max-time) the downloads not yet sent are let go, not drained after it.
    "kznews.middlewares.timelimit.TimeLimitMiddleware": 10,
    # Before offsite (50) and robots (100): a refused host is not even asked for robots.txt;
    # sees redirects and retries too (they pass through the chain again), dont_filter or not.
    "kznews.middlewares.hostguard.HostGuardMiddleware": 25,
    # After the host guard, before robots.txt: an archived article costs no request at all;
    # one whose sitemap/feed date is newer goes as a conditional GET.
    "kznews.middlewares.incremental.ArchivedSkipMiddleware": 40,
    # Scrapy's robots.txt allows everything when robots.txt answers 5xx or times out.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "kznews.middlewares.robots.RobotsFailClosedMiddleware": 100,
    # Pauses the host's download slot for Retry-After on 429/503 (signal-driven; beside RetryMiddleware).
    "kznews.middlewares.retryafter.RetryAfterMiddleware": 560,
    # After retry in the exception chain: sees every attempt, says at once when a host that never answered
    # cannot be reached, and does not retry a name that does not resolve.
    "kznews.middlewares.reach.HostReachMiddleware": 570,
}
# Longest Retry-After we honour (seconds); longer answers wait this long.
KZNEWS_RETRY_AFTER_MAX = 300
# Longest robots.txt Crawl-delay we honour (seconds): a huge value would stall the crawl.
KZNEWS_CRAWL_DELAY_MAX = 30
# Refuse requests to private, loopback and non-outlet hosts (HostGuardMiddleware; False: off, for tests).
KZNEWS_HOST_GUARD_ENABLED = True
# Pause a host's downloads for the Retry-After of its 429/503 answers (RetryAfterMiddleware; False: off).
KZNEWS_RETRY_AFTER_ENABLED = True
# Skip articles already archived unless their sitemap/feed date says they changed (False: fetch all again).
KZNEWS_INCREMENTAL = True
# Extra hosts allowed even if private or loopback (tests, a LAN mirror); outlet and --mirror hosts need no entry.
KZNEWS_ALLOW_HOSTS: list[str] = []
# A 429/503 of a web archive without Retry-After pauses its slot this many seconds, doubling with each
# one in a row (capped by KZNEWS_RETRY_AFTER_MAX): the Wayback Machine blocks an address that keeps
# asking after 429s for an hour, and Common Crawl's data server answers load with 503 Slow Down.
KZNEWS_ARCHIVE_BACKOFF = 30.0

# --- Web archives (`kznews backfill`, kznews/backfill/) ---------------------------------
# Common Crawl's index server (collinfo.json, each crawl's CDX API); also from the environment, so a
# test or a local mirror can stand in for it, as for the two endpoints below.
KZNEWS_CC_INDEX = os.environ.get("KZNEWS_CC_INDEX", "https://index.commoncrawl.org")
# Common Crawl's data server: WARC records by byte range.
KZNEWS_CC_DATA = os.environ.get("KZNEWS_CC_DATA", "https://data.commoncrawl.org")
# The Wayback Machine: CDX search and raw (id_) playback.
KZNEWS_WAYBACK = os.environ.get("KZNEWS_WAYBACK", "https://web.archive.org")
# Seconds between Common Crawl index requests, one at a time: one server answers everyone, and
# Common Crawl asks for about one request a second (cdx_toolkit waits 1.0 s too).
KZNEWS_CC_INDEX_DELAY = 1.0
# Records fetched from Common Crawl's data server at once (a CDN): modest, each a single byte range.
KZNEWS_CC_DATA_CONCURRENCY = 4
# Seconds between Wayback Machine requests, one at a time: it enforces about 24 a minute per address.
KZNEWS_WAYBACK_DELAY = 2.5

# --- Components ---------------------------------------------------------------------
ADDONS = {
    # Every KZNEWS_* default below, at Scrapy's "default" priority, for crawlers built without this module.
    "kznews.addons.Defaults": 0,
    # Keeps the per-host connection limit when -s DOWNLOAD_DELAY=0 (a Scrapy 2.19 gap).
    "kznews.addons.PolitenessFloor": 0,
    # With KZNEWS_REDIS_URL: this process is one worker of a shared run (kznews/distributed/).
    "kznews.distributed.SharedRun": 10,
}
ITEM_PIPELINES = {
    "kznews.pipelines.ExtractPipeline": 300,
    "kznews.pipelines.NormalizePipeline": 500,
    "kznews.pipelines.StorePipeline": 800,
}
EXTENSIONS = {
    "kznews.extensions.Progress": 500,
}

# Scrapy prints every request at DEBUG: INFO keeps the log readable.
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

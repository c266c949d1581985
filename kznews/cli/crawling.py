"""The crawling commands: crawl, harvest, recheck, cron, extract, reextract.

They write the archive named by the group's ``--db`` (``extract`` writes nothing) and drive Scrapy.
"""

from __future__ import annotations

import gzip
import json
import os
import shlex
import sys
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kznews import coverage, exitcodes, settings, sites
from kznews.cli.options import (
    DeferredChoice,
    check_window,
    check_writable,
    default_workers,
    http_option,
    iso_date,
    reader,
    registered,
    scrapy_settings,
)
from kznews.storage import Archive, ArchiveError, ArticleFilter
from kznews.storage import stats as archive_stats
from kznews.storage.query import recheck_candidates

if TYPE_CHECKING:
    from scrapy import Spider

    from kznews.crawl import CrawlSummary
    from kznews.reextract import Tally as ReextractTally

# The extraction stack (kznews.extract, and kznews.reextract, kznews.crawl that import it) takes seconds to import:
# the commands that extract import it when they run, so the others (and `kznews --help`) start without it.


def _run(db: str, label: str, spider_args: dict[str, Any], settings: dict[str, Any],
         verbose: bool, max_error_rate: float, redis: str = "", spider: type[Spider] | None = None) -> CrawlSummary:
    """Run the crawl (the news spider, or ``spider``), print its summary line, and return how it went.

    With ``redis`` the process is one worker of a shared run: it checks Redis instead of the
    archive (which only ``kznews store`` opens), and its pages go to the run's stream.
    """
    if redis:
        from kznews.distributed.link import connect

        connect(redis).close()  # RedisUnavailable: one line
    else:
        check_writable(db)
    from kznews.crawl import run_crawl  # the extraction stack: after the checks, so a refusal is at once

    started = time.monotonic()
    summary = run_crawl(db, spider_args, {**settings, "KZNEWS_REDIS_URL": redis}, progress=sys.stderr.isatty(),
                        verbose=verbose, max_error_rate=max_error_rate, **({"spider": spider} if spider else {}))
    if redis:
        summary = worker_outcome(summary)
    f = summary.figures
    causes = f" ({summary.causes})" if summary.causes else ""
    if redis:  # a worker's articles are counted by the writer (kznews stats)
        done = f"{f['pages']} pages, {f['errors']} errors{causes} -> the shared run at {redis}"
    else:
        done = (f"{f['pages']} pages, {f['new']} new, {f['updated']} updated, {f['unchanged']} unchanged articles, "
                f"{f['tickers']} ticker quotes, {f['errors']} errors{causes} -> {db} (run {summary.run_id})")
    click.echo(f"{label}: {summary.outcome} in {time.monotonic() - started:.1f} s: {done}")
    return summary


def scrapy_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options every command that runs a crawl has: Scrapy settings and Scrapy's log."""
    for option in reversed((
        click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", callback=scrapy_settings,
                     help="A Scrapy setting, as with `scrapy crawl -s`."),
        click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO)."),
    )):
        command = option(command)
    return command


def worker_outcome(summary: CrawlSummary) -> CrawlSummary:
    """How a worker of a shared run went: closed as finished with nothing fetched, it found nothing left to do in
    a run that finished and did its part (whether the run fetched anything is the run's figure, in the writer's
    `runs` row)."""
    if summary.outcome == "failed" and not summary.figures["pages"]:
        return replace(summary, outcome="finished", exit_code=exitcodes.OK)
    return summary


def crawl_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options that `crawl` and `harvest` share."""
    return scrapy_options(click.option(
        "--redis", envvar="KZNEWS_REDIS_URL", default="", metavar="redis://HOST:PORT/DB",
        help="Be one worker of a shared run on this Redis (also KZNEWS_REDIS_URL); "
             "`kznews store --redis URL` writes the archive.")(command))


@click.command()
@click.argument("outlets", nargs=-1)
@click.option("--url", callback=http_option, help="Crawl a site not in the registry from this feed, sitemap or listing URL.")
@click.option("--edition", help="Only this language edition (ru, kk, en).")
@click.option("--mirror", metavar="URL", callback=http_option, help="Fetch the outlet's start points from this host (a local mirror).")
@click.option("--max-articles", type=click.IntRange(min=0), default=0, help="Stop after this many articles per outlet (0: no limit).")
@click.option("--since", callback=iso_date, help="Backfill from this day (YYYY-MM-DD): daily archives, dated sitemap/feed entries.")
@click.option("--until", callback=iso_date, help="Backfill up to this day (YYYY-MM-DD).")
@crawl_options
@click.pass_obj
def crawl(obj: dict[str, Any], outlets: tuple[str, ...], url: str | None, edition: str | None,
          mirror: str | None, max_articles: int, since: str | None, until: str | None,
          overrides: dict[str, str], verbose: bool, redis: str) -> None:
    """Crawl outlets (or --url) into the archive.

    \b
    Examples:
        kznews crawl tengrinews
        kznews crawl inform --edition kk --max-articles 100
        kznews crawl inform --since 2024-01-01 --until 2024-02-01
        kznews crawl --url https://example.kz/sitemap.xml -s DOWNLOAD_DELAY=0
        kznews crawl tengrinews --redis redis://crawlhost:6379/0   # one worker of a shared run

    Prints a progress line on a terminal and one summary line at the end.
    Exit code 0 on success, 3 when some pages failed, 4 when the crawl failed,
    5 when a limit stopped it, 6 when another run holds the archive.
    """
    if bool(outlets) == bool(url):
        raise click.UsageError("give outlets (see `kznews sites`) or --url URL, not both")
    check_window(since, until)
    if url:
        sites.adhoc(url)
    registered(outlets, edition)
    if mirror and len(outlets) > 1:
        raise click.UsageError("--mirror stands in for one outlet at a time")
    summary = _run(
        obj["db"], f"crawl {' '.join(outlets) or url}",
        {"site": ",".join(outlets), "url": url, "edition": edition, "mirror": mirror,
         "max_articles": max_articles, "since": since, "until": until},
        overrides, verbose, max_error_rate=0.0, redis=redis,
    )
    sys.exit(summary.exit_code)


@click.command()
@click.argument("outlets", nargs=-1)
@click.option("--max-articles", type=click.IntRange(min=0), default=0, show_default=True, help="Article requests per outlet per run at most (0: no limit).")
@click.option("--max-time", type=click.IntRange(min=0), default=3000, show_default=True, help="Seconds before the run stops (0: no limit); the next run resumes.")
@click.option("--max-error-rate", type=click.FloatRange(0, 1), default=0.2, show_default=True, help="An outlet failing more of its requests than this makes the run partial (exit 3).")
@click.option("--stale-runs", type=click.IntRange(min=1), default=3, show_default=True, help="Flag an outlet with no new articles in this many runs.")
@click.option("--recheck", "recheck_days", type=click.IntRange(min=1), metavar="DAYS",
              help="Also fetch again the archived articles published in the last DAYS days, in the same crawl: edits "
                   "become versions, takedowns and returns are recorded (see `kznews recheck`).")
@crawl_options
@click.pass_obj
def harvest(obj: dict[str, Any], outlets: tuple[str, ...], max_articles: int, max_time: int,
            max_error_rate: float, stale_runs: int, recheck_days: int | None, overrides: dict[str, str],
            verbose: bool, redis: str) -> None:
    """Harvest new articles of all outlets (or those named), incrementally, for cron.

    Articles already archived are not fetched again unless their feed or sitemap says
    they changed (then with a conditional GET). One writing run at a time per archive:
    a second exits at once with code 6. After the run, outlets with no new articles
    in --stale-runs runs or with too many errors are flagged (also in `kznews stats`).

    \b
    Examples:
        kznews harvest
        kznews harvest inform tengrinews --max-time 600
        kznews harvest --recheck 7   # and what was edited, taken down or restored among the last 7 days' articles
        kznews cron            # a crontab line and a systemd timer for this install

    Exit codes: 0 success, 3 an outlet over --max-error-rate, 4 failed, 5 stopped
    by --max-time (the next run resumes), 6 another run holds the archive.
    """
    keys = list(outlets) or list(sites.outlets())
    registered(keys)
    if recheck_days and redis:
        raise click.UsageError("--recheck reads and writes the archive: it is not for a worker of a shared run (--redis)")
    settings = {"KZNEWS_COMMAND": "harvest", "CLOSESPIDER_TIMEOUT": max_time, **overrides}
    spider_args: dict[str, Any] = {"site": ",".join(keys), "max_articles": max_articles}
    spider = None
    if recheck_days:
        from kznews.spiders.recheck import RecheckSpider

        spider_args |= {"discover": True, "recheck_since": _days_ago(recheck_days)}
        spider = RecheckSpider
    summary = _run(obj["db"], f"harvest {len(keys)} outlets", spider_args,
                   settings, verbose, max_error_rate=max_error_rate, redis=redis, spider=spider)
    if recheck_days:
        _recheck_line(obj["db"], summary.run_id)
    if redis:  # the archive, and so the outlets' history, is the writer's
        sys.exit(summary.exit_code)
    with closing(reader(obj["db"])) as conn:
        found = coverage.alerts(conn, stale_runs=stale_runs, max_error_rate=max_error_rate, sites=keys)
    for alert in found:
        click.echo(f"alert: {alert.message}", err=True)
    code = summary.exit_code
    if code == exitcodes.OK and any(a.kind == "errors" for a in found):
        code = exitcodes.PARTIAL
    sys.exit(code)


def _days_ago(days: int) -> str:
    """The first of the last ``days`` days, today (Asia/Almaty) included, as YYYY-MM-DD."""
    from kznews.extract.dates import ALMATY

    return (datetime.now(ALMATY).date() - timedelta(days=days - 1)).isoformat()


# A recheck's counts in its run's stats (kznews.recheck): what its answers said of the archived articles
_THERE, _GONE = ("present", "restored", "cleared"), ("suspected", "removed", "still_removed")


def _recheck_line(db: str, run_id: int | None) -> None:
    """Print what the run's recheck found, from its ``runs`` row."""
    with closing(reader(db)) as conn:
        run = next((r for r in archive_stats(conn, days=1)["runs"] if r["id"] == run_id), None)
    n = {k: int((run or {}).get("stats", {}).get(f"kznews/recheck/{k}", 0)) for k in (*_THERE, *_GONE, "unknown")}
    click.echo(f"recheck: {sum(n[k] for k in _THERE)} there ({n['restored']} restored), "
               f"{sum(n[k] for k in _GONE)} gone ({n['removed']} removals confirmed, {n['suspected']} suspected, "
               f"{n['still_removed']} still removed), {n['unknown']} without an answer")


@click.command()
@click.argument("outlets", nargs=-1)
@click.option("--days", type=click.IntRange(min=1), help="Articles published in the last DAYS days (today included).")
@click.option("--since", callback=iso_date, help="Articles published on or after this day (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Articles published on or before this day (YYYY-MM-DD).")
@click.option("--max-articles", type=click.IntRange(min=0), default=0, show_default=True,
              help="Articles fetched per outlet at most, the latest archived first (0: no limit).")
@click.option("--max-time", type=click.IntRange(min=0), default=3000, show_default=True, help="Seconds before the run stops (0: no limit).")
@click.option("--max-error-rate", type=click.FloatRange(0, 1), default=0.2, show_default=True, help="Failing more of its requests than this makes the run partial (exit 3).")
@scrapy_options
@click.pass_obj
def recheck(obj: dict[str, Any], outlets: tuple[str, ...], days: int | None, since: str | None, until: str | None,
            max_articles: int, max_time: int, max_error_rate: float, overrides: dict[str, str], verbose: bool) -> None:
    """Fetch archived articles again: what was edited, taken down or restored.

    The archived articles of the outlets named (default: all) published in the
    window (--days, or --since/--until) are requested again, newest first,
    conditionally when their stored page had an ETag
    or Last-Modified, as politely as a crawl (robots.txt, one connection per host,
    delays, Retry-After). An edited text becomes a new version. An article is
    gone when its URL answers 404, 410 or 451, redirects to a page that is not an
    article (a homepage, a section), or shows a stub in its place (headline gone,
    or almost none of its words left); it is recorded as removed when two rechecks in a row find it
    gone, with the time it was first seen gone and the evidence. A 5xx, a timeout
    or an unreachable host is never taken for a removal. An article seen again is
    marked restored. Nothing archived is deleted. `kznews search --removed` and
    `kznews stats` show the removals.

    \b
    Examples:
        kznews recheck --days 7
        kznews recheck tengrinews inform --since 2024-01-01 --until 2024-01-31
        kznews harvest --recheck 7     # the same, with a harvest, in one crawl

    Exit codes as `kznews harvest`: 0 success, 3 partial, 4 failed, 5 stopped by
    --max-time, 6 another run holds the archive.
    """
    check_window(since, until)
    if days and (since or until):
        raise click.UsageError("give --days, or --since/--until, not both")
    if not (days or since or until):
        raise click.UsageError("give the window of publication: --days N, or --since/--until")
    keys = list(outlets) or list(sites.outlets())
    registered(keys)
    since = _days_ago(days) if days else since
    db = obj["db"]
    if not Path(db).is_file():
        raise ArchiveError(f"no archive at {db}")
    check_writable(db)  # held, damaged or read-only: one line; an older archive is upgraded first
    with closing(reader(db)) as conn:
        found = any(recheck_candidates(conn, ArticleFilter(site=key, since=since, until=until), limit=1) for key in keys)
    if not found:
        click.echo(f"recheck: no archived article of {', '.join(keys)} published from {since} to {until or 'today'}")
        return
    from kznews.spiders.recheck import RecheckSpider

    settings = {"KZNEWS_COMMAND": "recheck", "CLOSESPIDER_TIMEOUT": max_time, **overrides}
    summary = _run(db, f"recheck {len(keys)} outlets",
                   {"site": ",".join(keys), "recheck_since": since, "recheck_until": until, "max_articles": max_articles},
                   settings, verbose, max_error_rate=max_error_rate, spider=RecheckSpider)
    _recheck_line(db, summary.run_id)
    sys.exit(summary.exit_code)


@click.command()
@click.option("--every", type=click.Choice(["5", "10", "15", "20", "30", "60", "120", "180", "360", "720", "1440"]), default="60", show_default=True, help="Minutes between runs.")
@click.pass_obj
def cron(obj: dict[str, Any], every: str) -> None:
    """Print a crontab line and a systemd timer that run `kznews harvest` for this install.

    Every path is absolute (the program, the archive, the log beside the archive, whose
    folder the line creates), and the kznews environment this shell has (KZNEWS_SITES,
    KZNEWS_CONTACT) is written into both, so they work from wherever cron starts them.

    \b
    Example:
        kznews cron --every 30 >> kznews-schedule.txt
    """
    minutes = int(every)
    # absolute, not resolved: a virtual environment's python is a link to an interpreter without kznews
    exe = Path(sys.argv[0]).absolute() if Path(sys.argv[0]).name == "kznews" else None
    command = f"{exe or Path(sys.executable).absolute()} {'' if exe else '-m kznews '}"
    db = Path(obj["db"]).resolve()
    # Stop each run well before the next one starts (the archive lock refuses overlaps anyway).
    max_time = max(60, minutes * 60 - 120)
    line = f"{command}--db {shlex.quote(str(db))} harvest --max-time {max_time}"
    log = db.with_name("harvest.log")
    env = {name: str(Path(value).resolve()) if name == "KZNEWS_SITES" else value
           for name in ("KZNEWS_SITES", "KZNEWS_CONTACT") if (value := os.environ.get(name))}
    assignments = "".join(f"{name}={shlex.quote(value)} " for name, value in env.items())
    unit_env = "".join(f"Environment={shlex.quote(f'{name}={value}')}\n" for name, value in env.items())
    schedule = f"*/{minutes} * * * *" if minutes < 60 else f"0 */{minutes // 60} * * *"
    folder, cwd = shlex.quote(str(log.parent)), shlex.quote(str(Path.cwd()))
    click.echo(f"""# crontab (crontab -e), every {every} minutes:
{schedule} mkdir -p {folder} && cd {cwd} && {assignments}{line} >> {shlex.quote(str(log))} 2>&1

# systemd: ~/.config/systemd/user/kznews-harvest.service
[Unit]
Description=kznews harvest into {db}

[Service]
Type=oneshot
WorkingDirectory={Path.cwd()}
{unit_env}ExecStartPre=/bin/mkdir -p {folder}
ExecStart={line}
# 3: partial, 5: stopped by --max-time (resumes next run); neither is a failure of the unit
SuccessExitStatus=3 5

# systemd: ~/.config/systemd/user/kznews-harvest.timer
[Unit]
Description=Run kznews harvest every {every} minutes

[Timer]
OnBootSec=5min
OnUnitActiveSec={minutes}min
Persistent=true

[Install]
WantedBy=timers.target

# then: systemctl --user daemon-reload && systemctl --user enable --now kznews-harvest.timer""")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="The page's URL (tells the outlet and edition); default: the file's path.")
@click.option("--kind", type=DeferredChoice("kznews.extract.pagetype", "KINDS"),
              help="Read every page as this kind instead of deciding from the evidence.")
def extract(files: tuple[str, ...], url: str | None, kind: str | None) -> None:
    """Extract saved pages and print one JSON record per page (JSON lines).

    Accepts .html and .html.gz files. An article page gives its article and ticker
    quotes; a listing page, a homepage or any other page gives its ticker quotes and
    article links. Whether a page is an article is decided from all the evidence: the
    outlet's article URL patterns (an outlet's article URL is an article however short),
    what the page declares (JSON-LD, og:type) and its shape; `kind_evidence` says which.

    A file that cannot be read (a truncated .gz, no permission) is one line on stderr and the
    others go on: exit 3 when some failed, 1 when all did.

    \b
    Example:
        kznews extract page.html --url https://www.inform.kz/ru/some-article_a3725092
    """
    from kznews.extract import extract_page
    from kznews.extract.normalize import normalize

    failed = 0
    for name in files:
        path = Path(name)
        try:
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            click.echo(f"Error: {name}: cannot be read ({getattr(exc, 'strerror', None) or exc})", err=True)
            failed += 1
            continue
        page_url = url or path.resolve().as_uri()
        record = extract_page(data, page_url, outlet=sites.for_url(page_url), kind=kind)
        normalize(record)
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
    if failed:
        sys.exit(exitcodes.ERROR if failed == len(files) else exitcodes.PARTIAL)


class StatusLine:
    """A reextract's live status on a terminal: one line rewritten at most once a second; errors above it."""

    def __init__(self) -> None:
        self.started = self.shown = time.monotonic()
        self.pending = False  # a status line is on screen without its newline

    def show(self, tally: ReextractTally) -> None:
        now = time.monotonic()
        if now - self.shown >= 1.0:
            self.shown, self.pending = now, True
            click.echo(f"\r{tally.pages} pages, {tally.changed} articles changed, {len(tally.errors)} errors, "
                       f"{tally.pages / (now - self.started):.1f} pages/s ", nl=False, err=True)

    def interrupt(self, line: str) -> None:
        click.echo(("\n" if self.pending else "") + line, err=True)
        self.pending = False

    def end(self) -> None:
        if self.pending:
            click.echo(err=True)


@click.command()
@click.option("--site", help="Only pages of this outlet.")
@click.option("--workers", type=click.IntRange(min=0), default=default_workers, show_default="one per core",
              help="Extraction processes (0: extract in this process).")
@click.pass_obj
def reextract(obj: dict[str, Any], site: str | None, workers: int) -> None:
    """Run extraction again over the raw pages kept in the archive.

    Articles whose extracted content changed are updated (the earlier version is kept).
    Pages are extracted by worker processes and written in batches; a page that fails
    is reported and the others go on (exit status 3). A terminal shows a progress line.

    \b
    Example:
        kznews reextract --site inform
    """
    from kznews.reextract import reextract as run_reextract

    archive = Archive(obj["db"])
    status = StatusLine() if sys.stderr.isatty() else None
    with archive:
        tally = run_reextract(archive, site=site, workers=workers, batch_size=settings.KZNEWS_BATCH_SIZE,
                              on_error=status.interrupt if status else lambda line: click.echo(line, err=True),
                              on_progress=status.show if status else None)
    if status:
        status.end()
    click.echo(f"reextract: {tally.pages} pages, {tally.changed} articles changed, {len(tally.errors)} errors")
    sys.exit(exitcodes.PARTIAL if tally.errors else exitcodes.OK)




COMMANDS = (crawl, harvest, recheck, cron, extract, reextract)

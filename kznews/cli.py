"""The kznews command line: one command group whose --help is the documentation.

Exit codes are listed in ``kznews.exitcodes``.
"""

from __future__ import annotations

import gzip
import json
import os
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kznews import __version__, coverage, exitcodes, settings, sites
from kznews.extract import extract_page
from kznews.extract.pagetype import KINDS
from kznews.normalize import normalize
from kznews.options import FORMATS, check_window, emit, emit_stream, iso_date, known_site, reader
from kznews.reextract import Tally as ReextractTally
from kznews.reextract import default_workers
from kznews.reextract import reextract as run_reextract
from kznews.runstats import crawl_figures
from kznews.sites.table import discovery_kinds, markdown_table
from kznews.storage import (
    Archive,
    ArchiveBusy,
    ArchiveError,
    QueryError,
    editions_of,
    run_sql,
    search,
)
from kznews.storage import stats as archive_stats
from kznews.storage.query import RANK_WINDOW

if TYPE_CHECKING:
    from kznews.crawl import CrawlSummary

DEFAULT_DB = "data/kznews.db"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kznews")
@click.option(
    "--db",
    envvar="KZNEWS_DB",
    default=DEFAULT_DB,
    show_default=True,
    metavar="PATH",
    help="The SQLite archive (also KZNEWS_DB).",
)
@click.pass_context
def main(ctx: click.Context, db: str) -> None:
    """kznews: crawl Kazakh news sites into a SQLite archive, and query it.

    Exit codes: 0 success, 1 error (one line on stderr), 2 usage error,
    3 partial (pages failed), 4 crawl failed, 5 stopped by a limit,
    6 another run holds the archive.

    \b
    Example:
        kznews crawl tengrinews --max-articles 50
        kznews search "Токаев" --since 2024-01-01
    """
    ctx.obj = {"db": db}
    try:
        sites.outlets()  # a broken KZNEWS_SITES file is one line, not a traceback
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None


class Busy(click.ClickException):
    """Another run holds the archive: its own exit code, so cron can tell it apart."""

    exit_code = exitcodes.BUSY


def _check_archive(db: str) -> None:
    """Fail early, in one line, on an archive that cannot be written."""
    try:
        Archive(db).close()
    except ArchiveBusy as exc:
        raise Busy(str(exc)) from None
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


def _outlets(keys: Sequence[str], edition: str | None) -> list[sites.Outlet]:
    try:
        outlets = [sites.get(k) for k in keys]
        for outlet in outlets if edition else ():
            outlet.edition(edition)
    except (sites.UnknownOutlet, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    return outlets


def _settings(pairs: Sequence[str]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="-s")
        settings[name] = value
    return settings


def _run(db: str, label: str, spider_args: dict[str, Any], settings: dict[str, Any],
         verbose: bool, max_error_rate: float) -> CrawlSummary:
    """Run the crawl, print its summary line, and return how it went."""
    from kznews.crawl import run_crawl

    started = time.monotonic()
    summary = run_crawl(db, spider_args, settings, progress=sys.stderr.isatty(),
                        verbose=verbose, max_error_rate=max_error_rate)
    f = summary.figures
    click.echo(
        f"{label}: {summary.outcome} in {time.monotonic() - started:.1f} s: {f['pages']} pages, "
        f"{f['new']} new, {f['updated']} updated, {f['unchanged']} unchanged articles, "
        f"{f['tickers']} ticker quotes, {f['errors']} errors -> {db} (run {summary.run_id})"
    )
    return summary


def crawl_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options that `crawl` and `harvest` share."""
    for option in reversed((
        click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
                     help="A Scrapy setting, as with `scrapy crawl -s`."),
        click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO)."),
    )):
        command = option(command)
    return command


@main.command()
@click.argument("outlets", nargs=-1)
@click.option("--url", help="Crawl a site not in the registry from this feed, sitemap or listing URL.")
@click.option("--edition", help="Only this language edition (ru, kk, en).")
@click.option("--mirror", metavar="URL", help="Fetch the outlet's start points from this host (a local mirror).")
@click.option("--max-articles", type=click.IntRange(min=0), default=0, help="Stop after this many articles per outlet (0: no limit).")
@click.option("--since", callback=iso_date, help="Backfill from this day (YYYY-MM-DD): daily archives, dated sitemap/feed entries.")
@click.option("--until", callback=iso_date, help="Backfill up to this day (YYYY-MM-DD).")
@crawl_options
@click.pass_obj
def crawl(obj: dict[str, Any], outlets: tuple[str, ...], url: str | None, edition: str | None,
          mirror: str | None, max_articles: int, since: str | None, until: str | None,
          overrides: tuple[str, ...], verbose: bool) -> None:
    """Crawl outlets (or --url) into the archive.

    \b
    Examples:
        kznews crawl tengrinews
        kznews crawl inform --edition kk --max-articles 100
        kznews crawl inform --since 2024-01-01 --until 2024-02-01
        kznews crawl --url https://example.kz/sitemap.xml -s DOWNLOAD_DELAY=0

    Prints a progress line on a terminal and one summary line at the end.
    Exit code 0 on success, 3 when some pages failed, 4 when the crawl failed,
    5 when a limit stopped it, 6 when another run holds the archive.
    """
    if bool(outlets) == bool(url):
        raise click.UsageError("give outlets (see `kznews sites`) or --url URL, not both")
    check_window(since, until)
    if url:
        try:
            sites.adhoc(url)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
    _outlets(outlets, edition)
    if mirror and len(outlets) > 1:
        raise click.UsageError("--mirror stands in for one outlet at a time")
    settings = _settings(overrides)
    _check_archive(obj["db"])
    summary = _run(
        obj["db"], f"crawl {' '.join(outlets) or url}",
        {"site": ",".join(outlets), "url": url, "edition": edition, "mirror": mirror,
         "max_articles": max_articles, "since": since, "until": until},
        settings, verbose, max_error_rate=0.0,
    )
    sys.exit(summary.exit_code)


@main.command()
@click.argument("outlets", nargs=-1)
@click.option("--max-articles", type=click.IntRange(min=0), default=0, show_default=True, help="Article requests per outlet per run at most (0: no limit).")
@click.option("--max-time", type=click.IntRange(min=0), default=3000, show_default=True, help="Seconds before the run stops (0: no limit); the next run resumes.")
@click.option("--max-error-rate", type=click.FloatRange(0, 1), default=0.2, show_default=True, help="An outlet failing more of its requests than this makes the run partial (exit 3).")
@click.option("--stale-runs", type=click.IntRange(min=1), default=3, show_default=True, help="Flag an outlet with no new articles in this many runs.")
@crawl_options
@click.pass_obj
def harvest(obj: dict[str, Any], outlets: tuple[str, ...], max_articles: int, max_time: int,
            max_error_rate: float, stale_runs: int, overrides: tuple[str, ...], verbose: bool) -> None:
    """Harvest new articles of all outlets (or those named), incrementally, for cron.

    Articles already archived are not fetched again unless their feed or sitemap says
    they changed (then with a conditional GET). One writing run at a time per archive:
    a second exits at once with code 6. After the run, outlets with no new articles
    in --stale-runs runs or with too many errors are flagged (also in `kznews stats`).

    \b
    Examples:
        kznews harvest
        kznews harvest inform tengrinews --max-time 600
        kznews cron            # a crontab line and a systemd timer for this install

    Exit codes: 0 success, 3 an outlet over --max-error-rate, 4 failed, 5 stopped
    by --max-time (the next run resumes), 6 another run holds the archive.
    """
    keys = list(outlets) or list(sites.outlets())
    _outlets(keys, None)
    settings = {"KZNEWS_COMMAND": "harvest", "CLOSESPIDER_TIMEOUT": max_time, **_settings(overrides)}
    _check_archive(obj["db"])
    summary = _run(obj["db"], f"harvest {len(keys)} outlets",
                   {"site": ",".join(keys), "max_articles": max_articles},
                   settings, verbose, max_error_rate=max_error_rate)
    with closing(reader(obj["db"])) as conn:
        found = coverage.alerts(conn, stale_runs=stale_runs, max_error_rate=max_error_rate, sites=keys)
    for alert in found:
        click.echo(f"alert: {alert.message}", err=True)
    code = summary.exit_code
    if code == exitcodes.OK and any(a.kind == "errors" for a in found):
        code = exitcodes.PARTIAL
    sys.exit(code)


@main.command()
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


@main.command("sites")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True)
def sites_cmd(fmt: str) -> None:
    """List the registered outlets and their editions.

    \b
    Examples:
        kznews sites
        kznews sites --format json       # the registry, for scripts
    """
    outlets = list(sites.outlets().values())
    if fmt == "markdown":
        click.echo(markdown_table(outlets), nl=False)
        return
    rows = [
        {"key": o.key, "name": o.name, "domains": list(o.domains),
         "editions": [e.label for e in o.editions], "discovery": discovery_kinds(o)}
        for o in outlets
    ]
    if fmt == "table":
        rows = [{k: " ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
    emit(rows, fmt)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="The page's URL (tells the outlet and edition); default: the file's path.")
@click.option("--kind", type=click.Choice(KINDS),
              help="Read every page as this kind instead of deciding from the evidence.")
def extract(files: tuple[str, ...], url: str | None, kind: str | None) -> None:
    """Extract saved pages and print one JSON record per page (JSON lines).

    Accepts .html and .html.gz files. An article page gives its article and ticker
    quotes; a listing page, a homepage or any other page gives its ticker quotes and
    article links. Whether a page is an article is decided from all the evidence: the
    outlet's article URL patterns (an outlet's article URL is an article however short),
    what the page declares (JSON-LD, og:type) and its shape; `kind_evidence` says which.

    \b
    Example:
        kznews extract page.html --url https://www.inform.kz/ru/some-article_a3725092
    """
    for name in files:
        path = Path(name)
        data = path.read_bytes()
        if path.suffix == ".gz":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                raise click.ClickException(f"{name}: not a readable gzip file ({exc})") from None
        page_url = url or path.resolve().as_uri()
        record = extract_page(data, page_url, outlet=sites.for_url(page_url), kind=kind)
        normalize(record)
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False))


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


@main.command()
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
    try:
        archive = Archive(obj["db"])
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None
    status = StatusLine() if sys.stderr.isatty() else None
    with archive:
        tally = run_reextract(archive, site=site, workers=workers, batch_size=settings.KZNEWS_BATCH_SIZE,
                              on_error=status.interrupt if status else lambda line: click.echo(line, err=True),
                              on_progress=status.show if status else None)
    if status:
        status.end()
    click.echo(f"reextract: {tally.pages} pages, {tally.changed} articles changed, {len(tally.errors)} errors")
    sys.exit(exitcodes.PARTIAL if tally.errors else exitcodes.OK)


@main.command("search")
@click.argument("query")
@click.option("--site", help="Only this outlet.")
@click.option("--lang", help="Only this language (ru, kk, en).")
@click.option("--since", callback=iso_date, help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--order", type=click.Choice(["rank", "date"]), default="rank", show_default=True, help=f"Best matches first (of a query matching more than {RANK_WINDOW:,} articles, the best of"
              f" its newest {RANK_WINDOW:,} matches: fast at any archive size), or newest first (every match).")
@click.option("--with-editions", is_flag=True, help="Show each hit's other language editions in the archive.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def search_cmd(obj: dict[str, Any], query: str, site: str | None, lang: str | None,
               since: str | None, until: str | None, limit: int, order: str,
               with_editions: bool, fmt: str) -> None:
    """Full-text search of headlines, leads and bodies (SQLite FTS5 syntax).

    Kazakh, Russian and Latin spellings meet: Тоқаев, Токаев and Toqaev find the
    same articles, and е finds ё.

    \b
    Examples:
        kznews search "Токаев"
        kznews search '"Национальный банк" AND тенге' --site inform --since 2024-03-01
        kznews search девальвац* --format csv > hits.csv
        kznews search "су тасқыны" --with-editions   # with the ru/en editions of each story
    """
    conn = reader(obj["db"])
    known_site(conn, site)
    try:
        rows = search(conn, query, site=site, lang=lang, since=since, until=until, limit=limit, order=order)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "table":
        rows = [{k: r[k] for k in ("published_at", "site", "lang", "headline", "url")} for r in rows]
    if with_editions:
        editions = editions_of(conn, [r["url"] for r in rows])
        for row in rows:
            found = editions[row["url"]]
            row["editions"] = (
                found if fmt == "json"
                else "\n".join(f"{e['lang']}: {e['url']}" for e in found)
            )
    columns = [*SEARCH_COLUMNS, *(["editions"] if with_editions else [])]
    emit(rows, fmt, columns=columns, noun="articles")


# The columns of a search result in CSV and JSON (``storage.search`` gives them in this order)
SEARCH_COLUMNS = ("url", "site", "lang", "headline", "published_at", "rank", "snippet")


@main.command("stats")
@click.option("--days", type=click.IntRange(min=1), default=14, show_default=True, help="How many recent days to show per outlet.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def stats_cmd(obj: dict[str, Any], days: int, fmt: str) -> None:
    """Articles per outlet per day, totals, the last runs and coverage alerts.

    \b
    Example:
        kznews stats --days 7
    """
    conn = reader(obj["db"])
    result = archive_stats(conn, days=days)
    result["alerts"] = [asdict(a) for a in coverage.alerts(conn)]
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, default=str))
        return
    result["runs"] = [_run_row(run) for run in result["runs"]]
    for title, key in (("Totals", "totals"), ("Articles per outlet", "per_outlet"),
                       ("Articles per outlet per day", "per_day"), ("Last runs", "runs"),
                       ("Coverage alerts", "alerts")):
        value = result.get(key)
        if not value:
            continue
        click.echo(f"\n{title}")
        emit([value] if isinstance(value, dict) else value, "table")


def _run_row(run: dict[str, Any]) -> dict[str, Any]:
    """A run as one table row: what it crawled, when, how it ended and its main figures."""
    args, stats = run.get("args") or {}, run.get("stats") or {}
    figures = crawl_figures(stats)
    return {
        "id": run["id"], "command": run["command"],
        "crawled": args.get("url") or " ".join(args.get("sites") or ()),
        "started_at": run["started_at"], "ended_at": run["ended_at"], "outcome": run["outcome"],
        **{k: figures[k] for k in ("pages", "new", "updated", "errors")},
    }


@main.command("sql")
@click.argument("query")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--timeout", type=float, default=10.0, show_default=True,
              help="Seconds for the whole command: running the query and printing every row.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100, show_default=True,
              help="Rows a table shows (it counts the rest); CSV and JSON print every row.")
@click.pass_obj
def sql_cmd(obj: dict[str, Any], query: str, fmt: str, timeout: float, max_rows: int) -> None:
    """Run one read-only SELECT against the archive.

    The archive is opened read-only; anything but a single SELECT/WITH/EXPLAIN is refused.
    Rows are printed as they are read, so memory stays small whatever the result's size:
    CSV and JSON lines print every row, a table the first --max-rows (values cut at 200
    characters). Blobs (pages.body) print as base64 in CSV and JSON, as their size in a
    table. A value longer than 32 MiB is refused.

    \b
    Example:
        kznews sql "SELECT site, count(*) AS n FROM articles GROUP BY site"
    """
    try:
        with run_sql(obj["db"], query, timeout=timeout) as result:
            emit_stream(result.columns, result, fmt, max_rows=max_rows)
    except (QueryError, ArchiveError) as exc:
        raise click.ClickException(str(exc)) from None


def _register_commands() -> None:
    """Commands that live in their own modules: the analyst's (export, tickers, report,
    serve) and the outlet maintainer's (check, fixture)."""
    from kznews import analyst_cli, outlet_cli

    analyst_cli.register(main)
    outlet_cli.register(main)


_register_commands()

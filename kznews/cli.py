"""The kznews command line: one command group whose --help is the documentation.

Exit codes are listed in ``kznews.exitcodes``.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click
from tabulate import tabulate

from kznews import __version__, exitcodes, sites
from kznews.extract import extract_page
from kznews.storage import Archive, ArchiveError, QueryError, connect_readonly, run_sql, search
from kznews.storage import stats as archive_stats

DEFAULT_DB = "data/kznews.db"
FORMATS = click.Choice(["table", "json", "csv"])


def _emit(rows: Sequence[dict[str, Any]], fmt: str) -> None:
    """Print rows as an aligned table, JSON lines or CSV."""
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    elif rows:
        click.echo(tabulate(rows, headers="keys", tablefmt="simple", maxcolwidths=60))


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-01") from None


def _reader(path: str) -> Any:
    try:
        return connect_readonly(path)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None


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
    3 crawl finished with failed pages, 4 crawl failed.

    \b
    Example:
        kznews crawl tengrinews --max-articles 50
        kznews search "Токаев" --since 2024-01-01
    """
    ctx.obj = {"db": db}


@main.command()
@click.argument("site", required=False)
@click.option("--url", help="Crawl a site not in the registry from this feed, sitemap or listing URL.")
@click.option("--edition", help="Only this language edition (ru, kk, en).")
@click.option("--mirror", metavar="URL", help="Fetch the outlet's start points from this host (a local mirror).")
@click.option("--max-articles", type=click.IntRange(min=0), default=0, help="Stop after this many articles (0: no limit).")
@click.option("--since", callback=_iso_date, help="Backfill from this day (YYYY-MM-DD): daily archives, dated sitemap/feed entries.")
@click.option("--until", callback=_iso_date, help="Backfill up to this day (YYYY-MM-DD).")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting, as with `scrapy crawl -s`.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO).")
@click.pass_obj
def crawl(obj: dict[str, Any], site: str | None, url: str | None, edition: str | None,
          mirror: str | None, max_articles: int, since: str | None, until: str | None,
          overrides: tuple[str, ...], verbose: bool) -> None:
    """Crawl an outlet (or --url) into the archive.

    \b
    Examples:
        kznews crawl tengrinews
        kznews crawl inform --edition kk --max-articles 100
        kznews crawl inform --since 2024-01-01 --until 2024-02-01
        kznews crawl --url https://example.kz/sitemap.xml -s DOWNLOAD_DELAY=0

    Prints a progress line on a terminal and one summary line at the end.
    Exit code 0 on success, 3 when some pages failed, 4 when the crawl failed.
    """
    from kznews.crawl import run_crawl

    if bool(site) == bool(url):
        raise click.UsageError("give an outlet (see `kznews sites`) or --url URL, not both")
    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since")
    try:
        if site:
            outlet = sites.get(site)
            if edition:
                outlet.edition(edition)
        else:
            sites.adhoc(url)
        Archive(obj["db"]).close()
    except (sites.UnknownOutlet, ValueError, ArchiveError) as exc:
        raise click.ClickException(str(exc)) from None
    settings = {}
    for pair in overrides:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="-s")
        settings[name] = value
    started = time.monotonic()
    summary = run_crawl(
        obj["db"],
        {"site": site, "url": url, "edition": edition, "mirror": mirror,
         "max_articles": max_articles, "since": since, "until": until},
        settings,
        progress=sys.stderr.isatty(),
        verbose=verbose,
    )
    elapsed = time.monotonic() - started
    f = summary.figures
    click.echo(
        f"crawl {site or url}: {summary.outcome} in {elapsed:.1f} s: {f['pages']} pages, "
        f"{f['new']} new, {f['updated']} updated, {f['unchanged']} unchanged articles, "
        f"{f['tickers']} ticker quotes, {f['errors']} errors -> {obj['db']} (run {summary.run_id})"
    )
    sys.exit(summary.exit_code)


@main.command("sites")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def sites_cmd(fmt: str) -> None:
    """List the registered outlets and their editions.

    \b
    Example:
        kznews sites --format json
    """
    rows = []
    for o in sites.outlets().values():
        rows.append({
            "key": o.key,
            "name": o.name,
            "domains": list(o.domains) if fmt == "json" else " ".join(o.domains),
            "editions": [e.label for e in o.editions] if fmt == "json" else " ".join(e.label for e in o.editions),
            "discovery": _discovery(o) if fmt == "json" else " ".join(sorted(_discovery(o))),
        })
    _emit(rows, fmt)


def _discovery(outlet: sites.Outlet) -> list[str]:
    kinds = set()
    for ed in outlet.editions:
        kinds.update(k for k, v in (("feed", ed.feeds), ("sitemap", ed.sitemaps), ("listing", ed.listings)) if v)
    return sorted(kinds)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="The page's URL (tells the outlet and edition); default: the file's path.")
def extract(files: tuple[str, ...], url: str | None) -> None:
    """Extract saved pages and print one JSON record per page (JSON lines).

    Accepts .html and .html.gz files. An article page gives its article and ticker
    quotes; a listing page or homepage gives its ticker quotes and article links.

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
        record = extract_page(data, page_url, outlet=sites.for_url(page_url))
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False))


@main.command()
@click.option("--site", help="Only pages of this outlet.")
@click.pass_obj
def reextract(obj: dict[str, Any], site: str | None) -> None:
    """Run extraction again over the raw pages kept in the archive.

    Articles whose extracted content changed are updated (the earlier version is kept).

    \b
    Example:
        kznews reextract --site inform
    """
    try:
        archive = Archive(obj["db"])
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from None
    counts = {"pages": 0, "updated": 0, "errors": 0}
    with archive:
        for page_id, item in archive.iter_pages(site=site):
            outlet = sites.for_url(item.url) or sites.adhoc(item.url)
            try:
                record = extract_page(
                    item.body, item.url, outlet=outlet, fetched_at=item.fetched_at,
                    headers=item.headers, kind=None if item.kind == "page" else item.kind,
                )
            except Exception as exc:  # one broken page must not stop the others
                counts["errors"] += 1
                click.echo(f"{item.url}: {type(exc).__name__}: {exc}", err=True)
                continue
            result = archive.store_records(page_id, record)
            counts["pages"] += 1
            counts["updated"] += result.updated_articles + result.new_articles
    click.echo(f"reextract: {counts['pages']} pages, {counts['updated']} articles changed, {counts['errors']} errors")
    sys.exit(exitcodes.PARTIAL if counts["errors"] else exitcodes.OK)


@main.command("search")
@click.argument("query")
@click.option("--site", help="Only this outlet.")
@click.option("--lang", help="Only this language (ru, kk, en).")
@click.option("--since", callback=_iso_date, help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_iso_date, help="Published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def search_cmd(obj: dict[str, Any], query: str, site: str | None, lang: str | None,
               since: str | None, until: str | None, limit: int, fmt: str) -> None:
    """Full-text search of headlines, leads and bodies (SQLite FTS5 syntax).

    \b
    Examples:
        kznews search "Токаев"
        kznews search '"Национальный банк" AND тенге' --site inform --since 2024-03-01
        kznews search девальвац* --format csv > hits.csv
    """
    conn = _reader(obj["db"])
    try:
        rows = search(conn, query, site=site, lang=lang, since=since, until=until, limit=limit)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "table":
        rows = [{k: r[k] for k in ("published_at", "site", "lang", "headline", "url")} for r in rows]
    _emit(rows, fmt)


@main.command("stats")
@click.option("--days", type=click.IntRange(min=1), default=14, show_default=True, help="How many recent days to show per outlet.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def stats_cmd(obj: dict[str, Any], days: int, fmt: str) -> None:
    """Articles per outlet per day, totals, and the last runs.

    \b
    Example:
        kznews stats --days 7
    """
    result = archive_stats(_reader(obj["db"]), days=days)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, default=str))
        return
    for title, key in (("Totals", "totals"), ("Articles per outlet", "per_outlet"),
                       ("Articles per outlet per day", "per_day"), ("Last runs", "runs")):
        value = result.get(key)
        if not value:
            continue
        click.echo(f"\n{title}")
        _emit([value] if isinstance(value, dict) else value, "table")


@main.command("sql")
@click.argument("query")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds before the query is stopped.")
@click.pass_obj
def sql_cmd(obj: dict[str, Any], query: str, fmt: str, timeout: float) -> None:
    """Run one read-only SELECT against the archive.

    The archive is opened read-only; anything but a single SELECT/WITH is refused.

    \b
    Example:
        kznews sql "SELECT site, count(*) AS n FROM articles GROUP BY site"
    """
    try:
        columns, rows = run_sql(obj["db"], query, timeout=timeout)
    except (QueryError, ArchiveError) as exc:
        raise click.ClickException(str(exc)) from None
    _emit([dict(zip(columns, row)) for row in rows], fmt)

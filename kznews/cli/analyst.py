"""The analyst's commands: export, tickers, report, serve.

They read the archive
named by the group's ``--db`` (read-only) and fail with one line (exit 1) on bad
input: an unknown pair, a bad date, an unwritable output.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from kznews.cli.options import emit, iso_date, known_site, reader
from kznews.storage.filters import ArticleFilter


def _window(command: Callable[..., Any]) -> Callable[..., Any]:
    """--site, --since, --until: the options every analyst command shares."""
    for option in reversed((
        click.option("--site", help="Only this outlet (see `kznews sites`)."),
        click.option("--since", callback=iso_date, help="From this day on (YYYY-MM-DD, inclusive)."),
        click.option("--until", callback=iso_date, help="Up to this day (YYYY-MM-DD, inclusive)."),
    )):
        command = option(command)
    return command


def _out_dir(value: str, fmt: str, force: bool) -> Path:
    """The export directory, created if missing; a one-line error when it is not named, cannot be written, or
    holds an earlier export's data file or manifest (unless ``force``)."""
    if not value.strip():
        raise click.ClickException("--out: name a directory for the export")
    path = Path(value)
    from kznews.analysis import export

    earlier = [name for name in (export.FILE_NAMES[fmt], export.MANIFEST) if (path / name).exists()]
    if earlier and not force:
        raise click.ClickException(f"--out {value}: holds an earlier export ({', '.join(earlier)}); "
                                   "choose another directory or add --force to replace it")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"--out {value}: cannot create directory ({exc.strerror})") from None
    probe = path / ".kznews-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise click.ClickException(f"--out {value}: not writable ({exc.strerror})") from None
    return path


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "warc"]), required=True,
              help="csv/jsonl/parquet: articles; warc: the raw pages (WARC 1.1, gzip per record).")
@click.option("--out", "out", required=True, metavar="DIR", help="Directory for the data file and manifest.json (created if missing).")
@click.option("--lang", help="Only this language (ru, kk, en).")
@click.option("--query", help="Only articles matching this full-text query (FTS5 syntax, as `kznews search`: a word"
              " also finds its other forms).")
@click.option("--exact", is_flag=True, help="--query's words as typed: no other forms of them (as `kznews search --exact`).")
@click.option("--source", help="Only articles whose source line contains this (any case), e.g. КазТАГ.")
@click.option("--force", is_flag=True, help="Replace an earlier export in the --out directory.")
@_window
@click.pass_obj
def export_cmd(obj: dict[str, Any], fmt: str, out: str, lang: str | None, query: str | None, exact: bool,
               source: str | None, force: bool, site: str | None, since: str | None, until: str | None) -> None:
    """Export articles (CSV, JSON lines, Parquet) or raw pages (WARC) with a manifest.

    Writes DIR/articles.csv (or .jsonl, .parquet; pages.warc.gz for warc) and
    DIR/manifest.json: the filters, time window, outlets, counts per outlet per
    day, kznews version, export time, SHA-256 and size of each file, the archive
    and its latest run. Filters are those of `kznews search` (dates are
    publication dates; for warc, fetch dates in UTC). In CSV, authors, tags and
    provenance are JSON strings and an empty cell is NULL.

    \b
    Example:
        kznews export --format parquet --out exports/kaztag --source КазТАГ --since 2024-01-01
    """
    from kznews.analysis import export

    if exact and not query:
        raise click.ClickException("--exact needs a --query")
    filters = export.Filters(site=site, lang=lang, since=since, until=until, query=query, exact=exact, source=source)
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise click.ClickException("--format parquet needs pyarrow: pip install 'kznews[parquet]'") from None
    with closing(reader(obj["db"])) as conn:
        known_site(conn, site)
        directory = _out_dir(out, fmt, force)
        try:
            manifest = export.export(conn, obj["db"], directory, fmt, filters)
        except OSError as exc:
            raise click.ClickException(f"--out {out}: {exc.strerror or exc}") from None
    info = manifest["files"][0]
    click.echo(f"export: {info['rows']} {manifest['records'].split()[0]} -> {directory / info['name']} "
               f"({info['bytes']} bytes), {directory / 'manifest.json'}")


@click.command("tickers")
@click.argument("pair")
@_window
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.pass_obj
def tickers_cmd(obj: dict[str, Any], pair: str, site: str | None, since: str | None, until: str | None,
                fmt: str) -> None:
    """A currency pair's daily series: one row per outlet per day (Asia/Almaty).

    Several quotes of an outlet on one day collapse to the day's last value;
    `observations` says how many there were. PAIR is like USD/KZT (or USD).

    \b
    Example:
        kznews tickers USD/KZT --site inform --since 2024-01-01 --format csv > usd.csv
    """
    from kznews.analysis import series

    window = ArticleFilter(site=site, since=since, until=until)
    with closing(reader(obj["db"])) as conn:
        known_site(conn, site)
        rows = [asdict(p) for p in series.series(conn, pair, window)]
    emit(rows, fmt)


@click.command("report")
@click.argument("out", metavar="OUT.html", type=click.Path(dir_okay=False))
@_window
@click.pass_obj
def report_cmd(obj: dict[str, Any], out: str, site: str | None, since: str | None, until: str | None) -> None:
    """Write a self-contained HTML report: coverage per outlet per day, languages,
    top sources, coverage gaps and ticker charts (no network needed to view it).

    \b
    Example:
        kznews report report.html --since 2024-01-01
    """
    from kznews.analysis import report

    window = ArticleFilter(site=site, since=since, until=until)
    with closing(reader(obj["db"])) as conn:
        known_site(conn, site)
        page = report.render(conn, window, obj["db"])
    try:
        Path(out).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot write ({exc.strerror})") from None
    click.echo(f"report: {out} ({len(page.encode())} bytes)")


@click.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.pass_obj
def serve_cmd(obj: dict[str, Any], port: int, host: str) -> None:
    """Browse the archive read-only in Datasette: facets, full-text search, canned queries.

    Needs the `serve` extra (pip install 'kznews[serve]'). The archive is served
    as /kznews; canned queries: latest_articles, outlet_day (?site=&day=),
    republications (?source=), ticker_series (?pair=). Add .json to any page for JSON.

    \b
    Example:
        kznews serve --port 8001
    """

    reader(obj["db"]).close()  # a missing or foreign archive: one line, before the server starts
    from kznews.analysis import serve

    try:
        import datasette  # noqa: F401
    except ImportError:
        raise click.ClickException("kznews serve needs Datasette: pip install 'kznews[serve]'") from None
    try:
        serve.check_port(host, port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    click.echo(f"serving {obj['db']} read-only at http://{host}:{port}/kznews (Ctrl-C stops)")
    serve.serve(obj["db"], host, port)


COMMANDS = (export_cmd, tickers_cmd, report_cmd, serve_cmd)

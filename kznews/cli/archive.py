"""The archive's reading commands: search, stats, sql.

They open the archive named by the group's ``--db`` read-only.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import click

from kznews import coverage
from kznews.cli.options import FORMATS, emit, emit_stream, iso_date, known_site, reader
from kznews.runstats import crawl_figures, run_target
from kznews.storage import editions_of, run_sql, search, stories_of
from kznews.storage import stats as archive_stats
from kznews.storage.query import RANK_WINDOW
from kznews.storage.query import removed as removed_articles


@click.command("search")
@click.argument("query", required=False)
@click.option("--site", help="Only this outlet.")
@click.option("--lang", help="Only this language (ru, kk, en).")
@click.option("--since", callback=iso_date, help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=iso_date, help="Published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--order", type=click.Choice(["rank", "date"]), default="rank", show_default=True, help=f"Best matches first (of a query matching more than {RANK_WINDOW:,} articles, the best of"
              f" its newest {RANK_WINDOW:,} matches: fast at any archive size), or newest first (every match).")
@click.option("--with-editions", is_flag=True, help="Show each hit's other language editions in the archive.")
@click.option("--exact", is_flag=True, help="Every word as typed: no other forms of it (a \"quoted\" word or phrase is"
              " always matched as typed).")
@click.option("--stories", is_flag=True, help="One line per story the hits belong to (republished and rewritten copies,"
              " editions): its first publisher, its outlets and how many articles tell it; --limit counts stories.")
@click.option("--removed", is_flag=True, help="Only the articles taken down (two rechecks in a row found them gone, and"
              " none since found them back), the latest removal first, with when it was first seen and the evidence;"
              " QUERY may be left out.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def search_cmd(obj: dict[str, Any], query: str | None, site: str | None, lang: str | None,
               since: str | None, until: str | None, limit: int, order: str,
               with_editions: bool, exact: bool, stories: bool, removed: bool, fmt: str) -> None:
    """Full-text search of headlines, leads and bodies (SQLite FTS5 syntax).

    A word finds its forms: город finds города and городе, Қазақстан finds
    Қазақстанның and Қазақстанда. A "quoted" word or phrase, or every word with
    --exact, finds only the form typed; a prefix* finds every word it begins.
    Kazakh, Russian and Latin spellings meet: Тоқаев, Токаев and Toqaev find the
    same articles, and е finds ё.

    \b
    Examples:
        kznews search "Токаев"
        kznews search город --lang ru                 # город, города, городе, городов...
        kznews search Қазақстан                       # Қазақстанның, Қазақстанда, Qazaqstanda...
        kznews search '"Казахстана"'                  # that form only (or: kznews search Казахстана --exact)
        kznews search '"Национальный банк" AND тенге' --site inform --since 2024-03-01
        kznews search девальвац* --format csv > hits.csv
        kznews search "су тасқыны" --with-editions   # with the ru/en editions of each story
        kznews search тенге --stories                 # one line per story: first publisher, outlets
        kznews search --removed --site tengrinews     # what the outlet took down (`kznews recheck` finds it)
    """
    if removed and (stories or with_editions):
        raise click.UsageError("--removed lists articles: not with --stories or --with-editions")
    if not (query or removed):
        raise click.UsageError("give a QUERY (or --removed, for the articles taken down)")
    conn = reader(obj["db"])
    known_site(conn, site)
    if removed:
        gone = removed_articles(conn, query, exact=exact, site=site, lang=lang, since=since, until=until, limit=limit)
        emit(gone, fmt, columns=REMOVED_COLUMNS, noun="removed articles")
        return
    assert query is not None  # one of the two, as checked above
    if stories:
        hits = search(conn, query, exact=exact, site=site, lang=lang, since=since, until=until,
                      limit=limit * STORY_HITS, order=order)
        emit(stories_of(conn, [r["url"] for r in hits])[:limit], fmt, columns=STORY_COLUMNS, noun="stories")
        return
    rows = search(conn, query, exact=exact, site=site, lang=lang, since=since, until=until, limit=limit, order=order)
    if fmt == "table":
        rows = [{k: r[k] for k in ("published_at", "site", "lang", "headline", "snippet", "url")} for r in rows]
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


# --removed: the columns of a removed article (``storage.query.removed``)
REMOVED_COLUMNS = ("removed_at", "confirmed_at", "site", "lang", "headline", "published_at", "reason", "status",
                   "evidence", "final_url", "url")
# The columns of a search result in CSV and JSON (``storage.search`` gives them in this order)
SEARCH_COLUMNS = ("url", "site", "lang", "headline", "published_at", "rank", "snippet")
# --stories: the columns of a story (``storage.stories_of``), and how many hits are read per story asked for
STORY_COLUMNS = ("first_published", "first_publisher", "outlets", "articles", "headline", "url")
STORY_HITS = 10


@click.command("stats")
@click.option("--days", type=click.IntRange(min=1), default=14, show_default=True, help="How many recent days to show per outlet.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def stats_cmd(obj: dict[str, Any], days: int, fmt: str) -> None:
    """Articles per outlet per day, totals, the last runs, pages by source (live, commoncrawl, wayback, warc),
    removals per outlet (`kznews recheck`) and coverage alerts.

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
    result["per_day"] = _by_outlet(result["per_day"])
    for title, key in (("Totals", "totals"), ("Articles per outlet", "per_outlet"),
                       ("Articles per outlet per day", "per_day"), ("Last runs", "runs"),
                       ("Captures by source", "captures"), ("Removals per outlet", "removals"),
                       ("Coverage alerts", "alerts")):
        value = result.get(key)
        if not value:
            continue
        click.echo(f"\n{title}")
        emit([value] if isinstance(value, dict) else value, "table")


def _by_outlet(per_day: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Articles per outlet per day as a table people read: a row per outlet, a column per day (MM-DD)."""
    rows: dict[str, dict[str, Any]] = {}
    for entry in per_day:
        rows.setdefault(entry["site"], {"site": entry["site"]})[entry["day"][5:]] = entry["articles"]
    return list(rows.values())


def _run_row(run: dict[str, Any]) -> dict[str, Any]:
    """A run as one table row: what it crawled, when, how it ended, its main figures and its workers
    (a shared run's, ``--redis``: the processes that crawled it, as they left; else the one process)."""
    args, stats = run.get("args") or {}, run.get("stats") or {}
    figures = crawl_figures(stats)
    return {
        "id": run["id"], "command": run["command"],
        "crawled": run_target(args),
        "started_at": run["started_at"], "ended_at": run["ended_at"], "outcome": run["outcome"],
        **{k: figures[k] for k in ("pages", "new", "updated", "errors")},
        "workers": len(stats["workers"]) if "workers" in stats else 1,
    }


@click.command("sql")
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
    with run_sql(obj["db"], query, timeout=timeout) as result:
        emit_stream(result.columns, result, fmt, max_rows=max_rows)


COMMANDS = (search_cmd, stats_cmd, sql_cmd)

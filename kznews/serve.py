"""A browsable, read-only view of the archive in Datasette.

The archive is opened the way Datasette opens a live database (``mode=ro``
connections, schema changes picked up), so a crawl may write while it is
browsed.  The metadata titles and describes the tables, sets facets (site,
lang, source), full-text search over ``articles`` (``articles_fts``) and
canned queries: the latest articles, an outlet's day, a source's
republications, a ticker series.  Datasette is the optional extra ``serve``.
"""

from __future__ import annotations

import socket
from pathlib import Path
from types import ModuleType
from typing import Any

from kznews import __version__, export, series

DB_NAME = "kznews"

ARTICLE_COLUMNS = {
    "published_at": "ISO 8601 with the offset the outlet printed (Asia/Almaty: +06:00 until 2024-03-01, +05:00 since)",
    "source": "The attribution as printed, e.g. Источник: КазТАГ",
    "provenance": "JSON object: which extraction rule gave each field",
    "versions": "How many distinct versions were seen (see article_versions)",
}

QUERIES: dict[str, dict[str, Any]] = {
    "latest_articles": {
        "title": "Latest articles",
        "description": "The 100 most recently published articles.",
        "sql": "SELECT published_at, site, lang, headline, source, url FROM articles"
               " ORDER BY coalesce(published_at, fetched_at) DESC LIMIT 100",
    },
    "outlet_day": {
        "title": "An outlet's day",
        "description": "Everything one outlet (:site, e.g. inform) published on one day (:day, YYYY-MM-DD, as published).",
        "sql": "SELECT published_at, lang, headline, source, url FROM articles"
               " WHERE site = :site AND substr(published_at, 1, 10) = :day ORDER BY published_at",
    },
    "republications": {
        "title": "A source's republications",
        "description": "Articles whose attribution names :source (e.g. КазТАГ; any case, any part of the line).",
        "sql": "SELECT published_at, site, lang, headline, source, url FROM articles"
               " WHERE instr(kznews_casefold(source), kznews_casefold(:source)) > 0"
               " ORDER BY published_at DESC LIMIT 1000",
    },
    "ticker_series": {
        "title": "A ticker series",
        "description": "The daily series of :pair (e.g. USD/KZT) per outlet: the last quote of each day"
                       " (Asia/Almaty) and how many quotes were seen that day.",
        "sql": "SELECT kznews_almaty_day(observed_at) AS day, site, pair, value,"
               " max(observed_at) AS last_observed_at, count(*) AS observations"
               " FROM tickers WHERE pair = upper(:pair) GROUP BY day, site ORDER BY day, site",
    },
}


def metadata() -> dict[str, Any]:
    """Datasette metadata for a kznews archive served as ``/kznews``."""
    return {
        "title": "kznews archive",
        "description": "Articles, versions, ticker quotes and raw pages of Kazakh news outlets, read-only.",
        "source": f"kznews {__version__}",
        "databases": {DB_NAME: {
            "description": "One kznews archive (SQLite). Search articles with FTS5 syntax: words, "
                           "\"phrases\", prefix* (useful for Kazakh suffixes).",
            "tables": {
                "articles": {
                    "title": "Articles",
                    "description": "The current version of each article, one row per URL.",
                    "facets": ["site", "lang", "source"],
                    "fts_table": "articles_fts",
                    "fts_pk": "id",
                    "sort_desc": "published_at",
                    "label_column": "headline",
                    "columns": ARTICLE_COLUMNS,
                },
                "article_versions": {
                    "title": "Article versions",
                    "description": "Every distinct version of an article seen (insert-only): edits stay visible.",
                    "facets": ["lang"],
                    "columns": {"article_id": "The article (articles.id)",
                                "content_hash": "Hash of the version's content"},
                },
                "tickers": {
                    "title": "Ticker quotes",
                    "description": "Currency quotes shown on fetched pages. Unit: tenge (KZT) per one unit "
                                   "of the base currency (USD/KZT 425.05 = 425.05 tenge per dollar).",
                    "facets": ["pair", "site"],
                    "sort_desc": "observed_at",
                    "columns": {"pair": "Base/quote currency, e.g. USD/KZT",
                                "value": "KZT per 1 unit of the base currency, as the page showed it",
                                "observed_at": "When the page was fetched (UTC)"},
                },
                "pages": {
                    "title": "Raw pages",
                    "description": "Raw responses as fetched (status, headers, zlib-compressed body) for re-extraction.",
                    "facets": ["site", "kind", "status"],
                    "sort_desc": "fetched_at",
                },
                "links": {"title": "Listing links", "description": "What listing pages said of the articles they link to."},
                "runs": {"title": "Runs", "description": "One row per crawl or harvest: start, end, outcome, stats.",
                         "sort_desc": "id"},
            },
            "queries": QUERIES,
        }},
    }


PLUGIN = "kznews_functions"


def _prepare_connection(conn: Any) -> None:
    """Add the SQL functions the canned queries use."""
    export.prepare(conn)
    conn.create_function("kznews_almaty_day", 1, series.almaty_day, deterministic=True)


def check_port(host: str, port: int) -> None:
    """Raise ``OSError`` now when the port cannot be bound (instead of a server log later)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def build(db_path: str | Path) -> Any:
    """A configured ``Datasette`` instance serving ``db_path`` read-only as ``/kznews``."""
    from datasette import hookimpl
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    if not pm.has_plugin(PLUGIN):  # Datasette plugins are modules
        plugin = ModuleType(PLUGIN)
        plugin.prepare_connection = hookimpl(_prepare_connection)  # type: ignore[attr-defined]
        pm.register(plugin, name=PLUGIN)
    ds = Datasette(
        files=[], metadata=metadata(),
        settings={"sql_time_limit_ms": 5000, "facet_time_limit_ms": 1000, "allow_download": False,
                  "default_page_size": 50},
    )
    ds.remove_database("_memory")
    ds.add_database(Database(ds, path=str(Path(db_path).resolve()), is_mutable=True), name=DB_NAME)
    return ds


def serve(db_path: str | Path, host: str, port: int) -> None:
    """Serve the archive until interrupted (``check_port`` first for a clear error)."""
    import asyncio

    import uvicorn

    ds = build(db_path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)

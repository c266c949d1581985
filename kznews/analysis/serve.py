"""A browsable, read-only view of the archive in Datasette.

The archive is opened the way Datasette opens a live database (``mode=ro``
connections, schema changes picked up), so a crawl may write while it is
browsed.  The metadata titles and describes the tables, sets facets (site,
lang, source), full-text search over ``articles`` and canned queries: a
search in FTS5 syntax, the latest articles, an outlet's day, a source's
republications, a ticker series.  Datasette is the optional extra ``serve``.

Search reads the archive's one full-text index, ``articles_fold``, which holds
folded text (``kznews.storage.folding``): the connections Datasette opens get an
``escape_fts`` that folds what it escapes, so the articles search box finds
``Тоқаев`` for ``Токаев`` as ``kznews search`` does, and the canned query folds
its ``:query`` with ``kznews_fold_query``.
"""

from __future__ import annotations

import socket
from pathlib import Path
from types import ModuleType
from typing import Any

from kznews import __version__
from kznews.analysis import export, series
from kznews.storage.folding import fold
from kznews.storage.query import match_query

DB_NAME = "kznews"

ARTICLE_COLUMNS = {
    "published_at": "ISO 8601 with the offset the outlet printed (Asia/Almaty: +06:00 until 2024-03-01, +05:00 since)",
    "source": "The attribution as printed, e.g. Источник: КазТАГ",
    "provenance": "JSON object: which extraction rule gave each field",
    "versions": "How many distinct versions were seen (see article_history)",
}

QUERIES: dict[str, dict[str, Any]] = {
    "search_articles": {
        "title": "Search articles",
        "description": "Full-text search of headline, lead and body in FTS5 syntax (:query): words, \"phrases\","
                       " prefix*, AND/OR/NOT. Read as kznews search reads it: Токаев finds Тоқаев and Toqaev, a word"
                       " finds its forms (город: города, городе), a \"quoted\" word only itself."
                       " The 100 most recently archived matches.",
        "sql": "SELECT a.published_at, a.site, a.lang, a.headline, a.source, a.url"
               " FROM articles_fold JOIN articles AS a ON a.id = articles_fold.rowid"
               " WHERE articles_fold MATCH kznews_fold_query(:query) ORDER BY articles_fold.rowid DESC LIMIT 100",
    },
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
    "stories": {
        "title": "Stories across outlets",
        "description": "The stories told by more than one outlet (near-duplicate bodies: republished wire copy,"
                       " rewrites; the language editions of one story), most outlets first, with who published"
                       " first. Since (:since, YYYY-MM-DD, may be empty) a first publication day.",
        "sql": "SELECT first_published, first_publisher, outlets, sites, articles, headline, first_url"
               " FROM story_outlets WHERE outlets > 1 AND (:since = '' OR first_published >= :since)"
               " ORDER BY outlets DESC, articles DESC, first_published DESC LIMIT 100",
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
            "description": "One kznews archive (SQLite). The articles search box finds every word given, "
                           "folded (Токаев finds Тоқаев and Toqaev); the canned query search_articles takes FTS5 "
                           "syntax: \"phrases\", prefix* (useful for Kazakh suffixes), AND/OR/NOT.",
            "tables": {
                "articles": {
                    "title": "Articles",
                    "description": "The current version of each article, one row per URL.",
                    "facets": ["site", "lang", "source"],
                    "fts_table": "articles_fold",
                    "fts_pk": "id",
                    "sort_desc": "published_at",
                    "label_column": "headline",
                    "columns": ARTICLE_COLUMNS,
                },
                "article_versions": {
                    "title": "Article versions",
                    "description": "The earlier texts of edited articles (insert-only): edits stay visible. "
                                   "The view article_history lists every version, the current one included.",
                    "facets": ["lang"],
                    "columns": {"article_id": "The article (articles.id)",
                                "content_hash": "Hash of the version's content"},
                },
                "article_history": {
                    "title": "Article history",
                    "description": "Every distinct version of every article: the earlier texts (current = 0) and "
                                   "the current one (current = 1); page_id is the page that first showed each.",
                    "facets": ["current"],
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


def _escape_fts_folded(query: str) -> str:
    """Datasette's ``escape_fts`` (each term quoted), folded: the search index holds folded text."""
    from datasette.utils import escape_fts

    return fold(escape_fts(query)) or ""


def _match_query(conn: Any, query: str | None) -> str:
    """A canned query's :query as ``kznews search`` reads it (folded, words with their forms); an empty one (the
    search page's first visit) matches nothing instead of being an FTS5 syntax error."""
    return match_query(conn, query) if query and query.strip() else '""'


def _prepare_connection(conn: Any) -> None:
    """Add the SQL functions the canned queries use, and the folding ``escape_fts`` table search uses."""
    export.prepare(conn)
    conn.create_function("kznews_almaty_day", 1, series.almaty_day, deterministic=True)
    conn.create_function("kznews_fold_query", 1, lambda query: _match_query(conn, query))
    conn.create_function("escape_fts", 1, _escape_fts_folded, deterministic=True)


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
        # trylast: after Datasette's own prepare_connection, so this escape_fts replaces its one
        plugin.prepare_connection = hookimpl(trylast=True)(_prepare_connection)  # type: ignore[attr-defined]
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

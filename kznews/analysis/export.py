"""Reproducible exports of the archive: CSV, JSON lines, Parquet, WARC, with a manifest.

Rows are streamed from a read-only connection straight into the output file
(nothing holds the whole archive in memory).  Each export writes fixed file
names into the chosen directory (``articles.csv``, ``articles.jsonl``,
``articles.parquet``, ``pages.warc.gz``; never a name taken from page content)
and a ``manifest.json`` beside them: the query and filters, the time window,
the outlets and counts per outlet per day, the kznews version, the export
time, the archive and its latest run, and each file's SHA-256 and size.  One
export reads one snapshot of the archive, so a crawl may write meanwhile.

Formats and round trips: every column of ``articles`` is exported as stored.
JSON lines and Parquet hold ``authors``/``tags`` as lists and ``provenance`` as
an object (Parquet: a map); CSV holds them as the JSON strings the archive
stores, and an empty cell is NULL.  ``pages.warc.gz`` holds the raw responses
of the ``pages`` table as WARC 1.1 ``response`` records (one gzip member each),
bodies decompressed (``Content-Encoding``/``Transfer-Encoding`` dropped,
``Content-Length`` set to the body written), with what kznews knew of each page in ``KZNews-Kind``,
``KZNews-Edition``, ``KZNews-Hint`` and ``KZNews-Origin`` headers: ``kznews import`` of the file into a
new archive gives back the same articles.
"""

from __future__ import annotations

import csv
import hashlib
import http
import io
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from kznews import __version__
from kznews.storage import QueryError
from kznews.storage.filters import ArticleFilter
from kznews.storage.packing import unpack
from kznews.storage.query import match_query

FORMATS = ("csv", "jsonl", "parquet", "warc")
FILE_NAMES = {"csv": "articles.csv", "jsonl": "articles.jsonl", "parquet": "articles.parquet", "warc": "pages.warc.gz"}
MANIFEST = "manifest.json"
# Columns the archive stores as JSON text (kznews.storage.archive writes them so).
JSON_COLUMNS = ("authors", "tags", "provenance")
_BATCH = 2000
# Response headers that describe the transfer, not the body we write (decompressed, whole).
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Filters(ArticleFilter):
    """Which articles an export takes: the outlet, language and window of every reader, a search query, a source."""

    query: str | None = None  # FTS5 query over headline, lead, body, read as `kznews search` reads it (word forms)
    exact: bool = False  # the query's words as typed, no other forms of them (`kznews search --exact`)
    source: str | None = None  # case-insensitive substring of the `source` column

    def narrows_articles(self) -> bool:
        """True when a filter other than outlet and dates is set."""
        return any((self.lang, self.query, self.source))


@dataclass
class Tally:
    """What was written: rows, and counts per outlet per day."""

    rows: int = 0
    first: str | None = None
    last: str | None = None
    per_day: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, site: str | None, moment: str | None) -> None:
        self.rows += 1
        if moment:
            self.first = min(self.first or moment, moment)
            self.last = max(self.last or moment, moment)
        self.per_day[(site or "", (moment or "")[:10])] += 1


def _casefold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def prepare(conn: sqlite3.Connection) -> None:
    """Add the SQL function the ``source`` filter needs (Unicode case folding) to ``conn``."""
    conn.create_function("kznews_casefold", 1, _casefold, deterministic=True)


def _where(conn: sqlite3.Connection, filters: Filters) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (over ``a`` = articles) and its named parameters."""
    sql = filters.where("a") + " AND (:source IS NULL OR instr(kznews_casefold(a.source), kznews_casefold(:source)) > 0)"
    params = asdict(filters)
    del params["exact"]
    if filters.query:  # the index read as `kznews search` reads it: Токаев finds Тоқаев and Toqaev, город finds города
        sql += " AND a.id IN (SELECT rowid FROM articles_fold WHERE articles_fold MATCH :query)"
        params["query"] = match_query(conn, filters.query, exact=filters.exact, lang=filters.lang)
    return sql, params


def article_columns(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(name, declared type)`` of every column of ``articles``, in table order."""
    return [(row[1], row[2].upper()) for row in conn.execute("SELECT * FROM pragma_table_info('articles')")]


def iter_articles(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Stream the matching article rows as stored, oldest first."""
    where, params = _where(conn, filters)
    sql = f"SELECT a.* FROM articles AS a WHERE {where} ORDER BY coalesce(a.published_at, a.fetched_at), a.id"
    yield from _stream(conn, sql, params, filters)


def _stream(
    conn: sqlite3.Connection, sql: str, params: dict[str, Any], filters: Filters
) -> Iterator[dict[str, Any]]:
    """The rows of ``sql`` as dicts, one at a time; a bad --query is a one-line QueryError."""
    try:
        cursor = conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(columns, row, strict=True))
    except sqlite3.OperationalError as exc:
        raise QueryError(f"invalid search query {filters.query!r}: {exc}") from None


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its JSON columns parsed."""
    return {k: json.loads(v) if k in JSON_COLUMNS and v is not None else v for k, v in row.items()}


def _write_csv(out: IO[bytes], rows: Iterator[dict[str, Any]], columns: list[str]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.DictWriter(text, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    text.flush()
    text.detach()


def _write_jsonl(out: IO[bytes], rows: Iterator[dict[str, Any]]) -> None:
    for row in rows:
        out.write(json.dumps(_decoded(row), ensure_ascii=False).encode() + b"\n")


def parquet_schema(columns: list[tuple[str, str]]) -> Any:
    """The Arrow schema for ``articles``: SQLite types mapped, JSON columns as list/map."""
    import pyarrow as pa

    scalar = {"INTEGER": pa.int64(), "REAL": pa.float64(), "FLOAT": pa.float64(), "BLOB": pa.binary()}
    special = {"authors": pa.list_(pa.string()), "tags": pa.list_(pa.string()),
               "provenance": pa.map_(pa.string(), pa.string())}
    return pa.schema([(name, special.get(name) or scalar.get(kind, pa.string())) for name, kind in columns])


def _write_parquet(out: IO[bytes], rows: Iterator[dict[str, Any]], schema: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def flush(batch: list[dict[str, Any]]) -> None:
        for row in batch:
            if row.get("provenance") is not None:
                row["provenance"] = list(row["provenance"].items())
        writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))

    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(_decoded(row))
            if len(batch) == _BATCH:
                flush(batch)
                batch = []
        if batch:
            flush(batch)


def _warc_date(moment: str) -> str:
    """An archive timestamp as a WARC-Date (UTC, ``Z``)."""
    parsed = datetime.fromisoformat(moment)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iter_pages(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Stream the raw pages for a WARC export, oldest fetch first.

    ``site`` and the dates (the fetch date, UTC) select pages; ``lang``, ``query``
    and ``source`` keep only the pages holding a version of a matching article.
    """
    where, params = _where(conn, filters)
    sql = """
        SELECT p.id, p.url, p.site, p.status, p.headers, p.body, p.fetched_at, p.body_sha256,
               p.kind, p.edition, p.hint, p.origin
        FROM pages AS p
        WHERE (:site IS NULL OR p.site = :site)
          AND (:since IS NULL OR substr(p.fetched_at, 1, length(:since)) >= :since)
          AND (:until IS NULL OR substr(p.fetched_at, 1, length(:until)) <= :until)
    """
    if filters.narrows_articles():
        sql += f""" AND p.id IN (SELECT v.page_id FROM article_history AS v
                    JOIN articles AS a ON a.id = v.article_id WHERE {where})"""
    sql += " ORDER BY p.fetched_at, p.id"
    yield from _stream(conn, sql, params, filters)


def _write_warc(out: IO[bytes], pages: Iterator[dict[str, Any]], tally: Tally) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record(
        FILE_NAMES["warc"], {"software": f"kznews {__version__}", "format": "WARC File Format 1.1"}))
    for page in pages:
        body = unpack(page["body"])
        try:
            reason = http.HTTPStatus(page["status"]).phrase
        except ValueError:
            reason = "Unknown"
        headers = [
            (name, value)
            for name, values in json.loads(page["headers"] or "{}").items()
            if name.lower() not in _TRANSFER_HEADERS
            for value in (values if isinstance(values, list) else [values])
        ]
        headers.append(("Content-Length", str(len(body))))
        record = writer.create_warc_record(
            page["url"], "response", payload=BytesIO(body), length=len(body),
            warc_headers_dict={"WARC-Date": _warc_date(page["fetched_at"]), **_kznews_headers(page)},
            http_headers=StatusAndHeaders(f"{page['status']} {reason}", headers, protocol="HTTP/1.1"),
        )
        writer.write_record(record)
        tally.add(page["site"], page["fetched_at"])


def _kznews_headers(page: dict[str, Any]) -> dict[str, str]:
    """What kznews knew of a page beside its response, as WARC headers a ``kznews import`` reads back: its kind,
    edition, discovery hint (JSON) and origin (live, or the web archive it was captured by)."""
    names = {"kind": "KZNews-Kind", "edition": "KZNews-Edition", "hint": "KZNews-Hint", "origin": "KZNews-Origin"}
    return {header: str(page[column]) for column, header in names.items() if page[column] is not None}


def _counted(rows: Iterator[dict[str, Any]], tally: Tally) -> Iterator[dict[str, Any]]:
    for row in rows:
        tally.add(row["site"], row["published_at"] or row["fetched_at"])
        yield row


def _write_file(path: Path, write: Callable[[IO[bytes]], object]) -> dict[str, Any]:
    """Write ``path`` through a temporary name (no half file on failure); its name, size, SHA-256."""
    part = path.with_name(f".{path.name}.part")
    try:
        with open(part, "wb") as out:
            write(out)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        while chunk := data.read(1 << 20):
            digest.update(chunk)
    return {"name": path.name, "bytes": path.stat().st_size, "sha256": digest.hexdigest()}


def export(conn: sqlite3.Connection, archive_path: str | Path, out_dir: Path, fmt: str,
           filters: Filters) -> dict[str, Any]:
    """Export the matching articles (or, for ``warc``, raw pages) into ``out_dir``; return the manifest."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    prepare(conn)
    columns = article_columns(conn)
    names = [name for name, _ in columns]
    tally = Tally()
    target = out_dir / FILE_NAMES[fmt]
    conn.execute("BEGIN")  # one snapshot: a crawl writing meanwhile changes neither the data nor the run id
    try:
        latest_run = conn.execute("SELECT max(id) FROM runs").fetchone()[0]
        if fmt == "warc":
            info = _write_file(target, lambda out: _write_warc(out, iter_pages(conn, filters), tally))
        else:
            rows = _counted(iter_articles(conn, filters), tally)
            writers: dict[str, Callable[[IO[bytes]], object]] = {
                "csv": lambda out: _write_csv(out, rows, names),
                "jsonl": lambda out: _write_jsonl(out, rows),
                "parquet": lambda out: _write_parquet(out, rows, parquet_schema(columns)),
            }
            info = _write_file(target, writers[fmt])
    finally:
        conn.execute("COMMIT")
    info["rows"] = tally.rows
    per_outlet: dict[str, dict[str, int]] = {}
    for (site, day), n in sorted(tally.per_day.items()):
        per_outlet.setdefault(site, {})[day] = n
    manifest = {
        "kznews_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "format": fmt,
        "records": "pages (raw responses)" if fmt == "warc" else "articles",
        "filters": asdict(filters),
        "window": {"since": filters.since, "until": filters.until, "first": tally.first, "last": tally.last,
                   "dates": "fetch time (UTC)" if fmt == "warc" else "publication time (as published)"},
        "outlets": sorted(per_outlet),
        "counts": {"total": tally.rows, "per_outlet": {s: sum(d.values()) for s, d in per_outlet.items()},
                   "per_outlet_per_day": per_outlet},
        "columns": None if fmt == "warc" else [
            {"name": name, "type": kind, "json": name in JSON_COLUMNS} for name, kind in columns],
        "archive": {"path": str(Path(archive_path).resolve()), "latest_run_id": latest_run},
        "files": [info],
    }
    _write_file(out_dir / MANIFEST, lambda out: out.write(
        json.dumps(manifest, ensure_ascii=False, indent=2).encode() + b"\n"))
    return manifest

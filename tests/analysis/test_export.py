"""kznews export: CSV/JSONL/Parquet round trips, WARC, manifest, filters, errors."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import zlib
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from kznews.analysis import export
from kznews.storage import connect_readonly, search
from kznews.storage.folding import fold

Cli = Callable[..., Result]


def archive_rows(db: Path, where: str = "1", params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    with closing(connect_readonly(db)) as conn:
        cursor = conn.execute(f"SELECT * FROM articles WHERE {where} ORDER BY id", params or {})
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]


def typed_csv(path: Path, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Read the CSV back with the manifest's column types: empty cell = NULL."""
    kinds = {c["name"]: c["type"] for c in manifest["columns"]}
    cast = {"INTEGER": int, "REAL": float}
    with open(path, newline="", encoding="utf-8") as data:
        return [{k: None if v == "" else cast.get(kinds[k], str)(v) for k, v in row.items()}
                for row in csv.DictReader(data)]


def run_export(cli: Cli, db: Path, out: Path, fmt: str, *args: str) -> dict[str, Any]:
    result = cli("export", "--format", fmt, "--out", str(out), *args, db=db)
    assert result.exit_code == 0, result.output
    return json.loads((out / "manifest.json").read_text("utf-8"))


def by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: r["id"])


def test_csv_round_trips(cli: Cli, generated: Path, tmp_path: Path) -> None:
    manifest = run_export(cli, generated, tmp_path, "csv")
    assert by_id(typed_csv(tmp_path / "articles.csv", manifest)) == archive_rows(generated)


def test_jsonl_round_trips_with_lists_as_lists(cli: Cli, generated: Path, tmp_path: Path) -> None:
    run_export(cli, generated, tmp_path, "jsonl")
    lines = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()]
    assert all(isinstance(r["authors"], list) and isinstance(r["provenance"], dict) for r in lines)
    stored = [{k: json.dumps(v, ensure_ascii=False, sort_keys=True) if k in export.JSON_COLUMNS else v
               for k, v in r.items()} for r in lines]
    assert by_id(stored) == archive_rows(generated)


def test_parquet_round_trips(cli: Cli, generated: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    run_export(cli, generated, tmp_path, "parquet", "--site", "inform")
    table = pq.read_table(tmp_path / "articles.parquet")
    assert str(table.schema.field("tags").type) == "list<element: string>"
    rows = []
    for row in table.to_pylist():
        row["provenance"] = dict(row["provenance"])
        rows.append({k: json.dumps(v, ensure_ascii=False, sort_keys=True) if k in export.JSON_COLUMNS else v
                     for k, v in row.items()})
    expected = archive_rows(generated, "site = 'inform'")
    assert expected and by_id(rows) == expected


def test_manifest_describes_the_export(cli: Cli, generated: Path, tmp_path: Path) -> None:
    manifest = run_export(cli, generated, tmp_path, "jsonl", "--lang", "ru", "--since", "2024-03-01",
                          "--until", "2024-03-10")
    data = (tmp_path / "articles.jsonl").read_bytes()
    [info] = manifest["files"]
    assert info == {"name": "articles.jsonl", "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                    "rows": data.count(b"\n")}
    expected = archive_rows(generated, "lang = 'ru' AND substr(published_at, 1, 10) BETWEEN '2024-03-01' AND '2024-03-10'")
    assert manifest["counts"]["total"] == len(expected) > 0
    per_day: dict[str, dict[str, int]] = {}
    for row in expected:
        day = per_day.setdefault(row["site"], {})
        day[row["published_at"][:10]] = day.get(row["published_at"][:10], 0) + 1
    assert manifest["counts"]["per_outlet_per_day"] == per_day
    assert manifest["outlets"] == sorted(per_day)
    assert manifest["filters"] == {"site": None, "lang": "ru", "since": "2024-03-01", "until": "2024-03-10",
                                   "query": None, "exact": False, "source": None}
    assert manifest["window"]["first"] >= "2024-03-01" and manifest["window"]["last"] < "2024-03-11"
    assert manifest["archive"] == {"path": str(generated.resolve()), "latest_run_id": 1}
    assert manifest["kznews_version"] and manifest["exported_at"]


def test_source_filter_is_a_case_insensitive_substring(cli: Cli, generated: Path, tmp_path: Path) -> None:
    manifest = run_export(cli, generated, tmp_path, "jsonl", "--source", "казтаг")
    expected = [r for r in archive_rows(generated) if r["source"] and "казтаг" in r["source"].casefold()]
    assert manifest["counts"]["total"] == len(expected) > 0
    assert "Источник: КазТАГ" in {r["source"] for r in expected}  # Cyrillic case folded, not just ASCII


def test_exact_query_filter_finds_the_form_typed(cli: Cli, generated: Path, tmp_path: Path) -> None:
    manifest = run_export(cli, generated, tmp_path, "csv", "--query", "шекараны", "--lang", "kk", "--exact")
    assert manifest["filters"]["exact"] is True
    rows = typed_csv(tmp_path / "articles.csv", manifest)
    assert rows and all("шекараны" in (r["headline"] + r["lead"] + r["body"]).lower() for r in rows)
    assert len(rows) == sum("шекараны" in (r["headline"] + (r["lead"] or "") + r["body"]).lower()
                            for r in archive_rows(generated, "lang = 'kk'"))


@pytest.mark.parametrize("query, args", [("шекара", ["--lang", "kk"]), ("области", []), ("шекараны", ["--exact"])])
def test_query_filter_matches_what_search_finds(cli: Cli, generated: Path, tmp_path: Path, query: str,
                                               args: list[str]) -> None:
    """``--query`` reads the index through ``kznews search``'s matching: a base form finds the archived forms of the
    word (шекара: шекараны, шекарада), ``--exact`` the form typed."""
    manifest = run_export(cli, generated, tmp_path, "jsonl", "--query", query, *args)
    options = {"lang": args[1]} if "--lang" in args else {}
    with closing(connect_readonly(generated)) as conn:
        found = {hit["url"] for hit in search(conn, query, exact="--exact" in args, order="date", limit=100_000, **options)}
    with open(tmp_path / "articles.jsonl", encoding="utf-8") as lines:
        exported = [json.loads(line) for line in lines]
    assert {row["url"] for row in exported} == found and manifest["counts"]["total"] == len(found) > 0
    if "--exact" not in args:  # other forms than the one typed were found
        assert any(query not in re.findall(r"\w+", " ".join((r["headline"], r["lead"] or "", r["body"])).lower())
                   for r in exported)


def test_query_filter_is_folded_as_search_folds(cli: Cli, generated: Path, tmp_path: Path) -> None:
    """``--query`` reads the search index: Ақтөбе as printed also finds Актобе and the Latin Aktobe, as ``kznews
    search`` does."""
    manifest = run_export(cli, generated, tmp_path, "jsonl", "--query", "Ақтөбе")
    words = {r["url"]: re.findall(r"\w+", " ".join((r["headline"], r["lead"] or "", r["body"])).lower())
             for r in archive_rows(generated)}
    folded = {r["url"]: re.findall(r"\w+", " ".join(fold(r[c]) or "" for c in ("headline", "lead", "body")).lower())
              for r in archive_rows(generated)}  # each field folded as the index folds it (a Kazakh Latin text whole)
    expected = {url for url, found in folded.items() if {"актобе", "aktobe"} & set(found)}
    assert manifest["counts"]["total"] == len(expected) > sum("ақтөбе" in found for found in words.values())
    with open(tmp_path / "articles.jsonl", encoding="utf-8") as lines:
        assert {json.loads(line)["url"] for line in lines} == expected


def test_warc_holds_the_raw_responses(cli: Cli, generated: Path, tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    manifest = run_export(cli, generated, tmp_path, "warc", "--site", "kt")
    with closing(connect_readonly(generated)) as conn:
        pages = {(url, fetched): (status, zlib.decompress(body)) for url, fetched, status, body in conn.execute(
            "SELECT url, fetched_at, status, body FROM pages WHERE site = 'kt'")}
    seen = {}
    with open(tmp_path / "pages.warc.gz", "rb") as data:
        for record in ArchiveIterator(data, check_digests="raise"):
            if record.rec_type == "warcinfo":
                continue
            assert record.rec_type == "response" and record.rec_headers.protocol == "WARC/1.1"
            assert record.rec_headers.get_header("WARC-Payload-Digest")
            body = record.content_stream().read()
            assert record.http_headers.get_header("Content-Length") == str(len(body))
            date = record.rec_headers.get_header("WARC-Date")
            seen[(record.rec_headers.get_header("WARC-Target-URI"), date)] = (
                int(record.http_headers.get_statuscode()), body)
    assert len(seen) == len(pages) == manifest["counts"]["total"] > 0
    assert seen == {(url, fetched.replace("+00:00", "Z")): v for (url, fetched), v in pages.items()}


def test_warc_with_article_filters_keeps_their_pages(cli: Cli, generated: Path, tmp_path: Path) -> None:
    manifest = run_export(cli, generated, tmp_path, "warc", "--source", "КазТАГ")
    with closing(connect_readonly(generated)) as conn:
        expected = conn.execute(
            "SELECT count(DISTINCT v.page_id) FROM article_history v JOIN articles a ON a.id = v.article_id"
            " WHERE a.source LIKE '%КазТАГ%'").fetchone()[0]
    assert manifest["counts"]["total"] == expected > 0


def test_out_is_created_and_names_are_fixed(cli: Cli, generated: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "dir"
    run_export(cli, generated, out, "csv", "--site", "kt")
    assert sorted(p.name for p in out.iterdir()) == ["articles.csv", "manifest.json"]


def test_an_earlier_export_is_replaced_only_with_force(cli: Cli, generated: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_export(cli, generated, out, "csv", "--site", "kt")
    refused = cli("export", "--format", "csv", "--out", str(out), "--site", "inform", db=generated)
    assert refused.exit_code == 1 and "holds an earlier export (articles.csv, manifest.json)" in refused.output
    assert json.loads((out / "manifest.json").read_text("utf-8")) == first  # untouched
    other_format = cli("export", "--format", "jsonl", "--out", str(out), db=generated)
    assert other_format.exit_code == 1 and "(manifest.json)" in other_format.output  # its manifest would go
    replaced = run_export(cli, generated, out, "csv", "--site", "inform", "--force")
    assert replaced["filters"]["site"] == "inform"


@pytest.mark.parametrize("args, message", [
    (["--out", "{file}/sub"], "cannot create directory"),
    (["--out", ""], "--out: name a directory"),
    (["--since", "2024-02-30"], "is not a date"),
    (["--since", "2024-03-05", "--until", "2024-03-01"], "is after"),
    (["--query", '"unbalanced'], "invalid search query"),
    (["--exact"], "--exact needs a --query"),
])
def test_bad_input_is_one_line(cli: Cli, generated: Path, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "file").write_text("x")
    args = [a.replace("{file}", str(tmp_path / "file")) for a in args]
    if "--out" not in args:
        args += ["--out", str(tmp_path / "out")]
    result = cli("export", "--format", "csv", *args, db=generated)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1

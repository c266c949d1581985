"""`kznews import`'s library: WARC files of real pages into the archive, and an export read back."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kznews import sites
from kznews.analysis.export import Filters, export
from kznews.backfill.importer import import_files
from kznews.backfill.records import payload_digest
from kznews.extract import extract_item
from kznews.extract.normalize import normalize
from kznews.items import DiscoveryHint, PageItem
from kznews.storage import Archive, connect_readonly
from kznews.storage.schema import CONTENT_COLUMNS

from .doubles import Snapshot, _warc
from .pages import IC24, INFORM, ic24_article, page

KT = "https://www.kt.kz/"
OTHER = "https://example.com/news/2020/12/01/some-story"


def _file(tmp_path: Path, snapshots: list[Snapshot], name: str = "crawl.warc.gz") -> Path:
    path = tmp_path / name
    path.write_bytes(_warc("CC-NEWS", snapshots)[0])
    return path


@pytest.fixture
def crawl_file(tmp_path: Path) -> Path:
    inform = page("inform.kz/article-ru-2020-a3725092.html")
    return _file(tmp_path, [
        Snapshot(INFORM, "20201201120000", inform),
        Snapshot(KT, "20180321101500", page("kt.kz/homepage-2018-03-21.html"), content_type="text/html"),
        Snapshot(OTHER, "20201201120000", inform),
        Snapshot(INFORM.replace("a3725092", "a1"), "20201201120000", b"gone", status=404),
        Snapshot("https://www.inform.kz/logo.png", "20201201120000", b"\x89PNG", content_type="image/png"),
    ])


def _articles(db: Path) -> list[tuple]:
    columns = ", ".join(c for c in CONTENT_COLUMNS if c != "provenance")
    return sqlite3.connect(db).execute(f"SELECT url, site, {columns} FROM articles ORDER BY url").fetchall()


@pytest.mark.parametrize("workers", [0, 2])
def test_an_outlets_pages_are_archived_and_everything_else_counted(
    crawl_file: Path, tmp_path: Path, workers: int
) -> None:
    db = tmp_path / "a.db"
    with Archive(db) as archive:


        tally = import_files(archive, [crawl_file], workers=workers)
    assert (tally.records, tally.pages, tally.new_articles, tally.other_sites, tally.not_ok, tally.not_html) == (
        5, 2, 1, 1, 1, 1)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT url, published_at, fetched_at, json_extract(provenance, '$.origin') FROM articles"
                        ).fetchall() == [(INFORM, "2020-12-01T14:02:00+06:00", "2020-12-01T12:00:00+00:00", "warc")]
    assert ("USD/KZT", 320.34, "2018-03-21T10:15:00+00:00") in conn.execute(
        "SELECT pair, value, observed_at FROM tickers").fetchall()
    assert sorted(conn.execute("SELECT url, origin, json_extract(record, '$.file') FROM captures")) == [
        (INFORM, "warc", str(crawl_file)), (KT, "warc", str(crawl_file))]
    assert conn.execute("SELECT command, outcome FROM runs").fetchall() == [("import", "finished")]


def test_importing_a_file_again_stores_nothing_twice(crawl_file: Path, tmp_path: Path) -> None:


    db = tmp_path / "a.db"
    with Archive(db) as archive:
        import_files(archive, [crawl_file], workers=0)
        again = import_files(archive, [crawl_file], workers=0)
    assert (again.archived, again.pages) == (2, 0)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM pages").fetchone() == (2,)


def test_all_archives_every_sites_pages_as_ad_hoc_sites(crawl_file: Path, tmp_path: Path) -> None:


    with Archive(tmp_path / "a.db") as archive:
        tally = import_files(archive, [crawl_file], all_sites=True, workers=0)
    assert (tally.pages, tally.other_sites) == (3, 0)
    assert ("example.com",) in sqlite3.connect(tmp_path / "a.db").execute("SELECT site FROM pages").fetchall()


def test_an_unreadable_record_is_reported_and_the_others_archived(tmp_path: Path) -> None:


    whole = _file(tmp_path, [Snapshot(INFORM, "20201201120000", page("inform.kz/article-ru-2020-a3725092.html")),
                             Snapshot(KT, "20180321101500", page("kt.kz/homepage-2018-03-21.html"))])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-2000])
    with Archive(tmp_path / "a.db") as archive:
        tally = import_files(archive, [cut], workers=0)
    assert tally.pages == 1 and len(tally.errors) == 1 and "cut.warc.gz" in tally.errors[0]


def _crawled(url: str, body: bytes, fetched_at: str, kind: str, hint: DiscoveryHint | None = None) -> PageItem:
    """A page as the crawl's pipelines hand it to the archive."""
    outlet = sites.for_url(url)
    item = PageItem(url=url, status=200, headers={"Content-Type": ["text/html; charset=utf-8"]}, body=body,
                    fetched_at=fetched_at, site=outlet.key if outlet else None, edition="ru", kind=kind, hint=hint)
    item.record = extract_item(item, outlet)
    normalize(item.record)
    return item


def test_an_export_imported_into_a_new_archive_gives_back_the_same_articles(tmp_path: Path) -> None:


    first, second = tmp_path / "first.db", tmp_path / "second.db"
    # a sitemap's date is all that dates this page but its yearless dateline: the export keeps the hint
    hinted = ic24_article()
    with Archive(first) as archive:
        archive.store([
            _crawled(INFORM, page("inform.kz/article-ru-2020-a3725092.html"), "2020-12-01T12:00:00+00:00", "article"),
            _crawled(IC24, hinted, "2024-04-20T06:30:00+00:00", "article",
                     DiscoveryHint("sitemap", "https://ic24.kz/sitemap.xml", published="2024-04-16T09:10:00+05:00")),
            _crawled(KT, page("kt.kz/homepage-2018-03-21.html"), "2018-03-21T10:15:00+00:00", "listing"),
        ])
    out = tmp_path / "out"
    out.mkdir()
    export(connect_readonly(first), first, out, "warc", Filters())
    with Archive(second) as archive:
        tally = import_files(archive, [out / "pages.warc.gz"], workers=0)
    assert tally.pages == 3 and not tally.errors
    assert _articles(second) == _articles(first)
    assert _articles(first)[0][2 + list(CONTENT_COLUMNS).index("published_at")] == "2024-04-16T09:10:00+05:00"
    tickers = "SELECT pair, value, url, observed_at FROM tickers ORDER BY 1, 3"
    assert sqlite3.connect(second).execute(tickers).fetchall() == sqlite3.connect(first).execute(tickers).fetchall()


def test_arc_files_are_read_too(tmp_path: Path) -> None:
    """An ARC file (Heritrix's older format): warcio reads it as WARC."""


    body = page("inform.kz/article-ru-2020-a3725092.html")
    response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    header = f"{INFORM} 93.184.216.34 20201201120000 text/html {len(response)}\n".encode()
    version = b"1 0 kznews-test\nURL IP-address Archive-date Content-type Archive-length\n"
    filedesc = f"filedesc://test.arc 0.0.0.0 20201201120000 text/plain {len(version)}\n".encode()
    path = tmp_path / "old.arc"
    path.write_bytes(filedesc + version + b"\n" + header + response + b"\n")
    with Archive(tmp_path / "a.db") as archive:
        tally = import_files(archive, [path], workers=0)
    assert (tally.pages, tally.new_articles, tally.errors) == (1, 1, [])
    args = json.loads(sqlite3.connect(tmp_path / "a.db").execute("SELECT args FROM runs").fetchone()[0])
    assert (args["archive"], args["files"]) == ("warc", [str(path)])


def test_a_warc_without_payload_digests_gets_them_computed(tmp_path: Path) -> None:


    body = page("inform.kz/article-ru-2020-a3725092.html")
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    record = writer.create_warc_record(INFORM, "response", payload=io.BytesIO(body), length=len(body),
                                       warc_headers_dict={"WARC-Date": "2020-12-01T12:00:00Z"},
                                       http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                                     protocol="HTTP/1.1"))
    record.rec_headers.remove_header("WARC-Payload-Digest")
    writer.write_record(record)
    path = tmp_path / "plain.warc"
    path.write_bytes(out.getvalue())
    with Archive(tmp_path / "a.db") as archive:
        import_files(archive, [path], workers=0)
    assert sqlite3.connect(tmp_path / "a.db").execute("SELECT digest FROM captures").fetchone() == (
        payload_digest(body),)

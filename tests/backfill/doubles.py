"""Loopback stand-ins for Common Crawl and the Wayback Machine, written from their public API descriptions.

One HTTP server on 127.0.0.1 speaks:
- Common Crawl's index: ``/collinfo.json`` (``id, name, timegate, cdx-api, from, to``) and each crawl's
  ``/<id>-index``: NDJSON with ``showNumPages`` (``{"pages", "pageSize", "blocks"}``) and ``page``,
  ``matchType=domain``, ``filter==status:200``, ``from``/``to``; no captures: 404 with a JSON ``message``;
- Common Crawl's data server: ``/crawl-data/...warc.gz`` answering ``Range: bytes=a-b`` with 206 and
  those bytes of a WARC file whose records are gzip members written by warcio;
- the Wayback Machine: ``/cdx/search/cdx`` (a list of lists, header row first, ``collapse=digest``,
  ``filter=statuscode:200``, ``from``/``to``; ``showNumPages=true`` a bare number of pages and ``page=N``, the
  pages cut from the domain's captures before filtering, as the zipnum index is, or 400 when paging is off;
  at most ``wayback_max_rows`` rows a query, then, with ``showResumeKey=true``, an empty row and the
  resumption key ``resumeKey=`` goes on from) and ``/web/<timestamp>id_/<url>`` (the capture as served; a
  timestamp without a capture redirects to the nearest one).
Faults are injected by path prefix (a queue of answers served before the real one: 429/503 with or
without Retry-After), a record or a page of the Wayback search can be served cut short, and the index can be
slow.  Every request is
logged (time, path, query, Range, status, bytes sent): the tests' ground truth.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, quote_plus, unquote_plus, urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.httpserver import QuietHTTPServer

Answer = tuple[int, dict[str, str], bytes]


@dataclass(frozen=True)
class Snapshot:
    """One capture an archive holds."""

    url: str
    timestamp: str  # YYYYMMDDhhmmss
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    index_mime: str | None = None  # the type the index lists, when it is not the one served

    @property
    def listed_mime(self) -> str:
        return self.index_mime or self.content_type.split(";")[0]


@dataclass(frozen=True)
class Hit:
    time: float  # when the request arrived (monotonic)
    path: str
    query: dict[str, str]
    range: str | None
    status: int
    sent: int  # body bytes sent


def surt(url: str) -> str:
    """The SURT form CDX indexes sort by: reversed host labels, ")", the path and query."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return ",".join(reversed(host.split("."))) + ")" + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _host_in(url: str, domain: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host == domain or host.endswith("." + domain)


def _in_window(timestamp: str, query: dict[str, str]) -> bool:
    first, last = query.get("from"), query.get("to")
    return not ((first and timestamp < first[:14].ljust(14, "0")) or (last and timestamp > last[:14].ljust(14, "9")))


@dataclass
class _Record:
    snapshot: Snapshot
    crawl: str
    filename: str
    offset: int
    length: int
    digest: str


def _warc(crawl: str, snapshots: Iterable[Snapshot]) -> tuple[bytes, list[_Record]]:
    """A WARC file of ``snapshots`` as gzip-member response records (with a request record between them, as
    crawlers write), and where each response sits."""
    filename = f"crawl-data/{crawl}/segments/1/warc/{crawl}-00000.warc.gz"
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    records = []
    for snap in snapshots:
        date = f"{snap.timestamp[:4]}-{snap.timestamp[4:6]}-{snap.timestamp[6:8]}T{snap.timestamp[8:10]}:" \
               f"{snap.timestamp[10:12]}:{snap.timestamp[12:14]}Z"
        request = writer.create_warc_record(snap.url, "request", payload=io.BytesIO(b""), length=0,
                                            warc_headers_dict={"WARC-Date": date},
                                            http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True))
        writer.write_record(request)
        http = StatusAndHeaders(f"{snap.status} OK", [("Content-Type", snap.content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(snap.url, "response", payload=io.BytesIO(snap.body), length=len(snap.body),
                                           warc_headers_dict={"WARC-Date": date}, http_headers=http)
        start = out.tell()
        writer.write_record(record)
        digest = record.rec_headers.get_header("WARC-Payload-Digest").partition(":")[2]
        records.append(_Record(snap, crawl, filename, start, out.tell() - start, digest))
    return out.getvalue(), records


@dataclass
class Archives:
    """The doubles' content and faults; ``start()`` serves them."""

    crawls: dict[str, list[Snapshot]] = field(default_factory=dict)  # Common Crawl: crawl id -> captures
    wayback: list[Snapshot] = field(default_factory=list)
    page_size: int = 2  # index lines per page
    faults: dict[str, list[Answer]] = field(default_factory=dict)  # path prefix -> answers served first
    truncated: set[str] = field(default_factory=set)  # URLs whose record is served cut short
    wayback_page_size: int = 0  # captures a page of the Wayback search spans (0: the server cannot page: 400)
    wayback_max_rows: int = 150_000  # rows a Wayback search answers at most (its query limit)
    broken_pages: set[int] = field(default_factory=set)  # pages of the Wayback search served cut short
    index_delay: float = 0.0  # seconds an index page takes
    record_delay: float = 0.0  # seconds a record (or a playback) takes
    hits: list[Hit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.files: dict[str, bytes] = {}
        self.records: list[_Record] = []
        for crawl, snapshots in self.crawls.items():
            data, records = _warc(crawl, sorted(snapshots, key=lambda s: (surt(s.url), s.timestamp)))
            self.files[f"/{records[0].filename}" if records else crawl] = data
            self.records += records
        self.server: QuietHTTPServer | None = None

    # --- serving ------------------------------------------------------------------------

    def start(self) -> str:
        archives = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                arrived = time.monotonic()  # politeness is when requests arrive, whatever each answer takes
                split = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(split.query).items()}
                status, headers, body = archives.answer(split.path, query, self.headers.get("Range"),
                                                        f"http://{self.headers.get('Host')}")
                with archives.lock:
                    archives.hits.append(Hit(arrived, split.path, query, self.headers.get("Range"), status,
                                             len(body)))
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except ConnectionError:
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.server = QuietHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def answer(self, path: str, query: dict[str, str], byte_range: str | None, base: str) -> Answer:
        with self.lock:
            for prefix, queue in self.faults.items():
                if path.startswith(prefix) and queue:
                    return queue.pop(0)
        if path == "/collinfo.json":
            return self._collinfo(base)
        if path.endswith("-index"):
            return self._cc_index(path[1:-len("-index")], query)
        if path in self.files:
            time.sleep(self.record_delay)
            return self._range(path, byte_range)
        if path == "/cdx/search/cdx":
            return self._wayback_cdx(query)
        if path.startswith("/web/"):
            time.sleep(self.record_delay)
            return self._playback(path, base)
        return 404, {"Content-Type": "text/plain"}, b"not found"

    # --- Common Crawl ---------------------------------------------------------------

    def _collinfo(self, base: str) -> Answer:
        crawls = []
        for crawl, snapshots in sorted(self.crawls.items(), reverse=True):  # newest first, as the real list
            stamps = sorted(s.timestamp for s in snapshots)
            crawls.append({
                "id": crawl, "name": f"{crawl} Index", "timegate": f"{base}/{crawl}/", "cdx-api": f"{base}/{crawl}-index",
                "from": f"{stamps[0][:4]}-{stamps[0][4:6]}-{stamps[0][6:8]}T00:00:00",
                "to": f"{stamps[-1][:4]}-{stamps[-1][4:6]}-{stamps[-1][6:8]}T23:59:59",
            })
        return 200, {"Content-Type": "application/json"}, json.dumps(crawls).encode()

    def _cc_index(self, crawl: str, query: dict[str, str]) -> Answer:
        time.sleep(self.index_delay)
        domain = query.get("url", "").removeprefix("*.").split("/")[0]
        lines = [
            {"urlkey": surt(r.snapshot.url), "timestamp": r.snapshot.timestamp, "url": r.snapshot.url,
             "mime": r.snapshot.listed_mime, "mime-detected": r.snapshot.listed_mime,
             "status": str(r.snapshot.status), "digest": r.digest, "length": str(r.length), "offset": str(r.offset),
             "filename": r.filename, "languages": "rus", "encoding": "UTF-8"}
            for r in self.records
            if r.crawl == crawl and _host_in(r.snapshot.url, domain) and _in_window(r.snapshot.timestamp, query)
            and (query.get("filter") != "=status:200" or r.snapshot.status == 200)
        ]
        if not lines:
            return 404, {"Content-Type": "application/json"}, json.dumps(
                {"message": f"No Captures found for: {query.get('url')}"}).encode()
        if query.get("showNumPages") == "true":
            pages = math.ceil(len(lines) / self.page_size)
            return 200, {"Content-Type": "text/x-ndjson"}, json.dumps(
                {"pages": pages, "pageSize": self.page_size, "blocks": pages}).encode()
        page = int(query.get("page", "0"))
        chunk = lines[page * self.page_size:(page + 1) * self.page_size]
        return 200, {"Content-Type": "text/x-ndjson"}, b"".join(json.dumps(line).encode() + b"\n" for line in chunk)

    def _range(self, path: str, byte_range: str | None) -> Answer:
        data = self.files[path]
        if not byte_range or not byte_range.startswith("bytes="):
            return 200, {"Content-Type": "application/octet-stream"}, data
        first, last = (int(x) for x in byte_range[len("bytes="):].split("-"))
        body = data[first:last + 1]
        cut = next((r for r in self.records if r.filename == path[1:] and r.offset == first
                    and r.snapshot.url in self.truncated), None)
        if cut is not None:
            body = body[:len(body) // 2]
        return 206, {"Content-Type": "application/octet-stream",
                     "Content-Range": f"bytes {first}-{first + len(body) - 1}/{len(data)}"}, body

    # --- the Wayback Machine ----------------------------------------------------------

    def _wayback_cdx(self, query: dict[str, str]) -> Answer:
        domain = query.get("url", "").removeprefix("*.").split("/")[0]
        index = sorted((s for s in self.wayback if _host_in(s.url, domain)), key=lambda s: (surt(s.url), s.timestamp))
        if "page" in query or "showNumPages" in query:
            if not self.wayback_page_size:
                return 400, {"Content-Type": "text/plain"}, b"Pagination not supported"
            if query.get("showNumPages") == "true":
                return 200, {"Content-Type": "text/plain"}, f"{math.ceil(len(index) / self.wayback_page_size)}\n".encode()
            page = int(query["page"])
            index = index[page * self.wayback_page_size:(page + 1) * self.wayback_page_size]
        if query.get("resumeKey"):
            urlkey, _, stamp = unquote_plus(query["resumeKey"]).rstrip("!").rpartition(" ")
            index = [s for s in index if (surt(s.url), s.timestamp) > (urlkey, stamp)]
        rows: list[list[str]] = []
        last_digest: dict[str, str] = {}
        for snap in index:
            if not _in_window(snap.timestamp, query):
                continue
            if query.get("filter") == "statuscode:200" and snap.status != 200:
                continue
            digest = _digest(snap.body)
            if query.get("collapse") == "digest" and last_digest.get(snap.url) == digest:
                continue
            last_digest[snap.url] = digest
            rows.append([surt(snap.url), snap.timestamp, snap.url, snap.listed_mime, str(snap.status),
                         digest, str(len(snap.body))])
        header = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
        more = len(rows) > self.wayback_max_rows
        rows = rows[:self.wayback_max_rows]
        key = [[], [quote_plus(f"{rows[-1][0]} {rows[-1][1]}!")]] if more and query.get("showResumeKey") == "true" else []
        body = json.dumps([header, *rows, *key] if rows else []).encode()
        if "page" in query and int(query["page"]) in self.broken_pages:
            body = body[:len(body) // 2]
        return 200, {"Content-Type": "application/json"}, body

    def _playback(self, path: str, base: str) -> Answer:
        stamp, _, url = path[len("/web/"):].partition("id_/")
        captures = [s for s in self.wayback if s.url == url]
        if not captures:
            return 404, {"Content-Type": "text/html"}, b"<html>Not in archive</html>"
        exact = next((s for s in captures if s.timestamp == stamp), None)
        if exact is None:
            nearest = min(captures, key=lambda s: abs(int(s.timestamp) - int(stamp.ljust(14, "0"))))
            return 302, {"Location": f"{base}/web/{nearest.timestamp}id_/{url}"}, b""
        return exact.status, {"Content-Type": exact.content_type}, exact.body


def _digest(body: bytes) -> str:
    return base64.b32encode(hashlib.sha1(body).digest()).decode()
